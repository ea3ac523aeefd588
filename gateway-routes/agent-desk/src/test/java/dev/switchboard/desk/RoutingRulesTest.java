package dev.switchboard.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.hub.domain.FirstMessage;
import dev.switchboard.hub.domain.RoutingChoice;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Unit tests of the routing rules: each condition, the order, the checks of a manager's list. */
class RoutingRulesTest {
    /** A Monday, 09:00 in Warsaw (08:00 UTC). */
    private static final Instant MONDAY_MORNING = Instant.parse("2026-11-23T08:00:00Z");
    private static final AgentAccount MANAGER = new AgentAccount("boss", "Boss", Role.MANAGER, "$2a$04$x", false,
            Set.of(), Set.of(), 1, Instant.EPOCH);

    private final InMemoryRecords<AgentAccount> accountRecords = new InMemoryRecords<>();
    private final Accounts accounts = new Accounts(accountRecords, new PasswordHashing(4), new MovingClock());
    private final RoutingRules rules = new RoutingRules(new InMemoryRecords<>(), accounts, ZoneId.of("Europe/Warsaw"));

    RoutingRulesTest() {
        accountRecords.put("boss", MANAGER);
        accountRecords.put("erin", new AgentAccount("erin", "Erin", Role.AGENT, "$2a$04$x", false, Set.of("general"),
                Set.of("enterprise"), 2, Instant.EPOCH));
    }

    private static FirstMessage message(String channel, String from, String text) {
        return new FirstMessage(channel, from, null, text, null, null, MONDAY_MORNING);
    }

    private static RuleConditions when(List<String> channels, List<String> senders, List<String> words) {
        return new RuleConditions(channels, senders, List.of(), words, List.of(), null, null, List.of(), List.of());
    }

    private static RoutingRule rule(String name, RuleConditions when, RuleActions then) {
        return new RoutingRule(name, true, when, then);
    }

    private static RuleActions skill(String skill) {
        return new RuleActions(null, skill, 0, null, List.of());
    }

    private String chosen(FirstMessage message) {
        return rules.choose(message).rule();
    }

    @Test
    void withoutRulesEveryMessageGetsTheDefaults() {
        assertThat(rules.choose(message("sms", "+48601000001", "hello"))).isEqualTo(RoutingChoice.DEFAULT);
    }

    @Test
    void theFirstEnabledRuleThatMatchesWinsAndItsActionsAreTheChoice() {
        rules.replace(MANAGER, List.of(
                new RoutingRule("off", false, RuleConditions.ANY, skill("never")),
                rule("bigcorp", when(List.of("email"), List.of("*@bigcorp.example"), List.of()),
                        new RuleActions("enterprise", null, 5, "Enterprise desk: about {wait}, you are {position}.",
                                List.of("vip"))),
                rule("any email", when(List.of("email"), List.of(), List.of()), skill("mail"))));

        RoutingChoice bigcorp = rules.choose(message("email", "Ann@BigCorp.example", "help"));
        assertThat(bigcorp).isEqualTo(new RoutingChoice("bigcorp", "enterprise", null, 5,
                "Enterprise desk: about {wait}, you are {position}.", List.of("vip")));
        assertThat(chosen(message("email", "ann@smallcorp.example", "help"))).isEqualTo("any email");
        assertThat(chosen(message("sms", "+48601000001", "help"))).isNull();
    }

    @Test
    void sendersAreMatchedByPatternsAndDomains() {
        assertThat(RuleConditions.addressMatches("+4860*", "+48601000001")).isTrue();
        assertThat(RuleConditions.addressMatches("+4860*", "+44770090012")).isFalse();
        assertThat(RuleConditions.addressMatches("@bigcorp.example", "ann@bigcorp.example")).isTrue();
        assertThat(RuleConditions.addressMatches("@bigcorp.example", "ann@notbigcorp.example")).isFalse();
        assertThat(RuleConditions.addressMatches("*@bigcorp.example", "ann@bigcorp.example.evil")).isFalse();
        assertThat(RuleConditions.addressMatches("a.b@x.example", "aXb@x.example")).as("a dot is a dot").isFalse();
        assertThat(RuleConditions.addressMatches("*", null)).isFalse();
    }

    @Test
    void wordsAreWholeWordsWhateverTheirCase() {
        rules.replace(MANAGER, List.of(rule("billing", when(List.of(), List.of(), List.of("invoice", "credit card")),
                new RuleActions(null, "billing", 0, null, List.of("billing")))));

        assertThat(chosen(message("sms", "+48601000001", "Where is my INVOICE?"))).isEqualTo("billing");
        assertThat(chosen(message("sms", "+48601000001", "my Credit Card was refused"))).isEqualTo("billing");
        assertThat(chosen(message("sms", "+48601000001", "invoices and invoiced"))).isNull();
        assertThat(chosen(message("sms", "+48601000001", "reinvoice"))).isNull();
    }

    @Test
    void theAddressWrittenToLanguageAndRegionAreConditions() {
        rules.replace(MANAGER, List.of(
                rule("sales mailbox", new RuleConditions(List.of(), List.of(), List.of("sales@desk.example"), List.of(),
                        List.of(), null, null, List.of(), List.of()), skill("sales")),
                rule("polish", new RuleConditions(List.of(), List.of(), List.of(), List.of(), List.of("pl"), null, null,
                        List.of(), List.of()), skill("polish")),
                rule("krakow", new RuleConditions(List.of(), List.of(), List.of(), List.of(), List.of(), null, null,
                        List.of(), List.of("Lesser Poland")), skill("south"))));
        Instant at = MONDAY_MORNING;

        assertThat(chosen(new FirstMessage("email", "a@b.example", "Sales@Desk.example", "hi", null, null, at)))
                .isEqualTo("sales mailbox");
        assertThat(chosen(new FirstMessage("email", "a@b.example", "help@desk.example", "hi", null, null, at))).isNull();
        assertThat(chosen(new FirstMessage("web-chat", "v", null, "cześć", "pl-PL", null, at))).isEqualTo("polish");
        assertThat(chosen(new FirstMessage("web-chat", "v", null, "hi", "en-GB", null, at))).isNull();
        assertThat(chosen(new FirstMessage("wap", "v", null, "hi", null, "lesser poland", at))).isEqualTo("krakow");
        assertThat(chosen(new FirstMessage("wap", "v", null, "hi", null, null, at))).isNull();
    }

    @Test
    void timeOfDayAndDaysOfTheWeekAreReadInTheDesksTimeZoneWithTheirEdges() {
        rules.replace(MANAGER, List.of(
                rule("office hours", new RuleConditions(List.of(), List.of(), List.of(), List.of(), List.of(),
                        "09:00", "17:00", List.of("MON", "TUE", "WED", "THU", "FRI"), List.of()), skill("day")),
                rule("night", new RuleConditions(List.of(), List.of(), List.of(), List.of(), List.of(),
                        "22:00", "06:00", List.of(), List.of()), skill("night"))));

        // 08:00 UTC is 09:00 in Warsaw on Monday: the start is in the range.
        assertThat(chosen(at("2026-11-23T08:00:00Z"))).isEqualTo("office hours");
        assertThat(chosen(at("2026-11-23T07:59:59Z"))).as("08:59:59 in Warsaw").isNull();
        assertThat(chosen(at("2026-11-23T15:59:59Z"))).isEqualTo("office hours");
        assertThat(chosen(at("2026-11-23T16:00:00Z"))).as("17:00 is past the range").isNull();
        // Saturday 10:00 in Warsaw: the time fits, the day does not.
        assertThat(chosen(at("2026-11-28T09:00:00Z"))).isNull();
        // Sunday 23:30 UTC is Monday 00:30 in Warsaw: the range over midnight holds.
        assertThat(chosen(at("2026-11-29T23:30:00Z"))).isEqualTo("night");
        assertThat(chosen(at("2026-11-23T21:00:00Z"))).as("22:00").isEqualTo("night");
        assertThat(chosen(at("2026-11-23T05:00:00Z"))).as("06:00 is past the range").isNull();
    }

    private static FirstMessage at(String instant) {
        return new FirstMessage("sms", "+48601000001", null, "hi", null, null, Instant.parse(instant));
    }

    @Test
    void aManagersListIsCheckedAndAWrongRuleIsNamedWithItsField() {
        RoutingRule good = rule("good", RuleConditions.ANY, skill("general"));
        assertRefused(List.of(good, rule("fax", when(List.of("fax"), List.of(), List.of()), skill("x"))),
                "rule 2 'fax', channels: 'fax' is not a channel");
        assertRefused(List.of(rule("late", new RuleConditions(List.of(), List.of(), List.of(), List.of(), List.of(),
                "25:00", "06:00", List.of(), List.of()), skill("x"))), "rule 1 'late', from: '25:00'");
        assertRefused(List.of(rule("half", new RuleConditions(List.of(), List.of(), List.of(), List.of(), List.of(),
                "09:00", null, List.of(), List.of()), skill("x"))), "rule 1 'half', until:");
        assertRefused(List.of(rule("empty", new RuleConditions(List.of(), List.of(), List.of(), List.of(), List.of(),
                "09:00", "09:00", List.of(), List.of()), skill("x"))), "rule 1 'empty', until: the time range");
        assertRefused(List.of(rule("days", new RuleConditions(List.of(), List.of(), List.of(), List.of(), List.of(),
                null, null, List.of("FUNDAY"), List.of()), skill("x"))), "rule 1 'days', days: 'FUNDAY'");
        assertRefused(List.of(rule("team", RuleConditions.ANY, new RuleActions("sales", null, 0, null, List.of()))),
                "rule 1 'team', team: no agent is in team 'sales'");
        assertRefused(List.of(rule("prio", RuleConditions.ANY, new RuleActions(null, null, 101, null, List.of()))),
                "rule 1 'prio', priority:");
        assertRefused(List.of(rule("idle", RuleConditions.ANY, new RuleActions(null, null, 0, null, List.of()))),
                "rule 1 'idle', actions:");
        assertRefused(List.of(good, good), "rule 2 'good', name: another rule has this name");
        assertRefused(List.of(rule("", RuleConditions.ANY, skill("x"))), "rule 1, name:");
        assertThat(rules.list()).as("nothing changed").isEmpty();

        AgentAccount agent = accounts.find("erin").orElseThrow();
        assertThatThrownBy(() -> rules.replace(agent, List.of(good)))
                .isInstanceOf(AgentDeskException.class)
                .satisfies(e -> assertThat(((AgentDeskException) e).kind()).isEqualTo(AgentDeskException.Kind.FORBIDDEN));
    }

    private void assertRefused(List<RoutingRule> list, String message) {
        assertThatThrownBy(() -> rules.replace(MANAGER, list))
                .isInstanceOf(AgentDeskException.class)
                .hasMessageStartingWith(message)
                .satisfies(e -> assertThat(((AgentDeskException) e).kind()).isEqualTo(AgentDeskException.Kind.INVALID));
    }
}
