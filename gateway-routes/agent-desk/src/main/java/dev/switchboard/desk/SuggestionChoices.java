package dev.switchboard.desk;

import java.util.Map;

/**
 * Where agents' choices of suggested answers are kept: durably, every call one transaction, seen by every node when
 * it returns. Implemented by the state module over the database.
 */
public interface SuggestionChoices {

    /**
     * Keeps a choice once per agent, conversation and article: a repeat (a double click, a retried request, the same
     * article inserted again into the same conversation) is not counted again.
     *
     * @return whether this call kept it; {@code false} when it was kept before
     */
    boolean record(SuggestionChoice choice);

    /** How many choices each article has, by article id; an article never chosen is absent. */
    Map<String, Integer> timesChosen();
}
