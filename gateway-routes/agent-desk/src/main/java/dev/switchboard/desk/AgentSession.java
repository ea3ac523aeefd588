package dev.switchboard.desk;

import java.time.Instant;

/**
 * A signed-in desktop. The browser holds the session token in an HttpOnly cookie (the hub keeps only its
 * hash); the CSRF token is told to the page, which sends it back in a header with every change.
 *
 * @param username  whose session
 * @param csrfToken the token every state-changing request must carry
 * @param openedAt  when he signed in
 * @param lastUsed  when the session last served a request (kept to the minute)
 */
public record AgentSession(String username, String csrfToken, Instant openedAt, Instant lastUsed) {
}
