package dev.switchboard.hub.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.hub.knowledge.json.KnowledgeBaseLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoKnowledgeBaseTest {

    private final List<KnowledgeArticle> articles = KnowledgeBaseLoader.readArticles("knowledge-base.json");

    @Test
    void hasAModestNumberOfSmsFriendlyAnswers() {
        assertThat(articles).hasSizeBetween(20, 25);
        assertThat(articles).allSatisfy(article -> assertThat(article.answer()).hasSizeLessThanOrEqualTo(300));
    }

    @Test
    void includesPolishAndProgrammeArticles() {
        assertThat(articles).filteredOn(a -> a.language().filter("pl"::equals).isPresent()).hasSize(2);
        assertThat(articles).filteredOn(a -> a.tvProgramme() != null)
                .extracting(KnowledgeArticle::tvProgramme)
                .contains("Evening News");
    }

    @Test
    void offersNoSelfServiceAnswerForTalkingToAPerson() {
        assertThat(articles).noneSatisfy(article ->
                assertThat(article.topic().toLowerCase(java.util.Locale.ROOT)).containsAnyOf("agent", "person", "human"));
    }
}
