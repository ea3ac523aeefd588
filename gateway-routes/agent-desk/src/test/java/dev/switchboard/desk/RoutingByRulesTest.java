package dev.switchboard.desk;

import static dev.switchboard.desk.AgentPresenceTest.agent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.hub.domain.FirstMessage;
import dev.switchboard.hub.domain.RoutingChoice;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The queue as routing rules shape it: team, skill, priority, tags and the rule's name on the assignment. */
class RoutingByRulesTest {
    private static final AgentAccount MANAGER = new AgentAccount("boss", "Boss", Role.MANAGER, "$2a$04$x", false,
            Set.of(), Set.of(), 1, Instant.EPOCH);
    private final MovingClock clock = new MovingClock();
    private final InMemoryRecords<AgentStatus> statuses = new InMemoryRecords<>();
    private final InMemoryRecords<AgentAccount> accounts = new InMemoryRecords<>();
    private final AgentPresence presence = new AgentPresence(statuses, Duration.ofMinutes(10), clock);
    private final RoutingRules rules = new RoutingRules(new InMemoryRecords<>(),
            new Accounts(accounts, new PasswordHashing(4), clock), ZoneOffset.UTC);
    private final ConversationRouting routing = new ConversationRouting(new InMemoryRecords<>(), new InMemoryRecords<>(),
            statuses, presence,
            new RoutingSettings(Duration.ofSeconds(30), Duration.ofHours(72), "general", Duration.ofMinutes(3)),
            DeskEvents.NONE, clock, rules);

    RoutingByRulesTest() {
        AgentAccount erin = new AgentAccount("erin", "Erin", Role.AGENT, "$2a$04$x", false, Set.of("general"),
                Set.of("enterprise"), 5, Instant.EPOCH);
        accounts.put("boss", MANAGER);
        accounts.put("erin", erin);
        rules.replace(MANAGER, List.of(
                new RoutingRule("bigcorp", true, new RuleConditions(List.of("email"), List.of("*@bigcorp.example"),
                        List.of(), List.of(), List.of(), null, null, List.of(), List.of()),
                        new RuleActions("enterprise", null, 10, "About {wait}.", List.of("vip"))),
                new RoutingRule("billing", true, new RuleConditions(List.of(), List.of(), List.of(),
                        List.of("invoice"), List.of(), null, null, List.of(), List.of()),
                        new RuleActions(null, "billing", 0, null, List.of("billing")))));
        presence.set(erin, Presence.AVAILABLE);
        presence.set(agent("bob", 5, "billing", "general"), Presence.AVAILABLE);
    }

    private FirstMessage message(String channel, String from, String text) {
        return new FirstMessage(channel, from, null, text, null, null, clock.instant());
    }

    private void queue(String conversationId, FirstMessage message) {
        RoutingChoice choice = routing.routingFor(conversationId, message);
        routing.waitForAgent(conversationId, "k-" + conversationId, null, choice);
        clock.advance(Duration.ofSeconds(1));
    }

    @Test
    void aRuleSetsTheTeamSkillPriorityTagsAndItsNameOnTheAssignment() {
        queue("c-big", message("email", "ann@bigcorp.example", "help"));
        queue("c-bill", message("sms", "+48601000001", "my invoice"));
        queue("c-plain", message("sms", "+48601000002", "hello"));

        Assignment big = routing.assignment("c-big").orElseThrow();
        assertThat(big.team()).isEqualTo("enterprise");
        assertThat(big.priority()).isEqualTo(10);
        assertThat(big.routingRule()).isEqualTo("bigcorp");
        assertThat(big.tags()).containsExactly("vip");
        assertThat(big.offeredTo()).containsExactly("erin");
        Assignment bill = routing.assignment("c-bill").orElseThrow();
        assertThat(bill.skill()).isEqualTo("billing");
        assertThat(bill.tags()).containsExactly("billing");
        assertThat(bill.offeredTo()).containsExactly("bob");
        Assignment plain = routing.assignment("c-plain").orElseThrow();
        assertThat(plain.skill()).isEqualTo("general");
        assertThat(plain.team()).isNull();
        assertThat(plain.routingRule()).isNull();
        assertThat(plain.tags()).isEmpty();
    }

    @Test
    void aHigherPriorityWaitsAheadAndIsToldItsPlaceThere() {
        queue("c-1", message("sms", "+48601000001", "hello"));
        queue("c-2", message("sms", "+48601000002", "hello"));
        assertThat(routing.queuePosition("c-new-big", 10)).isEqualTo(1);
        assertThat(routing.queuePosition("c-new", 0)).isEqualTo(3);

        queue("c-big", message("email", "ann@bigcorp.example", "help"));

        assertThat(routing.queuePosition("c-big")).isEqualTo(1);
        assertThat(routing.queue()).extracting(Assignment::conversationId).containsExactly("c-big", "c-1", "c-2");
        routing.refresh();
        assertThat(routing.queuePosition("c-big")).as("after a refresh from the cluster").isEqualTo(1);
        assertThat(routing.offersFor("erin")).extracting(Assignment::conversationId).first().isEqualTo("c-big");
    }

    @Test
    void onlyTheFirstMessageIsRoutedByTheRulesALaterOneWhileWaitingKeepsTheFirstRouting() {
        queue("c-1", message("sms", "+48601000001", "hello"));

        assertThat(routing.routingFor("c-1", message("sms", "+48601000001", "my invoice")))
                .isEqualTo(RoutingChoice.DEFAULT);
        queue("c-1", message("sms", "+48601000001", "my invoice"));
        assertThat(routing.assignment("c-1").orElseThrow().skill()).isEqualTo("general");
    }
}
