package dev.switchboard.testing;

import static org.awaitility.Awaitility.await;

import dev.switchboard.gateway.Gateway;
import dev.switchboard.gateway.config.SwitchboardConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Two gateways in a cluster of their own on loopback, started side by side (each joins the other) and handed
 * over once both are members, both on one fresh database of the tests' PostgreSQL, as every cluster shares one;
 * closing it closes both (a node a test stopped already is left as it is) and drops the database.
 */
public record TwoNodeCluster(Gateway a, Gateway b, String database) implements AutoCloseable {

    /**
     * @param name     the start of the cluster's name (made unique)
     * @param settings settings of both nodes, beside the cluster's own and its database's
     */
    public static TwoNodeCluster start(Path dirA, Path dirB, String name, Map<String, String> settings)
            throws Exception {
        int portA = Ports.free();
        int portB = Ports.free();
        String cluster = name + "-" + System.nanoTime();
        TestPostgres postgres = TestPostgres.shared();
        String database = postgres.createDatabase();
        Map<String, String> shared = new HashMap<>(settings);
        shared.put(SwitchboardConfig.DB_URL, postgres.jdbcUrl(database));
        shared.put(SwitchboardConfig.DB_USER, postgres.user());
        shared.put(SwitchboardConfig.DB_PASSWORD, postgres.password());
        // One after the other: a member joining while the other creates its maps can leave Hazelcast's eager initial
        // load waiting for ever (hazelcast/hazelcast#11407; see docs/operations.md).
        Gateway a = node(dirA, cluster, portA, portB, shared);
        TwoNodeCluster both;
        try {
            both = new TwoNodeCluster(a, node(dirB, cluster, portB, portA, shared), database);
        } catch (RuntimeException e) {
            a.close();
            throw e;
        }
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> new HttpJson(both.b().baseUri()).get("/health", null)
                    .json().path("components").path("hazelcast").path("detail").asText().startsWith("2 "));
        } catch (RuntimeException e) {
            both.close();
            throw e;
        }
        return both;
    }

    private static Gateway node(Path dir, String cluster, int ownPort, int otherPort, Map<String, String> settings) {
        Map<String, String> values = new HashMap<>(settings);
        values.put(SwitchboardConfig.CLUSTER_NAME, cluster);
        values.put(SwitchboardConfig.HAZELCAST_PORT, String.valueOf(ownPort));
        values.put(SwitchboardConfig.CLUSTER_MEMBERS, "127.0.0.1:" + otherPort);
        try {
            return TestGateways.start(dir, values);
        } catch (Exception e) {
            throw new IllegalStateException("starting cluster node on port " + ownPort + " failed", e);
        }
    }

    @Override
    public void close() {
        try {
            b.close();
        } finally {
            a.close();
            TestPostgres.shared().dropDatabase(database);
        }
    }
}
