package dev.switchboard.agent.api;

import dev.switchboard.hub.agents.AgentAccount;
import dev.switchboard.hub.agents.AgentDeskException;
import dev.switchboard.hub.agents.AgentSessions;
import dev.switchboard.hub.agents.Accounts;
import dev.switchboard.hub.agents.NewAccount;
import dev.switchboard.hub.agents.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The agent API's operations, the one list of every path it serves ({@code /api/openapi.json} describes the
 * same list; a test keeps the two in agreement). Each operation reads its call and asks the desk's use cases.
 */
final class AgentApi {
    static final String PREFIX = "/api/agent";
    static final String SIGN_IN = PREFIX + "/login";
    static final String SIGN_OUT = PREFIX + "/logout";
    static final String ME = PREFIX + "/me";
    static final String PASSWORD = PREFIX + "/password";
    static final String ACCOUNTS = PREFIX + "/accounts";

    private final Accounts accounts;
    private final AgentSessions sessions;
    private final List<Operation> operations = new ArrayList<>();

    AgentApi(Accounts accounts, AgentSessions sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
        accountOperations();
    }

    List<Operation> operations() {
        return List.copyOf(operations);
    }

    private void add(String method, String path, Operation.Handler handler) {
        operations.add(new Operation(method, path, false, handler));
    }

    private void accountOperations() {
        operations.add(new Operation("POST", SIGN_IN, true, call -> {
            AgentAccount account = accounts.authenticate(call.text("username"), call.text("password"))
                    .orElseThrow(() -> new AgentDeskException(AgentDeskException.Kind.UNAUTHORIZED,
                            "the user name or the password is wrong"));
            AgentSessions.Opened opened = sessions.open(account);
            return new AgentApiServlet.SignedIn(opened.token(), signedIn(account, opened.session().csrfToken()));
        }));
        add("POST", SIGN_OUT, call -> {
            sessions.close(call.sessionToken());
            return Map.of("signedOut", true);
        });
        add("GET", ME, call -> signedIn(call.account(), call.session().csrfToken()));
        add("POST", PASSWORD, call -> {
            accounts.changePassword(call.account().username(), call.text("current"), call.text("password"));
            return Map.of("changed", true);
        });
        add("GET", ACCOUNTS, call -> {
            requireManager(call);
            return Map.of("accounts", accounts.all().stream().map(AccountView::of).toList());
        });
        add("POST", ACCOUNTS, call -> {
            NewAccount request = new NewAccount(call.requiredText("username"), call.text("displayName"),
                    role(call.text("role")), call.text("password"), orEmpty(call.names("skills")),
                    orEmpty(call.names("teams")), call.integer("capacity", 1));
            return new Operation.Answer(201, AccountView.of(accounts.create(call.account(), request)));
        });
        add("POST", ACCOUNTS + "/{username}", call -> {
            requireManager(call);
            AgentAccount before = accounts.find(call.parameter("username")).orElseThrow(() ->
                    new AgentDeskException(AgentDeskException.Kind.NOT_FOUND, "no account named " + call.parameter("username")));
            Set<String> skills = call.names("skills");
            Set<String> teams = call.names("teams");
            return AccountView.of(accounts.setWork(call.account(), before.username(), call.text("displayName"),
                    skills == null ? before.skills() : skills, teams == null ? before.teams() : teams,
                    call.integer("capacity", before.capacity())));
        });
    }

    private static void requireManager(ApiCall call) {
        if (!call.account().isManager()) {
            throw new AgentDeskException(AgentDeskException.Kind.FORBIDDEN, "only a manager may do this");
        }
    }

    private static Role role(String text) {
        if (text == null) {
            return Role.AGENT;
        }
        try {
            return Role.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new AgentDeskException(AgentDeskException.Kind.INVALID, "role is MANAGER or AGENT, was '" + text + "'");
        }
    }

    private static Set<String> orEmpty(Set<String> names) {
        return names == null ? Set.of() : names;
    }

    private static Map<String, Object> signedIn(AgentAccount account, String csrfToken) {
        return Map.of("account", AccountView.of(account), "csrfToken", csrfToken,
                "passwordChangeRequired", account.mustChangePassword());
    }

    /** An account as the API shows it: never the password hash. */
    record AccountView(String username, String displayName, Role role, Set<String> skills, Set<String> teams,
                       int capacity) {
        static AccountView of(AgentAccount a) {
            return new AccountView(a.username(), a.displayName(), a.role(), a.skills(), a.teams(), a.capacity());
        }
    }
}
