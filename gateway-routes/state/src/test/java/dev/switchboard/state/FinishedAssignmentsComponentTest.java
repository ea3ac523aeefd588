package dev.switchboard.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.map.IMap;
import dev.switchboard.desk.Assignment;
import dev.switchboard.desk.Assignment.Stage;
import dev.switchboard.desk.SharedRecords;
import dev.switchboard.testing.Ports;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real member over a real H2 file: a finished assignment is kept in memory for a while only, one queued again is
 * kept for good, and what was written comes back after the member is started again on the same data directory.
 */
class FinishedAssignmentsComponentTest {
    @TempDir
    Path dataDir;

    private static Assignment at(Stage stage) {
        return new Assignment("cv-1", "cu-1", stage, stage == Stage.QUEUED ? null : "ann",
                stage == Stage.QUEUED ? null : "Ann", stage == Stage.ACTIVE ? Set.of("ann") : Set.of(), Set.of(),
                Set.of(), Set.of(), Instant.parse("2026-11-23T10:00:00Z"), null, "general", null, null, null, List.of(),
                stage == Stage.FINISHED ? "solved" : null);
    }

    @Test
    void aFinishedAssignmentLeavesMemoryAfterAWhileAndOneQueuedAgainStays() {
        int port = Ports.free();
        try (Database database = Database.open("", dataDir, "sa", "")) {
            try (HazelcastMember member = HazelcastMember.start(
                    new ClusterSettings("finished-" + System.nanoTime(), "127.0.0.1", port, List.of()),
                    database.dataSource(), new ObjectMapper())) {
                SharedRecords<Assignment> assignments = member.agentMaps().assignments();
                IMap<String, Assignment> map = Hazelcast.getHazelcastInstanceByName("switchboard-127.0.0.1-" + port)
                        .getMap(SharedMaps.ASSIGNMENTS);

                assignments.change("cv-1", before -> at(Stage.ACTIVE));
                long openTtl = map.getEntryView("cv-1").getTtl();
                assignments.change("cv-1", before -> at(Stage.FINISHED));
                assertThat(map.getEntryView("cv-1").getTtl()).isEqualTo(SharedMaps.FINISHED_IN_MEMORY.toMillis());
                assignments.change("cv-1", before -> at(Stage.QUEUED));
                assertThat(map.getEntryView("cv-1").getTtl()).as("queued again: kept as an open one").isEqualTo(openTtl)
                        .isGreaterThan(SharedMaps.FINISHED_IN_MEMORY.toMillis());
            }
            try (HazelcastMember again = HazelcastMember.start(
                    new ClusterSettings("finished-" + System.nanoTime(), "127.0.0.1", Ports.free(), List.of()),
                    database.dataSource(), new ObjectMapper())) {
                assertThat(again.agentMaps().assignments().get("cv-1")).contains(at(Stage.QUEUED));
            }
        }
    }
}
