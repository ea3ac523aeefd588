package dev.switchboard.adapter.itv;

import dev.switchboard.spi.ContactRequest;
import dev.switchboard.spi.ConversationView;
import dev.switchboard.spi.HelpDesk;
import dev.switchboard.spi.ThreadMessage;
import java.util.Optional;

/**
 * What yellow and blue ask the help desk to do besides answering: text the viewer's phone, call him back.
 *
 * <p>Yellow texts the answer that was on the screen. That is not always the latest answer in the thread:
 * BACK returns the overlay to earlier answers, and the viewer sends what he reads. The app names the answer
 * by its message id; its text is read here from the box's own thread, as the box's token opens it, and
 * only an answer the help desk sent counts. So the gateway texts only what the desk itself wrote, never
 * text a request carries. Without a named answer (the agent chat, an old box), the latest answer goes.
 */
final class TvContactRequests {
    private final HelpDesk helpDesk;

    TvContactRequests(HelpDesk helpDesk) {
        this.helpDesk = helpDesk;
    }

    /** The request to attach to the interaction, or {@code null} when the viewer asked for nothing of the kind. */
    ContactRequest of(TvRequest request, String customerToken) {
        if (request.kind() == TvRequestKind.CALL_BACK) {
            return ContactRequest.callBack(request.phone());
        }
        if (request.kind() != TvRequestKind.SEND_TO_PHONE) {
            return null;
        }
        if (request.shown() == null) {
            return ContactRequest.textLatestAnswer(request.phone());
        }
        return ContactRequest.text(request.phone(), shownText(request.shown(), customerToken));
    }

    private String shownText(TvRequest.ShownAnswer shown, String customerToken) {
        Optional<ConversationView> conversation = customerToken == null ? Optional.empty()
                : helpDesk.conversation(shown.conversationId(), customerToken);
        return conversation.flatMap(thread -> thread.messages().stream()
                        .filter(message -> message.id().equals(shown.messageId())
                                && message.direction() == ThreadMessage.Direction.OUTBOUND)
                        .findFirst())
                .map(ThreadMessage::text)
                .orElseThrow(() -> TvApiException.badRequest("unknown-answer",
                        "the answer to send is not one of the help desk's answers in this box's conversation"));
    }
}
