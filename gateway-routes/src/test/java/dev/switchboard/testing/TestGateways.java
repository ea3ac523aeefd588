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

    /**
     * One node of a cluster on loopback: its Hazelcast member on {@code ownPort}, joining the member on
     * {@code otherPort}. Unchecked, for starting two nodes at once with {@code CompletableFuture.supplyAsync}.
     */
    public static Gateway clusterNode(Path dataDir, String cluster, int ownPort, int otherPort) {
        try {
            return start(dataDir, Map.of(
                    SwitchboardConfig.CLUSTER_NAME, cluster,
                    SwitchboardConfig.HAZELCAST_PORT, String.valueOf(ownPort),
                    SwitchboardConfig.CLUSTER_MEMBERS, "127.0.0.1:" + otherPort));
        } catch (Exception e) {
            throw new IllegalStateException("starting cluster node on port " + ownPort + " failed", e);
        }
    }
}
