package dev.switchboard.adapter.smpp;

import dev.switchboard.adapter.smpp.store.LongMessageParts;
import dev.switchboard.adapter.smpp.store.SeenMessages;
import dev.switchboard.smpp.wire.Concatenation;
import dev.switchboard.smpp.wire.DataCoding;
import dev.switchboard.smpp.wire.UserData;
import dev.switchboard.spi.E164Number;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;

/**
 * Turns a customer's deliver_sm into his text: the sender as an E.164 number, the octets from
 * short_message or message_payload, the parts of a long message joined (user data header or SAR TLVs),
 * the alphabet decoded; then hands the whole text to the {@link TextDesk} under an idempotency key that
 * stays the same when the SMSC delivers the message again (over this node's bind or another's). Texts of one sender
 * are taken one at a time on this node, in the order they come; a long text's parts are joined whichever nodes they
 * came to.
 */
final class IncomingTexts {
    private static final HexFormat HEX = HexFormat.of();
    private static final int SENDER_LOCKS = 64;

    private final SenderNumbers numbers;
    private final LongMessageParts parts;
    private final SeenMessages seen;
    private final TextDesk desk;
    private final Clock clock;
    private final Object[] senderLocks = new Object[SENDER_LOCKS];

    IncomingTexts(SenderNumbers numbers, LongMessageParts parts, SeenMessages seen, TextDesk desk, Clock clock) {
        this.numbers = numbers;
        this.parts = parts;
        this.seen = seen;
        this.desk = desk;
        this.clock = clock;
        for (int i = 0; i < SENDER_LOCKS; i++) {
            senderLocks[i] = new Object();
        }
    }

    /**
     * Takes one deliver_sm; returns once the text (or the part of it) is stored.
     *
     * @throws dev.switchboard.spi.InvalidAddressException when the sender cannot be answered
     * @throws IllegalArgumentException                      when the message cannot be read (alphabet, header)
     */
    void accept(DeliverSm pdu) {
        E164Number sender = numbers.toE164(pdu.getSourceAddrTon(), pdu.getSourceAddr());
        DataCoding coding = DataCoding.of(pdu.getDataCoding());
        UserData data = UserData.read(octets(pdu), DeliverSm.isUdhi(pdu.getEsmClass()), sar(pdu));
        Instant now = clock.instant();
        synchronized (senderLocks[Math.floorMod(sender.value().hashCode(), SENDER_LOCKS)]) {
            byte[] whole = data.octets();
            Concatenation concatenation = data.concatenation();
            String reference = "";
            String group = null;
            if (concatenation != null && concatenation.total() > 1) {
                reference = concatenation.reference() + "/" + concatenation.total();
                group = sender.value() + "|" + pdu.getDestAddress() + "|" + coding + "|" + reference;
                Optional<byte[]> joined = parts.add(group, concatenation.total(), concatenation.number(), whole, now);
                if (joined.isEmpty()) {
                    return;
                }
                whole = joined.get();
            }
            String text = coding.decode(whole, 0, whole.length);
            String fingerprint = fingerprint(sender.value() + "|" + pdu.getDestAddress() + "|" + coding + "|" + reference,
                    whole);
            String key = seen.keyFor(fingerprint, () -> "smpp-" + fingerprint.substring(0, 24) + "-" + now.toEpochMilli());
            desk.take(sender, text, key, now);
            if (group != null) {
                parts.finished(group, now);
            }
        }
    }

    private static byte[] octets(DeliverSm pdu) {
        byte[] shortMessage = pdu.getShortMessage();
        if (shortMessage != null && shortMessage.length > 0) {
            return shortMessage;
        }
        OptionalParameter payload = pdu.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD);
        if (payload instanceof OptionalParameter.OctetString octets) {
            return octets.getValue();
        }
        return new byte[0];
    }

    private static Concatenation sar(DeliverSm pdu) {
        OptionalParameter reference = pdu.getOptionalParameter(OptionalParameter.Tag.SAR_MSG_REF_NUM);
        OptionalParameter total = pdu.getOptionalParameter(OptionalParameter.Tag.SAR_TOTAL_SEGMENTS);
        OptionalParameter number = pdu.getOptionalParameter(OptionalParameter.Tag.SAR_SEGMENT_SEQNUM);
        if (reference instanceof OptionalParameter.Short ref && total instanceof OptionalParameter.Byte count
                && number instanceof OptionalParameter.Byte seq) {
            return new Concatenation(ref.getValue() & 0xFFFF, count.getValue() & 0xFF, seq.getValue() & 0xFF);
        }
        return null;
    }

    private static String fingerprint(String header, byte[] octets) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(header.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(octets);
            return HEX.formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
