package dev.switchboard.adapter.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.adapter.testkit.RecordingHelpDesk;
import dev.switchboard.smpp.wire.Segments;
import dev.switchboard.smsc.simulator.PhoneText;
import dev.switchboard.smsc.simulator.SmscSimulator;
import dev.switchboard.spi.ContactRequest;
import dev.switchboard.spi.DeliveryStatus;
import dev.switchboard.spi.E164Number;
import dev.switchboard.spi.Interaction;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HELP, AGENT, STOP, START, MORE and CALL, texted in any case. */
class KeywordsOverSmppTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String DESK = "4357";

    @TempDir
    Path dataDir;

    SmscSimulator smsc;
    RecordingHelpDesk helpDesk = AdapterUnderTest.helpDesk();
    AdapterUnderTest gateway;

    @BeforeEach
    void start() throws Exception {
        smsc = SmscSimulator.start(0, "switchboard", "");
        gateway = AdapterUnderTest.start(helpDesk, dataDir, smsc.port(), Map.of("switchboard.smpp.max-segments", "1"));
        await().atMost(WAIT).until(() -> gateway.adapter.health().up());
    }

    @AfterEach
    void stop() {
        gateway.close();
        smsc.close();
    }

    private List<String> answers(String number, int count) {
        await().atMost(WAIT).until(() -> smsc.received(number).size() >= count);
        return smsc.received(number).stream().map(PhoneText::text).toList();
    }

    @Test
    void helpSendsTheMenuOfTopicsAndMoreItsNextPage() {
        smsc.text("+48604000001", DESK, "help");

        String menu = answers("+48604000001", 1).get(0);
        assertThat(menu).startsWith("Text a number or your question:\n1 Opening hours\n2 Reset password");
        assertThat(helpDesk.submitted()).isEmpty();
        if (menu.endsWith("(reply MORE)")) {
            smsc.text("+48604000001", DESK, "More");
            assertThat(answers("+48604000001", 2).get(1)).contains("STOP: no more texts");
        } else {
            assertThat(menu).contains("AGENT: talk to a person", "STOP: no more texts");
        }
    }

    @Test
    void aLongAnswerContinuesWhenTheCustomerTextsMore() {
        String answer = "First part. " + "x".repeat(200) + " Last words.";
        helpDesk.answerWith(asked -> AdapterUnderTest.answer(answer));
        smsc.text("+48604000002", DESK, "tell me everything");

        String first = answers("+48604000002", 1).get(0);
        assertThat(first).endsWith(" (reply MORE)").startsWith("First part.");
        assertThat(Segments.count(first)).isEqualTo(1);
        smsc.text("+48604000002", DESK, "MORE");
        String second = answers("+48604000002", 2).get(1);
        assertThat(answer).startsWith(first.replace(" (reply MORE)", ""))
                .contains(second.replace(" (reply MORE)", ""));
        assertThat(second).isNotEqualTo(first);
        assertThat(helpDesk.submitted()).extracting(Interaction::text).containsExactly("tell me everything");
    }

    @Test
    void stopIsConfirmedOnceSilencesTheDeskUntilStartAndAgentAsksTheHub() {
        smsc.text("+48604000003", DESK, "STOP");
        assertThat(answers("+48604000003", 1).get(0)).startsWith("You will get no more texts from us");
        smsc.text("+48604000003", DESK, "stop");
        smsc.text("+48604000003", DESK, "is anyone there?");

        await().atMost(WAIT).untilAsserted(() -> assertThat(helpDesk.deliveryReports()).anySatisfy(report -> {
            assertThat(report.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(report.detail()).contains("STOP");
        }));
        assertThat(smsc.received("+48604000003")).hasSize(1);

        smsc.text("+48604000003", DESK, "Start");
        assertThat(answers("+48604000003", 2).get(1)).startsWith("Welcome back");
        smsc.text("+48604000003", DESK, "agent");
        assertThat(answers("+48604000003", 3).get(2)).isEqualTo("You said: agent");
        assertThat(helpDesk.submitted()).extracting(Interaction::text).containsExactly("is anyone there?", "agent");
    }

    @Test
    void callInAnyCaseAsksTheHubToCallTheSenderBack() {
        smsc.text("+48604000004", DESK, " Call ");
        smsc.text("+48604000004", DESK, "call me tomorrow please");

        assertThat(answers("+48604000004", 2)).containsExactly("You said:  Call ", "You said: call me tomorrow please");
        assertThat(helpDesk.submitted()).extracting(Interaction::request).containsExactly(
                ContactRequest.callBack(new E164Number("+48604000004")), null);
    }
}
