package dev.switchboard.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.spi.Lease;
import dev.switchboard.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Two nodes ask for one lease on one database: one holds it at a time, and the other takes over from a dead one. */
class SqlLeasesTest {
    private static final Duration PERIOD = Duration.ofSeconds(2);
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static final String BOTH = "dev.switchboard.testing.TestDatabases#both";

    private Database database;
    private CuttableDataSource toA;
    private SqlLeases nodeA;
    private SqlLeases nodeB;

    private void open(TestDatabase kind) {
        database = kind.open();
        toA = new CuttableDataSource(database.dataSource());
        nodeA = new SqlLeases(toA);
        nodeB = new SqlLeases(database.dataSource());
    }

    @AfterEach
    void close() {
        nodeA.close();
        nodeB.close();
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void oneOfTwoNodesHoldsTheLeaseAndTheOtherTakesItAtOnceWhenItIsGivenUp(TestDatabase kind) {
        open(kind);
        Lease a = nodeA.take("email-imap", PERIOD);
        await().atMost(WAIT).until(a::holds);
        Lease b = nodeB.take("email-imap", PERIOD);

        // Renewed several times over, and never taken by the other node meanwhile.
        await().during(PERIOD.multipliedBy(2)).atMost(PERIOD.multipliedBy(3)).until(() -> a.holds() && !b.holds());

        a.close();
        assertThat(a.holds()).isFalse();
        await().atMost(PERIOD).until(b::holds);
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void aHolderThatCannotRenewStopsHoldingItWithinOnePeriodAndTheOtherTakesOverWithinAPeriodAndARenewal(
            TestDatabase kind) throws SQLException {
        open(kind);
        Lease a = nodeA.take("smpp-bind", PERIOD);
        await().atMost(WAIT).until(a::holds);
        long epochOfA = epoch("smpp-bind");
        Lease b = nodeB.take("smpp-bind", PERIOD);

        long cutAt = System.nanoTime();
        toA.cut();
        await().atMost(PERIOD).until(() -> !a.holds());
        assertThat(b.holds()).as("not before the holder stopped").isFalse();
        await().atMost(PERIOD.plus(PERIOD.dividedBy(3)).plusMillis(500)).until(b::holds);
        assertThat(Duration.ofNanos(System.nanoTime() - cutAt)).isLessThan(PERIOD.plus(PERIOD.dividedBy(3)).plusSeconds(1));
        assertThat(epoch("smpp-bind")).isEqualTo(epochOfA + 1);

        // The old holder gets its database back: its epoch is superseded, it renews nothing and holds nothing.
        toA.mend();
        await().during(PERIOD).atMost(PERIOD.multipliedBy(2)).until(() -> !a.holds() && b.holds());
        assertThat(epoch("smpp-bind")).isEqualTo(epochOfA + 1);
    }

    private long epoch(String lease) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT epoch FROM adapter_leases WHERE lease_name = ?")) {
            select.setString(1, lease);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
