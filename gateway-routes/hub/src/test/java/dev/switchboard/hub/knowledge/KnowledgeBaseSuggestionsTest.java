package dev.switchboard.hub.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.switchboard.hub.knowledge.json.KnowledgeBaseLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The suggestions offered to agents: the best few matches of a text, raised by agents' past choices. */
class KnowledgeBaseSuggestionsTest {

    private static final KnowledgeBase DEMO = KnowledgeBaseLoader.fromClasspath("knowledge-base.json");

    // Two articles that match "when are you open" equally, and one about something else.
    private static final KnowledgeBase TWINS = new KnowledgeBase(List.of(
            new KnowledgeArticle("alpha", "When are you open?", List.of(), "Alpha's answer.", "Alpha", List.of()),
            new KnowledgeArticle("beta", "When are you open?", List.of(), "Beta's answer.", "Beta", List.of()),
            new KnowledgeArticle("gamma", "How do I reset my password?", List.of(), "Gamma's answer.", "Gamma",
                    List.of())));

    private static List<String> ids(List<KnowledgeMatch> matches) {
        return matches.stream().map(m -> m.article().id()).toList();
    }

    @Test
    void givesTheBestFewMatchesBestFirstWithTheBestAnswerOnTop() {
        List<KnowledgeMatch> matches = DEMO.bestMatches("what are your opening hours", null, null, null, 3, Map.of());

        assertThat(matches).hasSizeBetween(1, 3);
        assertThat(matches.get(0).article().id()).isEqualTo("opening-hours");
        assertThat(matches.get(0).score()).isEqualTo(
                DEMO.bestAnswer("what are your opening hours", null, null, null).orElseThrow().score());
        assertThat(matches).extracting(KnowledgeMatch::score)
                .isSortedAccordingTo((a, b) -> Double.compare(b, a))
                .allSatisfy(score -> assertThat(score).isBetween(KnowledgeBase.SUGGESTION_FLOOR, 1.0));
    }

    @Test
    void offersMoreThanTheOneBestAnswerWhenSeveralMatch() {
        List<KnowledgeMatch> matches = DEMO.bestMatches("how do I watch the evening news programme again", null, null,
                null, 3, Map.of());

        assertThat(ids(matches)).hasSizeGreaterThan(1).contains("evening-news-replay", "tv-catch-up");
        assertThat(DEMO.bestMatches("how do I watch the evening news programme again", null, null, null, 1, Map.of()))
                .hasSize(1);
    }

    @Test
    void aMailsSubjectKeptBeforeItsTextCarriesTheQuestion() {
        // The email adapter keeps a new thread's subject before its text: here the subject alone says what is asked.
        assertThat(ids(DEMO.bestMatches("Can I come by tomorrow?", null, null, null, 3, Map.of())))
                .doesNotContain("opening-hours");
        assertThat(ids(DEMO.bestMatches("Opening hours\n\nCan I come by tomorrow?", null, null, null, 3, Map.of())))
                .first().isEqualTo("opening-hours");
    }

    @Test
    void offersNothingForAnUnrelatedText() {
        assertThat(DEMO.bestMatches("what is the meaning of life", null, null, null, 3, Map.of())).isEmpty();
        assertThat(DEMO.bestMatches("", null, null, null, 3, Map.of())).isEmpty();
        assertThat(DEMO.bestMatches(null, null, null, null, 3, Map.of())).isEmpty();
    }

    @Test
    void aChosenArticleRisesAboveAnEqualOne() {
        List<KnowledgeMatch> unchosen = TWINS.bestMatches("when are you open", null, null, null, 3, Map.of());
        assertThat(ids(unchosen)).as("equal scores keep the menu order").containsExactly("alpha", "beta");
        assertThat(unchosen.get(0).score()).isEqualTo(unchosen.get(1).score());

        List<KnowledgeMatch> chosen = TWINS.bestMatches("when are you open", null, null, null, 3, Map.of("beta", 1));

        assertThat(ids(chosen)).containsExactly("beta", "alpha");
        assertThat(chosen.get(0).score()).isEqualTo(unchosen.get(1).score() * ChoiceBoost.factor(1));
    }

    @Test
    void anArticleThatDoesNotMatchIsNeverOfferedHoweverOftenItWasChosen() {
        List<KnowledgeMatch> matches = TWINS.bestMatches("when are you open", null, null, null, 3,
                Map.of("gamma", 1_000_000));

        assertThat(ids(matches)).containsExactly("alpha", "beta");
    }

    @Test
    void theBoostGrowsWithChoicesAndIsBounded() {
        assertThat(ChoiceBoost.factor(0)).isEqualTo(1.0);
        assertThat(ChoiceBoost.factor(1)).isGreaterThan(1.0).isLessThan(ChoiceBoost.factor(5));
        assertThat(ChoiceBoost.factor(ChoiceBoost.SATURATION)).isEqualTo(ChoiceBoost.MAX_FACTOR);
        assertThat(ChoiceBoost.factor(Integer.MAX_VALUE)).isEqualTo(ChoiceBoost.MAX_FACTOR);
        assertThatIllegalArgumentException().isThrownBy(() -> ChoiceBoost.factor(-1));
    }

    @Test
    void aStrongerMatchStaysAboveAWeakerOneChosenOften() {
        // The boost is at most a quarter: "reset password" matches gamma fully, alpha not at all.
        KnowledgeBase kb = new KnowledgeBase(List.of(
                new KnowledgeArticle("strong", "How do I reset my password?", List.of(), "Strong.", "Passwords",
                        List.of()),
                new KnowledgeArticle("weak", "Reset the router", List.of(), "Weak.", "Router", List.of()),
                new KnowledgeArticle("other", "When are you open?", List.of(), "Other.", "Hours", List.of())));

        List<KnowledgeMatch> matches = kb.bestMatches("reset my password", null, null, null, 3, Map.of("weak", 50));

        assertThat(ids(matches).get(0)).isEqualTo("strong");
    }

    @Test
    void refusesALimitBelowOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> DEMO.bestMatches("hours", null, null, null, 0, Map.of()));
    }
}
