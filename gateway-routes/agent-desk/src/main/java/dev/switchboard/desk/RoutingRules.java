package dev.switchboard.desk;

import dev.switchboard.hub.domain.FirstMessage;
import dev.switchboard.hub.domain.RoutingChoice;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The routing rules managers keep: an ordered list, applied to the first message of every conversation on every
 * channel. The first enabled rule whose conditions all hold routes it; when none does, the desk's defaults hold
 * (the default skill, the region's team, the standard acknowledgement). The list is one shared record, read
 * through the cluster at each first message, so a manager's change is in force on every node at once.
 */
public final class RoutingRules {
    static final int MAX_RULES = 200;

    private final SharedRecords<RoutingRuleBook> book;
    private final Accounts accounts;
    private final ZoneId zone;

    /**
     * @param zone the desk's time zone: a rule's time of day and days of the week are read in it
     */
    public RoutingRules(SharedRecords<RoutingRuleBook> book, Accounts accounts, ZoneId zone) {
        this.book = book;
        this.accounts = accounts;
        this.zone = zone;
    }

    /** The rules in their order. */
    public List<RoutingRule> list() {
        return book.get(RoutingRuleBook.KEY).map(RoutingRuleBook::rules).orElse(List.of());
    }

    /**
     * Replaces every rule by {@code rules}, in their order (managers only). Every rule is checked first; the first
     * wrong one is refused, naming it and its field, and nothing changes.
     */
    public List<RoutingRule> replace(AgentAccount manager, List<RoutingRule> rules) {
        Accounts.requireManager(manager);
        if (rules.size() > MAX_RULES) {
            throw AgentDeskException.invalid("at most " + MAX_RULES + " routing rules, were " + rules.size());
        }
        Set<String> teams = accounts.all().stream().flatMap(a -> a.teams().stream()).collect(Collectors.toSet());
        Set<String> names = new HashSet<>();
        List<RoutingRule> checked = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            RoutingRule rule = rules.get(i).checked(i + 1, teams);
            if (!names.add(rule.name())) {
                throw RoutingRule.invalid("rule " + (i + 1) + " '" + rule.name() + "'", "name",
                        "another rule has this name");
            }
            checked.add(rule);
        }
        book.put(RoutingRuleBook.KEY, new RoutingRuleBook(checked));
        return List.copyOf(checked);
    }

    /** What the first enabled rule matching {@code message} chooses, or {@link RoutingChoice#DEFAULT}. */
    public RoutingChoice choose(FirstMessage message) {
        ZonedDateTime local = message.at().atZone(zone);
        for (RoutingRule rule : list()) {
            if (rule.matches(message, local)) {
                RuleActions actions = rule.actions();
                return new RoutingChoice(rule.name(), actions.team(), actions.skill(), actions.priority(),
                        actions.acknowledgement(), actions.tags());
            }
        }
        return RoutingChoice.DEFAULT;
    }
}
