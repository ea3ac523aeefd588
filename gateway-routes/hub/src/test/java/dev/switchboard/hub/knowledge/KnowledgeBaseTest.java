package dev.switchboard.hub.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.switchboard.hub.knowledge.json.KnowledgeBaseLoader;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KnowledgeBaseTest {

    private static final KnowledgeBase DEMO = KnowledgeBaseLoader.fromClasspath("knowledge-base.json");

    private static final String NEWS_SERVICE = "dvb://233a.1004.1044";
    private static final String NEWS = "Evening News";
    private static final String FOOTBALL_SERVICE = "dvb://233a.1004.1045";

    private static Optional<String> answerId(String question) {
        return DEMO.bestAnswer(question, null, null, null).map(match -> match.article().id());
    }

    private static Optional<String> answerId(String question, String service, String programme) {
        return DEMO.bestAnswer(question, null, service, programme).map(match -> match.article().id());
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
        "what time do you open on saturday | opening-hours",
        "Are you open on bank holidays? | opening-hours",
        "I forgot my password | reset-password",
        "reset my password please | reset-password",
        "my tv picture is frozen | tv-picture-frozen",
        "Hi, the screen froze on my television, can you help? | tv-picture-frozen",
        "how much does it cost to use my phone abroad | roaming",
        "o której otwieracie | pl-godziny-otwarcia",
        "godziny otwarcia sklepu | pl-godziny-otwarcia",
        "zapomniałem hasła | pl-reset-hasla",
        "ZAPOMNIALEM HASLA | pl-reset-hasla",
        "nie pamiętam swojego hasła do konta | pl-reset-hasla",
        "where is my parcel | delivery-tracking",
        "can i get a refund | returns-refunds",
        "my sms dont arrive | sms-not-arriving",
        "nie działa mi internet | mobile-data",
        "how do I turn on captions | tv-subtitles",
        "what is on tonight | tv-guide",
        "cancel my subscription | cancel-contract",
        "where is the closest store | store-locations",
        "how do i watch a show again | tv-catch-up",
        "can I watch the evening news again | evening-news-replay"
    })
    void realisticQuestionsFindTheirArticle(String question, String expectedId) {
        assertThat(answerId(question)).contains(expectedId);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "what is the meaning of life", "asdf qwer", "", "   ", "?!", "thank you",
        "I want to talk to a human agent", "can I speak to a real person", "weather tomorrow"
    })
    void unrelatedQuestionsFindNothing(String question) {
        assertThat(DEMO.bestAnswer(question, Locale.ENGLISH, null, null)).isEmpty();
    }

    @Test
    void nullQuestionFindsNothing() {
        assertThat(DEMO.bestAnswer(null, null, null, null)).isEmpty();
    }

    @Test
    void scoresAreBetweenThresholdAndOne() {
        KnowledgeMatch match = DEMO.bestAnswer("I forgot my password", null, null, null).orElseThrow();
        assertThat(match.score()).isBetween(DEMO.threshold(), 1.0);
    }

    @Test
    void weakPartialMatchIsRejectedByTheThreshold() {
        // Only the common word "tv" is shared with any article.
        String question = "my tv is broken";
        KnowledgeBase unfiltered = new KnowledgeBase(DEMO.articles(), 0.0);

        Optional<KnowledgeMatch> weak = unfiltered.bestAnswer(question, null, null, null);

        assertThat(weak).isPresent();
        assertThat(weak.get().score()).isPositive().isLessThan(KnowledgeBase.DEFAULT_THRESHOLD);
        assertThat(DEMO.bestAnswer(question, null, null, null)).isEmpty();
    }

    @Test
    void customThresholdIsApplied() {
        KnowledgeBase strict = new KnowledgeBase(DEMO.articles(), 0.95);
        assertThat(strict.bestAnswer("my sms dont arrive", null, null, null)).isEmpty();
        assertThat(strict.bestAnswer("SMS not arriving", null, null, null)).isPresent();
    }

    @Test
    void menuNumberAndTopicNameMatchDirectly() {
        List<String> topics = DEMO.topics();
        assertThat(topics).hasSize(DEMO.articles().size()).startsWith("Opening hours", "Reset password");

        KnowledgeMatch byNumber = DEMO.bestAnswer(" 2 ", null, null, null).orElseThrow();
        assertThat(byNumber.article().id()).isEqualTo("reset-password");
        assertThat(byNumber.score()).isEqualTo(1.0);

        KnowledgeMatch byName = DEMO.bestAnswer("tv SUBTITLES", null, null, null).orElseThrow();
        assertThat(byName.article().id()).isEqualTo("tv-subtitles");
        assertThat(byName.score()).isEqualTo(1.0);

        assertThat(answerId("Reset hasla")).contains("pl-reset-hasla");
        assertThat(answerId("0")).isEmpty();
        assertThat(answerId(String.valueOf(topics.size() + 1))).isEmpty();
    }

    @Test
    void byTopicAcceptsNameOrMenuNumber() {
        assertThat(DEMO.byTopic("opening HOURS")).map(KnowledgeArticle::id).contains("opening-hours");
        assertThat(DEMO.byTopic("Godziny otwarcia")).map(KnowledgeArticle::id).contains("pl-godziny-otwarcia");
        assertThat(DEMO.byTopic("1")).map(KnowledgeArticle::id).contains("opening-hours");
        assertThat(DEMO.byTopic(String.valueOf(DEMO.topics().size())))
                .map(KnowledgeArticle::topic).contains(DEMO.topics().get(DEMO.topics().size() - 1));
        assertThat(DEMO.byTopic("opening")).isEmpty();
        assertThat(DEMO.byTopic("99")).isEmpty();
        assertThat(DEMO.byTopic(null)).isEmpty();
    }

    @Test
    void programmeContextPrefersTheProgrammeArticle() {
        String question = "how do I watch this again";

        assertThat(answerId(question)).contains("tv-catch-up");
        assertThat(answerId(question, NEWS_SERVICE, NEWS)).contains("evening-news-replay");
        assertThat(answerId(question, FOOTBALL_SERVICE, "sunday football"))
                .contains("sunday-football-highlights");
    }

    @Test
    void programmeNameInTheQuestionDoesNotOverrideItsIntent() {
        assertThat(answerId("the evening news picture is frozen", NEWS_SERVICE, NEWS)).contains("tv-picture-frozen");
        assertThat(answerId("subtitles", NEWS_SERVICE, NEWS)).contains("tv-subtitles");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "replay the football highlights", "Sunday Football: highlights", "football", "I missed the match",
        "how do I watch this again", "16"
    })
    void articleTiedToAnotherProgrammeIsNeverReturned(String question) {
        assertThat(DEMO.byTopic("16")).map(KnowledgeArticle::id).contains("sunday-football-highlights");

        assertThat(answerId(question, NEWS_SERVICE, NEWS)).isNotEqualTo(Optional.of("sunday-football-highlights"));
        assertThat(answerId(question, null, NEWS)).isNotEqualTo(Optional.of("sunday-football-highlights"));
        assertThat(answerId(question, NEWS_SERVICE, null)).isNotEqualTo(Optional.of("sunday-football-highlights"));
    }

    @Test
    void programmeArticlesStillMatchWithoutAnyTvContext() {
        assertThat(answerId("replay the football highlights")).contains("sunday-football-highlights");
    }

    @Test
    void localeBreaksTiesInFavourOfArticlesInThatLanguage() {
        KnowledgeBase kb = new KnowledgeBase(List.of(
                new KnowledgeArticle("en", "Change PIN code", List.of(), "Settings > PIN.", "Change PIN",
                        List.of("lang:en")),
                new KnowledgeArticle("pl", "Zmiana kodu PIN", List.of(), "Ustawienia > PIN.", "Zmiana PIN",
                        List.of("lang:pl"))), 0.0);

        assertThat(kb.bestAnswer("pin", Locale.forLanguageTag("pl-PL"), null, null))
                .map(match -> match.article().id()).contains("pl");
        assertThat(kb.bestAnswer("pin", Locale.UK, null, null))
                .map(match -> match.article().id()).contains("en");
    }

    @Test
    void rejectsDuplicateIdsTopicsAndBadThresholds() {
        KnowledgeArticle first = new KnowledgeArticle("a", "q", List.of(), "x", "Topic", List.of());
        KnowledgeArticle sameId = new KnowledgeArticle("a", "q2", List.of(), "y", "Other", List.of());
        KnowledgeArticle sameTopic = new KnowledgeArticle("b", "q2", List.of(), "y", "TOPIC", List.of());

        assertThatIllegalArgumentException().isThrownBy(() -> new KnowledgeBase(List.of(first, sameId)))
                .withMessageContaining("duplicate article id 'a'");
        assertThatIllegalArgumentException().isThrownBy(() -> new KnowledgeBase(List.of(first, sameTopic)))
                .withMessageContaining("duplicate topic");
        assertThatIllegalArgumentException().isThrownBy(() -> new KnowledgeBase(List.of(first), 1.5));
        assertThatIllegalArgumentException().isThrownBy(() -> new KnowledgeBase(List.of(first), Double.NaN));
    }

    @Test
    void tinyKnowledgeBaseStillMatches() {
        KnowledgeBase kb = new KnowledgeBase(List.of(
                new KnowledgeArticle("hours", "When are you open?", List.of(), "9-5.", "Opening hours", List.of()),
                new KnowledgeArticle("refund", "Can I get a refund?", List.of(), "Yes.", "Refunds", List.of()),
                new KnowledgeArticle("pin", "How do I change my PIN?", List.of(), "Settings.", "PIN", List.of())));

        assertThat(kb.bestAnswer("are you open today", null, null, null))
                .map(match -> match.article().id()).contains("hours");
        assertThat(kb.bestAnswer("asdf", null, null, null)).isEmpty();
    }

    @Test
    void concurrentLookupsAgreeWithSequentialOnes() {
        List<String> questions = List.of("I forgot my password", "my tv picture is frozen", "asdf",
                "o której otwieracie", "where is my parcel", "3");
        List<Optional<KnowledgeMatch>> expected =
                questions.stream().map(q -> DEMO.bestAnswer(q, null, null, null)).toList();

        boolean allAgree = IntStream.range(0, 20_000).parallel().allMatch(i -> {
            int k = i % questions.size();
            return DEMO.bestAnswer(questions.get(k), null, null, null).equals(expected.get(k));
        });

        assertThat(allAgree).isTrue();
    }

    @Test
    void topicsForAViewerPutHisProgrammeFirstThenTelevisionAndLeaveOutOtherProgrammes() {
        List<String> topics = DEMO.topicsFor(NEWS_SERVICE, NEWS);

        assertThat(topics.get(0)).isEqualTo("Evening News: watch again");
        assertThat(topics.subList(1, 6)).containsExactly("TV picture frozen", "TV subtitles", "TV parental PIN",
                "TV programme guide", "Watch again (catch-up TV)");
        assertThat(topics).doesNotContain("Sunday Football: highlights")
                .hasSize(DEMO.topics().size() - 1).contains("Opening hours");
    }

    @Test
    void topicsWithoutATvContextAreTheMenuAsItIs() {
        assertThat(DEMO.topicsFor(null, " ")).isEqualTo(DEMO.topics());
        assertThat(DEMO.topicsFor(FOOTBALL_SERVICE, null)).first().isEqualTo("Sunday Football: highlights");
    }
}
