package dev.switchboard.desk;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a manager fills in to create an account; the constructor checks every field and names the wrong one.
 */
public record NewAccount(String username, String displayName, Role role, String password, Set<String> skills,
                         Set<String> teams, int capacity, AgentContact contact) {
    static final int MAX_CAPACITY = 50;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,31}");

    public NewAccount {
        checkName("username", username);
        displayName = displayName == null || displayName.isBlank() ? username : displayName.strip();
        if (displayName.length() > 100) {
            throw AgentDeskException.invalid("displayName has at most 100 characters");
        }
        if (role == null) {
            throw AgentDeskException.invalid("role is MANAGER or AGENT");
        }
        PasswordHashing.checkRules(password);
        skills = checkNames("skill", skills);
        teams = checkNames("team", teams);
        checkCapacity(capacity);
        contact = contact == null ? AgentContact.NONE : contact;
    }

    static void checkName(String what, String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw AgentDeskException.invalid(what + " must be 2-32 lower-case letters, digits, dots, hyphens or"
                    + " underscores, starting with a letter or digit: '" + value + "'");
        }
    }

    static Set<String> checkNames(String what, Set<String> values) {
        if (values == null) {
            return Set.of();
        }
        values.forEach(value -> checkName(what, value));
        return Set.copyOf(values);
    }

    static void checkCapacity(int capacity) {
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw AgentDeskException.invalid("capacity is 1 to " + MAX_CAPACITY + " conversations, was " + capacity);
        }
    }
}
