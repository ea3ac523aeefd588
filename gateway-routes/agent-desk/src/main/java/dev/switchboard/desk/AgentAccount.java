package dev.switchboard.desk;

import java.time.Instant;
import java.util.Set;

/**
 * A person who signs in to the agent desktop.
 *
 * @param username           the sign-in name, lower case
 * @param displayName        the name customers see on his answers
 * @param role               what he may do
 * @param passwordHash       BCrypt hash of the password
 * @param mustChangePassword whether he signed in with a one-time secret and must choose a password first
 * @param skills             what conversations he can take (a conversation needs one skill)
 * @param teams              the teams he belongs to (a conversation may be transferred to a team)
 * @param capacity           how many conversations he takes at once
 * @param createdAt          when the account was made
 * @param contact            his phone and email, for call backs and notices
 */
public record AgentAccount(String username, String displayName, Role role, String passwordHash,
                           boolean mustChangePassword, Set<String> skills, Set<String> teams, int capacity,
                           Instant createdAt, AgentContact contact) {

    public AgentAccount {
        skills = Set.copyOf(skills);
        teams = Set.copyOf(teams);
        contact = contact == null ? AgentContact.NONE : contact;
    }

    /** An account without a phone or email. */
    public AgentAccount(String username, String displayName, Role role, String passwordHash,
                        boolean mustChangePassword, Set<String> skills, Set<String> teams, int capacity,
                        Instant createdAt) {
        this(username, displayName, role, passwordHash, mustChangePassword, skills, teams, capacity, createdAt,
                AgentContact.NONE);
    }

    public boolean isManager() {
        return role == Role.MANAGER;
    }

    AgentAccount withPassword(String hash, boolean mustChange) {
        return new AgentAccount(username, displayName, role, hash, mustChange, skills, teams, capacity, createdAt,
                contact);
    }

    AgentAccount withWork(String newDisplayName, Set<String> newSkills, Set<String> newTeams, int newCapacity,
                          AgentContact newContact) {
        return new AgentAccount(username, newDisplayName, role, passwordHash, mustChangePassword, newSkills, newTeams,
                newCapacity, createdAt, newContact);
    }
}
