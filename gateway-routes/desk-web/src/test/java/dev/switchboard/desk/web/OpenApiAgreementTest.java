package dev.switchboard.desk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.desk.AgentDesk;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The OpenAPI description served at /api/openapi.json and the agent API's operations describe the same API. */
public class OpenApiAgreementTest {

    /**
     * The agent API's OpenAPI description as the gateway serves it; a key twice in one object (a reader keeps only one
     * of them: a second list of parameters hid the first) fails the read.
     */
    public static JsonNode document() throws Exception {
        try (InputStream in = OpenApiServlet.class.getClassLoader().getResourceAsStream(OpenApiServlet.RESOURCE)) {
            return new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).readTree(in);
        }
    }

    private static List<Operation> operations() {
        return new AgentApi(new AgentDesk(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null), null)
                .operations();
    }

    /** Every operation {@code document} describes, as {@code METHOD /path}. */
    public static Set<String> documented(JsonNode document) {
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
    void everyServedOperationIsDescribedAndEveryDescribedOperationIsServed() throws Exception {
        Set<String> served = new TreeSet<>();
        operations().forEach(operation -> served.add(operation.method() + " " + operation.path()));
        assertThat(documented(document())).isEqualTo(served);
    }

    @Test
    void pathParametersBodiesAndSecurityAgree() throws Exception {
        JsonNode paths = document().path("paths");
        for (Operation operation : operations()) {
            JsonNode described = paths.path(operation.path()).path(operation.method().toLowerCase(Locale.ROOT));
            List<String> parameters = new ArrayList<>();
            described.path("parameters").forEach(p -> {
                if (p.path("in").asText().equals("path")) {
                    parameters.add(p.path("name").asText());
                }
            });
            assertThat(parameters).as(operation.method() + " " + operation.path()).isEqualTo(operation.parameterNames());
            assertThat(described.has("requestBody")).as("body of " + operation.path()).isEqualTo(operation.changesState());
            if (operation.signIn()) {
                assertThat(described.path("security")).as("sign-in needs no session").isEmpty();
            } else if (operation.changesState()) {
                assertThat(described.path("security").toString()).as(operation.path()).contains("csrf");
            }
        }
    }
}
