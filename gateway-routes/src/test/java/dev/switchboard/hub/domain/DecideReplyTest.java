package dev.switchboard.hub.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.hub.knowledge.KnowledgeBase;
import dev.switchboard.hub.knowledge.json.KnowledgeBaseLoader;
import dev.switchboard.spi.Reply;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DecideReplyTest {
    private static final KnowledgeBase DEMO = KnowledgeBaseLoader.fromClasspath("knowledge-base.json");

    private record Desk(int agentsOnDuty, int customersWaiting) implements AgentAvailability {
    }

    @Test
    void withNobodyOnDutyTheKnowledgeBaseAnswersWhatItKnows() {
        Reply reply = new DecideReply(DEMO, new Desk(0, 0), Duration.ofMinutes(3))
                .decide("what are your opening hours", CustomerContext.NONE);

        assertThat(reply.view()).isEqualTo(Reply.View.ANSWER);
        assertThat(reply.source()).isEqualTo(Reply.Source.KNOWLEDGE_BASE);
        assertThat(reply.topics()).isNotEmpty().hasSizeLessThanOrEqualTo(4);
    }

    @Test
    void withNobodyOnDutyAndNoMatchTheCustomerIsToldAnAgentWillGetBack() {
        Reply reply = new DecideReply(DEMO, new Desk(0, 0), Duration.ofMinutes(3))
                .decide("zorblax wibble florp", CustomerContext.NONE);

        assertThat(reply.view()).isEqualTo(Reply.View.QUEUE_STATUS);
        assertThat(reply.text()).isEqualTo(DecideReply.NOBODY_ON_DUTY);
        assertThat(reply.queue().agentsOnDuty()).isFalse();
        assertThat(reply.topics()).isNotEmpty();
    }

    @Test
    void withAgentsOnDutyTheCustomerWaitsForOneAndHearsHisPlace() {
        Reply reply = new DecideReply(DEMO, new Desk(2, 3), Duration.ofMinutes(3))
                .decide("what are your opening hours", CustomerContext.NONE);

        assertThat(reply.view()).isEqualTo(Reply.View.QUEUE_STATUS);
        assertThat(reply.queue().position()).isEqualTo(4);
        assertThat(reply.queue().estimatedWait()).isEqualTo(Duration.ofMinutes(6));
        assertThat(reply.queue().agentsOnDuty()).isTrue();
    }

    @Test
    void aViewerOpeningTheTvOverlayIsOfferedHisProgrammesTopicsFirstThenTelevisionOnes() {
        CustomerContext watchingTheNews = new CustomerContext(null, null, null, null, null, null,
                "dvb://233a.1004.1044", "Evening News", null);

        Reply reply = new DecideReply(DEMO, new Desk(2, 0), Duration.ofMinutes(3)).decide("", watchingTheNews);

        assertThat(reply.view()).isEqualTo(Reply.View.ANSWER);
        assertThat(reply.text()).isEqualTo(DecideReply.CHOOSE_A_TOPIC);
        assertThat(reply.topics()).hasSize(5).startsWith("Evening News: watch again", "TV picture frozen")
                .doesNotContain("Sunday Football: highlights", "Opening hours");
    }

    @Test
    void anAnswerForAViewerOffersTopicsOfWhatHeWatches() {
        CustomerContext watchingFootball = new CustomerContext(null, null, null, null, null, null,
                "dvb://233a.1004.1045", "Sunday Football", null);

        Reply reply = new DecideReply(DEMO, new Desk(0, 0), Duration.ofMinutes(3))
                .decide("how do I turn on subtitles", watchingFootball);

        assertThat(reply.source()).isEqualTo(Reply.Source.KNOWLEDGE_BASE);
        assertThat(reply.topics()).first().isEqualTo("Sunday Football: highlights");
        assertThat(reply.topics()).doesNotContain("Evening News: watch again", "TV subtitles");
    }
}
