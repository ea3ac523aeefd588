package dev.switchboard.state;

import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cache write nobody waits for: only where a miss reads the database and nothing older can be in memory, so that a
 * fill arriving late, or not at all, costs a read and never a wrong answer.
 */
final class CacheFill {
    private static final Logger LOG = LoggerFactory.getLogger(CacheFill.class);

    private CacheFill() {
    }

    static void inBackground(CompletionStage<?> fill, String what) {
        fill.whenComplete((ignored, failure) -> {
            if (failure != null) {
                LOG.debug("Cache fill of {} failed (it is read from the database when asked for): {}", what,
                        failure.toString());
            }
        });
    }
}
