package dev.switchboard.desk;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * An agent as routing sees him right now: his presence, his work settings (copied from his account when he
 * changes presence) and the conversations he holds.
 *
 * @param username      the agent
 * @param displayName   his name as customers see it
 * @param presence      available, away or offline
 * @param skills        his skills
 * @param teams         his teams
 * @param capacity      how many conversations he takes at once
 * @param conversations the conversations he owns or takes part in, each counted against his capacity
 * @param lastSeen      when his desktop last called
 */
public record AgentStatus(String username, String displayName, Presence presence, Set<String> skills,
                          Set<String> teams, int capacity, Set<String> conversations, Instant lastSeen) {

    public AgentStatus {
        skills = Set.copyOf(skills);
        teams = Set.copyOf(teams);
        conversations = Set.copyOf(conversations);
    }

    static AgentStatus of(AgentAccount account, Presence presence, Instant now) {
        return of(account, presence, now, Set.of());
    }

    /** His first status, holding {@code conversations} already. */
    static AgentStatus of(AgentAccount account, Presence presence, Instant now, Set<String> conversations) {
        return new AgentStatus(account.username(), account.displayName(), presence, account.skills(), account.teams(),
                account.capacity(), conversations, now);
    }

    public boolean hasFreeCapacity() {
        return conversations.size() < capacity;
    }

    /** Whether he can be offered a new conversation now. */
    public boolean canTakeMore() {
        return presence == Presence.AVAILABLE && hasFreeCapacity();
    }

    AgentStatus withPresence(Presence newPresence, AgentAccount account, Instant now) {
        return new AgentStatus(username, account.displayName(), newPresence, account.skills(), account.teams(),
                account.capacity(), conversations, now);
    }

    AgentStatus seenAt(Instant now) {
        return new AgentStatus(username, displayName, presence, skills, teams, capacity, conversations, now);
    }

    AgentStatus away() {
        return new AgentStatus(username, displayName, Presence.AWAY, skills, teams, capacity, conversations, lastSeen);
    }

    AgentStatus holding(String conversationId) {
        Set<String> more = new HashSet<>(conversations);
        more.add(conversationId);
        return new AgentStatus(username, displayName, presence, skills, teams, capacity, more, lastSeen);
    }

    AgentStatus releasing(String conversationId) {
        Set<String> fewer = new HashSet<>(conversations);
        fewer.remove(conversationId);
        return new AgentStatus(username, displayName, presence, skills, teams, capacity, fewer, lastSeen);
    }
}
