package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.hub.places.GazetteerLoader;
import dev.switchboard.hub.places.PostalCode;
import dev.switchboard.testing.HttpJson;
import dev.switchboard.testing.TestGateways;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A postal code keyed in instead of a town, through the customer API, against a whole gateway on a free
 * port: the answer carries the service points nearest to the code's position, exactly as for a device that
 * told that position.
 */
class PostcodeHelpTest {
    private static final String QUESTION = "What are your opening hours?";

    @TempDir
    static Path dataDir;
    static Gateway gateway;
    static HttpJson http;

    @BeforeAll
    static void startGateway() throws Exception {
        gateway = TestGateways.start(dataDir);
        http = new HttpJson(gateway.baseUri());
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    @Test
    void aZipCodeGetsTheNearestServicePointsOfItsPositionNearestFirst() {
        PostalCode zip = GazetteerLoader.shipped().findPostalCode("10001", "US").orElseThrow();

        JsonNode byCode = help("{\"placeName\": \"10001-2062\", \"locale\": \"en-US\"}");
        JsonNode byPosition = help("{\"location\": {\"lat\": " + zip.latitude() + ", \"lon\": " + zip.longitude() + "}}");

        assertThat(byCode.path("region").asText()).isEqualTo("New York");
        JsonNode nearby = byCode.path("nearby");
        assertThat(nearby).hasSize(5);
        for (int i = 1; i < nearby.size(); i++) {
            assertThat(nearby.get(i).path("distanceMeters").asLong())
                    .isGreaterThanOrEqualTo(nearby.get(i - 1).path("distanceMeters").asLong());
        }
        assertThat(namesAndDistances(nearby)).isEqualTo(namesAndDistances(byPosition.path("nearby")));
    }

    @Test
    void aCodeNobodyUsesGivesAnAnswerWithoutPoints() {
        JsonNode reply = help("{\"placeName\": \"00000\"}");

        assertThat(reply.path("view").asText()).isEqualTo("answer");
        assertThat(reply.path("nearby")).isEmpty();
    }

    private static JsonNode help(String context) {
        return http.postJson("/api/help", "{\"text\": \"" + QUESTION + "\", \"context\": " + context + "}", null)
                .json().path("reply");
    }

    private static List<String> namesAndDistances(JsonNode nearby) {
        List<String> rows = new ArrayList<>();
        nearby.forEach(point -> rows.add(point.path("name").asText() + " " + point.path("distanceMeters").asLong()));
        return rows;
    }

}
