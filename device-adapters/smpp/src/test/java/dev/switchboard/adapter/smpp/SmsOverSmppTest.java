package dev.switchboard.adapter.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.adapter.testkit.RecordingHelpDesk;
import dev.switchboard.smpp.wire.Gsm7;
import dev.switchboard.smsc.simulator.PhoneText;
import dev.switchboard.smsc.simulator.SmscSimulator;
import dev.switchboard.smsc.simulator.SubmittedPart;
import dev.switchboard.spi.Channel;
import dev.switchboard.spi.DeliveryStatus;
import dev.switchboard.spi.DeviceProfile;
import dev.switchboard.spi.Interaction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.TypeOfNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Texts in and answers out over real SMPP on loopback: the adapter bound to the jSMPP SMSC simulator. */
class SmsOverSmppTest {
    private static final String DESK = "4357";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path dataDir;

    SmscSimulator smsc;
    RecordingHelpDesk helpDesk = AdapterUnderTest.helpDesk();
    AdapterUnderTest gateway;

    @BeforeEach
    void start() throws Exception {
        smsc = SmscSimulator.start(0, "switchboard", "");
        gateway = AdapterUnderTest.start(helpDesk, dataDir, smsc.port(), Map.of());
        await().atMost(WAIT).until(() -> gateway.adapter.health().up());
    }

    @AfterEach
    void stop() {
        gateway.close();
        smsc.close();
    }

    private List<PhoneText> awaitAnswers(String number, int count) {
        await().atMost(WAIT).until(() -> smsc.received(number).size() >= count);
        return smsc.received(number);
    }

    @Test
    void aTextedQuestionIsAnsweredByTextAndHealthShowsTheBind() {
        smsc.text("+48601000001", DESK, "What are your opening hours?");

        assertThat(awaitAnswers("+48601000001", 1)).singleElement()
                .satisfies(answer -> assertThat(answer.text()).isEqualTo("You said: What are your opening hours?"));
        Interaction asked = helpDesk.submitted().get(0);
        assertThat(asked.channel()).isEqualTo(Channel.SMS);
        assertThat(asked.profile()).isEqualTo(DeviceProfile.SMS);
        assertThat(asked.address().key()).isEqualTo("e164:+48601000001");
        assertThat(gateway.adapter.health().detail()).contains("bound as transceiver to 127.0.0.1:" + smsc.port());
    }

    @Test
    void polishAndEmojiTravelBothWays() {
        smsc.text("+48601000002", DESK, "Zażółć gęślą jaźń 👍🏽");

        assertThat(awaitAnswers("+48601000002", 1).get(0).text()).isEqualTo("You said: Zażółć gęślą jaźń 👍🏽");
        assertThat(helpDesk.submitted().get(0).text()).isEqualTo("Zażółć gęślą jaźń 👍🏽");
        assertThat(smsc.submitted()).singleElement().satisfies(part -> assertThat(part.dataCoding()).isEqualTo((byte) 0x08));
    }

    @Test
    void aTwoPartTextIsAnsweredAsOneQuestion() {
        String question = "My phone shows no signal since this morning and I already restarted it twice. "
                + "I am in Krakow near the main square, and my wife's phone on the same network works fine. What can I do?";
        assertThat(question.length()).isGreaterThan(160);

        smsc.text("+48601000003", DESK, question);

        assertThat(awaitAnswers("+48601000003", 1)).hasSize(1);
        assertThat(helpDesk.submitted()).singleElement().satisfies(i -> assertThat(i.text()).isEqualTo(question));
        assertThat(smsc.conversation("+48601000003").get(0).parts()).isEqualTo(2);
    }

    @Test
    void partsWithA16BitReferenceSarTlvsOrAMessagePayloadAreJoinedToo() {
        byte[] first = Gsm7.encode("Hello, this ");
        byte[] second = Gsm7.encode("is one text {5€}");
        smsc.deliver("+48601000004", DESK, 0x40, (byte) 0, concat(HEX.parseHex("0608040101020" + "2"), second));
        smsc.deliver("+48601000004", DESK, 0x40, (byte) 0, concat(HEX.parseHex("06080401010201"), first));
        smsc.deliver("+48601000005", DESK, 0, (byte) 0x03, "Caf".getBytes(StandardCharsets.ISO_8859_1),
                new OptionalParameter.Short(OptionalParameter.Tag.SAR_MSG_REF_NUM, (short) 77),
                new OptionalParameter.Byte(OptionalParameter.Tag.SAR_TOTAL_SEGMENTS, (byte) 2),
                new OptionalParameter.Byte(OptionalParameter.Tag.SAR_SEGMENT_SEQNUM, (byte) 1));
        smsc.deliver("+48601000005", DESK, 0, (byte) 0x03, "é crème".getBytes(StandardCharsets.ISO_8859_1),
                new OptionalParameter.Short(OptionalParameter.Tag.SAR_MSG_REF_NUM, (short) 77),
                new OptionalParameter.Byte(OptionalParameter.Tag.SAR_TOTAL_SEGMENTS, (byte) 2),
                new OptionalParameter.Byte(OptionalParameter.Tag.SAR_SEGMENT_SEQNUM, (byte) 2));
        String longText = "ż".repeat(120);
        smsc.deliver("+48601000006", DESK, 0, (byte) 0x08, new byte[0],
                new OptionalParameter.OctetString(OptionalParameter.Tag.MESSAGE_PAYLOAD.code(),
                        longText.getBytes(StandardCharsets.UTF_16BE)));

        awaitAnswers("+48601000004", 1);
        awaitAnswers("+48601000005", 1);
        awaitAnswers("+48601000006", 1);
        assertThat(helpDesk.submitted()).extracting(Interaction::text)
                .containsExactlyInAnyOrder("Hello, this is one text {5€}", "Café crème", longText);
    }

    @Test
    void aLongAnswerArrivesAsCorrectlyNumberedSegmentsWithReceiptsRequested() {
        String answer = ("Our shops open at nine. " .repeat(25)).substring(0, 600);
        helpDesk.answerWith(asked -> AdapterUnderTest.answer(answer));

        smsc.text("+48601000007", DESK, "When do you open?");

        assertThat(awaitAnswers("+48601000007", 1).get(0).text()).isEqualTo(answer);
        List<SubmittedPart> parts = smsc.submitted();
        assertThat(parts).hasSize(4).allSatisfy(part -> {
            assertThat(part.udhi()).isTrue();
            assertThat(part.dataCoding()).isEqualTo((byte) 0);
            assertThat(part.registeredDelivery() & 0x01).isEqualTo(1);
            assertThat(part.destination()).isEqualTo("48601000007");
        });
        int reference = parts.get(0).shortMessage()[3];
        for (int i = 0; i < 4; i++) {
            byte[] header = java.util.Arrays.copyOf(parts.get(i).shortMessage(), 6);
            assertThat(header).containsExactly(5, 0, 3, reference, 4, i + 1);
        }
    }

    @Test
    void deliveryReceiptsSetTheStatusOfTheAnswerDeliveredOrFailedWithTheSmscError() {
        smsc.failDeliveriesTo("+48601000009", "011");
        smsc.switchOff("+48601000013");

        smsc.text("+48601000008", DESK, "first");
        smsc.text("+48601000009", DESK, "second");
        smsc.text("+48601000013", DESK, "third");

        String delivered = messageIdOfAnswerTo("first");
        String failed = messageIdOfAnswerTo("second");
        String sent = messageIdOfAnswerTo("third");
        await().atMost(WAIT).untilAsserted(() -> assertThat(helpDesk.deliveryReports())
                .contains(new RecordingHelpDesk.DeliveryReport("c-1", delivered, DeliveryStatus.DELIVERED, null))
                .anySatisfy(report -> {
                    assertThat(report.messageId()).isEqualTo(sent);
                    assertThat(report.status()).isEqualTo(DeliveryStatus.SENT);
                })
                .noneSatisfy(report -> {
                    assertThat(report.messageId()).isEqualTo(sent);
                    assertThat(report.status()).isEqualTo(DeliveryStatus.DELIVERED);
                })
                .anySatisfy(report -> {
                    assertThat(report.messageId()).isEqualTo(failed);
                    assertThat(report.status()).isEqualTo(DeliveryStatus.FAILED);
                    assertThat(report.detail()).isEqualTo("SMSC receipt UNDELIV, error 011");
                }));
    }

    private String messageIdOfAnswerTo(String text) {
        await().atMost(WAIT).until(() -> helpDesk.submitted().stream().anyMatch(i -> i.text().equals(text)));
        Interaction asked = helpDesk.submitted().stream().filter(i -> i.text().equals(text)).findFirst().orElseThrow();
        return helpDesk.submit(asked, null).replyMessageId();
    }

    @Test
    void aMessageDeliveredAgainIsAnsweredOnce() {
        byte[] text = Gsm7.encode("Is my bill ready?");
        smsc.deliver("+48601000010", DESK, 0, (byte) 0, text);
        smsc.deliver("+48601000010", DESK, 0, (byte) 0, text);

        awaitAnswers("+48601000010", 1);
        smsc.text("+48601000010", DESK, "thanks");
        awaitAnswers("+48601000010", 2);
        assertThat(helpDesk.submitted()).extracting(Interaction::text).containsExactly("Is my bill ready?", "thanks");
        assertThat(smsc.received("+48601000010")).extracting(PhoneText::text)
                .containsExactly("You said: Is my bill ready?", "You said: thanks");
    }

    @Test
    void aTextTheHubCouldNotStoreIsRefusedSoThatTheSmscDeliversItAgain() {
        helpDesk.failNextSubmitWith(new IllegalStateException("database is away"));

        assertThatThrownBy(() -> smsc.text("+48601000011", DESK, "hello?"))
                .hasMessageContaining("did not take");
        smsc.text("+48601000011", DESK, "hello?");

        assertThat(awaitAnswers("+48601000011", 1)).extracting(PhoneText::text).containsExactly("You said: hello?");
    }

    @Test
    void aSenderOrAlphabetThatCannotBeReadIsRefusedAndOtherTextsGoOn() {
        assertThatThrownBy(() -> smsc.deliver(TypeOfNumber.ALPHANUMERIC, "PROMO", DESK, 0, (byte) 0, Gsm7.encode("win")))
                .hasMessageContaining("did not take");
        assertThatThrownBy(() -> smsc.deliver("+48601000012", DESK, 0, (byte) 0x04, new byte[] {1, 2, 3}))
                .hasMessageContaining("did not take");
        smsc.text("+48601000012", DESK, "still there?");

        assertThat(awaitAnswers("+48601000012", 1)).hasSize(1);
        assertThat(helpDesk.submitted()).extracting(Interaction::text).containsExactly("still there?");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
