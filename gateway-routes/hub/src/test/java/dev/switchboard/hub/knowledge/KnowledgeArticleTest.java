package dev.switchboard.hub.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnowledgeArticleTest {

    @Test
    void stripsTextsCopiesListsAndTreatsBlankTvFieldsAsAny() {
        List<String> phrasings = new ArrayList<>(List.of(" one "));
        KnowledgeArticle article = new KnowledgeArticle(
                " id ", " Q? ", phrasings, " A. ", " Topic ", null, " ", "");
        phrasings.add("two");

        assertThat(article.id()).isEqualTo("id");
        assertThat(article.question()).isEqualTo("Q?");
        assertThat(article.phrasings()).containsExactly("one");
        assertThat(article.tags()).isEmpty();
        assertThat(article.tvService()).isNull();
        assertThat(article.tvProgramme()).isNull();
    }

    @Test
    void rejectsMissingOrBlankRequiredFieldsNamingThem() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new KnowledgeArticle(" ", "q", List.of(), "a", "t", List.of()))
                .withMessageContaining("id");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new KnowledgeArticle("x", "q", List.of(), null, "t", List.of()))
                .withMessage("article 'x': answer is missing");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new KnowledgeArticle("x", "q", List.of(), "a", " ", List.of()))
                .withMessage("article 'x': topic is blank");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new KnowledgeArticle("x", "q", List.of("ok", " "), "a", "t", List.of()))
                .withMessage("article 'x': phrasings[1] is missing or blank");
    }

    @Test
    void languageComesFromLangTag() {
        KnowledgeArticle polish = new KnowledgeArticle("x", "q", List.of(), "a", "t", List.of("hasło", "LANG:PL"));
        KnowledgeArticle untagged = new KnowledgeArticle("y", "q", List.of(), "a", "t", List.of("hasło"));

        assertThat(polish.language()).contains("pl");
        assertThat(untagged.language()).isEmpty();
    }

    @Test
    void matchScoreMustBeWithinZeroAndOne() {
        KnowledgeArticle article = new KnowledgeArticle("x", "q", List.of(), "a", "t", List.of());
        assertThat(new KnowledgeMatch(article, 1.0).score()).isEqualTo(1.0);
        assertThatIllegalArgumentException().isThrownBy(() -> new KnowledgeMatch(article, 1.01));
        assertThatIllegalArgumentException().isThrownBy(() -> new KnowledgeMatch(article, Double.NaN));
    }
}
