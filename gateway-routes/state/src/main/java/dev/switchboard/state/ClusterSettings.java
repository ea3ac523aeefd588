package dev.switchboard.state;

import java.util.List;

/**
 * How this node's Hazelcast member joins the others.
 *
 * @param clusterName the cluster's name; members with another name never join
 * @param host        the address the member binds to and announces
 * @param port        the member's port
 * @param members     the other members as {@code host:port}; empty runs standalone
 */
public record ClusterSettings(String clusterName, String host, int port, List<String> members) {
    public ClusterSettings {
        members = List.copyOf(members);
    }
}
