package dev.switchboard.desk;

import dev.switchboard.hub.domain.CustomerTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Sign-in sessions of the agent desktop: 256-bit random tokens, stored by SHA-256 hash only, ended after a
 * configured idle time or at sign-out.
 */
public final class AgentSessions {
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final SharedRecords<AgentSession> sessions;
    private final Duration idleLimit;
    private final Clock clock;

    /** A new session: the token for the cookie and the session (with its CSRF token). */
    public record Opened(String token, AgentSession session) {
    }

    public AgentSessions(SharedRecords<AgentSession> sessions, Duration idleLimit, Clock clock) {
        this.sessions = sessions;
        this.idleLimit = idleLimit;
        this.clock = clock;
    }

    public Opened open(AgentAccount account) {
        String token = CustomerTokens.newToken();
        Instant now = clock.instant();
        AgentSession session = new AgentSession(account.username(), CustomerTokens.newToken(), now, now);
        sessions.put(key(token), session);
        return new Opened(token, session);
    }

    /** The live session of a token; an idle one is ended here. */
    public Optional<AgentSession> find(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<AgentSession> found = sessions.get(key(token));
        if (found.isEmpty()) {
            return found;
        }
        AgentSession session = found.get();
        if (session.lastUsed().plus(idleLimit).isBefore(now)) {
            close(token);
            return Optional.empty();
        }
        if (session.lastUsed().plus(TOUCH_EVERY).isBefore(now)) {
            sessions.change(key(token), new Touch(now));
        }
        return found;
    }

    public void close(String token) {
        if (token != null) {
            sessions.change(key(token), new End());
        }
    }

    /** Ends every session of this node's share that has been idle too long. */
    public void endIdle() {
        Instant cutoff = clock.instant().minus(idleLimit);
        for (String key : sessions.localMatching(new IdleSince(cutoff)).keySet()) {
            sessions.change(key, new EndIfIdle(cutoff));
        }
    }

    /** Whether a state-changing request carries the session's CSRF token (compared in constant time). */
    public static boolean csrfMatches(AgentSession session, String presented) {
        return presented != null && MessageDigest.isEqual(session.csrfToken().getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    private static String key(String token) {
        return HexFormat.of().formatHex(CustomerTokens.hash(token));
    }

    record Touch(Instant now) implements SharedRecords.Change<AgentSession> {
        @Override
        public AgentSession apply(AgentSession before) {
            return before == null ? null
                    : new AgentSession(before.username(), before.csrfToken(), before.openedAt(), now);
        }
    }

    record End() implements SharedRecords.Change<AgentSession> {
        @Override
        public AgentSession apply(AgentSession before) {
            return null;
        }
    }

    record EndIfIdle(Instant cutoff) implements SharedRecords.Change<AgentSession> {
        @Override
        public AgentSession apply(AgentSession before) {
            return before == null || before.lastUsed().isBefore(cutoff) ? null : before;
        }
    }

    record IdleSince(Instant cutoff) implements SharedRecords.Filter<AgentSession> {
        @Override
        public boolean test(AgentSession value) {
            return value.lastUsed().isBefore(cutoff);
        }
    }
}
