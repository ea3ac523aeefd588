package dev.switchboard.hub.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.hub.knowledge.KnowledgeBase;
import dev.switchboard.hub.knowledge.json.KnowledgeBaseLoader;
import dev.switchboard.spi.EmailAddress;
import dev.switchboard.spi.Reply;
import dev.switchboard.spi.ThreadMessage;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DecideReplyTest {
    private static final KnowledgeBase DEMO = KnowledgeBaseLoader.fromClasspath("knowledge-base.json");

    /** Agents as the decide step sees them, with {@code customersWaiting} ahead of a new conversation. */
    private static final class Desk implements AgentAvailability {
        private final int agentsOnDuty;
        private final int customersWaiting;
        private final String owner;
        final List<String> queued = new ArrayList<>();
        final List<String> told = new ArrayList<>();

        Desk(int agentsOnDuty, int customersWaiting) {
            this(agentsOnDuty, customersWaiting, null);
        }

        Desk(int agentsOnDuty, int customersWaiting, String owner) {
            this.agentsOnDuty = agentsOnDuty;
            this.customersWaiting = customersWaiting;
            this.owner = owner;
        }

        @Override
        public int agentsOnDuty() {
            return agentsOnDuty;
        }

        @Override
        public int queuePosition(String conversationId) {
            return customersWaiting + 1;
        }

        @Override
        public Duration estimatedWait(int position) {
            return Duration.ofMinutes(3).multipliedBy(position).dividedBy(agentsOnDuty);
        }

        @Override
        public Optional<String> agentFor(String conversationId) {
            return Optional.ofNullable(owner);
        }

        @Override
        public void waitForAgent(String conversationId, String customerId, String region) {
            queued.add(conversationId);
        }

        @Override
        public void customerWrote(String conversationId) {
            told.add(conversationId);
        }
    }

    @Test
    void withNobodyOnDutyTheKnowledgeBaseAnswersWhatItKnows() {
        Reply reply = new DecideReply(DEMO, new Desk(0, 0))
                .decide("c-1", "what are your opening hours", CustomerContext.NONE);

        assertThat(reply.view()).isEqualTo(Reply.View.ANSWER);
        assertThat(reply.source()).isEqualTo(Reply.Source.KNOWLEDGE_BASE);
        assertThat(reply.topics()).isNotEmpty().hasSizeLessThanOrEqualTo(4);
    }

    @Test
    void withNobodyOnDutyAndNoMatchTheCustomerIsToldAnAgentWillGetBack() {
        Reply reply = new DecideReply(DEMO, new Desk(0, 0))
                .decide("c-1", "zorblax wibble florp", CustomerContext.NONE);

        assertThat(reply.view()).isEqualTo(Reply.View.QUEUE_STATUS);
        assertThat(reply.text()).isEqualTo(DecideReply.NOBODY_ON_DUTY);
        assertThat(reply.queue().agentsOnDuty()).isFalse();
        assertThat(reply.topics()).isNotEmpty();
    }

    @Test
    void withAgentsOnDutyTheCustomerWaitsForOneAndHearsHisPlace() {
        Reply reply = new DecideReply(DEMO, new Desk(2, 3))
                .decide("c-1", "what are your opening hours", CustomerContext.NONE);

        assertThat(reply.view()).isEqualTo(Reply.View.QUEUE_STATUS);
        assertThat(reply.queue().position()).isEqualTo(4);
        assertThat(reply.queue().estimatedWait()).isEqualTo(Duration.ofMinutes(6));
        assertThat(reply.queue().agentsOnDuty()).isTrue();
    }

    @Test
    void aRoutingRulesAcknowledgementIsWhatAWaitingCustomerIsToldWithHisWaitAndPlace() {
        RoutingChoice enterprise = new RoutingChoice("bigcorp", "enterprise", null, 5,
                "Our enterprise desk answers in about {wait}; you are number {position}.", List.of("vip"));

        Reply reply = new DecideReply(DEMO, new Desk(2, 3))
                .decide("c-1", true, false, "help", CustomerContext.NONE, enterprise);
        Reply standard = new DecideReply(DEMO, new Desk(2, 3))
                .decide("c-1", true, false, "help", CustomerContext.NONE, RoutingChoice.DEFAULT);

        assertThat(reply.text()).isEqualTo("Our enterprise desk answers in about 6 minutes; you are number 4.");
        assertThat(reply.queue().position()).isEqualTo(4);
        assertThat(standard.text()).isEqualTo(DecideReply.WAIT_FOR_AGENT);
        assertThat(RoutingChoice.minutes(Duration.ofSeconds(61))).isEqualTo("2 minutes");
        assertThat(RoutingChoice.minutes(Duration.ofSeconds(20))).isEqualTo("1 minute");
    }

    @Test
    void aConversationAnAgentHasGoesToHimAndJoinsNoQueue() {
        Desk desk = new Desk(2, 3, "Ann Smith");
        DecideReply decide = new DecideReply(DEMO, desk);
        Reply reply = decide.decide("c-1", "what are your opening hours", CustomerContext.NONE);

        assertThat(reply.text()).isEqualTo("Ann Smith has your message and will answer here.");
        assertThat(reply.source()).isEqualTo(Reply.Source.SYSTEM);
        decide.delivered("c-1", "cust-1", null, reply, ANNA, question("what are your opening hours"));
        assertThat(desk.queued).isEmpty();
        assertThat(desk.told).containsExactly("c-1");
    }

    @Test
    void aCustomerToldToWaitJoinsTheQueueOnceHisReplyIsStoredButNotOneTheKnowledgeBaseAnswered() {
        Desk desk = new Desk(0, 0);
        DecideReply decide = new DecideReply(DEMO, desk);
        decide.delivered("c-answered", "cust-1", null, decide.decide("c-answered", "what are your opening hours",
                CustomerContext.NONE), ANNA, question("what are your opening hours"));
        decide.delivered("c-unknown", "cust-2", null, decide.decide("c-unknown", "zorblax wibble florp",
                CustomerContext.NONE), ANNA, question("zorblax wibble florp"));

        assertThat(desk.queued).containsExactly("c-unknown");
    }

    @Test
    void aMessageNobodyOnDutyCouldAnswerIsKeptAsAnOfflineMessageButNotOneTheKnowledgeBaseAnswered() {
        List<String> kept = new ArrayList<>();
        DecideReply decide = new DecideReply(DEMO, new Desk(0, 0),
                (conversationId, customerId, from, message) -> kept.add(conversationId + " " + from.key() + " " + message.text()));

        decide.delivered("c-answered", "cust-1", null, decide.decide("c-answered", "what are your opening hours",
                CustomerContext.NONE), ANNA, question("what are your opening hours"));
        decide.delivered("c-unknown", "cust-2", null, decide.decide("c-unknown", "zorblax wibble florp",
                CustomerContext.NONE), ANNA, question("zorblax wibble florp"));

        assertThat(kept).containsExactly("c-unknown email:anna@customer.example zorblax wibble florp");
    }

    @Test
    void aMessageLeftForAnAgentIsKeptAsAnOfflineMessageEvenWhenTheKnowledgeBaseKnowsTheAnswer() {
        List<String> kept = new ArrayList<>();
        Desk desk = new Desk(0, 0);
        DecideReply decide = new DecideReply(DEMO, desk,
                (conversationId, customerId, from, message) -> kept.add(conversationId + " " + message.text()));

        Reply reply = decide.decide("c-form", false, true, "what are your opening hours", CustomerContext.NONE);
        decide.delivered("c-form", "cust-1", null, reply, ANNA, question("what are your opening hours"));

        assertThat(reply.text()).isEqualTo(DecideReply.NOBODY_ON_DUTY);
        assertThat(kept).containsExactly("c-form what are your opening hours");
        assertThat(desk.queued).containsExactly("c-form");
        assertThat(new DecideReply(DEMO, new Desk(2, 0)).decide("c-form", false, true, "what are your opening hours",
                CustomerContext.NONE).queue().agentsOnDuty()).as("with agents on duty it waits for one").isTrue();
    }

    @Test
    void aCustomerWaitingWhileAgentsAreOnDutyLeavesNoOfflineMessage() {
        List<String> kept = new ArrayList<>();
        DecideReply decide = new DecideReply(DEMO, new Desk(2, 0), (conversationId, customerId, from, message) ->
                kept.add(conversationId));

        decide.delivered("c-1", "cust-1", null, decide.decide("c-1", "zorblax wibble florp", CustomerContext.NONE),
                ANNA, question("zorblax wibble florp"));

        assertThat(kept).isEmpty();
    }

    private static final EmailAddress ANNA = new EmailAddress("anna@customer.example");

    private static StoredMessage question(String text) {
        return new StoredMessage("m-1", "email", ThreadMessage.Direction.INBOUND, "you", text, Instant.now(), "k-1");
    }

    @Test
    void aViewerOpeningTheTvOverlayIsOfferedHisProgrammesTopicsFirstThenTelevisionOnesEvenWithAnAgent() {
        CustomerContext watchingTheNews = new CustomerContext(null, null, null, null, null, null,
                "dvb://233a.1004.1044", "Evening News", null);

        Reply reply = new DecideReply(DEMO, new Desk(2, 0, "Ann Smith")).decide("c-1", "", watchingTheNews);

        assertThat(reply.view()).isEqualTo(Reply.View.ANSWER);
        assertThat(reply.text()).isEqualTo(DecideReply.CHOOSE_A_TOPIC);
        assertThat(reply.topics()).hasSize(5).startsWith("Evening News: watch again", "TV picture frozen")
                .doesNotContain("Sunday Football: highlights", "Opening hours");
    }

    @Test
    void anAnswerForAViewerOffersTopicsOfWhatHeWatches() {
        CustomerContext watchingFootball = new CustomerContext(null, null, null, null, null, null,
                "dvb://233a.1004.1045", "Sunday Football", null);

        Reply reply = new DecideReply(DEMO, new Desk(0, 0))
                .decide("c-1", "how do I turn on subtitles", watchingFootball);

        assertThat(reply.source()).isEqualTo(Reply.Source.KNOWLEDGE_BASE);
        assertThat(reply.topics()).first().isEqualTo("Sunday Football: highlights");
        assertThat(reply.topics()).doesNotContain("Evening News: watch again", "TV subtitles");
    }
}
