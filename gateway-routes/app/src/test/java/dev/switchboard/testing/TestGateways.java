package dev.switchboard.testing;

import dev.switchboard.gateway.Gateway;
import dev.switchboard.gateway.config.SwitchboardConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Gateways for tests: free HTTP, Hazelcast and SMSC-simulator ports on loopback, a data directory of the test's own, and
 * none of the machine's environment, so that a developer's SWITCHBOARD_* variables cannot change a test.
 */
public final class TestGateways {
    private TestGateways() {
    }

    public static SwitchboardConfig config(Path dataDir, Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>();
        values.put(SwitchboardConfig.HTTP_HOST, "127.0.0.1");
        values.put(SwitchboardConfig.HTTP_PORT, "0");
        values.put(SwitchboardConfig.HAZELCAST_HOST, "127.0.0.1");
        values.put(SwitchboardConfig.HAZELCAST_PORT, "0");
        values.put(SwitchboardConfig.CLUSTER_NAME, "test-" + Long.toHexString(System.nanoTime()));
        values.put(SwitchboardConfig.DATA_DIR, dataDir.toString());
        values.put("switchboard.smsc.sim.port", "0");
        values.putAll(overrides);
        return SwitchboardConfig.of(Map.of(), values);
    }

    public static Gateway start(Path dataDir) throws Exception {
        return Gateway.start(config(dataDir, Map.of()));
    }

    public static Gateway start(Path dataDir, Map<String, String> overrides) throws Exception {
        return Gateway.start(config(dataDir, overrides));
    }
}
