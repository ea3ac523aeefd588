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
    private final String field;

    public AgentDeskException(Kind kind, String message) {
        this(kind, null, message);
    }

    private AgentDeskException(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    public Kind kind() {
        return kind;
    }

    /** The field of the request that breaks a rule, for a form to show the message next to it; {@code null}: none. */
    public String field() {
        return field;
    }

    /** {@code field} of the request breaks a rule of its own, which {@code message} states. */
    public static AgentDeskException invalidField(String field, String message) {
        return new AgentDeskException(Kind.INVALID, field, message);
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
