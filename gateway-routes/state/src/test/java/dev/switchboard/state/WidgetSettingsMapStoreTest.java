package dev.switchboard.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.spi.WidgetSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chat widget's settings against a real H2 file made by the migrations: each save reads back whole. */
class WidgetSettingsMapStoreTest {
    @TempDir
    Path dataDir;

    private static WidgetSettings settings(String color, List<String> origins) {
        return new WidgetSettings(color, "left", "pl",
                new WidgetSettings.Texts("Talk to us", "Write to us", "Hello! \"Quotes\" & <tags>", "Need help?"),
                new WidgetSettings.Texts("Porozmawiaj", "", "Dzień dobry", ""),
                new WidgetSettings.Invitation(true, 20, "^/products/", 2), origins, "boss",
                Instant.parse("2026-12-07T10:00:00.123456Z"));
    }

    @Test
    void theSettingsReadBackAsSavedAndASaveReplacesTheSitesAndTexts() {
        try (Database database = Database.open("", dataDir, "sa", "")) {
            WidgetSettingsMapStore store = new WidgetSettingsMapStore(database.dataSource());
            assertThat(store.load("site")).isNull();
            assertThat(store.loadAllKeys()).isEmpty();

            WidgetSettings first = settings("#aa0000", List.of("https://shop.example", "http://localhost:8081"));
            store.store("site", first);
            assertThat(store.load("site")).isEqualTo(first);
            assertThat(store.loadAllKeys()).containsExactly("site");

            WidgetSettings second = new WidgetSettings("#00aa00", "right", "en", WidgetSettings.Texts.NONE,
                    WidgetSettings.Texts.NONE, WidgetSettings.Invitation.OFF, List.of("https://b.example",
                    "https://a.example"), "carl", Instant.parse("2026-12-07T11:00:00Z"));
            store.store("site", second);
            assertThat(store.load("site")).as("the sites in the manager's order, removed ones gone").isEqualTo(second);
        }
    }
}
