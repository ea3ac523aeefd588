package dev.switchboard.hub.knowledge;

import java.util.Objects;

/** The article chosen for a question and how well it matched, from 0 (nothing) to 1 (direct hit). */
public record KnowledgeMatch(KnowledgeArticle article, double score) {

    public KnowledgeMatch {
        Objects.requireNonNull(article, "article");
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("score must be within 0..1 but was " + score);
        }
    }
}
