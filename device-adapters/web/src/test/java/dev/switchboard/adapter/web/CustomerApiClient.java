package dev.switchboard.adapter.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.adapter.testkit.RecordingHelpDesk;
import dev.switchboard.adapter.testkit.StandInGateway;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.UUID;

/**
 * The customer API as a web client calls it, served by a real Jetty (the test kit's stand-in gateway, {@link ApiServer})
 * in front of a recording help desk: for the API's tests of one conversation's calls.
 */
final class CustomerApiClient implements AutoCloseable {
    static final ObjectMapper READER = new ObjectMapper();

    /** A conversation a visitor opened, and his token. */
    record Opened(String id, String token) {
    }

    private final StandInGateway server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private CustomerApiClient(StandInGateway server) {
        this.server = server;
    }

    static CustomerApiClient start(RecordingHelpDesk helpDesk) throws Exception {
        return new CustomerApiClient(ApiServer.start(helpDesk));
    }

    /** A new visitor says hello: his conversation. */
    Opened open() throws Exception {
        JsonNode body = json(send("POST", "/api/help", "{\"text\": \"hello\", \"visitorId\": \"v-" + UUID.randomUUID()
                + "\"}", null));
        return new Opened(body.path("conversationId").asText(), body.path("customerToken").asText());
    }

    /** A request with a JSON body (or none) and the customer token (or none). */
    HttpResponse<String> send(String method, String path, String body, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return READER.readTree(response.body());
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
