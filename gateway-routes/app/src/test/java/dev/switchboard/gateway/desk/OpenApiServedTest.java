package dev.switchboard.gateway.desk;

import static dev.switchboard.desk.web.OpenApiAgreementTest.document;
import static dev.switchboard.desk.web.OpenApiAgreementTest.documented;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.gateway.Gateway;
import dev.switchboard.testing.AgentClient;
import dev.switchboard.testing.HttpJson;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway serves the agent API's OpenAPI description, and answers each path it describes as an operation. */
class OpenApiServedTest {

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
                        .replaceAll("\\{[A-Za-z]+}", "nobody");
                HttpJson.Response answer = switch (method) {
                    case "GET" -> stranger.get(path);
                    case "PUT" -> stranger.put(path, "{}", true);
                    default -> stranger.post(path, "{}");
                };
                assertThat(answer.status()).as(operation).isIn(400, 401);
            }
            HttpJson.Response unknown = stranger.get("/api/agent/nothing-here");
            assertThat(unknown.status()).isEqualTo(404);
        }
    }
}
