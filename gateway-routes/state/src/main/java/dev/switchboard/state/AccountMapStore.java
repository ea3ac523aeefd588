package dev.switchboard.state;

import dev.switchboard.desk.AgentAccount;
import dev.switchboard.desk.AgentContact;
import dev.switchboard.desk.Role;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/** Agent and manager accounts in table {@code agent_accounts}; all of them are loaded at start (they are few). */
final class AccountMapStore extends JdbcMapStore<AgentAccount> {
    @Override
    String what() {
        return "agent accounts";
    }


    AccountMapStore(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    void write(Connection connection, String username, AgentAccount a) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE agent_accounts SET display_name = ?, role = ?, password_hash = ?, must_change_password = ?,"
                        + " skills = ?, teams = ?, capacity = ?, created_at = ?, phone = ?, email = ? WHERE username = ?")) {
            fill(update, a);
            update.setString(11, username);
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO agent_accounts (display_name, role, password_hash, must_change_password, skills, teams,"
                        + " capacity, created_at, phone, email, username) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            fill(insert, a);
            insert.setString(11, username);
            insert.executeUpdate();
        }
    }

    private static void fill(PreparedStatement statement, AgentAccount a) throws SQLException {
        statement.setString(1, a.displayName());
        statement.setString(2, a.role().name());
        statement.setString(3, a.passwordHash());
        statement.setBoolean(4, a.mustChangePassword());
        statement.setString(5, String.join(",", a.skills()));
        statement.setString(6, String.join(",", a.teams()));
        statement.setInt(7, a.capacity());
        SqlTimes.set(statement, 8, a.createdAt());
        statement.setString(9, a.contact().phone());
        statement.setString(10, a.contact().email());
    }

    @Override
    AgentAccount read(Connection connection, String username) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT display_name, role, password_hash, must_change_password, skills, teams, capacity, created_at,"
                        + " phone, email FROM agent_accounts WHERE username = ?")) {
            select.setString(1, username);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                return new AgentAccount(username, row.getString("display_name"), Role.valueOf(row.getString("role")),
                        row.getString("password_hash"), row.getBoolean("must_change_password"),
                        names(row.getString("skills")), names(row.getString("teams")), row.getInt("capacity"),
                        SqlTimes.get(row, "created_at"),
                        new AgentContact(row.getString("phone"), row.getString("email")));
            }
        }
    }

    @Override
    public Iterable<String> loadAllKeys() {
        return keys("SELECT username FROM agent_accounts");
    }

    private static Set<String> names(String joined) {
        return joined == null || joined.isEmpty() ? Set.of()
                : Arrays.stream(joined.split(",")).collect(Collectors.toUnmodifiableSet());
    }
}
