package dev.switchboard.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.testing.HubState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ConcurrentMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Component tier: the short-lived maps adapters share (AdapterContext.sharedMap) forget entries after their time to live. */
class ExpiringMapTest {

    @Test
    void anEntryIsGoneAfterItsTimeToLiveAndAnotherNameKeepsItsOwn(@TempDir Path dataDir) {
        try (HubState state = HubState.open(dataDir)) {
            ConcurrentMap<String, String> sessions = state.member().expiringMap("adapter.test.sessions", Duration.ofSeconds(1));
            ConcurrentMap<String, String> other = state.member().expiringMap("adapter.test.other", Duration.ofSeconds(60));

            sessions.put("s1", "a session");
            other.put("s1", "another value");
            assertThat(sessions.get("s1")).isEqualTo("a session");

            await().atMost(Duration.ofSeconds(15)).until(() -> sessions.get("s1") == null);
            assertThat(other.get("s1")).isEqualTo("another value");
            assertThatThrownBy(() -> state.member().expiringMap("adapter.test.zero", Duration.ZERO))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
