package dev.switchboard.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.nio.serialization.HazelcastSerializationException;
import dev.switchboard.desk.Accounts;
import dev.switchboard.desk.AgentAccount;
import dev.switchboard.desk.PasswordHashing;
import dev.switchboard.desk.RoutingRule;
import dev.switchboard.desk.RoutingRules;
import dev.switchboard.desk.RuleActions;
import dev.switchboard.desk.RuleConditions;
import dev.switchboard.hub.domain.FirstMessage;
import dev.switchboard.desk.AgentPresence;
import dev.switchboard.desk.AgentStatus;
import dev.switchboard.desk.ClaimResult;
import dev.switchboard.desk.ConversationRouting;
import dev.switchboard.desk.DeskEvent;
import dev.switchboard.desk.DeskEvents;
import dev.switchboard.desk.Presence;
import dev.switchboard.desk.Role;
import dev.switchboard.desk.RoutingSettings;
import dev.switchboard.hub.domain.AddressLink;
import dev.switchboard.hub.domain.ConversationStore.KeyedOutcome;
import dev.switchboard.hub.domain.Conversation;
import dev.switchboard.hub.domain.Customer;
import dev.switchboard.hub.domain.CustomerContext;
import dev.switchboard.hub.domain.CustomerMerge;
import dev.switchboard.hub.domain.RecordedOutcome;
import dev.switchboard.hub.domain.RecordedOutcome.StoredReply;
import dev.switchboard.hub.domain.StoredMessage;
import dev.switchboard.spi.NearbyPoint;
import dev.switchboard.spi.ThreadMessage.Direction;
import dev.switchboard.testing.Ports;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cluster tier: two members on one database carry every kind of record between them in Compact form, the changes
 * and queries that run where a record lives included, and refuse a Java-serialized class of the gateway's. Twenty
 * keys of each kind: some are owned by the member that did not write them. The tests share the two members, each
 * with keys of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoMembersComponentTest {
    private static final Instant AT = Instant.parse("2026-12-08T10:15:30.123456Z");
    private static final int KEYS = 20;

    private Database database;
    private HazelcastMember a;
    private HazelcastMember b;

    @BeforeAll
    void startTwoMembers(@TempDir Path dataDir) throws Exception {
        database = Database.open("", dataDir, "sa", "");
        int portA = Ports.free();
        int portB = Ports.free();
        String cluster = "two-members-" + System.nanoTime();
        CompletableFuture<HazelcastMember> startingA = CompletableFuture.supplyAsync(() -> member(cluster, portA, portB));
        CompletableFuture<HazelcastMember> startingB = CompletableFuture.supplyAsync(() -> member(cluster, portB, portA));
        a = startingA.get();
        b = startingB.get();
        await().atMost(Duration.ofSeconds(60)).until(() -> a.clusterSize() == 2 && b.clusterSize() == 2);
    }

    private HazelcastMember member(String cluster, int port, int other) {
        return HazelcastMember.start(new ClusterSettings(cluster, "127.0.0.1", port, List.of("127.0.0.1:" + other)),
                database.dataSource(), new ObjectMapper(), KeepTimes.DEFAULT, CacheLimits.DEFAULT);
    }

    @AfterAll
    void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void theHubsRecordsWrittenOnOneMemberAreReadOnTheOther() {
        CustomerContext context = new CustomerContext(50.06, 19.94, 12.5, "gps", "pl-PL", null, null, null, "wifi",
                "Kraków", "Małopolskie");
        for (int i = 0; i < KEYS; i++) {
            String customerId = "cu-" + i;
            String conversationId = "cv-" + i;
            Customer customer = new Customer(customerId, conversationId, AT);
            AddressLink link = new AddressLink(customerId, "sms", AT);
            Conversation opening = Conversation.open(conversationId, customerId, "e164:+4860000000" + i, new byte[32], AT);
            StoredMessage question = new StoredMessage("m-" + i, "sms", Direction.INBOUND, "you", "Gdzie jest punkt? 🙂",
                    AT.plusSeconds(1), "k-" + i);
            RecordedOutcome outcome = new RecordedOutcome(conversationId, new StoredReply("ANSWER", null,
                    "KNOWLEDGE_BASE", List.of("places"), null, null, null,
                    List.of(new NearbyPoint("Kraków Główny", "Pawia 5a", 50.06, 19.94, 1234, true, "9-17")), "Małopolskie"));

            a.customerDirectory().linkNewCustomer("e164:+4860000000" + i, link, customer);
            a.conversationStore().record(conversationId, opening, List.of(question), context,
                    new KeyedOutcome("sms:k-" + i, outcome));

            assertThat(b.customerDirectory().customer(customerId)).contains(customer);
            assertThat(b.customerDirectory().linkIfAbsent("e164:+4860000000" + i, new AddressLink("cu-x", "web", AT)))
                    .isEqualTo(link);
            Conversation header = b.conversationStore().get(conversationId).orElseThrow();
            assertThat(header).usingRecursiveComparison()
                    .isEqualTo(opening.after(List.of(question), context));
            assertThat(b.idempotencyLog().find("sms:k-" + i)).contains(outcome);
        }
        CustomerMerge merge = new CustomerMerge("cu-1", "cu-2", "ann", AT);
        assertThat(a.customerMerges().add(merge)).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> b.customerMerges().of("cu-1").isPresent());
        assertThat(b.customerMerges().of("cu-1")).contains(merge);
    }

    @Test
    void agentsOnBothMembersRaceForEachConversationAndOneWinsEach() {
        AgentPresence presenceA = presence(a);
        ConversationRouting onA = routing(a, presenceA);
        ConversationRouting onB = routing(b, presence(b));
        List<AgentStatus> agents = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            AgentAccount account = new AgentAccount("agent-" + i, "Agent " + i, Role.AGENT, "$2a$04$x", false,
                    Set.of("general"), Set.of(), KEYS, AT);
            agents.add(presenceA.set(account, Presence.AVAILABLE));
        }
        List<DeskEvent> heardOnB = new CopyOnWriteArrayList<>();
        b.agentMaps().deskEvents().listen(heardOnB::add);

        for (int i = 0; i < KEYS; i++) {
            onA.waitForAgent("c-" + i, "k-" + i, null);
        }
        onB.refresh();
        assertThat(onB.queue()).hasSize(KEYS);
        for (int i = 0; i < KEYS; i++) {
            String conversationId = "c-" + i;
            assertThat(onB.assignment(conversationId).orElseThrow().offeredTo()).hasSize(agents.size());
            Map<ClaimResult.Outcome, Long> outcomes = agents.stream()
                    .map(agent -> (agents.indexOf(agent) % 2 == 0 ? onA : onB).claim(agent, conversationId))
                    .collect(Collectors.groupingBy(ClaimResult::outcome, Collectors.counting()));
            assertThat(outcomes).containsOnly(Map.entry(ClaimResult.Outcome.WON, 1L),
                    Map.entry(ClaimResult.Outcome.TAKEN, (long) agents.size() - 1));
        }
        assertThat(onB.queue()).isEmpty();
        assertThat(presence(b).everyone().stream().mapToInt(s -> s.conversations().size()).sum()).isEqualTo(KEYS);

        DeskEvent told = new DeskEvent(DeskEvent.Type.OFFERED, "c-0", Set.of("agent-0", "zoë"), AT);
        a.agentMaps().deskEvents().publish(told);
        await().atMost(Duration.ofSeconds(10)).until(() -> heardOnB.contains(told));
    }

    /** An adapter's value, registered nowhere. */
    record Visit(String page, Instant at, List<String> earlier) {
    }

    /** A class of the gateway's that Java serialization would carry. */
    record Stray(String text) implements Serializable {
    }

    @Test
    void anAdaptersValuesTravelAndAJavaSerializedOneIsRefused() {
        ConcurrentMap<String, Object> onA = a.expiringMap("adapter.test.visits", Duration.ofMinutes(5));
        ConcurrentMap<String, Object> onB = b.expiringMap("adapter.test.visits", Duration.ofMinutes(5));
        for (int i = 0; i < KEYS; i++) {
            onA.put("v-" + i, new Visit("/wap/ask?q=" + i, AT, List.of("/wap", "/wap/więcej")));
            onA.put("s-" + i, new Stray("the old way " + i));
        }

        for (int i = 0; i < KEYS; i++) {
            String key = "s-" + i;
            assertThat(onB.get("v-" + i)).isEqualTo(new Visit("/wap/ask?q=" + i, AT, List.of("/wap", "/wap/więcej")));
            assertThatThrownBy(() -> onB.get(key)).isInstanceOf(HazelcastSerializationException.class)
                    .rootCause().isInstanceOf(SecurityException.class).hasMessageContaining(Stray.class.getName());
        }
    }

    @Test
    void routingRulesSavedOnOneMemberAreInForceOnTheOtherAtOnce() {
        AgentAccount manager = new AgentAccount("boss", "Boss", Role.MANAGER, "$2a$04$x", false, Set.of(), Set.of(), 1,
                AT);
        a.agentMaps().accounts().put("boss", manager);
        RoutingRules onA = rules(a);
        RoutingRules onB = rules(b);
        FirstMessage invoice = new FirstMessage("sms", "+48601000001", null, "my invoice", null, null, AT);
        assertThat(onB.choose(invoice).rule()).isNull();

        onA.replace(manager, List.of(new RoutingRule("billing", true, new RuleConditions(List.of(), List.of(),
                List.of(), List.of("invoice"), List.of(), null, null, List.of(), List.of()),
                new RuleActions(null, "billing", 0, null, List.of("billing")))));

        assertThat(onB.choose(invoice).skill()).isEqualTo("billing");
        assertThat(onB.list()).extracting(RoutingRule::name).containsExactly("billing");
    }

    private static RoutingRules rules(HazelcastMember member) {
        return new RoutingRules(member.agentMaps().routingRules(), new Accounts(member.agentMaps().accounts(),
                new PasswordHashing(4), Clock.systemUTC()), java.time.ZoneOffset.UTC);
    }

    private static AgentPresence presence(HazelcastMember member) {
        return new AgentPresence(member.agentMaps().statuses(), Duration.ofMinutes(1), Clock.systemUTC());
    }

    private static ConversationRouting routing(HazelcastMember member, AgentPresence presence) {
        AgentMaps maps = member.agentMaps();
        return new ConversationRouting(maps.assignments(), maps.preferredAgents(), maps.statuses(), presence,
                new RoutingSettings(Duration.ofSeconds(30), Duration.ofHours(1), "general", Duration.ofMinutes(3)),
                DeskEvents.NONE, Clock.systemUTC());
    }
}
