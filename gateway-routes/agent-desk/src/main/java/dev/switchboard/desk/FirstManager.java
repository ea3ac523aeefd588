package dev.switchboard.desk;

import dev.switchboard.hub.domain.CustomerTokens;
import java.util.Optional;
import java.util.Set;

/**
 * The first manager account, made at start-up when there is no manager: with the configured password, or
 * with a one-time secret that the caller prints once and that must be replaced at the first sign-in. There
 * is never a fixed default password.
 */
public final class FirstManager {
    private final Accounts accounts;

    public FirstManager(Accounts accounts) {
        this.accounts = accounts;
    }

    /**
     * @return the one-time secret when this call made the manager with one; empty when a manager existed, the
     *         configured password was used, or another node made the account at the same moment
     */
    public Optional<String> ensure(String username, String configuredPassword) {
        if (accounts.anyManager()) {
            return Optional.empty();
        }
        boolean generated = configuredPassword == null || configuredPassword.isEmpty();
        String password = generated ? CustomerTokens.newToken() : configuredPassword;
        try {
            accounts.createUnchecked(new NewAccount(username, username, Role.MANAGER, password, Set.of(), Set.of(), 1, null),
                    generated);
        } catch (AgentDeskException e) {
            if (e.kind() == AgentDeskException.Kind.CONFLICT) {
                return Optional.empty();
            }
            throw e;
        }
        return generated ? Optional.of(password) : Optional.empty();
    }
}
