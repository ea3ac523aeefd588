package dev.switchboard.adapter.wap;

import dev.switchboard.spi.E164Number;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * WAP sessions in a map the cluster shares (so any node serves a phone's next request), and the customer
 * tokens of operator-identified subscribers, so that a subscriber's next session shows his conversation
 * again. Both maps expire their entries; both stay on the server.
 */
final class WapSessions {
    private static final Pattern ID = Pattern.compile(RandomIds.FORM);

    private final ConcurrentMap<String, WapSession> sessions;
    private final ConcurrentMap<String, String> subscriberTokens;

    WapSessions(ConcurrentMap<String, WapSession> sessions, ConcurrentMap<String, String> subscriberTokens) {
        this.sessions = sessions;
        this.subscriberTokens = subscriberTokens;
    }

    /** The session of {@code id}; empty for an unknown, expired or malformed id alike. */
    Optional<WapSession> find(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(sessions.get(id));
    }

    /** Stores a new session under a fresh unguessable id and returns the id. */
    String open(WapSession session) {
        while (true) {
            String id = RandomIds.next();
            if (sessions.putIfAbsent(id, session) == null) {
                return id;
            }
        }
    }

    /** Replaces the session of {@code id}; the phone that holds the id is its only writer. */
    void update(String id, WapSession session) {
        sessions.put(id, session);
    }

    /**
     * Replaces the session of {@code id} only if it is still {@code expected}: for what must not be counted
     * twice by two requests at once (the tries at a code, the codes texted).
     *
     * @return whether it was replaced
     */
    boolean replace(String id, WapSession expected, WapSession next) {
        return sessions.replace(id, expected, next);
    }

    Optional<String> subscriberToken(E164Number msisdn) {
        return Optional.ofNullable(subscriberTokens.get(msisdn.value()));
    }

    void rememberSubscriber(E164Number msisdn, String customerToken) {
        subscriberTokens.put(msisdn.value(), customerToken);
    }
}
