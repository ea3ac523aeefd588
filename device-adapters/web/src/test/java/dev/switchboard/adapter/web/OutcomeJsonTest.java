package dev.switchboard.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.spi.CustomerAddress;
import dev.switchboard.spi.E164Number;
import dev.switchboard.spi.NearbyPoint;
import dev.switchboard.spi.NearbyPoint;
import dev.switchboard.spi.Outcome;
import dev.switchboard.spi.QueueStatus;
import dev.switchboard.spi.RenderedReply;
import dev.switchboard.spi.Reply;
import dev.switchboard.spi.WebVisitorId;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomeJsonTest {

    private static final ObjectMapper READER = new ObjectMapper();
    private static final RenderedReply HTML = new RenderedReply("text/html; charset=UTF-8", "<p>Restart &amp; wait</p>");

    private static JsonNode json(Outcome outcome, CustomerAddress address) throws IOException {
        return READER.readTree(OutcomeJson.write(outcome, address));
    }

    @Test
    void writesAnAnswer() throws IOException {
        Outcome outcome = new Outcome("c-1", "tok-1",
                Reply.answer("Restart & wait", Reply.Source.KNOWLEDGE_BASE, List.of("billing", "roaming")), HTML, false);

        assertThat(json(outcome, new WebVisitorId("visitor-1234"))).isEqualTo(READER.readTree("""
                {"conversationId": "c-1", "customerToken": "tok-1", "visitorId": "visitor-1234", "duplicate": false,
                 "reply": {"view": "answer", "text": "Restart & wait", "source": "knowledge-base",
                           "topics": ["billing", "roaming"], "queue": null, "html": "<p>Restart &amp; wait</p>",
                           "nearby": [], "region": null, "messageId": null}}
                """));
    }

    @Test
    void namesTheRepliesMessageInTheThreadSoAClientReadingTheThreadShowsItOnce() throws IOException {
        Outcome outcome = new Outcome("c-1", null,
                Reply.answer("Restart & wait", Reply.Source.KNOWLEDGE_BASE, List.of()), HTML, false, "m-42");

        assertThat(json(outcome, new WebVisitorId("visitor-1234")).at("/reply/messageId").textValue()).isEqualTo("m-42");
    }

    @Test
    void writesTheNearestServicePointsAndTheRegion() throws IOException {
        Reply located = Reply.answer("Bring it to a service point", Reply.Source.KNOWLEDGE_BASE, List.of()).withNearby(
                List.of(new NearbyPoint("Kraków Rynek", "Rynek Główny 27", 50.0618, 19.9369, 48, true, "24/7"),
                        new NearbyPoint("Kraków Podgórze", "ul. Kalwaryjska 40", 50.0438, 19.9492, 2090, null, "")),
                "Lesser Poland");

        JsonNode json = json(new Outcome("c-1", null, located, HTML, false), new WebVisitorId("visitor-1234"));

        assertThat(json.at("/reply/nearby")).isEqualTo(READER.readTree("""
                [{"name": "Kraków Rynek", "address": "Rynek Główny 27", "lat": 50.0618, "lon": 19.9369,
                  "distanceMeters": 48, "openNow": true, "hours": "24/7"},
                 {"name": "Kraków Podgórze", "address": "ul. Kalwaryjska 40", "lat": 50.0438, "lon": 19.9492,
                  "distanceMeters": 2090, "openNow": null, "hours": ""}]
                """));
        assertThat(json.at("/reply/region").textValue()).isEqualTo("Lesser Poland");
    }

    @Test
    void writesAQueueStatus() throws IOException {
        Outcome outcome = new Outcome("c-2", null,
                Reply.queued("You are number 3", new QueueStatus(3, Duration.ofMinutes(4), true)), HTML, true);

        JsonNode json = json(outcome, new WebVisitorId("visitor-1234"));

        assertThat(json.get("duplicate").booleanValue()).isTrue();
        assertThat(json.at("/reply/view").textValue()).isEqualTo("queue-status");
        assertThat(json.at("/reply/source").textValue()).isEqualTo("system");
        assertThat(json.at("/reply/topics").isEmpty()).isTrue();
        assertThat(json.at("/reply/queue")).isEqualTo(READER.readTree(
                "{\"position\": 3, \"estimatedWaitSeconds\": 240, \"agentsOnDuty\": true}"));
    }

    @Test
    void anUnknownWaitAndAnUnissuedTokenAreNull() throws IOException {
        Outcome outcome = new Outcome("c-3", null, Reply.queued("Nobody is on duty", QueueStatus.NOBODY_ON_DUTY), HTML,
                false);

        JsonNode json = json(outcome, new WebVisitorId("visitor-1234"));

        assertThat(json.has("customerToken")).isTrue();
        assertThat(json.get("customerToken").isNull()).isTrue();
        assertThat(json.at("/reply/queue/estimatedWaitSeconds").isNull()).isTrue();
        assertThat(json.at("/reply/queue/agentsOnDuty").booleanValue()).isFalse();
    }

    @Test
    void anAddressThatIsNotAVisitorIdGivesNoVisitorId() throws IOException {
        Outcome outcome = new Outcome("c-4", "tok", Reply.answer("Hi", Reply.Source.AGENT, List.of()), null, false);

        JsonNode json = json(outcome, new E164Number("+447700900123"));

        assertThat(json.get("visitorId").isNull()).isTrue();
        assertThat(json.at("/reply/source").textValue()).isEqualTo("agent");
        assertThat(json.at("/reply/html").isNull()).isTrue();
    }

    @Test
    void namesEverySourceAndView() {
        assertThat(OutcomeJson.source(Reply.Source.KNOWLEDGE_BASE)).isEqualTo("knowledge-base");
        assertThat(OutcomeJson.source(Reply.Source.AGENT)).isEqualTo("agent");
        assertThat(OutcomeJson.source(Reply.Source.SYSTEM)).isEqualTo("system");
    }

    @Test
    void escapesTextForJson() throws IOException {
        String tricky = "quote \" backslash \\ newline \n </script> \u2028 zażółć \uD83D\uDE00";
        Outcome outcome = new Outcome("c-5", null, Reply.answer(tricky, Reply.Source.AGENT, List.of()), HTML, false);

        assertThat(json(outcome, new WebVisitorId("visitor-1234")).at("/reply/text").textValue()).isEqualTo(tricky);
    }
}
