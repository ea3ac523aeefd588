package dev.switchboard.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.state.CacheLimits;
import dev.switchboard.state.ClusterSettings;
import dev.switchboard.state.Database;
import dev.switchboard.state.HazelcastMember;
import dev.switchboard.state.KeepTimes;
import dev.switchboard.desk.AgentPresence;
import dev.switchboard.desk.ConversationRouting;
import dev.switchboard.desk.DeskEvents;
import dev.switchboard.desk.RoutingSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Component tier: a real embedded Hazelcast member writing through to a real H2 file, as one node has. */
public final class HubState implements AutoCloseable {
    private final Database database;
    private final HazelcastMember member;

    private HubState(Database database, HazelcastMember member) {
        this.database = database;
        this.member = member;
    }

    public static HubState open(Path dataDir) {
        return open(dataDir, KeepTimes.DEFAULT);
    }

    /** On a test's database, H2 or PostgreSQL (opened again for each state: a restart on the same database). */
    public static HubState open(TestDatabase database) {
        return start(database.open(), KeepTimes.DEFAULT);
    }

    /** With idempotency records and preferred-agent marks kept as long as {@code keep} says. */
    public static HubState open(Path dataDir, KeepTimes keep) {
        return start(Database.open("", dataDir, "sa", ""), keep);
    }

    private static HubState start(Database database, KeepTimes keep) {
        HazelcastMember member = HazelcastMember.start(
                new ClusterSettings("state-" + System.nanoTime(), "127.0.0.1", Ports.free(), List.of()),
                database.dataSource(), new ObjectMapper(), keep, CacheLimits.DEFAULT);
        return new HubState(database, member);
    }

    public HazelcastMember member() {
        return member;
    }

    /** Routing over this member's agent maps, with a 3-minute handling time and 30-second offers. */
    public ConversationRouting routing() {
        var maps = member.agentMaps();
        AgentPresence presence = new AgentPresence(maps.statuses(), Duration.ofMinutes(1), Clock.systemUTC());
        return new ConversationRouting(maps.assignments(), maps.preferredAgents(), maps.statuses(), presence,
                new RoutingSettings(Duration.ofSeconds(30), Duration.ofHours(72), "general", Duration.ofMinutes(3)),
                DeskEvents.NONE, Clock.systemUTC());
    }

    public Database database() {
        return database;
    }

    @Override
    public void close() {
        member.close();
        database.close();
    }
}
