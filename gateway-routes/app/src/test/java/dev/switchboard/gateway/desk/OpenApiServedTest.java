package dev.switchboard.gateway.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.testing.AgentClient;
import dev.switchboard.testing.HttpJson;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway serves the agent API's OpenAPI description, and answers each path it describes as an operation. */
class OpenApiServedTest {

    private static JsonNode document() throws Exception {
        try (InputStream in = OpenApiServedTest.class.getClassLoader().getResourceAsStream("openapi/agent-api.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static Set<String> documented(JsonNode document) {
        Set<String> found = new TreeSet<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method ->
                    found.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey()));
        }
        return found;
    }

    @Test
    void theGatewayServesTheDescriptionAndEveryDescribedPathAnswersAsAnOperationNotAsAnUnknownPath(@TempDir Path dir)
            throws Exception {
        try (Gateway gateway = AgentRoutingApiTest.gateway(dir, Map.of())) {
            HttpJson.Response served = new HttpJson(gateway.baseUri()).get("/api/openapi.json", null);
            assertThat(served.status()).isEqualTo(200);
            assertThat(served.json()).isEqualTo(document());

            AgentClient stranger = new AgentClient(gateway.baseUri());
            for (String operation : documented(document())) {
                String method = operation.substring(0, operation.indexOf(' '));
                String path = operation.substring(operation.indexOf(' ') + 1).replace("{id}", "c-none")
                        .replace("{username}", "nobody");
                HttpJson.Response answer = method.equals("GET") ? stranger.get(path) : stranger.post(path, "{}");
                assertThat(answer.status()).as(operation).isIn(400, 401);
            }
            HttpJson.Response unknown = stranger.get("/api/agent/nothing-here");
            assertThat(unknown.status()).isEqualTo(404);
        }
    }
}
