package dev.switchboard.hub.knowledge.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.switchboard.hub.knowledge.KnowledgeArticle;
import dev.switchboard.hub.knowledge.KnowledgeBase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a knowledge base from JSON of the form
 * {@code {"articles": [{"id", "topic", "question", "phrasings": [...], "answer", "tags": [...],
 * "tvService"?, "tvProgramme"?}]}}.
 *
 * <p>The file is validated as a whole; every failure is a {@link KnowledgeBaseException} whose
 * message names the file, the article (index and id) and what is wrong, or the line and column for
 * malformed JSON.
 */
public final class KnowledgeBaseLoader {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final Set<String> FIELDS =
            Set.of("id", "topic", "question", "phrasings", "answer", "tags", "tvService", "tvProgramme");

    private KnowledgeBaseLoader() {
    }

    /** Loads the file at {@code path} with the default threshold. */
    public static KnowledgeBase fromPath(Path path) {
        return fromPath(path, KnowledgeBase.DEFAULT_THRESHOLD);
    }

    /** Loads the file at {@code path} with the given match threshold. */
    public static KnowledgeBase fromPath(Path path, double threshold) {
        return build(readArticles(path), path.toString(), threshold);
    }

    /** Loads a classpath resource (e.g. {@code "knowledge-base.json"}) with the default threshold. */
    public static KnowledgeBase fromClasspath(String resource) {
        return fromClasspath(resource, KnowledgeBase.DEFAULT_THRESHOLD);
    }

    /** Loads a classpath resource with the given match threshold. */
    public static KnowledgeBase fromClasspath(String resource, double threshold) {
        return build(readArticles(resource), "classpath:" + resource, threshold);
    }

    /** Reads and validates the articles of the file at {@code path}. */
    public static List<KnowledgeArticle> readArticles(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return parse(in, path.toString());
        } catch (NoSuchFileException e) {
            throw new KnowledgeBaseException("knowledge base file not found: " + path, e);
        } catch (IOException e) {
            throw new KnowledgeBaseException("cannot read knowledge base file " + path + ": " + e.getMessage(), e);
        }
    }

    /** Reads and validates the articles of a classpath resource. */
    public static List<KnowledgeArticle> readArticles(String resource) {
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        String source = "classpath:" + name;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = KnowledgeBaseLoader.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new KnowledgeBaseException("knowledge base resource not found: " + source);
            }
            return parse(in, source);
        } catch (IOException e) {
            throw new KnowledgeBaseException("cannot read knowledge base " + source + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses and validates articles from {@code in}; {@code source} names the input in messages.
     * The stream is not closed.
     */
    public static List<KnowledgeArticle> parse(InputStream in, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new KnowledgeBaseException(
                    source + ": malformed JSON" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new KnowledgeBaseException("cannot read knowledge base " + source + ": " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new KnowledgeBaseException(source + ": file is empty");
        }
        if (!root.isObject()) {
            throw new KnowledgeBaseException(source + ": top level must be an object with an \"articles\" array");
        }
        JsonNode list = root.get("articles");
        if (list == null || !list.isArray()) {
            throw new KnowledgeBaseException(source + ": \"articles\" must be an array");
        }
        if (list.isEmpty()) {
            throw new KnowledgeBaseException(source + ": \"articles\" is empty");
        }

        List<KnowledgeArticle> articles = new ArrayList<>(list.size());
        Map<String, Integer> firstIndexById = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            String label = articleLabel(source, i, node);
            if (!node.isObject()) {
                throw new KnowledgeBaseException(label + ": must be an object");
            }
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!FIELDS.contains(name)) {
                    throw new KnowledgeBaseException(label + ": unknown field \"" + name + "\" (allowed: "
                            + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
                }
            }
            KnowledgeArticle article;
            try {
                article = new KnowledgeArticle(
                        requiredText(node, "id", label),
                        requiredText(node, "question", label),
                        texts(node, "phrasings", label),
                        requiredText(node, "answer", label),
                        requiredText(node, "topic", label),
                        texts(node, "tags", label),
                        text(node, "tvService", label),
                        text(node, "tvProgramme", label));
            } catch (IllegalArgumentException e) {
                throw new KnowledgeBaseException(label + ": " + e.getMessage(), e);
            }
            Integer previous = firstIndexById.putIfAbsent(article.id(), i);
            if (previous != null) {
                throw new KnowledgeBaseException(label + ": duplicate id '" + article.id()
                        + "' (already used by article #" + (previous + 1) + ")");
            }
            articles.add(article);
        }
        return List.copyOf(articles);
    }

    private static KnowledgeBase build(List<KnowledgeArticle> articles, String source, double threshold) {
        try {
            return new KnowledgeBase(articles, threshold);
        } catch (IllegalArgumentException e) {
            throw new KnowledgeBaseException(source + ": " + e.getMessage(), e);
        }
    }

    private static String articleLabel(String source, int index, JsonNode node) {
        JsonNode id = node.get("id");
        String label = source + ": article #" + (index + 1);
        return id != null && id.isTextual() && !id.asText().isBlank() ? label + " (id '" + id.asText() + "')" : label;
    }

    private static String requiredText(JsonNode node, String field, String label) {
        String value = text(node, field, label);
        if (value == null) {
            throw new KnowledgeBaseException(label + ": \"" + field + "\" is missing");
        }
        if (value.isBlank()) {
            throw new KnowledgeBaseException(label + ": \"" + field + "\" is blank");
        }
        return value;
    }

    private static String text(JsonNode node, String field, String label) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new KnowledgeBaseException(label + ": \"" + field + "\" must be a string");
        }
        return value.asText();
    }

    private static List<String> texts(JsonNode node, String field, String label) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new KnowledgeBaseException(label + ": \"" + field + "\" must be an array of strings");
        }
        List<String> result = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            if (!element.isTextual()) {
                throw new KnowledgeBaseException(label + ": \"" + field + "\"[" + i + "] must be a string");
            }
            if (element.asText().isBlank()) {
                throw new KnowledgeBaseException(label + ": \"" + field + "\"[" + i + "] is blank");
            }
            result.add(element.asText());
        }
        return result;
    }
}
