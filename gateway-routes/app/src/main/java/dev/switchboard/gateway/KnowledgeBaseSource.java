package dev.switchboard.gateway;

import dev.switchboard.hub.knowledge.KnowledgeBase;
import dev.switchboard.hub.knowledge.json.KnowledgeBaseLoader;
import java.nio.file.Path;

/** Reads the knowledge base from the configured place: {@code classpath:NAME} or a file path. */
final class KnowledgeBaseSource {
    private static final String CLASSPATH = "classpath:";

    private KnowledgeBaseSource() {
    }

    static KnowledgeBase load(String location) {
        if (location.startsWith(CLASSPATH)) {
            return KnowledgeBaseLoader.fromClasspath(location.substring(CLASSPATH.length()));
        }
        return KnowledgeBaseLoader.fromPath(Path.of(location));
    }
}
