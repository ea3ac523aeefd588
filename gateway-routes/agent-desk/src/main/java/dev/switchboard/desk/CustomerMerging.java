package dev.switchboard.desk;

import dev.switchboard.hub.domain.Conversation;
import dev.switchboard.hub.domain.ConversationStore;
import dev.switchboard.hub.domain.CustomerDirectory;
import dev.switchboard.hub.domain.CustomerMerge;
import dev.switchboard.hub.domain.CustomerMerges;
import dev.switchboard.hub.domain.StoredMessage;
import dev.switchboard.spi.ThreadPage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Agents merge two customer records that are one person, and undo it. A merge moves nothing: each customer
 * keeps his addresses and his own thread (what his devices read), while agents see and answer one thread,
 * the kept customer's with the merged customer's messages in it by time, and his new messages are routed
 * with the kept customer's conversation. Undoing removes the merge and each thread is as it was, with what
 * came in meanwhile.
 */
public final class CustomerMerging {
    private final CustomerMerges merges;
    private final CustomerDirectory directory;
    private final ConversationStore conversations;
    private final SharedRecords<Assignment> assignments;
    private final Clock clock;

    /** One customer of a merged group, with his own conversation. */
    public record Member(String customerId, String conversationId) {
    }

    public CustomerMerging(CustomerMerges merges, CustomerDirectory directory, ConversationStore conversations,
                           SharedRecords<Assignment> assignments, Clock clock) {
        this.merges = merges;
        this.directory = directory;
        this.conversations = conversations;
        this.assignments = assignments;
        this.clock = clock;
    }

    /**
     * Merges the customer of {@code otherConversationId} into the customer of {@code keptConversationId}.
     * The other conversation must not be waiting or with another agent: the caller takes it first.
     */
    public CustomerMerge merge(AgentAccount by, String keptConversationId, String otherConversationId) {
        Conversation kept = conversation(keptConversationId);
        Conversation other = conversation(otherConversationId);
        if (merges.primaryOf(kept.customerId()).equals(merges.primaryOf(other.customerId()))) {
            throw AgentDeskException.conflict("conversations " + keptConversationId + " and " + otherConversationId
                    + " are one customer's already");
        }
        if (merges.of(other.customerId()).isPresent()) {
            throw AgentDeskException.conflict("the customer of " + otherConversationId
                    + " is merged into another customer already; undo that merge first");
        }
        assignments.get(otherConversationId)
                .filter(a -> a.stage() != Assignment.Stage.FINISHED && !a.participants().contains(by.username()))
                .ifPresent(a -> {
                    throw AgentDeskException.conflict("conversation " + otherConversationId + " is "
                            + (a.isQueued() ? "waiting in the queue" : "with " + a.ownerName())
                            + ": take it (or have it transferred to you) before merging it");
                });
        CustomerMerge merge = new CustomerMerge(other.customerId(), kept.customerId(), by.username(), clock.instant());
        if (!merges.add(merge)) {
            throw AgentDeskException.conflict("the customer of " + otherConversationId + " was merged meanwhile");
        }
        return merge;
    }

    /** Undoes the merge of the customer of {@code mergedConversationId} into that of {@code keptConversationId}. */
    public CustomerMerge undo(String keptConversationId, String mergedConversationId) {
        Conversation kept = conversation(keptConversationId);
        Conversation merged = conversation(mergedConversationId);
        CustomerMerge merge = merges.of(merged.customerId())
                .filter(m -> m.keptCustomerId().equals(kept.customerId()))
                .orElseThrow(() -> AgentDeskException.notFound("the customer of " + mergedConversationId
                        + " is not merged into that of " + keptConversationId));
        return merges.remove(merge.mergedCustomerId()).orElse(merge);
    }

    /** The customers of a conversation's group: its own customer first, then those merged into him. */
    public List<Member> group(Conversation conversation) {
        List<Member> members = new ArrayList<>();
        for (String customerId : merges.group(conversation.customerId())) {
            if (customerId.equals(conversation.customerId())) {
                members.add(new Member(customerId, conversation.id()));
            } else {
                directory.customer(customerId).ifPresent(c -> members.add(new Member(c.id(), c.conversationId())));
            }
        }
        return members;
    }

    /**
     * A page of the thread agents see: the conversation's messages and those of every customer merged in,
     * interleaved by time. The page is the conversation's own (its cursor reads its older messages), with the
     * merged customers' messages of the same span of time: since its oldest message, or, on the page that
     * reaches the thread's start, their newest ones up to the page's size. Each customer's own thread keeps the
     * order it was stored in: a message's time may be its sender's clock (a mail's date, to the second), which can
     * run behind the answer it replies to.
     */
    public ConversationStore.MessagePage thread(Conversation conversation, ThreadPage page) {
        ConversationStore.MessagePage own = conversations.page(conversation.id(), page);
        List<Member> members = group(conversation);
        if (members.size() == 1) {
            return own;
        }
        Instant since = own.olderCursor() == null || own.messages().isEmpty() ? Instant.MIN
                : own.messages().get(0).at();
        boolean newest = page.before() == null;
        List<List<StoredMessage>> threads = new ArrayList<>();
        threads.add(own.messages());
        for (Member member : members.subList(1, members.size())) {
            List<StoredMessage> theirs = conversations.page(member.conversationId(), new ThreadPage(null, page.limit()))
                    .messages().stream()
                    .filter(m -> !m.at().isBefore(since) && (newest || !m.at().isAfter(newestOf(own))))
                    .toList();
            threads.add(theirs);
        }
        return new ConversationStore.MessagePage(interleave(threads), own.olderCursor());
    }

    private static Instant newestOf(ConversationStore.MessagePage page) {
        return page.messages().isEmpty() ? Instant.MAX : page.messages().get(page.messages().size() - 1).at();
    }

    /** One list of the threads' messages: each thread in its own order, the earliest next message first. */
    static List<StoredMessage> interleave(List<List<StoredMessage>> threads) {
        int[] next = new int[threads.size()];
        List<StoredMessage> all = new ArrayList<>();
        while (true) {
            int earliest = -1;
            for (int i = 0; i < threads.size(); i++) {
                if (next[i] < threads.get(i).size() && (earliest < 0
                        || threads.get(i).get(next[i]).at().isBefore(threads.get(earliest).get(next[earliest]).at()))) {
                    earliest = i;
                }
            }
            if (earliest < 0) {
                return all;
            }
            all.add(threads.get(earliest).get(next[earliest]++));
        }
    }

    /** The merges directly into the customer of this conversation, with the merged customers' conversations. */
    public List<MergedCustomer> mergedInto(Conversation conversation) {
        return merges.into(conversation.customerId()).stream()
                .flatMap(merge -> directory.customer(merge.mergedCustomerId()).stream()
                        .map(customer -> new MergedCustomer(customer.conversationId(), merge)))
                .toList();
    }

    /** A customer merged into another, as agents see him: by his conversation. */
    public record MergedCustomer(String conversationId, CustomerMerge merge) {
    }

    /** The conversation, or the agent API's "not found". */
    Conversation conversation(String id) {
        return conversations.get(id).orElseThrow(() -> AgentDeskException.notFound("no conversation " + id));
    }
}
