package dev.switchboard.hub.places.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.hub.places.ServicePoint;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServicePointsLoaderTest {

    private static List<ServicePoint> read(String json) throws IOException {
        return ServicePointsLoader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    @Test
    void theDemoListCoversPolandAndTheUk() {
        List<ServicePoint> demo = ServicePointsLoader.fromClasspath("service-points-demo.json");

        assertThat(demo).hasSizeGreaterThanOrEqualTo(30);
        assertThat(demo).extracting(ServicePoint::region).contains("Lesser Poland", "Mazovia", "England", "Scotland");
        assertThat(demo).allSatisfy(p -> assertThat(p.hours()).isNotNull());
    }

    @Test
    void readsEveryField() throws IOException {
        List<ServicePoint> points = read("""
                [{"id": "a", "name": "Kraków Rynek", "address": "Rynek Główny 1", "lat": 50.06, "lon": 19.94,
                  "region": "Lesser Poland", "timeZone": "Europe/Warsaw", "hours": "Mo-Fr 09:00-17:00"},
                 {"id": "b", "name": "No hours", "lat": 51.5, "lon": -0.1, "timeZone": "Europe/London"}]""");

        assertThat(points.get(0).address()).isEqualTo("Rynek Główny 1");
        assertThat(points.get(0).hours()).hasToString("Mo-Fr 09:00-17:00");
        assertThat(points.get(1).hours()).isNull();
        assertThat(points.get(1).region()).isEmpty();
    }

    @Test
    void aBadEntryIsNamedWithItsReason() {
        assertThatThrownBy(() -> read("[{\"id\": \"a\", \"name\": \"A\", \"lat\": \"north\", \"lon\": 1, \"timeZone\": \"UTC\"}]"))
                .hasMessageContaining("service point 1 of test.json").hasMessageContaining("lat must be a number");
        assertThatThrownBy(() -> read("[{\"id\": \"a\", \"name\": \"A\", \"lat\": 1, \"lon\": 1, \"timeZone\": \"Mars/Base\"}]"))
                .hasMessageContaining("service point 1 of test.json");
        assertThatThrownBy(() -> read("[{\"id\": \"a\", \"name\": \"A\", \"lat\": 91, \"lon\": 1, \"timeZone\": \"UTC\"}]"))
                .hasMessageContaining("no valid position");
        assertThatThrownBy(() -> read("[{\"id\": \"a\", \"name\": \"A\", \"lat\": 1, \"lon\": 1, \"timeZone\": \"UTC\", \"hours\": \"always\"}]"))
                .hasMessageContaining("not 'days times'");
        assertThatThrownBy(() -> read("""
                [{"id": "a", "name": "A", "lat": 1, "lon": 1, "timeZone": "UTC"},
                 {"id": "a", "name": "B", "lat": 2, "lon": 2, "timeZone": "UTC"}]"""))
                .hasMessageContaining("service point 2").hasMessageContaining("used twice");
        assertThatThrownBy(() -> read("{\"id\": 1}")).hasMessageContaining("must be a JSON array");
        assertThatThrownBy(() -> read("[{")).hasMessageContaining("not valid JSON");
    }
}
