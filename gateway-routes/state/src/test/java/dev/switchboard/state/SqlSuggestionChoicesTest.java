package dev.switchboard.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.desk.SuggestionChoice;
import dev.switchboard.testing.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Agents' choices of suggested answers in table {@code suggestion_choices}, on H2 and PostgreSQL alike. */
class SqlSuggestionChoicesTest {
    private static final String BOTH = "dev.switchboard.testing.TestDatabases#both";
    private static final Instant T = Instant.parse("2026-12-07T10:00:00Z");

    @ParameterizedTest
    @MethodSource(BOTH)
    void choicesAreCountedPerArticleOncePerAgentAndConversationAndKeptAcrossAReopen(TestDatabase kind) {
        SqlSuggestionChoices choices = new SqlSuggestionChoices(kind.open().dataSource());
        assertThat(choices.timesChosen()).isEmpty();

        assertThat(choices.record(new SuggestionChoice("opening-hours", "cv-1", "ann", T))).isTrue();
        assertThat(choices.record(new SuggestionChoice("opening-hours", "cv-1", "ann", T.plusMillis(300))))
                .as("a double click").isFalse();
        assertThat(choices.record(new SuggestionChoice("opening-hours", "cv-1", "bob", T))).isTrue();
        assertThat(choices.record(new SuggestionChoice("opening-hours", "cv-2", "ann", T))).isTrue();
        assertThat(choices.record(new SuggestionChoice("store-locations", "cv-1", "ann", T))).isTrue();

        SqlSuggestionChoices reopened = new SqlSuggestionChoices(kind.open().dataSource());
        assertThat(reopened.timesChosen()).isEqualTo(Map.of("opening-hours", 3, "store-locations", 1));
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void ofNodesRacingToRecordOneChoiceOneCountsIt(TestDatabase kind) throws Exception {
        var dataSource = kind.open().dataSource();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> clicks = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int click = i;
                clicks.add(() -> new SqlSuggestionChoices(dataSource).record(
                        new SuggestionChoice("roaming", "cv-race", "ann", T.plusMillis(click))));
            }
            int counted = 0;
            for (Future<Boolean> click : pool.invokeAll(clicks)) {
                counted += click.get() ? 1 : 0;
            }
            assertThat(counted).isEqualTo(1);
            assertThat(new SqlSuggestionChoices(dataSource).timesChosen()).isEqualTo(Map.of("roaming", 1));
        } finally {
            pool.shutdownNow();
        }
    }
}
