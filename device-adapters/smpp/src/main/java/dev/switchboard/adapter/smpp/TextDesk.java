package dev.switchboard.adapter.smpp;

import dev.switchboard.adapter.smpp.store.MorePages;
import dev.switchboard.adapter.smpp.store.OptOuts;
import dev.switchboard.adapter.smpp.store.OutgoingSms;
import dev.switchboard.adapter.smpp.text.AnswerPages;
import dev.switchboard.spi.Channel;
import dev.switchboard.spi.ContactRequest;
import dev.switchboard.spi.DeviceContext;
import dev.switchboard.spi.DeviceProfile;
import dev.switchboard.spi.E164Number;
import dev.switchboard.spi.HelpDesk;
import dev.switchboard.spi.Interaction;
import dev.switchboard.spi.OutboundMessage;
import dev.switchboard.spi.Outcome;
import dev.switchboard.spi.ReplyRenderer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the desk does with a customer's whole text. A keyword steers the desk: HELP sends the menu of
 * topics, STOP opts the number out (confirmed once, kept until START), START opts it back in, MORE sends
 * the next page of a long answer. AGENT and anything else go to the hub as the customer's message (CALL
 * with a request to call him back), and the hub's answer, rendered by the sms profile and paged, goes to the outbox. Every text the desk sends
 * is keyed by the incoming message's key, so a message delivered twice is answered once.
 */
final class TextDesk {
    private static final Logger LOG = LoggerFactory.getLogger(TextDesk.class);

    private final HelpDesk helpDesk;
    private final ReplyRenderer renderer;
    private final Keywords keywords;
    private final AnswerPages pages;
    private final OptOuts optOuts;
    private final MorePages more;
    private final OutboxSender outbox;

    TextDesk(HelpDesk helpDesk, ReplyRenderer renderer, Keywords keywords, AnswerPages pages, OptOuts optOuts,
             MorePages more, OutboxSender outbox) {
        this.helpDesk = helpDesk;
        this.renderer = renderer;
        this.keywords = keywords;
        this.pages = pages;
        this.optOuts = optOuts;
        this.more = more;
        this.outbox = outbox;
    }

    /**
     * Handles one text; returns once everything it caused is stored (the hub's thread, the outbox).
     *
     * @param key the message's idempotency key, the same for a message delivered again
     */
    void take(E164Number from, String text, String key, Instant receivedAt) {
        String number = from.value();
        switch (keywords.commandOf(text)) {
            case STOP -> {
                if (optOuts.optOut(number)) {
                    LOG.info("{} texted STOP: no more texts until {}", number, keywords.startWord());
                    outbox.enqueue(new OutgoingSms(key + ":stop", number, "You will get no more texts from us. Text "
                            + keywords.startWord() + " to get them again.", null, null, true));
                }
            }
            case START -> {
                if (optOuts.optIn(number)) {
                    LOG.info("{} texted START: texts resume", number);
                    send(key + ":start", number, "Welcome back: you will get our texts again. Text "
                            + keywords.helpWord() + " for the menu.");
                }
            }
            case HELP -> send(key + ":help", number, menu());
            case MORE -> {
                String rest = more.rest(number).orElse(null);
                send(key + ":more", number, rest != null ? rest
                        : "There is no more to that answer. Text your question, or " + keywords.helpWord() + " for the menu.");
            }
            case AGENT, QUESTION -> ask(from, text, key, receivedAt, null);
            case CALL -> ask(from, text, key, receivedAt, ContactRequest.callBack(from));
        }
    }

    private void ask(E164Number from, String text, String key, Instant receivedAt, ContactRequest request) {
        Outcome outcome = helpDesk.submit(new Interaction(key, Channel.SMS, DeviceProfile.SMS, from, text,
                DeviceContext.EMPTY, receivedAt, true, request), null);
        String whole = renderer.renderUntrimmed(DeviceProfile.SMS, outcome.reply()).body();
        AnswerPages.Page page = pages.first(whole);
        if (!outcome.duplicate()) {
            more.keep(from.value(), page.rest());
        }
        String textKey = outcome.replyMessageId() != null ? outcome.replyMessageId() : key + ":answer";
        outbox.enqueue(new OutgoingSms(textKey, from.value(), page.text(), outcome.conversationId(),
                outcome.replyMessageId(), false));
    }

    /**
     * Texts a message the help desk originates (an agent's answer), paged like an answer, with its message
     * id so that its receipt reaches the thread.
     */
    void deliver(OutboundMessage message) {
        if (!(message.address() instanceof E164Number to)) {
            throw new IllegalArgumentException("an SMS goes to a phone number, not to " + message.address().key());
        }
        AnswerPages.Page page = pages.first(renderer.renderUntrimmed(DeviceProfile.SMS, message.reply()).body());
        more.keep(to.value(), page.rest());
        outbox.enqueue(new OutgoingSms(message.messageId(), to.value(), page.text(), message.conversationId(),
                message.messageId(), false));
    }

    /**
     * Texts a phone outside any conversation (a one-time code): one text, never paged, kept in no thread and
     * reported to nobody, under a key of its own so that two equal texts are both sent.
     */
    void textOutsideConversation(E164Number to, String text) {
        outbox.enqueue(new OutgoingSms("direct:" + UUID.randomUUID(), to.value(), text, null, null, false));
    }

    /** Sends a text of the adapter's own, paged like an answer. */
    private void send(String key, String number, String text) {
        AnswerPages.Page page = pages.first(text);
        more.keep(number, page.rest());
        outbox.enqueue(new OutgoingSms(key, number, page.text(), null, null, false));
    }

    private String menu() {
        List<String> topics = helpDesk.topics();
        StringBuilder menu = new StringBuilder("Text a number or your question:");
        for (int i = 0; i < topics.size(); i++) {
            menu.append('\n').append(i + 1).append(' ').append(topics.get(i));
        }
        menu.append('\n').append(keywords.agentWord()).append(": talk to a person");
        if (keywords.callWord() != null) {
            menu.append('\n').append(keywords.callWord()).append(": we call you back");
        }
        menu.append('\n').append(keywords.stopWord()).append(": no more texts");
        return menu.toString();
    }
}
