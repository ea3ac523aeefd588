package dev.switchboard.desk;

import java.util.List;
import java.util.Set;

/**
 * What a routing rule does with the conversation it matches. Each part is optional; a rule does at least one thing.
 *
 * @param team            the team whose agents get it (instead of the region's team), or {@code null}
 * @param skill           the skill it needs (instead of the default skill), or {@code null}
 * @param priority        0 to {@value #MAX_PRIORITY}: a higher priority waits ahead of a lower one in the queue and is
 *                        offered first; 0 is everyone's
 * @param acknowledgement what the customer is told while he waits, instead of the standard text: {@code {wait}}
 *                        becomes the estimated wait ("4 minutes"), {@code {position}} his place in the queue; or
 *                        {@code null}
 * @param tags            tags put on the conversation's assignment, which the agent sees
 */
public record RuleActions(String team, String skill, int priority, String acknowledgement, List<String> tags) {
    static final int MAX_PRIORITY = 100;
    static final int MAX_ACKNOWLEDGEMENT = 500;
    static final int MAX_TAGS = 10;

    /** Blank texts are none; the tags default to none (a record read from an older form has them {@code null}). */
    public RuleActions {
        team = team == null || team.isBlank() ? null : team.strip();
        skill = skill == null || skill.isBlank() ? null : skill.strip();
        acknowledgement = acknowledgement == null || acknowledgement.isBlank() ? null : acknowledgement.strip();
        tags = tags == null ? List.of() : tags.stream().filter(t -> t != null && !t.isBlank()).map(String::strip)
                .distinct().toList();
    }

    /** Checks every action, naming the rule and the field that is wrong; {@code teams} are the teams agents are in. */
    RuleActions checked(String rule, Set<String> teams) {
        if (team != null) {
            checkName(rule, "team", team);
            if (!teams.contains(team)) {
                throw RoutingRule.invalid(rule, "team", "no agent is in team '" + team + "' (teams: "
                        + teams.stream().sorted().toList() + ")");
            }
        }
        if (skill != null) {
            checkName(rule, "skill", skill);
        }
        if (priority < 0 || priority > MAX_PRIORITY) {
            throw RoutingRule.invalid(rule, "priority", "0 to " + MAX_PRIORITY + ", was " + priority);
        }
        if (acknowledgement != null && acknowledgement.length() > MAX_ACKNOWLEDGEMENT) {
            throw RoutingRule.invalid(rule, "acknowledgement", "at most " + MAX_ACKNOWLEDGEMENT + " characters");
        }
        if (tags.size() > MAX_TAGS) {
            throw RoutingRule.invalid(rule, "tags", "at most " + MAX_TAGS + " tags");
        }
        tags.forEach(tag -> checkName(rule, "tags", tag));
        if (team == null && skill == null && priority == 0 && acknowledgement == null && tags.isEmpty()) {
            throw RoutingRule.invalid(rule, "actions",
                    "a rule does something: a team, a skill, a priority, an acknowledgement or tags");
        }
        return this;
    }

    private static void checkName(String rule, String field, String value) {
        try {
            NewAccount.checkName(field, value);
        } catch (AgentDeskException e) {
            throw RoutingRule.invalid(rule, field, e.getMessage());
        }
    }
}
