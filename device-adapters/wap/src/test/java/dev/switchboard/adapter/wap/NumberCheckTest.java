package dev.switchboard.adapter.wap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.adapter.wap.NumberCheck.Verdict;
import dev.switchboard.spi.E164Number;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The code store of a WAP session: a salted hash only, a lifetime, and a lock after five wrong tries. */
class NumberCheckTest {
    private static final E164Number NUMBER = new E164Number("+48605000123");
    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");
    private static final Duration LIFETIME = Duration.ofMinutes(10);
    private final SecureRandom random = new SecureRandom();

    @Test
    void aCodeIsSixDigitsAndTheSessionKeepsOnlyASaltedHashOfIt() {
        NumberCheck.Issued issued = NumberCheck.issue(NUMBER, random, NOW, LIFETIME);

        assertThat(issued.code()).matches("[0-9]{6}");
        assertThat(issued.check().hash()).matches("[0-9a-f]{64}");
        // A record's toString shows every component, so every one the session stores.
        assertThat(issued.check().toString()).doesNotContain(issued.code());
        assertThat(issued.toString()).doesNotContain(issued.code());
        NumberCheck.Issued again = NumberCheck.issue(NUMBER, random, NOW, LIFETIME);
        assertThat(again.check().salt()).isNotEqualTo(issued.check().salt());
    }

    @Test
    void codesAreDrawnFromTheWholeRange() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            codes.add(NumberCheck.issue(NUMBER, random, NOW, LIFETIME).code());
        }
        assertThat(codes).hasSizeGreaterThan(190);
        assertThat(codes).as("a leading zero now and then: codes are not numbers cut short")
                .anyMatch(code -> code.startsWith("0"));
    }

    @Test
    void theRightCodeWithinItsLifetimeIsRight() {
        NumberCheck.Issued issued = NumberCheck.issue(NUMBER, random, NOW, LIFETIME);

        NumberCheck.Result result = issued.check().check(issued.code(), NOW.plus(LIFETIME).minusSeconds(1));

        assertThat(result.verdict()).isEqualTo(Verdict.RIGHT);
        assertThat(result.after().phone()).isEqualTo(NUMBER);
    }

    @Test
    void theRightCodeAfterItsLifetimeHasExpired() {
        NumberCheck.Issued issued = NumberCheck.issue(NUMBER, random, NOW, LIFETIME);

        assertThat(issued.check().check(issued.code(), NOW.plus(LIFETIME)).verdict()).isEqualTo(Verdict.EXPIRED);
    }

    @Test
    void fiveWrongTriesLockTheCodeEvenForTheRightOneAfterwards() {
        NumberCheck.Issued issued = NumberCheck.issue(NUMBER, random, NOW, LIFETIME);
        String wrong = issued.code().equals("111111") ? "222222" : "111111";
        NumberCheck check = issued.check();
        for (int tryNumber = 1; tryNumber <= 4; tryNumber++) {
            NumberCheck.Result result = check.check(wrong, NOW);
            assertThat(result.verdict()).isEqualTo(Verdict.WRONG);
            assertThat(result.triesLeft()).isEqualTo(5 - tryNumber);
            check = result.after();
        }
        NumberCheck.Result fifth = check.check(wrong, NOW);
        assertThat(fifth.verdict()).isEqualTo(Verdict.LOCKED);

        assertThat(fifth.after().check(issued.code(), NOW).verdict()).isEqualTo(Verdict.LOCKED);
    }

    @Test
    void aCodeIsRightOnlyForTheNumberItWasTextedTo() {
        NumberCheck.Issued issued = NumberCheck.issue(NUMBER, random, NOW, LIFETIME);
        NumberCheck other = new NumberCheck("+48605000999", issued.check().salt(), issued.check().hash(),
                issued.check().expiresAt(), 0);

        assertThat(other.check(issued.code(), NOW).verdict()).isEqualTo(Verdict.WRONG);
    }
}
