package dev.switchboard.adapter.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.switchboard.adapter.smpp.store.OutgoingSms;
import dev.switchboard.adapter.testkit.InMemoryRecords;
import dev.switchboard.adapter.testkit.LogCapture;
import dev.switchboard.adapter.testkit.RecordingHelpDesk;
import dev.switchboard.smsc.simulator.PhoneText;
import dev.switchboard.smsc.simulator.SmscSimulator;
import dev.switchboard.spi.AdapterHealth;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SMSC refuses, goes away, pushes back or has a bind mode of its own: nothing acknowledged is lost or sent twice. */
class SmscTroubleTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    RecordingHelpDesk helpDesk = AdapterUnderTest.helpDesk();

    @Test
    void aWrongPasswordIsLoggedClearlyRetriedWithGrowingBackoffAndShownDownInHealth() throws Exception {
        try (SmscSimulator smsc = SmscSimulator.start(0, "switchboard", "right");
             LogCapture log = new LogCapture(SmscLink.class);
             AdapterUnderTest gateway = AdapterUnderTest.start(helpDesk, dataDir, smsc.port(),
                     Map.of("switchboard.smpp.password", "wrong"))) {

            await().atMost(WAIT).until(() -> failedBinds(log).size() >= 3);

            List<String> lines = failedBinds(log);
            assertThat(lines.get(0)).contains("ESME_RINVPASWD", "the password is wrong", "binding again in 100 ms");
            assertThat(lines.get(1)).contains("binding again in 200 ms");
            assertThat(lines.get(2)).contains("binding again in 400 ms");
            AdapterHealth health = gateway.adapter.health();
            assertThat(health.up()).isFalse();
            assertThat(health.detail()).contains("not bound to 127.0.0.1:" + smsc.port(), "ESME_RINVPASWD");
        }
    }

    private static List<String> failedBinds(LogCapture log) {
        return log.events().stream().filter(e -> e.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains("bind")).toList();
    }

    @Test
    void aThousandAnswersWaitWhileTheSmscIsDownAcrossARestartAndAreEachDeliveredOnceInOrder() throws Exception {
        int port;
        try (SmscSimulator probe = SmscSimulator.start(0, "switchboard", "")) {
            port = probe.port();
        }
        Map<String, String> fast = Map.of("switchboard.smpp.window", "10");
        Map<String, List<String>> expected = new LinkedHashMap<>();
        InMemoryRecords database = new InMemoryRecords();
        try (AdapterUnderTest before = AdapterUnderTest.start(helpDesk, database, dataDir, port, fast)) {
            assertThat(before.adapter.health().up()).isFalse();
            for (int i = 0; i < 1000; i++) {
                String number = "+4860200" + String.format("%04d", i % 50);
                String text = "answer " + i + " for " + number;
                before.adapter.send(new OutgoingSms("k-" + i, number, text, null, null, false));
                expected.computeIfAbsent(number, n -> new ArrayList<>()).add(text);
            }
            assertThat(before.adapter.health().detail()).contains("1000 texts waiting");
        }

        try (AdapterUnderTest restarted = AdapterUnderTest.start(helpDesk, database, dataDir, port, fast)) {
            assertThat(restarted.adapter.health().detail()).contains("1000 texts waiting");
            try (SmscSimulator smsc = SmscSimulator.start(port, "switchboard", "")) {
                await().atMost(WAIT).until(() -> smsc.receivedByAll().size() >= 1000);
                await().atMost(WAIT).until(() -> restarted.adapter.health().detail().contains(" 0 texts waiting"));

                Map<String, List<String>> delivered = smsc.receivedByAll().stream().collect(
                        Collectors.groupingBy(PhoneText::number, LinkedHashMap::new,
                                Collectors.mapping(PhoneText::text, Collectors.toList())));
                assertThat(smsc.receivedByAll()).hasSize(1000);
                assertThat(delivered).isEqualTo(expected);
            }
        }
    }

    @Test
    void backPressureFromTheSmscIsWaitedOutAndTheTextSentOnce() throws Exception {
        try (SmscSimulator smsc = SmscSimulator.start(0, "switchboard", "");
             AdapterUnderTest gateway = AdapterUnderTest.start(helpDesk, dataDir, smsc.port(), Map.of())) {
            await().atMost(WAIT).until(() -> gateway.adapter.health().up());
            smsc.pushBack(3, CommandStatus.ESME_RTHROTTLED);
            smsc.text("+48602100001", "4357", "anyone?");
            smsc.pushBack(2, CommandStatus.ESME_RMSGQFUL);
            smsc.text("+48602100002", "4357", "hello?");

            await().atMost(WAIT).until(() -> smsc.receivedByAll().size() >= 2);
            assertThat(smsc.received("+48602100001")).extracting(PhoneText::text).containsExactly("You said: anyone?");
            assertThat(smsc.received("+48602100002")).extracting(PhoneText::text).containsExactly("You said: hello?");
            assertThat(smsc.submitted()).hasSize(2);
        }
    }

    @Test
    void theConfiguredSendRateIsKept() throws Exception {
        try (SmscSimulator smsc = SmscSimulator.start(0, "switchboard", "");
             AdapterUnderTest gateway = AdapterUnderTest.start(helpDesk, dataDir, smsc.port(),
                     Map.of("switchboard.smpp.send-rate", "20"))) {
            await().atMost(WAIT).until(() -> gateway.adapter.health().up());
            long started = System.nanoTime();
            for (int i = 0; i < 30; i++) {
                gateway.adapter.send(new OutgoingSms("rate-" + i, "+486030000" + String.format("%02d", i), "t" + i,
                        null, null, false));
            }
            await().atMost(WAIT).until(() -> smsc.receivedByAll().size() >= 30);

            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(1400));
        }
    }

    @Test
    void aTransmitterAndAReceiverBindCarryTextsAndReceipts() throws Exception {
        try (SmscSimulator smsc = SmscSimulator.start(0, "switchboard", "");
             AdapterUnderTest gateway = AdapterUnderTest.start(helpDesk, dataDir, smsc.port(),
                     Map.of("switchboard.smpp.bind-mode", "transmitter-receiver"))) {
            await().atMost(WAIT).until(() -> gateway.adapter.health().up());
            smsc.text("+48602200001", "4357", "two binds?");

            await().atMost(WAIT).until(() -> smsc.received("+48602200001").size() == 1);
            assertThat(gateway.adapter.health().detail()).contains("bound as transmitter and receiver");
            await().atMost(WAIT).untilAsserted(() -> assertThat(helpDesk.deliveryReports())
                    .extracting(RecordingHelpDesk.DeliveryReport::status)
                    .contains(dev.switchboard.spi.DeliveryStatus.DELIVERED));
        }
    }

    @Test
    void theBindIsKeptAliveWithEnquireLink() throws Exception {
        try (SmscSimulator smsc = SmscSimulator.start(0, "switchboard", "");
             AdapterUnderTest gateway = AdapterUnderTest.start(helpDesk, dataDir, smsc.port(),
                     Map.of("switchboard.smpp.enquire-link-seconds", "1"))) {
            await().atMost(WAIT).until(() -> gateway.adapter.health().up());

            await().atMost(Duration.ofSeconds(8)).until(() -> smsc.enquireLinks() >= 3);
            assertThat(gateway.adapter.health().up()).isTrue();
        }
    }

    @Test
    void aLostBindIsBoundAgainAndTextsFlowAgain() throws Exception {
        int port;
        try (SmscSimulator first = SmscSimulator.start(0, "switchboard", "");
             AdapterUnderTest gateway = AdapterUnderTest.start(helpDesk, dataDir, first.port(), Map.of())) {
            port = first.port();
            await().atMost(WAIT).until(() -> gateway.adapter.health().up());
            first.close();
            await().atMost(WAIT).until(() -> !gateway.adapter.health().up());

            try (SmscSimulator second = SmscSimulator.start(port, "switchboard", "")) {
                await().atMost(WAIT).until(() -> gateway.adapter.health().up());
                second.text("+48602300001", "4357", "back?");
                await().atMost(WAIT).until(() -> second.received("+48602300001").size() == 1);
            }
        }
    }
}
