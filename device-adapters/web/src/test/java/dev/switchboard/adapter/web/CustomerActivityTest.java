package dev.switchboard.adapter.web;

import static dev.switchboard.adapter.web.CustomerApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.adapter.testkit.RecordingHelpDesk;
import dev.switchboard.adapter.web.CustomerApiClient.Opened;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/conversations/{id}/typing} and {@code .../read}, and the conversation's {@code readUpTo}, as the
 * chat widget's HTTP client sees them: a real Jetty in front of an in-memory help desk.
 */
class CustomerActivityTest {
    private static final RecordingHelpDesk helpDesk = ApiServer.helpDesk();
    private static CustomerApiClient api;

    @BeforeAll
    static void start() throws Exception {
        api = CustomerApiClient.start(helpDesk);
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    private static JsonNode read(Opened conversation) throws Exception {
        HttpResponse<String> read = api.send("GET", "/api/conversations/" + conversation.id(), null,
                conversation.token());
        assertThat(read.statusCode()).isEqualTo(200);
        return json(read);
    }

    @Test
    void theCustomersTypingIsToldToTheHelpDeskForTheTokenHolderOnly() throws Exception {
        Opened conversation = api.open();

        HttpResponse<String> typing = api.send("POST", "/api/conversations/" + conversation.id() + "/typing", "{}",
                conversation.token());
        HttpResponse<String> stranger = api.send("POST", "/api/conversations/" + conversation.id() + "/typing", "{}",
                "not-the-token");
        HttpResponse<String> anonymous = api.send("POST", "/api/conversations/" + conversation.id() + "/typing",
                null, null);

        assertThat(typing.statusCode()).isEqualTo(200);
        assertThat(json(typing).path("conversationId").asText()).isEqualTo(conversation.id());
        assertThat(stranger.statusCode()).isEqualTo(404);
        assertThat(anonymous.statusCode()).isEqualTo(404);
        assertThat(json(stranger).path("error").asText()).isEqualTo("not-found");
        assertThat(helpDesk.customerTyping()).filteredOn(conversation.id()::equals).hasSize(1);
    }

    @Test
    void theCustomersReadMarkMovesToAMessageOfHisThreadOnce() throws Exception {
        Opened conversation = api.open();
        String answer = read(conversation).path("messages").get(1).path("id").asText();
        String path = "/api/conversations/" + conversation.id() + "/read";

        HttpResponse<String> first = api.send("POST", path, "{\"messageId\": \"" + answer + "\"}",
                conversation.token());
        HttpResponse<String> again = api.send("POST", path, "{\"messageId\": \"" + answer + "\"}",
                conversation.token());
        HttpResponse<String> unknown = api.send("POST", path, "{\"messageId\": \"m-elsewhere\"}", conversation.token());

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(json(first).path("moved").booleanValue()).isTrue();
        assertThat(json(again).path("moved").booleanValue()).as("the mark is there already").isFalse();
        assertThat(json(unknown).path("moved").booleanValue()).as("not a message of this thread").isFalse();
        assertThat(helpDesk.customerReadUpTo(conversation.id())).hasValue(answer);
        assertThat(api.send("POST", path, "{\"messageId\": \"" + answer + "\"}", "not-the-token").statusCode())
                .isEqualTo(404);
    }

    @Test
    void aReadCallWithoutAMessageIdIs400SayingWhatIsNeeded() throws Exception {
        Opened conversation = api.open();
        String path = "/api/conversations/" + conversation.id() + "/read";
        for (String body : new String[] {"{}", "{\"messageId\": 7}", "{\"messageId\": \" \"}", "[\"m-1\"]",
                "{\"messageId\": \"" + "m".repeat(CustomerActivityCall.MAX_MESSAGE_ID_LENGTH + 1) + "\"}"}) {
            HttpResponse<String> refused = api.send("POST", path, body, conversation.token());
            assertThat(refused.statusCode()).as(body).isEqualTo(400);
            assertThat(json(refused).path("error").asText()).as(body).isEqualTo("invalid-request");
            assertThat(json(refused).path("message").asText()).as(body).contains("messageId");
        }
        assertThat(api.send("GET", path, null, conversation.token()).statusCode()).isEqualTo(405);
        assertThat(helpDesk.customerReadUpTo(conversation.id())).isEmpty();
    }

    @Test
    void theConversationSaysHowFarTheAgentsHaveRead() throws Exception {
        Opened conversation = api.open();
        assertThat(read(conversation).get("readUpTo").isNull()).as("always reported, null before any").isTrue();

        Instant upTo = Instant.parse("2026-12-07T10:15:30.123456Z");
        helpDesk.agentsRead(conversation.id(), upTo);

        assertThat(read(conversation).path("readUpTo").asText()).isEqualTo("2026-12-07T10:15:30.123456Z");
    }
}
