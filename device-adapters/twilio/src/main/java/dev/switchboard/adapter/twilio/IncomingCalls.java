package dev.switchboard.adapter.twilio;

import dev.switchboard.spi.Channel;
import dev.switchboard.spi.ContactRequest;
import dev.switchboard.spi.DeviceContext;
import dev.switchboard.spi.DeviceProfile;
import dev.switchboard.spi.E164Number;
import dev.switchboard.spi.HelpDesk;
import dev.switchboard.spi.Interaction;
import java.time.Clock;

/**
 * What a call to the help number puts in the caller's thread: the call itself (keyed by its CallSid, so every
 * webhook of the call finds the same conversation), and what he chose in the menu.
 */
final class IncomingCalls {
    private final HelpDesk helpDesk;
    private final TwilioSettings.Voice voice;
    private final Clock clock;

    IncomingCalls(HelpDesk helpDesk, TwilioSettings.Voice voice, Clock clock) {
        this.helpDesk = helpDesk;
        this.voice = voice;
        this.clock = clock;
    }

    /** The caller's message in his thread for the call itself; the menu answers him, not the help desk. */
    static final String CALLED = "Called the help number.";

    /**
     * Keeps the call in the caller's thread, once however often it is asked (a retried webhook, the call's
     * status callback), and returns its conversation. It is kept as a note ({@link HelpDesk#note}): the phone
     * menu answers the caller, so the thread gets no written answer he never saw; the call log says how the
     * call went.
     */
    String conversationOf(String callSid, E164Number caller) {
        return helpDesk.note(interaction(callSid, caller, CALLED));
    }

    /** Key 1: the caller asks for a text with the link to the help pages. */
    void textHelpLink(String callSid, E164Number caller) {
        helpDesk.submit(interaction(callSid + ":text-link", caller, "Please text me a link to your help pages.")
                .withRequest(ContactRequest.text(caller, "Our help pages: " + voice.helpLink())), null);
    }

    /** Key 2: the caller waits for an agent. */
    void askForAgent(String callSid, E164Number caller) {
        helpDesk.submit(interaction(callSid + ":agent", caller, "I am on the phone waiting for an agent."), null);
    }

    private Interaction interaction(String key, E164Number caller, String text) {
        return new Interaction(key, Channel.VOICE, DeviceProfile.TWIML, caller, text, DeviceContext.EMPTY,
                clock.instant());
    }
}
