package dev.switchboard.desk;

import java.time.Instant;
import java.util.Objects;

/**
 * An agent's choice of a suggested answer: he inserted the article into his reply to a conversation. Kept so that
 * articles agents choose rank higher among later suggestions.
 *
 * @param articleId      the knowledge-base article inserted
 * @param conversationId the conversation he was answering
 * @param agent          the agent's user name
 * @param at             when he chose it
 */
public record SuggestionChoice(String articleId, String conversationId, String agent, Instant at) {

    public SuggestionChoice {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(at, "at");
    }
}
