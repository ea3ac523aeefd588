package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.adapter.testkit.LogCapture;
import dev.switchboard.adapter.testkit.RecordingHelpDesk;
import dev.switchboard.gateway.adapters.ClusterMaps;
import dev.switchboard.smpp.wire.Gsm7;
import dev.switchboard.smsc.simulator.PhoneText;
import dev.switchboard.smsc.simulator.SmscSimulator;
import dev.switchboard.spi.Channel;
import dev.switchboard.spi.DeliveryStatus;
import dev.switchboard.spi.E164Number;
import dev.switchboard.spi.Interaction;
import dev.switchboard.spi.OutboundMessage;
import dev.switchboard.spi.Reply;
import dev.switchboard.state.Database;
import dev.switchboard.testing.AdapterNode;
import dev.switchboard.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cluster tier for the SMPP adapter: two nodes, each with its own bind to one SMSC (the jSMPP simulator on loopback),
 * their adapter records in one database (H2, and PostgreSQL), in front of one help desk. What comes over one node's bind counts on the
 * other: a STOP, the first part of a long text, a receipt; what one node left in the outbox the other sends.
 */
class SmppClusterTest {
    private static final String DESK = "4357";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final HexFormat HEX = HexFormat.of();
    private static final String BOTH = "dev.switchboard.testing.TestDatabases#both";

    @TempDir
    Path dir;

    private Database database;
    private final ClusterMaps maps = AdapterNode.maps();
    private final RecordingHelpDesk helpDesk = new RecordingHelpDesk()
            .answerWith(asked -> Reply.answer("You said: " + asked.text(), Reply.Source.KNOWLEDGE_BASE, List.of()));
    private final List<AutoCloseable> toClose = new ArrayList<>();

    /** Opens the database both nodes share, on H2 and on PostgreSQL (closed by JUnit after the test). */
    private void open(TestDatabase shared) {
        database = shared.open();
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private SmscSimulator smsc() throws Exception {
        SmscSimulator smsc = SmscSimulator.start(0, "switchboard", "");
        toClose.add(smsc);
        return smsc;
    }

    private AdapterNode node(SmscSimulator smsc, Map<String, String> overrides) throws Exception {
        Map<String, String> settings = new HashMap<>();
        settings.put("switchboard.data.dir", dir.toString());
        settings.put("switchboard.smpp.host", "127.0.0.1");
        settings.put("switchboard.smpp.port", String.valueOf(smsc.port()));
        settings.put("switchboard.smpp.reconnect-min-millis", "100");
        settings.put("switchboard.smpp.reconnect-max-millis", "400");
        settings.put("switchboard.smpp.send-rate", "0");
        settings.putAll(overrides);
        AdapterNode node = AdapterNode.start("smpp", database.dataSource(), maps, helpDesk, settings);
        toClose.add(node);
        return node;
    }

    /** Nodes A and B bound to {@code smsc} in that order: A's is bind 0, B's bind 1. */
    private List<AdapterNode> twoBoundNodes(SmscSimulator smsc) throws Exception {
        AdapterNode a = node(smsc, Map.of());
        await().atMost(WAIT).until(() -> a.health().up() && smsc.receivingBinds() == 1);
        AdapterNode b = node(smsc, Map.of());
        await().atMost(WAIT).until(() -> b.health().up() && smsc.receivingBinds() == 2);
        return List.of(a, b);
    }

    private static OutboundMessage agentsAnswer(String messageId, String number, String text) {
        return new OutboundMessage(messageId, "c-agent", Channel.SMS, new E164Number(number),
                Reply.answer(text, Reply.Source.AGENT, List.of()));
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void aStopTextedThroughOneNodeHoldsWhenTheOtherNodeWouldTextThatNumber(TestDatabase shared) throws Exception {
        open(shared);
        SmscSimulator smsc = smsc();
        List<AdapterNode> nodes = twoBoundNodes(smsc);
        smsc.deliverOverBind(0);

        smsc.text("+48605000001", DESK, "STOP");
        await().atMost(WAIT).until(() -> smsc.received("+48605000001").size() == 1);
        nodes.get(0).close();
        nodes.get(1).send(agentsAnswer("m-after-stop", "+48605000001", "Your parcel is on its way."));

        await().atMost(WAIT).untilAsserted(() -> assertThat(helpDesk.deliveryReports()).contains(
                new RecordingHelpDesk.DeliveryReport("c-agent", "m-after-stop", DeliveryStatus.FAILED,
                        "not sent: the customer texted STOP")));
        assertThat(smsc.received("+48605000001")).extracting(PhoneText::text)
                .containsExactly("You will get no more texts from us. Text START to get them again.");
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void theSecondPartOfALongTextComingOverTheOtherNodesBindCompletesTheFirst(TestDatabase shared) throws Exception {
        open(shared);
        SmscSimulator smsc = smsc();
        twoBoundNodes(smsc);

        smsc.deliverOverBind(0);
        smsc.deliver("+48605000002", DESK, 0x40, (byte) 0, concat(HEX.parseHex("0500032A0201"), Gsm7.encode("Hello, this ")));
        assertThat(helpDesk.submitted()).isEmpty();
        smsc.deliverOverBind(1);
        smsc.deliver("+48605000002", DESK, 0x40, (byte) 0, concat(HEX.parseHex("0500032A0202"), Gsm7.encode("is one text")));

        await().atMost(WAIT).until(() -> smsc.received("+48605000002").size() == 1);
        assertThat(helpDesk.submitted()).extracting(Interaction::text).containsExactly("Hello, this is one text");
        assertThat(smsc.received("+48605000002")).extracting(PhoneText::text)
                .containsExactly("You said: Hello, this is one text");
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void aDeliveryReceiptComingOverTheOtherNodesBindIsMatchedToTheTextItsNodeSent(TestDatabase shared) throws Exception {
        open(shared);
        SmscSimulator smsc = smsc();
        twoBoundNodes(smsc);
        smsc.receiptsOverAnotherBind(true);

        smsc.text("+48605000003", DESK, "Is my bill ready?");

        await().atMost(WAIT).until(() -> smsc.received("+48605000003").size() == 1);
        String answer = helpDesk.submit(helpDesk.submitted().get(0), null).replyMessageId();
        await().atMost(WAIT).untilAsserted(() -> assertThat(helpDesk.deliveryReports())
                .anySatisfy(report -> {
                    assertThat(report.messageId()).isEqualTo(answer);
                    assertThat(report.status()).isEqualTo(DeliveryStatus.DELIVERED);
                }));
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void textsANodeClaimedAndCouldNotSendAreSentByTheOtherNodeOnceItStops(TestDatabase shared) throws Exception {
        open(shared);
        SmscSimulator throttling = smsc();
        throttling.pushBack(Integer.MAX_VALUE, 0x58);
        SmscSimulator working = smsc();
        try (LogCapture log = LogCapture.everything()) {
            AdapterNode a = node(throttling, Map.of());
            await().atMost(WAIT).until(() -> a.health().up());
            for (int i = 1; i <= 3; i++) {
                a.send(agentsAnswer("m-left-" + i, "+48605000004", "answer " + i));
            }
            await().atMost(WAIT).until(() -> log.messages().stream().anyMatch(m -> m.contains("ESME_RTHROTTLED")));

            AdapterNode b = node(working, Map.of());
            await().atMost(WAIT).until(() -> b.health().up());
            // Node A holds the texts' claims: node B leaves them to it, however often it looks.
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> working.receivedByAll().isEmpty());

            a.close();
        }

        await().atMost(WAIT).until(() -> working.receivedByAll().size() >= 3);
        assertThat(working.received("+48605000004")).extracting(PhoneText::text)
                .containsExactly("answer 1", "answer 2", "answer 3");
        assertThat(throttling.submitted()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void withOneBindPerAccountOneNodeBindsAndTheOtherTakesOverWhenItStops(TestDatabase shared) throws Exception {
        open(shared);
        SmscSimulator smsc = smsc();
        Map<String, String> single = Map.of("switchboard.smpp.single-bind", "true");
        AdapterNode a = node(smsc, single);
        AdapterNode b = node(smsc, single);

        await().atMost(WAIT).until(() -> smsc.receivingBinds() == 1
                && (a.health().detail().startsWith("standing by") || b.health().detail().startsWith("standing by")));
        AdapterNode holder = a.health().detail().startsWith("bound") ? a : b;
        AdapterNode other = holder == a ? b : a;
        assertThat(other.health().up()).as("standing by is healthy").isTrue();
        await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(10)).until(() -> smsc.receivingBinds() == 1);
        smsc.text("+48605000005", DESK, "anyone there?");
        await().atMost(WAIT).until(() -> smsc.received("+48605000005").size() == 1);

        holder.close();

        await().atMost(WAIT).until(() -> smsc.receivingBinds() == 1 && other.health().detail().startsWith("bound"));
        smsc.text("+48605000005", DESK, "still there?");
        await().atMost(WAIT).until(() -> smsc.received("+48605000005").size() == 2);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
