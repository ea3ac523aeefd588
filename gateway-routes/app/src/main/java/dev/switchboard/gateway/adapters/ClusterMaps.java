package dev.switchboard.gateway.adapters;

import dev.switchboard.spi.SharedTopic;
import java.time.Duration;
import java.util.concurrent.ConcurrentMap;

/** The in-memory maps and topics every node of the cluster shares (Hazelcast's), by their full names. */
public interface ClusterMaps {
    /** The map {@code name}, entries expiring {@code timeToLive} after they were last written. */
    <V> ConcurrentMap<String, V> map(String name, Duration timeToLive);

    /** The topic {@code name}. */
    <M> SharedTopic<M> topic(String name);
}
