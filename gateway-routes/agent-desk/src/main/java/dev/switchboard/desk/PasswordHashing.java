package dev.switchboard.desk;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * Passwords kept as BCrypt hashes (Spring Security's implementation), with a configurable cost: each step
 * doubles the work of checking one guess. A password is 10 characters to 72 bytes (BCrypt reads no more).
 */
public final class PasswordHashing {
    static final int MIN_LENGTH = 10;
    static final int MAX_BYTES = 72;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int cost;
    private final String unknownUserHash;

    public PasswordHashing(int cost) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("the BCrypt cost is 4 to 31, was " + cost);
        }
        this.cost = cost;
        this.unknownUserHash = BCrypt.hashpw("no such user, same work", BCrypt.gensalt(cost, RANDOM));
    }

    /** Checks the rules for a new password, naming the broken one. */
    static void checkRules(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw AgentDeskException.invalid("a password has at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw AgentDeskException.invalid("a password has at most " + MAX_BYTES + " bytes in UTF-8");
        }
    }

    public String hash(String password) {
        checkRules(password);
        return BCrypt.hashpw(password, BCrypt.gensalt(cost, RANDOM));
    }

    /** Whether the password matches; with no hash (unknown user) it does the same work and answers no. */
    public boolean matches(String password, String hash) {
        if (password == null || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return false;
        }
        boolean matches = BCrypt.checkpw(password, hash == null ? unknownUserHash : hash);
        return hash != null && matches;
    }
}
