package dev.switchboard.hub.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One self-service answer in the knowledge base.
 *
 * <p>{@code phrasings} are alternative ways customers ask the same question; {@code tags} are extra
 * keywords. A tag of the form {@code lang:xx} (ISO 639 code) declares the article's language and is
 * not used as a keyword. {@code tvService} and {@code tvProgramme} tie the answer to one TV service
 * or programme; {@code null} means the answer applies to any.
 */
public record KnowledgeArticle(
        String id,
        String question,
        List<String> phrasings,
        String answer,
        String topic,
        List<String> tags,
        String tvService,
        String tvProgramme) {

    /** Prefix of the tag that declares an article's language, e.g. {@code lang:pl}. */
    public static final String LANGUAGE_TAG_PREFIX = "lang:";

    public KnowledgeArticle {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("article id is missing or blank");
        }
        id = id.strip();
        question = requireText(id, question, "question");
        answer = requireText(id, answer, "answer");
        topic = requireText(id, topic, "topic");
        phrasings = requireTexts(id, phrasings, "phrasings");
        tags = requireTexts(id, tags, "tags");
        tvService = blankToNull(tvService);
        tvProgramme = blankToNull(tvProgramme);
    }

    /** An article that is not tied to any TV service or programme. */
    public KnowledgeArticle(
            String id, String question, List<String> phrasings, String answer, String topic, List<String> tags) {
        this(id, question, phrasings, answer, topic, tags, null, null);
    }

    /** The language declared by a {@code lang:xx} tag, lower-case, if any. */
    public Optional<String> language() {
        for (String tag : tags) {
            if (isLanguageTag(tag)) {
                return Optional.of(tag.substring(LANGUAGE_TAG_PREFIX.length()).strip().toLowerCase(Locale.ROOT));
            }
        }
        return Optional.empty();
    }

    static boolean isLanguageTag(String tag) {
        return tag.regionMatches(true, 0, LANGUAGE_TAG_PREFIX, 0, LANGUAGE_TAG_PREFIX.length());
    }

    private static String requireText(String id, String value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("article '" + id + "': " + field + " is missing");
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException("article '" + id + "': " + field + " is blank");
        }
        return value.strip();
    }

    private static List<String> requireTexts(String id, List<String> values, String field) {
        if (values == null) {
            return List.of();
        }
        List<String> copy = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(
                        "article '" + id + "': " + field + "[" + i + "] is missing or blank");
            }
            copy.add(value.strip());
        }
        return List.copyOf(copy);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
