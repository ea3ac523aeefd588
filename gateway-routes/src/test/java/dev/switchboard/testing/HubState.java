package dev.switchboard.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.hub.state.ClusterSettings;
import dev.switchboard.hub.state.Database;
import dev.switchboard.hub.state.HazelcastMember;
import java.nio.file.Path;
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
        Database database = Database.open("", dataDir, "sa", "");
        HazelcastMember member = HazelcastMember.start(
                new ClusterSettings("state-" + System.nanoTime(), "127.0.0.1", Ports.free(), List.of()),
                database.dataSource(), dataDir, new ObjectMapper());
        return new HubState(database, member);
    }

    public HazelcastMember member() {
        return member;
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
