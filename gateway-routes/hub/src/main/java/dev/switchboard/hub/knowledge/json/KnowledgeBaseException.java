package dev.switchboard.hub.knowledge.json;

/** A knowledge base file could not be read, parsed or validated; the message names file and cause. */
public final class KnowledgeBaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KnowledgeBaseException(String message) {
        super(message);
    }

    public KnowledgeBaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
