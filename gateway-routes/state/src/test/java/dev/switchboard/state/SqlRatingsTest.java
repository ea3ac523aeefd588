package dev.switchboard.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.hub.domain.RatingCount;
import dev.switchboard.hub.domain.RatingRecord;
import dev.switchboard.spi.Rating;
import dev.switchboard.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Satisfaction questions and answers in table {@code ratings}, on H2 and PostgreSQL alike. */
class SqlRatingsTest {
    private static final String BOTH = "dev.switchboard.testing.TestDatabases#both";
    private static final Instant T = Instant.parse("2026-12-07T10:00:00Z");

    private static RatingRecord asked(String id, String conversation, String agent, String channel, Instant at) {
        return RatingRecord.asked(id, conversation, conversation, agent, agent.toUpperCase(), channel, at, "hash-" + id);
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void anAnswerIsStoredOnceWhileAskedAndARepeatOfItsKeyGetsItBack(TestDatabase kind) {
        SqlRatings ratings = new SqlRatings(kind.open().dataSource());
        ratings.ask(asked("rt-1", "cv-1", "ann", "sms", T));
        assertThat(ratings.latest("cv-1")).get().extracting(RatingRecord::status).isEqualTo(RatingRecord.Status.ASKED);

        Optional<RatingRecord> first = ratings.answer("rt-1", new Rating(4, "Quick and kind"), "sms", "smsc-7", T.plusSeconds(60));
        assertThat(first).get().satisfies(row -> {
            assertThat(row.status()).isEqualTo(RatingRecord.Status.RATED);
            assertThat(row.rating()).isEqualTo(new Rating(4, "Quick and kind"));
            assertThat(row.ratedOn()).isEqualTo("sms");
            assertThat(row.ratedAt()).isEqualTo(T.plusSeconds(60));
            assertThat(row.agent()).isEqualTo("ann");
        });

        assertThat(ratings.answer("rt-1", new Rating(4, "Quick and kind"), "sms", "smsc-7", T.plusSeconds(90)))
                .as("a repeat of the same key").get().extracting(RatingRecord::rating).isEqualTo(new Rating(4, "Quick and kind"));
        assertThat(ratings.answer("rt-1", new Rating(1, null), "sms", "smsc-8", T.plusSeconds(90)))
                .as("a second answer").isEmpty();
        assertThat(ratings.answer("rt-1", new Rating(2, null), "web-chat", null, T.plusSeconds(90)))
                .as("a second answer without a key").isEmpty();
        assertThat(ratings.latestOf("ann", 10)).singleElement().extracting(RatingRecord::rating)
                .isEqualTo(new Rating(4, "Quick and kind"));
        assertThat(ratings.counts(T, T.plusSeconds(3600))).containsExactly(new RatingCount("ann", "sms", 1, 4));
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void aNewQuestionWithdrawsTheUnansweredOneOfTheSameThread(TestDatabase kind) {
        SqlRatings ratings = new SqlRatings(kind.open().dataSource());
        ratings.ask(asked("rt-1", "cv-1", "ann", "web-chat", T));
        ratings.ask(asked("rt-2", "cv-1", "bob", "web-chat", T.plusSeconds(10)));

        assertThat(ratings.latest("cv-1")).get().extracting(RatingRecord::id).isEqualTo("rt-2");
        assertThat(ratings.answer("rt-1", new Rating(5, null), "web-chat", "k1", T.plusSeconds(20))).isEmpty();
        assertThat(ratings.ofConversations(List.of("cv-1"))).extracting(RatingRecord::id, RatingRecord::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("rt-1", RatingRecord.Status.WITHDRAWN),
                        org.assertj.core.groups.Tuple.tuple("rt-2", RatingRecord.Status.ASKED));
        assertThat(ratings.byLink("hash-rt-2")).get().extracting(RatingRecord::id).isEqualTo("rt-2");
        assertThat(ratings.byLink("hash-unknown")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void ratingsAreCountedPerAgentAndChannelOverAPeriodAndKeptAcrossAReopen(TestDatabase kind) {
        SqlRatings ratings = new SqlRatings(kind.open().dataSource());
        String[][] given = {{"ann", "sms", "5"}, {"ann", "sms", "3"}, {"ann", "web-chat", "4"}, {"bob", "email", "2"}};
        for (int i = 0; i < given.length; i++) {
            String id = "rt-" + i;
            ratings.ask(asked(id, "cv-" + i, given[i][0], given[i][1], T));
            ratings.answer(id, new Rating(Integer.parseInt(given[i][2]), null), given[i][1], "k" + i, T.plusSeconds(100 + i));
        }
        ratings.ask(asked("rt-late", "cv-late", "ann", "sms", T));
        ratings.answer("rt-late", new Rating(1, null), "sms", "late", T.plusSeconds(7200));
        ratings.ask(asked("rt-open", "cv-open", "ann", "sms", T));

        SqlRatings reopened = new SqlRatings(kind.open().dataSource());
        List<RatingCount> counts = reopened.counts(T, T.plusSeconds(3600));
        assertThat(counts).containsExactly(new RatingCount("ann", "sms", 2, 8), new RatingCount("ann", "web-chat", 1, 4),
                new RatingCount("bob", "email", 1, 2));
        assertThat(counts.get(0).average()).isEqualTo(4.0);
        assertThat(reopened.latestOf("ann", 2)).extracting(RatingRecord::id).containsExactly("rt-late", "rt-2");
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void ofNodesRacingToAnswerOneQuestionOneStoresItsAnswer(TestDatabase kind) throws Exception {
        var dataSource = kind.open().dataSource();
        SqlRatings ratings = new SqlRatings(dataSource);
        ratings.ask(asked("rt-race", "cv-race", "ann", "sms", T));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Optional<RatingRecord>>> answers = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                int score = i;
                answers.add(() -> new SqlRatings(dataSource).answer("rt-race", new Rating(score, null), "sms", "k" + score,
                        T.plusSeconds(score)));
            }
            List<RatingRecord> won = new ArrayList<>();
            for (Future<Optional<RatingRecord>> answer : pool.invokeAll(answers)) {
                answer.get().ifPresent(won::add);
            }
            assertThat(won).hasSize(1);
            assertThat(ratings.latest("cv-race")).get().extracting(RatingRecord::rating).isEqualTo(won.get(0).rating());
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void theTableRefusesAScoreOutsideOneToFive(TestDatabase kind) throws Exception {
        var dataSource = kind.open().dataSource();
        new SqlRatings(dataSource).ask(asked("rt-1", "cv-1", "ann", "sms", T));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE ratings SET score = 6 WHERE id = 'rt-1'")) {
            assertThatThrownBy(update::executeUpdate).isInstanceOf(java.sql.SQLException.class);
        }
    }
}
