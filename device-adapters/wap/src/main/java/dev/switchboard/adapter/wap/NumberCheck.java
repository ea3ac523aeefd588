package dev.switchboard.adapter.wap;

import dev.switchboard.spi.E164Number;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A one-time code texted to the number a customer says is his, as his WAP session keeps it: the number, a
 * salted SHA-256 of the code (never the code: the session map is shared across the cluster), when it expires
 * and how many wrong codes were keyed in. After {@value #MAX_WRONG_TRIES} wrong tries the code is locked.
 * Immutable: {@link #check} returns the check as it stands afterwards, for the session to store.
 */
record NumberCheck(String number, String salt, String hash, Instant expiresAt, int wrongTries) {
    static final int DIGITS = 6;
    static final int MAX_WRONG_TRIES = 5;
    static final Pattern CODE_FORM = Pattern.compile("[0-9]{" + DIGITS + "}");
    private static final int BOUND = (int) Math.pow(10, DIGITS);

    /** A new check and the code to text; the code is kept nowhere else. */
    record Issued(NumberCheck check, String code) {
        @Override
        public String toString() {
            return "Issued[" + check + "]";
        }
    }

    /** What a code keyed in is. */
    enum Verdict {
        /** The code texted: the number is verified. */
        RIGHT,
        /** Not the code texted; tries are left. */
        WRONG,
        /** Wrong too often, now or before: this code is no longer taken. */
        LOCKED,
        /** The code is older than its lifetime. */
        EXPIRED
    }

    /** A verdict and the check as it stands afterwards. */
    record Result(Verdict verdict, NumberCheck after) {
        int triesLeft() {
            return MAX_WRONG_TRIES - after.wrongTries();
        }
    }

    static Issued issue(E164Number number, SecureRandom random, Instant now, Duration lifetime) {
        String code = String.format("%0" + DIGITS + "d", random.nextInt(BOUND));
        byte[] saltBytes = new byte[16];
        random.nextBytes(saltBytes);
        String salt = HexFormat.of().formatHex(saltBytes);
        return new Issued(new NumberCheck(number.value(), salt, hash(salt, number.value(), code), now.plus(lifetime), 0),
                code);
    }

    /** Judges {@code keyed} ({@value #DIGITS} digits, see {@link #CODE_FORM}) at {@code now}. */
    Result check(String keyed, Instant now) {
        if (!now.isBefore(expiresAt)) {
            return new Result(Verdict.EXPIRED, this);
        }
        if (wrongTries >= MAX_WRONG_TRIES) {
            return new Result(Verdict.LOCKED, this);
        }
        boolean right = MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII),
                hash(salt, number, keyed).getBytes(StandardCharsets.US_ASCII));
        if (right) {
            return new Result(Verdict.RIGHT, this);
        }
        NumberCheck after = new NumberCheck(number, salt, hash, expiresAt, wrongTries + 1);
        return new Result(after.wrongTries >= MAX_WRONG_TRIES ? Verdict.LOCKED : Verdict.WRONG, after);
    }

    E164Number phone() {
        return new E164Number(number);
    }

    private static String hash(String salt, String number, String code) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((salt + "\n" + number + "\n" + code).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
