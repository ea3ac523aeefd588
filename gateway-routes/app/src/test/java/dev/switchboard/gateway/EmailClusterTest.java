package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.adapter.testkit.RecordingHelpDesk;
import dev.switchboard.spi.Interaction;
import dev.switchboard.state.Database;
import dev.switchboard.testing.AdapterNode;
import dev.switchboard.testing.TestDatabase;
import dev.switchboard.testing.TestMailServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cluster tier for the email adapter: nodes on one database reading one mailbox on a real mail server (GreenMail).
 * What was answered outlives a full restart; one node at a time reads the mailbox.
 */
class EmailClusterTest {
    private static final String ANNA = "anna@customer.example";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String BOTH = "dev.switchboard.testing.TestDatabases#both";

    private Database database;
    private TestMailServer mail;

    @BeforeEach
    void start() {
        mail = new TestMailServer();
    }

    /** Opens the database the nodes share, on H2 and on PostgreSQL (closed by JUnit after the test). */
    private void open(TestDatabase shared) {
        database = shared.open();
    }

    @AfterEach
    void stop() {
        mail.close();
    }

    private AdapterNode node(RecordingHelpDesk helpDesk) throws Exception {
        return AdapterNode.start("email", database.dataSource(), AdapterNode.maps(), helpDesk, mail.gatewaySettings());
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void aMailTakenAgainAfterAFullRestartIsNotAnsweredAgain(TestDatabase shared) throws Exception {
        open(shared);
        RecordingHelpDesk hub = new RecordingHelpDesk();
        try (AdapterNode before = node(hub)) {
            mail.mailTheDesk(ANNA, "Opening hours", "Are you open on Sunday?", "<sunday@customer.example>");
            await().atMost(WAIT).until(() -> mail.seenInInbox() == 1);
        }
        assertThat(mail.mailsTo(ANNA)).hasSize(1);
        // While the gateway was down another mail client marked the mail unseen: it is taken again after the restart.
        mail.markInboxUnseen();

        try (AdapterNode restarted = node(hub)) {
            await().atMost(WAIT).until(() -> mail.seenInInbox() == 1);
        }

        assertThat(hub.submitAttempts()).as("taken twice").isEqualTo(2);
        assertThat(hub.submitted()).hasSize(1);
        assertThat(mail.mailsTo(ANNA)).as("answered once").hasSize(1);
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void onlyTheNodeHoldingTheMailboxsLeaseReadsItAndAnotherTakesOverWhenItStops(TestDatabase shared) throws Exception {
        open(shared);
        RecordingHelpDesk deskOfA = new RecordingHelpDesk();
        RecordingHelpDesk deskOfB = new RecordingHelpDesk();
        AdapterNode a = node(deskOfA);
        try (AdapterNode b = node(deskOfB)) {
            mail.mailTheDesk(ANNA, "Opening hours", "Are you open on Sunday?", "<first@customer.example>");
            await().atMost(WAIT).until(() -> deskOfA.submitted().size() + deskOfB.submitted().size() == 1);
            boolean aReads = deskOfA.submitted().size() == 1;
            AdapterNode reader = aReads ? a : b;
            AdapterNode standing = aReads ? b : a;
            RecordingHelpDesk deskOfStanding = aReads ? deskOfB : deskOfA;
            await().atMost(WAIT).until(() -> standing.health().detail().startsWith("standing by"));
            assertThat(standing.health().up()).isTrue();
            assertThat(deskOfStanding.submitAttempts()).as("the other node never looked").isZero();

            reader.close();
            mail.mailTheDesk(ANNA, "Delivery", "Do you deliver on Saturday?", "<second@customer.example>");

            await().atMost(WAIT).until(() -> deskOfStanding.submitted().size() == 1);
            assertThat(deskOfStanding.submitted()).extracting(Interaction::idempotencyKey)
                    .containsExactly("<second@customer.example>");
            await().atMost(WAIT).until(() -> standing.health().detail().startsWith("reading"));
        } finally {
            a.close();
        }
    }
}
