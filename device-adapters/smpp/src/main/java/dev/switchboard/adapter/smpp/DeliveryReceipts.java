package dev.switchboard.adapter.smpp;

import dev.switchboard.adapter.smpp.store.Outbox;
import dev.switchboard.spi.DeliveryStatus;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the SMSC's delivery receipts (deliver_sm with the receipt bit of esm_class) to the outbox and
 * reports the fate of a text to the hub once it is decided. The message id comes from the
 * receipted_message_id TLV, else from the receipt text's {@code id:}; the state from the message_state
 * TLV, else from {@code stat:}; a failed text's detail names the state and the SMSC's {@code err:} code.
 */
final class DeliveryReceipts {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryReceipts.class);
    private static final Pattern FIELD = Pattern.compile("(?i)\\b(id|stat|err):(\\S*)");
    /** message_state values of SMPP 3.4, 5.2.28. */
    private static final String[] STATES = {"", "ENROUTE", "DELIVRD", "EXPIRED", "DELETED", "UNDELIV", "ACCEPTD",
        "UNKNOWN", "REJECTD"};

    private final Outbox outbox;
    private final DeliveryReports reports;

    DeliveryReceipts(Outbox outbox, DeliveryReports reports) {
        this.outbox = outbox;
        this.reports = reports;
    }

    /** A receipt as the adapter reads it: the SMSC's message id, its state word and error code. */
    record Receipt(String smscId, String state, String error) {
        boolean isFinal() {
            return !state.equals("ENROUTE") && !state.equals("ACCEPTD");
        }

        boolean delivered() {
            return state.equals("DELIVRD");
        }

        String failure() {
            return "SMSC receipt " + state + (error == null || error.isEmpty() ? "" : ", error " + error);
        }
    }

    /**
     * Reads and applies one receipt.
     *
     * @throws IllegalArgumentException when it is not a receipt the adapter can read
     */
    void apply(DeliverSm receiptPdu) {
        Receipt receipt = read(receiptPdu);
        if (!receipt.isFinal()) {
            return;
        }
        Optional<Outbox.Fate> fate = outbox.receipt(receipt.smscId(), receipt.delivered(),
                receipt.delivered() ? null : receipt.failure());
        fate.ifPresent(f -> {
            reports.reportOrThrow(f.sms(), f.delivered() ? DeliveryStatus.DELIVERED : DeliveryStatus.FAILED, f.detail());
            if (!f.delivered()) {
                LOG.info("SMS {} to {} failed: {}", f.sms().key(), f.sms().recipient(), f.detail());
            }
        });
    }

    static Receipt read(DeliverSm pdu) {
        String text = pdu.getShortMessage() == null ? "" : new String(pdu.getShortMessage(), StandardCharsets.ISO_8859_1);
        String id = null;
        String state = null;
        String error = null;
        Matcher field = FIELD.matcher(text);
        while (field.find()) {
            switch (field.group(1).toLowerCase(Locale.ROOT)) {
                case "id" -> id = id == null ? field.group(2) : id;
                case "stat" -> state = field.group(2).toUpperCase(Locale.ROOT);
                case "err" -> error = field.group(2);
                default -> { }
            }
        }
        OptionalParameter receipted = pdu.getOptionalParameter(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID);
        if (receipted instanceof OptionalParameter.OctetString value) {
            id = value.getValueAsString().replace("\0", "").trim();
        }
        OptionalParameter messageState = pdu.getOptionalParameter(OptionalParameter.Tag.MESSAGE_STATE);
        if (messageState instanceof OptionalParameter.Byte value && value.getValue() > 0 && value.getValue() < STATES.length) {
            state = STATES[value.getValue()];
        }
        if (id == null || id.isEmpty() || state == null) {
            throw new IllegalArgumentException("a delivery receipt without a message id or state: '" + text + "'");
        }
        return new Receipt(id, state, error);
    }
}
