package dev.switchboard.desk;

import dev.switchboard.hub.domain.Ids;
import dev.switchboard.hub.domain.OfflineMessages;
import dev.switchboard.hub.domain.StoredMessage;
import dev.switchboard.spi.CustomerAddress;
import dev.switchboard.spi.EmailAddress;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;

/**
 * The offline messages: kept when a customer writes while nobody is on duty (every agent with an email address
 * is told by mail), listed for managers newest first, and resolved by a manager once someone took care of them.
 */
public final class OfflineMessageBox implements OfflineMessages {
    static final int MAX_NOTE_LENGTH = 1000;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final SharedRecords<OfflineMessage> messages;
    private final Accounts accounts;
    private final AgentNotices notices;
    private final String noticeSubject;
    private final Clock clock;

    public OfflineMessageBox(SharedRecords<OfflineMessage> messages, Accounts accounts, AgentNotices notices,
                             String noticeSubject, Clock clock) {
        this.messages = messages;
        this.accounts = accounts;
        this.notices = notices;
        this.noticeSubject = noticeSubject;
        this.clock = clock;
    }

    @Override
    public void leave(String conversationId, String customerId, CustomerAddress from, StoredMessage message) {
        OfflineMessage left = OfflineMessage.open(Ids.next("off-"), conversationId, customerId, from.key(),
                message.channel(), message.text(), message.at());
        messages.put(left.id(), left);
        String notice = notice(left, from);
        for (AgentAccount account : accounts.all()) {
            if (account.contact().email() != null) {
                notices.tell(new EmailAddress(account.contact().email()), noticeSubject + " from " + from.value(),
                        notice);
            }
        }
    }

    /** Every offline message, or those with {@code status} ({@code null}: all), newest first. Managers only. */
    public List<OfflineMessage> list(AgentAccount by, OfflineMessage.Status status) {
        Accounts.requireManager(by);
        return messages.matching(new WithStatus(status)).stream()
                .sorted(Comparator.comparing(OfflineMessage::at).reversed().thenComparing(OfflineMessage::id))
                .toList();
    }

    /** Marks one resolved; resolving it again changes nothing. Managers only. */
    public OfflineMessage resolve(AgentAccount by, String id, String note) {
        Accounts.requireManager(by);
        String checkedNote = note == null || note.isBlank() ? null : note.strip();
        if (checkedNote != null && checkedNote.length() > MAX_NOTE_LENGTH) {
            throw AgentDeskException.invalid("a note has at most " + MAX_NOTE_LENGTH + " characters");
        }
        OfflineMessage after = messages.change(id == null ? "" : id,
                new Resolve(by.username(), clock.instant(), checkedNote)).after();
        if (after == null) {
            throw AgentDeskException.notFound("no offline message " + id);
        }
        return after;
    }

    private static String notice(OfflineMessage message, CustomerAddress from) {
        return "A customer wrote while no agent was on duty, and the knowledge base had no answer for him.\n\n"
                + "From: " + from.value() + " (" + message.channel() + ")\n"
                + "At: " + WHEN.format(message.at()) + "\n"
                + "Conversation: " + message.conversationId() + "\n\n"
                + message.text() + "\n\n"
                + "Managers see the open offline messages at /manager and resolve them there.\n";
    }

    record WithStatus(OfflineMessage.Status status) implements SharedRecords.Filter<OfflineMessage> {
        @Override
        public boolean test(OfflineMessage value) {
            return status == null || value.status() == status;
        }
    }

    record Resolve(String by, java.time.Instant when, String note) implements SharedRecords.Change<OfflineMessage> {
        @Override
        public OfflineMessage apply(OfflineMessage before) {
            if (before == null || before.status() == OfflineMessage.Status.RESOLVED) {
                return before;
            }
            return before.resolved(by, when, note);
        }
    }
}
