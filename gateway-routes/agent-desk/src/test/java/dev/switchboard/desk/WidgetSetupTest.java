package dev.switchboard.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.spi.WidgetSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Unit tier: a manager saves the widget's settings, checked field by field; every subscriber hears each change. */
class WidgetSetupTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private final AgentAccount boss = new AgentAccount("boss", "Boss", Role.MANAGER, "$2a$04$x", false, Set.of(),
            Set.of(), 2, NOW, AgentContact.NONE);
    private final AgentAccount ann = new AgentAccount("ann", "Ann", Role.AGENT, "$2a$04$x", false, Set.of(),
            Set.of(), 2, NOW, AgentContact.NONE);
    private final InMemoryRecords<WidgetSettings> records = new InMemoryRecords<>();
    private final WidgetSetup setup = new WidgetSetup(records, List.of("https://fixed.example"),
            Clock.fixed(NOW, ZoneOffset.UTC));

    private static WidgetSettings settings(String color, List<String> origins) {
        return new WidgetSettings(color, "left", "pl", new WidgetSettings.Texts(" Talk to us ", "Write to us", "Hello!",
                "Need help?"), WidgetSettings.Texts.NONE, new WidgetSettings.Invitation(true, 20, "^/products/", 2),
                origins, null, null);
    }

    @Test
    void theDefaultsHoldUntilAManagerSavesAndThenHisSettingsAreKeptCheckedAndTold() {
        List<WidgetSettings> heard = new ArrayList<>();
        setup.subscribe(heard::add);
        assertThat(setup.now()).isEqualTo(WidgetSettings.DEFAULTS);

        WidgetSettings saved = setup.save(boss, settings("#AA0000",
                List.of("https://Shop.Example", "https://shop.example", "http://localhost:8081")));

        assertThat(saved.color()).isEqualTo("#aa0000");
        assertThat(saved.english().available()).isEqualTo("Talk to us");
        assertThat(saved.allowedOrigins()).containsExactly("https://shop.example", "http://localhost:8081");
        assertThat(saved.savedBy()).isEqualTo("boss");
        assertThat(saved.savedAt()).isEqualTo(NOW);
        assertThat(setup.now()).isEqualTo(saved);
        assertThat(records.get(WidgetSetup.KEY)).contains(saved);
        assertThat(heard).containsExactly(saved);
        assertThat(setup.serverOrigins()).containsExactly("https://fixed.example");
    }

    @Test
    void aChangeAnotherNodeMadeIsHeardAndToldOnce() {
        List<WidgetSettings> heard = new ArrayList<>();
        setup.subscribe(heard::add);
        WidgetSettings elsewhere = settings("#00aa00", List.of("https://other.example"));

        records.put(WidgetSetup.KEY, elsewhere);

        assertThat(setup.now()).isEqualTo(elsewhere);
        assertThat(heard).containsExactly(elsewhere);
        assertThat(new WidgetSetup(records, List.of(), Clock.systemUTC()).now()).as("a node started later reads it")
                .isEqualTo(elsewhere);
    }

    @Test
    void eachBrokenRuleIsRefusedNamingItsFieldAndNothingIsSaved() {
        assertRefused(settings("red", List.of()), "color", "#rrggbb");
        assertRefused(settings("#aa0000", List.of("https://shop.example/products")), "allowedOrigins",
                "'https://shop.example/products' is not one");
        assertRefused(settings("#aa0000", List.of("shop.example")), "allowedOrigins", "no path");
        WidgetSettings good = settings("#aa0000", List.of());
        assertRefused(new WidgetSettings(good.color(), "middle", "en", good.english(), good.polish(), good.invitation(),
                List.of(), null, null), "position", "right or left");
        assertRefused(new WidgetSettings(good.color(), "right", "de", good.english(), good.polish(), good.invitation(),
                List.of(), null, null), "language", "en or pl");
        assertRefused(new WidgetSettings(good.color(), "right", "en", good.english(),
                new WidgetSettings.Texts("x".repeat(61), "", "", ""), good.invitation(), List.of(), null, null),
                "polish.available", "at most 60 characters");
        assertRefused(new WidgetSettings(good.color(), "right", "en",
                new WidgetSettings.Texts("", "", "y".repeat(201), ""), good.polish(), good.invitation(), List.of(),
                null, null), "english.greeting", "at most 200 characters");
        assertRefused(new WidgetSettings(good.color(), "right", "en", good.english(), good.polish(),
                new WidgetSettings.Invitation(true, 0, "", 1), List.of(), null, null), "invitation.afterSeconds", "1 to");
        assertRefused(new WidgetSettings(good.color(), "right", "en", good.english(), good.polish(),
                new WidgetSettings.Invitation(true, 10, "^/(products", 1), List.of(), null, null),
                "invitation.pathPattern", "regular expression");
        assertThat(records.get(WidgetSetup.KEY)).isEmpty();
    }

    @Test
    void onlyAManagerSavesThem() {
        assertThatThrownBy(() -> setup.save(ann, settings("#aa0000", List.of())))
                .isInstanceOfSatisfying(AgentDeskException.class,
                        e -> assertThat(e.kind()).isEqualTo(AgentDeskException.Kind.FORBIDDEN));
        assertThat(setup.now()).isEqualTo(WidgetSettings.DEFAULTS);
    }

    private void assertRefused(WidgetSettings proposed, String field, String message) {
        assertThatThrownBy(() -> setup.save(boss, proposed)).isInstanceOfSatisfying(AgentDeskException.class, e -> {
            assertThat(e.kind()).isEqualTo(AgentDeskException.Kind.INVALID);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(message);
        });
    }
}
