package dev.switchboard.desk;

/** A request of an agent or manager that the desk refuses; the kind says how a client should take it. */
public final class AgentDeskException extends RuntimeException {

    public enum Kind {
        /** The request breaks a rule of its own (a bad name, a short password). */
        INVALID,
        /** Not signed in, or the credentials are wrong. */
        UNAUTHORIZED,
        /** Signed in, but this is not his to do. */
        FORBIDDEN,
        /** No such agent or conversation, or not one he may see. */
        NOT_FOUND,
        /** The thing changed under him: taken by another agent, already exists, no longer offered. */
        CONFLICT
    }

    private final Kind kind;

    public AgentDeskException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    static AgentDeskException invalid(String message) {
        return new AgentDeskException(Kind.INVALID, message);
    }

    static AgentDeskException forbidden(String message) {
        return new AgentDeskException(Kind.FORBIDDEN, message);
    }

    static AgentDeskException notFound(String message) {
        return new AgentDeskException(Kind.NOT_FOUND, message);
    }

    static AgentDeskException conflict(String message) {
        return new AgentDeskException(Kind.CONFLICT, message);
    }
}
