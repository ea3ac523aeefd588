package dev.switchboard.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.desk.Assignment;
import dev.switchboard.desk.Assignment.HandoverNote;
import dev.switchboard.desk.Assignment.Stage;
import dev.switchboard.desk.PendingCallBack;
import dev.switchboard.desk.PreferredAgent;
import dev.switchboard.desk.RoutingRule;
import dev.switchboard.desk.RoutingRuleBook;
import dev.switchboard.desk.RuleActions;
import dev.switchboard.desk.RuleConditions;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent desk's stores against a real H2 file made by the migrations: what is written reads back. */
class DeskMapStoresTest {
    private static final Instant QUEUED_AT = Instant.parse("2026-11-23T10:15:30.123456789Z");
    private static final HandoverNote NOTE = new HandoverNote("ann", "team billing",
            "He says \"it's broken\" \u2013 refund? <b>", Instant.parse("2026-11-23T10:20:00.5Z"));

    @TempDir
    Path dataDir;

    private static Assignment queued(String id) {
        return new Assignment(id, "cu-1", Stage.QUEUED, null, null, Set.of(), Set.of(), Set.of(), Set.of(), QUEUED_AT,
                null, "general", "billing", "bob", Instant.parse("2026-11-23T10:21:00Z"), List.of(NOTE), null);
    }

    private static Assignment owned(String id) {
        return new Assignment(id, "cu-2", Stage.ACTIVE, "ann", "Ann O'Hara", Set.of("ann", "carl"), Set.of("bob"),
                Set.of(), Set.of(), QUEUED_AT, null, "general", null, null, null, List.of(NOTE, NOTE), null);
    }

    /** {@link #owned} as the database keeps it: queued at to the microsecond. */
    private static Assignment ownedAsKept(String id) {
        return new Assignment(id, "cu-2", Stage.ACTIVE, "ann", "Ann O'Hara", Set.of("ann", "carl"), Set.of("bob"),
                Set.of(), Set.of(), Instant.parse("2026-11-23T10:15:30.123456Z"), null, "general", null, null, null,
                List.of(NOTE, NOTE), null);
    }

    private static Assignment offered(Assignment a) {
        return new Assignment(a.conversationId(), a.customerId(), a.stage(), a.owner(), a.ownerName(), a.participants(),
                a.invited(), Set.of("ann"), Set.of("carl"), a.queuedAt(), Instant.parse("2026-11-23T10:16:00Z"),
                a.skill(), a.team(), a.reservedFor(), a.reservedUntil(), a.notes(), a.wrapUp());
    }

    @Test
    void offeringIsNotWrittenButEveryStageIs() {
        AssignmentMapStore store = new AssignmentMapStore(null, new ObjectMapper());

        assertThat(store.kept(queued("cv-1"))).isTrue();
        assertThat(store.kept(offered(queued("cv-1")))).as("offered: nothing kept changed").isFalse();
        assertThat(store.kept(owned("cv-2"))).isTrue();
        Assignment finished = new Assignment("cv-3", "cu-3", Stage.FINISHED, "ann", "Ann", Set.of(), Set.of(), Set.of(),
                Set.of(), QUEUED_AT, null, "general", null, null, null, List.of(), "solved");
        assertThat(store.kept(finished)).isTrue();
    }

    @Test
    void anAssignmentReadsBackAsWrittenOfferedToNobodyAndOnlyOpenOnesAreLoadedAtStart() throws Exception {
        try (Database database = Database.open("", dataDir, "sa", "");
             Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            AssignmentMapStore store = new AssignmentMapStore(database.dataSource(), new ObjectMapper());
            store.write(connection, "cv-1", offered(queued("cv-1")));
            store.write(connection, "cv-2", queued("cv-2"));
            store.write(connection, "cv-2", owned("cv-2"));
            store.write(connection, "cv-3", new Assignment("cv-3", "cu-3", Stage.FINISHED, "ann", "Ann", Set.of(),
                    Set.of(), Set.of(), Set.of(), QUEUED_AT, null, "general", null, null, null, List.of(), "solved"));
            connection.commit();

            Assignment waiting = store.read(connection, "cv-1");
            assertThat(waiting).as("offers are made afresh").isEqualTo(new Assignment("cv-1", "cu-1", Stage.QUEUED,
                    null, null, Set.of(), Set.of(), Set.of(), Set.of(), Instant.parse("2026-11-23T10:15:30.123456Z"),
                    null, "general", "billing", "bob", Instant.parse("2026-11-23T10:21:00Z"), List.of(NOTE), null));
            assertThat(store.read(connection, "cv-2")).isEqualTo(ownedAsKept("cv-2"));
            assertThat(store.read(connection, "cv-3").wrapUp()).isEqualTo("solved");
            assertThat(store.read(connection, "cv-4")).isNull();
            assertThat(store.loadAllKeys()).containsExactlyInAnyOrder("cv-1", "cv-2");
        }
    }

    @Test
    void theRuleThatRoutedAnAssignmentReadsBackWithItsPriorityAndTagsAndNoneForAnUnroutedOne() throws Exception {
        try (Database database = Database.open("", dataDir, "sa", "");
             Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            AssignmentMapStore store = new AssignmentMapStore(database.dataSource(), new ObjectMapper());
            Assignment owned = ownedAsKept("cv-1");
            Assignment routed = new Assignment(owned.conversationId(), owned.customerId(), owned.stage(), owned.owner(),
                    owned.ownerName(), owned.participants(), owned.invited(), Set.of(), Set.of(), owned.queuedAt(),
                    null, "billing", "enterprise", null, null, owned.notes(), null,
                    new Assignment.RoutedBy("BigCorp \u2013 mails", 7, List.of("vip", "billing")));
            store.write(connection, "cv-1", routed);
            store.write(connection, "cv-2", owned("cv-2"));
            connection.commit();

            assertThat(store.read(connection, "cv-1")).isEqualTo(routed);
            assertThat(store.read(connection, "cv-1").priority()).isEqualTo(7);
            assertThat(store.read(connection, "cv-2").routedBy()).isNull();
            assertThat(store.read(connection, "cv-2").tags()).isEmpty();
        }
    }

    @Test
    void routingRulesReadBackInTheirOrderAndANewListReplacesTheOld() throws Exception {
        try (Database database = Database.open("", dataDir, "sa", "");
             Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            RoutingRuleMapStore store = new RoutingRuleMapStore(database.dataSource(), new ObjectMapper());
            assertThat(store.read(connection, RoutingRuleBook.KEY).rules()).isEmpty();
            RoutingRule bigcorp = new RoutingRule("BigCorp \"mails\" <b>", true, new RuleConditions(List.of("email"),
                    List.of("*@bigcorp.example"), List.of("sales@desk.example"), List.of("invoice", "faktura"),
                    List.of("pl"), "22:00", "06:00", List.of("MON", "SUN"), List.of("Lesser Poland")),
                    new RuleActions("enterprise", "billing", 9, "About {wait}, number {position}.", List.of("vip")));
            RoutingRule off = new RoutingRule("off", false, RuleConditions.ANY,
                    new RuleActions(null, "general", 0, null, List.of()));
            store.write(connection, RoutingRuleBook.KEY, new RoutingRuleBook(List.of(off, bigcorp)));
            store.write(connection, RoutingRuleBook.KEY, new RoutingRuleBook(List.of(bigcorp, off)));
            connection.commit();

            assertThat(store.read(connection, RoutingRuleBook.KEY).rules()).containsExactly(bigcorp, off);
            assertThat(store.loadAllKeys()).containsExactly(RoutingRuleBook.KEY);
        }
    }

    @Test
    void callBacksReadBackUntilErasedAndPreferredAgentsKeepTheLastMark() throws Exception {
        try (Database database = Database.open("", dataDir, "sa", "");
             Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            TimedNameMapStore<PendingCallBack> callBacks = TimedNameMapStore.callBacks(database.dataSource());
            PendingCallBack call = new PendingCallBack("+447700900555", Instant.parse("2026-11-23T10:00:00Z"));
            callBacks.write(connection, "cv-1", call);
            callBacks.write(connection, "cv-2", call);
            callBacks.erase(connection, "cv-2");
            TimedNameMapStore<PreferredAgent> preferred = TimedNameMapStore.preferredAgents(database.dataSource());
            preferred.write(connection, "cu-1", new PreferredAgent("bob", Instant.parse("2026-11-20T09:00:00Z")));
            preferred.write(connection, "cu-1", new PreferredAgent("ann", Instant.parse("2026-11-23T09:00:00Z")));
            connection.commit();

            assertThat(callBacks.read(connection, "cv-1")).isEqualTo(call);
            assertThat(callBacks.read(connection, "cv-2")).isNull();
            assertThat(callBacks.loadAllKeys()).containsExactly("cv-1");
            assertThat(preferred.read(connection, "cu-1"))
                    .isEqualTo(new PreferredAgent("ann", Instant.parse("2026-11-23T09:00:00Z")));
            assertThat(preferred.loadAllKeys()).containsExactly("cu-1");
        }
    }
}
