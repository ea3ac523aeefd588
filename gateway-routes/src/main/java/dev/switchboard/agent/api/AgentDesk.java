package dev.switchboard.agent.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.gateway.config.SwitchboardConfig;
import dev.switchboard.gateway.http.ServletMounts;
import dev.switchboard.hub.agents.AgentSessions;
import dev.switchboard.hub.agents.Accounts;
import dev.switchboard.hub.agents.FirstManager;
import dev.switchboard.hub.agents.PasswordHashing;
import dev.switchboard.hub.state.AgentMaps;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent desk of one gateway node: its use cases over the shared agent maps, the first manager, and the
 * agent API on the gateway's port.
 */
public final class AgentDesk implements AutoCloseable {
    static final String FIRST_MANAGER = "switchboard.accounts.first-manager";
    static final String FIRST_MANAGER_PASSWORD = "switchboard.accounts.first-manager-password";
    static final String HASH_COST = "switchboard.accounts.password-hash-cost";
    static final String SESSION_IDLE_MINUTES = "switchboard.agents.session-idle-minutes";
    static final String SECURE_COOKIE = "switchboard.agents.secure-cookie";
    private static final Logger LOG = LoggerFactory.getLogger(AgentDesk.class);

    private final Accounts accounts;
    private final AgentSessions sessions;

    private AgentDesk(Accounts accounts, AgentSessions sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    public static AgentDesk start(SwitchboardConfig config, AgentMaps maps, ServletMounts mounts, ObjectMapper json,
                                  Clock clock) {
        Accounts accounts = new Accounts(maps.accounts(), new PasswordHashing(config.requiredInt(HASH_COST)), clock);
        AgentSessions sessions = new AgentSessions(maps.sessions(),
                Duration.ofMinutes(config.requiredInt(SESSION_IDLE_MINUTES)), clock);
        AgentDesk desk = new AgentDesk(accounts, sessions);
        desk.ensureFirstManager(config);

        AgentApi api = new AgentApi(accounts, sessions);
        SessionCookie cookie = new SessionCookie(Boolean.parseBoolean(config.required(SECURE_COOKIE)));
        mounts.mount("agent desk", AgentApi.PREFIX + "/*",
                new AgentApiServlet(api.operations(), sessions, accounts, cookie, username -> { }, json));
        return desk;
    }

    private void ensureFirstManager(SwitchboardConfig config) {
        String username = config.required(FIRST_MANAGER);
        new FirstManager(accounts).ensure(username, config.required(FIRST_MANAGER_PASSWORD)).ifPresent(secret ->
                LOG.warn("""

                        ================================================================
                        First start: manager account '{}' was created with the one-time
                        secret below. Sign in at /api/agent/login with it and choose a
                        password; it is shown only this once.

                            {}
                        ================================================================""", username, secret));
    }

    public Accounts accounts() {
        return accounts;
    }

    @Override
    public void close() {
    }
}
