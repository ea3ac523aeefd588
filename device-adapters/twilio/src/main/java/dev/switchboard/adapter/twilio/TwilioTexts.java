package dev.switchboard.adapter.twilio;

import dev.switchboard.spi.DeviceProfile;
import dev.switchboard.spi.E164Number;
import dev.switchboard.spi.OutboundMessage;
import dev.switchboard.spi.OutboundSender;
import dev.switchboard.spi.ReplyRenderer;

/**
 * Texts the help desk's own messages (agents' answers) through Twilio's REST API, each naming its thread
 * message in the status callback so that its fate reaches the thread; and texts outside any conversation.
 */
final class TwilioTexts implements OutboundSender {
    private final TwilioMessages messages;
    private final ReplyRenderer renderer;

    TwilioTexts(TwilioMessages messages, ReplyRenderer renderer) {
        this.messages = messages;
        this.renderer = renderer;
    }

    @Override
    public void send(OutboundMessage message) {
        if (!(message.address() instanceof E164Number to)) {
            throw new IllegalArgumentException("an SMS goes to a phone number, not to " + message.address().key());
        }
        String body = renderer.render(DeviceProfile.SMS, message.reply()).body();
        try {
            messages.send(to, body, new OutgoingMessage(message.conversationId(), message.messageId()));
        } catch (TwilioMessages.SendFailedException e) {
            throw new IllegalStateException("Twilio did not take the text: " + e.getMessage(), e);
        }
    }

    /**
     * Texts a phone outside any conversation (a one-time code): its status callbacks name no thread message, so
     * they are logged by their status alone and reach no thread.
     */
    void textOutsideConversation(E164Number to, String text) {
        try {
            messages.send(to, text, null);
        } catch (TwilioMessages.SendFailedException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
