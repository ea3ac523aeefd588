package dev.switchboard.adapter.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.adapter.testkit.LogCapture;
import dev.switchboard.adapter.testkit.RecordingHelpDesk;
import dev.switchboard.smsc.simulator.PhoneText;
import dev.switchboard.smsc.simulator.SmscSimulator;
import dev.switchboard.spi.DeliveryStatus;
import dev.switchboard.spi.E164Number;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SMS sender texts a phone outside any conversation (a one-time code) over real SMPP: the phone gets it,
 * the hub hears nothing of it (no message, no delivery report), and its words are in no log line.
 */
class TextsOutsideConversationsTest {
    private static final String DESK = "4357";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String NUMBER = "+48601000020";
    private static final String CODE_TEXT = "Your Switchboard help code is 904512.";

    @TempDir
    Path dataDir;

    private final RecordingHelpDesk helpDesk = AdapterUnderTest.helpDesk();
    private final LogCapture log = LogCapture.everything();
    private SmscSimulator smsc;
    private AdapterUnderTest gateway;

    @BeforeEach
    void start() throws Exception {
        smsc = SmscSimulator.start(0, "switchboard", "");
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        smsc.close();
        log.close();
    }

    @Test
    void aCodeReachesThePhoneAndNothingOfItReachesTheHubOrTheLog() throws Exception {
        gateway = AdapterUnderTest.start(helpDesk, dataDir, smsc.port(), Map.of());
        await().atMost(WAIT).until(() -> gateway.adapter.health().up());
        assertThat(gateway.registeredTexter()).as("the SMS sender texts phones").isPresent();

        gateway.registeredTexter().orElseThrow().text(new E164Number(NUMBER), CODE_TEXT);
        await().atMost(WAIT).until(() -> smsc.received(NUMBER).size() == 1);
        // A text of the thread after it: once its receipt is reported, the code's receipt has come and gone.
        smsc.text(NUMBER, DESK, "Thanks");
        await().atMost(WAIT).until(() -> helpDesk.deliveryReports().stream()
                .anyMatch(report -> report.status() == DeliveryStatus.DELIVERED));

        assertThat(smsc.received(NUMBER)).extracting(PhoneText::text).containsExactly(CODE_TEXT, "You said: Thanks");
        assertThat(helpDesk.submitted()).singleElement().satisfies(asked -> assertThat(asked.text()).isEqualTo("Thanks"));
        String answerConversation = helpDesk.deliveryReports().get(0).conversationId();
        assertThat(helpDesk.deliveryReports()).allSatisfy(report ->
                assertThat(report.conversationId()).isEqualTo(answerConversation));
        assertThat(log.events()).isNotEmpty().noneMatch(event -> event.getFormattedMessage().contains("904512"));
    }

    @Test
    void anAdapterThatIsNotTheSmsSenderTextsNoPhones() throws Exception {
        gateway = AdapterUnderTest.start(helpDesk, dataDir, smsc.port(), Map.of("switchboard.sms.sender", "twilio"));

        assertThat(gateway.registeredTexter()).isEmpty();
    }
}
