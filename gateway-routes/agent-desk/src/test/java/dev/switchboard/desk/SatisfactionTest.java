package dev.switchboard.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.hub.domain.AddressLink;
import dev.switchboard.hub.domain.Conversation;
import dev.switchboard.hub.domain.Customer;
import dev.switchboard.hub.domain.RatingCount;
import dev.switchboard.hub.domain.RatingRecord;
import dev.switchboard.hub.domain.RatingStore;
import dev.switchboard.hub.domain.StoredMessage;
import dev.switchboard.spi.OutboundMessage;
import dev.switchboard.spi.Rating;
import dev.switchboard.spi.RatingOutcome;
import dev.switchboard.spi.ThreadMessage.Direction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The satisfaction question of a finished conversation: asked once, answered once, only while it is asked. */
class SatisfactionTest {
    private final MovingClock clock = new MovingClock();
    private final InMemoryRecords<Assignment> assignments = new InMemoryRecords<>();
    private final List<OutboundMessage> sent = new ArrayList<>();
    private final InMemoryConversations store = new InMemoryConversations();
    private final OutboundChannels outbound = new OutboundChannels() {
        @Override
        public Set<String> channels() {
            return Set.of("web-chat", "sms");
        }

        @Override
        public void send(OutboundMessage message) {
            sent.add(message);
        }
    };
    private final InMemoryCustomers customers = new InMemoryCustomers();
    private final CustomerMerging merging = new CustomerMerging(customers, customers, store, assignments, clock);
    private final AgentReplies replies = new AgentReplies(assignments, store, new CustomerAddresses(customers), outbound,
            merging, DeskEvents.NONE, "", clock);
    private final List<DeskEvent> events = new ArrayList<>();
    private final InMemoryRecords<AgentAccount> accountRecords = new InMemoryRecords<>();
    private final Accounts accounts = new Accounts(accountRecords, new PasswordHashing(4), clock);
    private final Ratings ratings = new Ratings();
    private final Satisfaction satisfaction = new Satisfaction(ratings, assignments, replies, accounts, events::add, clock);
    private final AgentAccount ann = new AgentAccount("ann", "Ann", Role.AGENT, "$2a$04$x", false, Set.of("general"),
            Set.of(), 2, Instant.EPOCH);

    /** Ratings kept as the database keeps them, in memory. */
    private static final class Ratings implements RatingStore {
        final Map<String, RatingRecord> rows = new LinkedHashMap<>();

        @Override
        public void ask(RatingRecord asked) {
            rows.replaceAll((id, row) -> row.threadId().equals(asked.threadId()) && row.status() == RatingRecord.Status.ASKED
                    ? with(row, RatingRecord.Status.WITHDRAWN, null, null, null, null) : row);
            rows.put(asked.id(), asked);
        }

        @Override
        public Optional<RatingRecord> latest(String threadId) {
            return rows.values().stream().filter(row -> row.threadId().equals(threadId))
                    .max(Comparator.comparing(RatingRecord::askedAt));
        }

        @Override
        public Optional<RatingRecord> byLink(String linkHash) {
            return rows.values().stream().filter(row -> row.linkHash().equals(linkHash)).findFirst();
        }

        @Override
        public Optional<RatingRecord> answer(String id, Rating rating, String channel, String key, Instant at) {
            RatingRecord row = rows.get(id);
            if (row.status() == RatingRecord.Status.ASKED) {
                rows.put(id, with(row, RatingRecord.Status.RATED, rating, channel, at, key));
                return Optional.of(rows.get(id));
            }
            return key != null && key.equals(row.answerKey()) ? Optional.of(row) : Optional.empty();
        }

        @Override
        public List<RatingRecord> ofConversations(List<String> conversationIds) {
            return rows.values().stream().filter(row -> conversationIds.contains(row.conversationId())).toList();
        }

        @Override
        public List<RatingRecord> latestOf(String agent, int limit) {
            return rows.values().stream().filter(row -> row.agent().equals(agent)).limit(limit).toList();
        }

        @Override
        public List<RatingCount> counts(Instant from, Instant to) {
            return List.of();
        }

        private static RatingRecord with(RatingRecord row, RatingRecord.Status status, Rating rating, String channel,
                                         Instant at, String key) {
            return new RatingRecord(row.id(), row.conversationId(), row.threadId(), row.agent(), row.agentName(),
                    row.askedOn(), row.askedAt(), row.linkHash(), status, rating, channel, at, key);
        }
    }

    @BeforeEach
    void aCustomerWroteOnTheWebThenBySmsAndAnnFinishedHisConversation() {
        customers.save(new Customer("k-1", "c-1", Instant.EPOCH));
        customers.linkIfAbsent("e164:+447700900123", new AddressLink("k-1", "sms", Instant.EPOCH));
        store.put(Conversation.open("c-1", "k-1", "e164:+447700900123", new byte[32], Instant.EPOCH),
                new StoredMessage("m-1", "sms", Direction.INBOUND, "you", "my bill doubled", Instant.EPOCH, "1"));
        assignments.put("c-1", Assignment.queued("c-1", "k-1", "general", null, Instant.EPOCH, null, null, List.of())
                .ownedBy("ann", "Ann").finished(null));
    }

    @Test
    void theQuestionGoesOnceToHisLastChannelIntoHisThreadWithALinkSecret() {
        satisfaction.ask(assignments.get("c-1").orElseThrow());

        assertThat(sent).singleElement().satisfies(message -> {
            assertThat(message.channel().id()).isEqualTo("sms");
            assertThat(message.asksForRating()).isTrue();
            assertThat(message.rating().agentName()).isEqualTo("Ann");
            assertThat(message.rating().linkToken()).hasSizeGreaterThanOrEqualTo(43);
            assertThat(message.reply().text()).isEqualTo(Satisfaction.QUESTION.formatted("Ann"));
        });
        assertThat(store.threads.get("c-1").messageCount()).isEqualTo(2);
        assertThat(ratings.rows.values()).singleElement().satisfies(row -> {
            assertThat(row.linkHash()).isNotEqualTo(sent.get(0).rating().linkToken());
            assertThat(row.askedOn()).isEqualTo("sms");
            assertThat(row.agent()).isEqualTo("ann");
        });
        assertThat(satisfaction.asked("c-1")).isTrue();
    }

    @Test
    void aRatingIsRecordedOnceARepeatOfItsKeyGetsItAndTheAgentAndManagersAreTold() {
        satisfaction.ask(assignments.get("c-1").orElseThrow());

        assertThat(satisfaction.rate("c-1", "sms", new Rating(4, null), "smsc-1"))
                .isEqualTo(RatingOutcome.recorded(new Rating(4, null)));
        assertThat(satisfaction.takes("c-1", "smsc-1")).as("a retry of that reply").isTrue();
        assertThat(satisfaction.takes("c-1", "smsc-2")).isFalse();
        assertThat(satisfaction.rate("c-1", "sms", new Rating(4, null), "smsc-1").status())
                .isEqualTo(RatingOutcome.Status.RECORDED);
        assertThat(satisfaction.rate("c-1", "sms", new Rating(1, null), "smsc-2")).isEqualTo(RatingOutcome.notAsked());
        assertThat(satisfaction.asked("c-1")).isFalse();
        assertThat(events).extracting(DeskEvent::type).containsOnly(DeskEvent.Type.RATED);
        assertThat(events.get(0).to()).contains("ann");
    }

    @Test
    void theQuestionLapsesAfterAWeekOrWhenTheConversationIsTakenUpAgain() {
        satisfaction.ask(assignments.get("c-1").orElseThrow());
        clock.advance(Satisfaction.ASKED_FOR.minusSeconds(1));
        assertThat(satisfaction.asked("c-1")).isTrue();
        clock.advance(Duration.ofSeconds(2));
        assertThat(satisfaction.asked("c-1")).isFalse();
        assertThat(satisfaction.rate("c-1", "sms", new Rating(5, null), "k").status())
                .isEqualTo(RatingOutcome.Status.NOT_ASKED);

        satisfaction.ask(assignments.get("c-1").orElseThrow());
        assertThat(satisfaction.asked("c-1")).isTrue();
        assignments.put("c-1", Assignment.queued("c-1", "k-1", "general", null, clock.instant(), null, null, List.of()));
        assertThat(satisfaction.asked("c-1")).as("his new message queued him").isFalse();
        assertThat(satisfaction.rate("c-1", "sms", new Rating(5, null), "k2").status())
                .isEqualTo(RatingOutcome.Status.NOT_ASKED);
    }

    @Test
    void theLinkSecretAnswersItsQuestionAndNoOther() {
        satisfaction.ask(assignments.get("c-1").orElseThrow());
        String secret = sent.get(0).rating().linkToken();

        assertThat(satisfaction.askedByLink(secret)).isTrue();
        assertThat(satisfaction.rateByLink("not-" + secret, "email", new Rating(5, null), null))
                .isEqualTo(RatingOutcome.notFound());
        assertThat(satisfaction.rateByLink(secret, "email", new Rating(2, "slow"), null))
                .isEqualTo(RatingOutcome.recorded(new Rating(2, "slow")));
        assertThat(satisfaction.askedByLink(secret)).isFalse();
        assertThat(satisfaction.rateByLink(secret, "email", new Rating(5, null), null)).isEqualTo(RatingOutcome.notAsked());
    }

    @Test
    void aCustomerLastHeardOnAChannelNobodySendsOnIsNotAskedAndTheCountsAreForManagers() {
        store.put(Conversation.open("c-2", "k-2", "e164:+447700900999", new byte[32], Instant.EPOCH),
                new StoredMessage("m-9", "voice", Direction.INBOUND, "you", "Called the help number.", Instant.EPOCH, "9"));
        customers.save(new Customer("k-2", "c-2", Instant.EPOCH));
        assignments.put("c-2", Assignment.queued("c-2", "k-2", "general", null, Instant.EPOCH, null, null, List.of())
                .ownedBy("ann", "Ann").finished(null));

        satisfaction.ask(assignments.get("c-2").orElseThrow());

        assertThat(sent).isEmpty();
        assertThat(ratings.rows).isEmpty();
        assertThatThrownBy(() -> satisfaction.counts(ann, Instant.EPOCH, clock.instant()))
                .isInstanceOfSatisfying(AgentDeskException.class, e -> assertThat(e.kind()).isEqualTo(AgentDeskException.Kind.FORBIDDEN));
    }
}
