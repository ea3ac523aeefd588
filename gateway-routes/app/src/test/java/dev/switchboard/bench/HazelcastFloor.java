package dev.switchboard.bench;

import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.switchboard.testing.Ports;
import jakarta.servlet.http.HttpServlet;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A floor under the hub's throughput, not a design: the bare servlet plus the least shared state a new customer can
 * need when any node of a cluster may take his next message, in one embedded Hazelcast member set up as the
 * gateway's (loopback, no discovery, maps kept {@link InMemoryFormat#BINARY}), and nothing else: no store behind the
 * maps (so nothing is durable), no Camel, no JSON parsing, no knowledge base, no rendering. Per request three map
 * operations: claim the visitor's address for a new customer ({@code putIfAbsent}, which is the look-up too), put
 * the conversation with the customer in it, put the idempotency record; values of the hub's sizes. The hub does all
 * of that and more, so its throughput cannot pass this one's: where this floor stays under half the bare servlet's
 * rate, the 0.5 target is out of reach with these libraries on this machine, whatever the hub's own code costs.
 */
final class HazelcastFloor implements AutoCloseable {
    /** About what the hub keeps for a new customer's conversation (header, question, answer, context). */
    private static final int CONVERSATION_BYTES = 640;
    /** About a recorded outcome (the conversation id and the reply). */
    private static final int OUTCOME_BYTES = 320;

    private final HazelcastInstance member;

    private HazelcastFloor(HazelcastInstance member) {
        this.member = member;
    }

    static HazelcastFloor start() {
        Config config = new Config();
        config.setClusterName("bench-floor-" + Long.toHexString(System.nanoTime()));
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.local.localAddress", "127.0.0.1");
        config.getNetworkConfig().setPort(Ports.free()).setPortAutoIncrement(false);
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(false);
        config.addMapConfig(new MapConfig("floor-*").setInMemoryFormat(InMemoryFormat.BINARY).setBackupCount(1));
        return new HazelcastFloor(Hazelcast.newHazelcastInstance(config));
    }

    /** Reads the body, makes the three map writes of a new customer, answers like the bare servlet. */
    HttpServlet servlet() {
        IMap<String, String> links = member.getMap("floor-links");
        IMap<String, byte[]> conversations = member.getMap("floor-conversations");
        IMap<String, byte[]> outcomes = member.getMap("floor-idempotency");
        byte[] conversation = filled(CONVERSATION_BYTES);
        byte[] outcome = filled(OUTCOME_BYTES);
        AtomicLong sequence = new AtomicLong();
        return BareServer.fixedJsonAfter(() -> {
            long n = sequence.getAndIncrement();
            links.putIfAbsent("web:visitor-" + n, "cu-" + n);
            conversations.set("cv-" + n, conversation);
            outcomes.set("web:key-" + n, outcome);
        });
    }

    private static byte[] filled(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'x');
        return bytes;
    }

    @Override
    public void close() {
        member.shutdown();
    }
}
