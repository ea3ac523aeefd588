package dev.switchboard.adapter.smpp.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.adapter.testkit.InMemoryRecords;
import dev.switchboard.adapter.testkit.StandInGateway;
import dev.switchboard.spi.AdapterContext;
import dev.switchboard.spi.DeviceAdapter;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The adapter's state as two nodes on one database see it (the test kit's records in memory): what one node stored
 * the other reads, one node reports a text's fate once, and a text enqueued again is not sent twice.
 */
class SmppRecordsTest {
    private final InMemoryRecords database = new InMemoryRecords();
    private final AdapterContext nodeA = node();
    private final AdapterContext nodeB = node();

    private AdapterContext node() {
        try {
            return StandInGateway.builder().records(database).start(new DeviceAdapter() {
                @Override
                public String id() {
                    return "smpp";
                }

                @Override
                public String description() {
                    return "the SMPP adapter's records";
                }

                @Override
                public void start(AdapterContext context) {
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static OutgoingSms sms(String key, String to) {
        return new OutgoingSms(key, to, "text " + key, "c-1", "m-" + key, false);
    }

    @Test
    void aTextIsEnqueuedOnceWhileItWaitsAndForADayAfterItsFateWasKnown() {
        Outbox a = new Outbox(nodeA, "node-a");
        Outbox b = new Outbox(nodeB, "node-b");
        Instant now = Instant.now();

        assertThat(a.enqueue(sms("a", "+48600000001"), now)).isPresent();
        assertThat(b.enqueue(sms("a", "+48600000001"), now)).as("waiting").isEmpty();
        assertThat(b.enqueue(sms("b", "+48600000002"), now)).isPresent();
        assertThat(a.waiting(10)).extracting(e -> e.sms().key()).containsExactly("a", "b");
        assertThat(a.waitingCount()).isEqualTo(2);

        assertThat(a.claim("a")).isTrue();
        assertThat(b.claim("a")).as("claimed by node A").isFalse();
        a.partAccepted("a", "smsc-1");
        assertThat(a.accepted("a")).isEmpty();
        assertThat(b.enqueue(sms("a", "+48600000001"), now)).as("waiting for its receipt").isEmpty();

        assertThat(b.receipt("smsc-1", true, null)).get()
                .satisfies(fate -> assertThat(fate.delivered()).isTrue())
                .satisfies(fate -> assertThat(fate.sms().messageId()).isEqualTo("m-a"));
        assertThat(a.receipt("smsc-1", true, null)).as("reported once").isEmpty();
        assertThat(a.enqueue(sms("a", "+48600000001"), now)).as("finished").isEmpty();
        assertThat(a.waiting(10)).extracting(e -> e.sms().key()).containsExactly("b");
    }

    @Test
    void aReceiptThatCameToAnotherNodeBeforeThePartWasRecordedIsAppliedWhenItIs() {
        Outbox a = new Outbox(nodeA, "node-a");
        Outbox b = new Outbox(nodeB, "node-b");
        a.enqueue(sms("a", "+48600000001"), Instant.now());

        assertThat(b.receipt("smsc-9", true, null)).isEmpty();
        a.partAccepted("a", "smsc-9");

        assertThat(a.accepted("a")).get().satisfies(fate -> assertThat(fate.delivered()).isTrue());
    }

    @Test
    void aFailedPartFailsTheTextAtOnceAndTakesItOutOfTheOutbox() {
        Outbox a = new Outbox(nodeA, "node-a");
        Outbox b = new Outbox(nodeB, "node-b");
        a.enqueue(sms("a", "+48600000001"), Instant.now());
        assertThat(a.claim("a")).isTrue();
        a.partAccepted("a", "smsc-1");

        assertThat(b.receipt("smsc-1", false, "SMSC receipt UNDELIV, error 011")).get()
                .satisfies(fate -> assertThat(fate.delivered()).isFalse())
                .satisfies(fate -> assertThat(fate.detail()).isEqualTo("SMSC receipt UNDELIV, error 011"));
        assertThat(a.claim("a")).as("nothing left to send").isFalse();
        assertThat(a.waitingCount()).isZero();
    }

    @Test
    void aStopOnOneNodeHoldsOnTheOtherAndStartEndsIt() {
        OptOuts a = new OptOuts(nodeA.store("opt-outs"));
        OptOuts b = new OptOuts(nodeB.store("opt-outs"));

        assertThat(a.optOut("+48600000009")).isTrue();
        assertThat(b.optOut("+48600000009")).as("confirmed once").isFalse();
        assertThat(b.contains("+48600000009")).isTrue();
        assertThat(b.optIn("+48600000009")).isTrue();
        assertThat(a.contains("+48600000009")).isFalse();
    }

    @Test
    void aMessageDeliveredAgainOverAnotherBindGetsTheSameKeyWithinTheWindow() {
        SeenMessages a = new SeenMessages(nodeA.store("seen"), Duration.ofMinutes(10));
        SeenMessages b = new SeenMessages(nodeB.store("seen"), Duration.ofMinutes(10));

        assertThat(a.keyFor("fingerprint", () -> "key-1")).isEqualTo("key-1");
        assertThat(b.keyFor("fingerprint", () -> "key-2")).isEqualTo("key-1");
    }

    @Test
    void partsAreJoinedAcrossNodesAPartDeliveredAgainIsIgnoredAndAReusedReferenceStartsANewText() {
        LongMessageParts a = new LongMessageParts(nodeA.store("long-message-parts"), Duration.ofMinutes(10));
        LongMessageParts b = new LongMessageParts(nodeB.store("long-message-parts"), Duration.ofMinutes(10));
        Instant now = Instant.now();

        assertThat(a.add("g", 2, 1, new byte[] {1}, now)).isEmpty();
        assertThat(b.add("g", 2, 1, new byte[] {1}, now)).isEmpty();
        assertThat(b.add("g", 2, 2, new byte[] {2}, now)).get().isEqualTo(new byte[] {1, 2});
        b.finished("g", now);
        assertThat(a.add("g", 2, 2, new byte[] {2}, now)).isEmpty();
        assertThat(a.add("g", 2, 1, new byte[] {7}, now)).isEmpty();
        assertThat(b.add("g", 2, 2, new byte[] {8}, now)).get().isEqualTo(new byte[] {7, 8});
    }

    @Test
    void aCompletedTextTheDeskDidNotTakeIsJoinedAgainWhenItsLastPartIsDeliveredAgain() {
        LongMessageParts parts = new LongMessageParts(nodeA.store("long-message-parts"), Duration.ofMinutes(10));
        Instant now = Instant.now();
        parts.add("g", 2, 1, new byte[] {1}, now);
        assertThat(parts.add("g", 2, 2, new byte[] {2}, now)).isPresent();

        assertThat(parts.add("g", 2, 2, new byte[] {2}, now)).get().isEqualTo(new byte[] {1, 2});
    }

    @Test
    void theRestOfAnAnswerIsKeptForTheNumberOnEveryNode() {
        new MorePages(nodeA.store("more-pages")).keep("+48600000001", "the rest");

        assertThat(new MorePages(nodeB.store("more-pages")).rest("+48600000001")).contains("the rest");
        new MorePages(nodeB.store("more-pages")).keep("+48600000001", null);
        assertThat(new MorePages(nodeA.store("more-pages")).rest("+48600000001")).isEmpty();
    }
}
