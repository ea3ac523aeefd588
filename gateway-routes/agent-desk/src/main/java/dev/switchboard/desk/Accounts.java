package dev.switchboard.desk;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Agent and manager accounts: a manager creates them and sets their work; everyone signs in with a password. */
public final class Accounts {
    private final SharedRecords<AgentAccount> accounts;
    private final PasswordHashing passwords;
    private final Clock clock;

    public Accounts(SharedRecords<AgentAccount> accounts, PasswordHashing passwords, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** Creates an account on a manager's behalf. */
    public AgentAccount create(AgentAccount manager, NewAccount request) {
        requireManager(manager);
        return createUnchecked(request, false);
    }

    AgentAccount createUnchecked(NewAccount request, boolean mustChangePassword) {
        AgentAccount account = new AgentAccount(request.username(), request.displayName(), request.role(),
                passwords.hash(request.password()), mustChangePassword, request.skills(), request.teams(),
                request.capacity(), clock.instant(), request.contact());
        SharedRecords.Changed<AgentAccount> created = accounts.change(account.username(), new CreateIfAbsent(account));
        if (!created.changed()) {
            throw AgentDeskException.conflict("an account named " + account.username() + " exists already");
        }
        return account;
    }

    /**
     * A manager sets an account's display name, skills, teams, capacity and contact ({@code phone} and
     * {@code email}: {@code null} keeps one, an empty text removes it).
     */
    public AgentAccount setWork(AgentAccount manager, String username, String displayName, Set<String> skills,
                                Set<String> teams, int capacity, String phone, String email) {
        requireManager(manager);
        Set<String> checkedSkills = NewAccount.checkNames("skill", skills);
        Set<String> checkedTeams = NewAccount.checkNames("team", teams);
        NewAccount.checkCapacity(capacity);
        new AgentContact(phone, email); // checks both before the change
        AgentAccount after = accounts.change(username,
                new SetWork(displayName, checkedSkills, checkedTeams, capacity, phone, email)).after();
        if (after == null) {
            throw AgentDeskException.notFound("no account named " + username);
        }
        return after;
    }

    /** The account whose password this is; empty for a wrong name or password (the same work either way). */
    public Optional<AgentAccount> authenticate(String username, String password) {
        Optional<AgentAccount> account = username == null ? Optional.empty() : accounts.get(username);
        boolean matches = passwords.matches(password, account.map(AgentAccount::passwordHash).orElse(null));
        return matches ? account : Optional.empty();
    }

    /** Replaces a password after checking the current one; this also ends the one-time secret's use. */
    public AgentAccount changePassword(String username, String current, String next) {
        if (authenticate(username, current).isEmpty()) {
            throw new AgentDeskException(AgentDeskException.Kind.UNAUTHORIZED, "the current password is wrong");
        }
        if (next != null && next.equals(current)) {
            throw AgentDeskException.invalid("the new password must differ from the current one");
        }
        String hash = passwords.hash(next);
        return accounts.change(username, new SetPassword(hash)).after();
    }

    public Optional<AgentAccount> find(String username) {
        return username == null ? Optional.empty() : accounts.get(username);
    }

    public List<AgentAccount> all() {
        return accounts.matching(new Everyone()).stream().sorted(Comparator.comparing(AgentAccount::username)).toList();
    }

    /** The managers' accounts, picked where the accounts are kept. */
    public List<AgentAccount> managers() {
        return accounts.matching(new Managers());
    }

    boolean anyManager() {
        return !managers().isEmpty();
    }

    static void requireManager(AgentAccount account) {
        if (account == null || !account.isManager()) {
            throw AgentDeskException.forbidden("only a manager may do this");
        }
    }

    record CreateIfAbsent(AgentAccount account) implements SharedRecords.Change<AgentAccount> {
        @Override
        public AgentAccount apply(AgentAccount before) {
            return before == null ? account : before;
        }
    }

    record SetPassword(String hash) implements SharedRecords.Change<AgentAccount> {
        @Override
        public AgentAccount apply(AgentAccount before) {
            return before == null ? null : before.withPassword(hash, false);
        }
    }

    record SetWork(String displayName, Set<String> skills, Set<String> teams, int capacity, String phone,
                   String email)
            implements SharedRecords.Change<AgentAccount> {
        @Override
        public AgentAccount apply(AgentAccount before) {
            if (before == null) {
                return null;
            }
            String name = displayName == null || displayName.isBlank() ? before.displayName() : displayName.strip();
            return before.withWork(name, skills, teams, capacity, before.contact().with(phone, email));
        }
    }

    record Everyone() implements SharedRecords.Filter<AgentAccount> {
        @Override
        public boolean test(AgentAccount value) {
            return true;
        }
    }

    record Managers() implements SharedRecords.Filter<AgentAccount> {
        @Override
        public boolean test(AgentAccount value) {
            return value.isManager();
        }
    }
}
