package dev.switchboard.adapter.web;

import dev.switchboard.adapter.testkit.RecordingHelpDesk;
import dev.switchboard.adapter.testkit.StandInGateway;
import dev.switchboard.spi.DeviceProfile;
import dev.switchboard.spi.Interaction;
import dev.switchboard.spi.QueueStatus;
import dev.switchboard.spi.RenderedReply;
import dev.switchboard.spi.Reply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** The web adapter started as the gateway starts it, at a fixed time, its API served on a free port of 127.0.0.1. */
final class ApiServer {
    static final Instant NOW = Instant.parse("2025-11-23T10:15:30Z");

    private ApiServer() {
    }

    /**
     * A help desk that queues a customer whose text asks for an agent, answers anything else from the knowledge
     * base, and renders the reply as HTML.
     */
    static RecordingHelpDesk helpDesk() {
        return new RecordingHelpDesk().answerWith(ApiServer::answer).renderWith((profile, reply) ->
                new RenderedReply(DeviceProfile.HTML5.contentType(), "<p>" + reply.text() + "</p>"));
    }

    private static Reply answer(Interaction asked) {
        return asked.text().contains("agent")
                ? Reply.queued("An agent will be with you soon.", new QueueStatus(2, Duration.ofSeconds(90), true))
                : Reply.answer("Restart the router.", Reply.Source.KNOWLEDGE_BASE, List.of("billing", "roaming"));
    }

    static StandInGateway start(RecordingHelpDesk helpDesk) throws Exception {
        return StandInGateway.builder().helpDesk(helpDesk).servingHttp()
                .start(new WebAdapter(Clock.fixed(NOW, ZoneOffset.UTC)));
    }
}
