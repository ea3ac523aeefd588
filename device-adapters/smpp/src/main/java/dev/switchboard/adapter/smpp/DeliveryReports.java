package dev.switchboard.adapter.smpp;

import dev.switchboard.adapter.smpp.store.OutgoingSms;
import dev.switchboard.spi.DeliveryStatus;
import dev.switchboard.spi.HelpDesk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells the hub how far an outgoing text got, for texts the hub keeps in a thread; the adapter's own texts are not reported. */
final class DeliveryReports {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryReports.class);

    private final HelpDesk helpDesk;

    DeliveryReports(HelpDesk helpDesk) {
        this.helpDesk = helpDesk;
    }

    /**
     * Reports a status; a failure of the hub is logged and not thrown, because the text itself is settled.
     * Receipts call {@link #reportOrThrow} instead, so that the SMSC delivers a receipt again that could not be stored.
     */
    void report(OutgoingSms sms, DeliveryStatus status, String detail) {
        try {
            reportOrThrow(sms, status, detail);
        } catch (RuntimeException e) {
            LOG.warn("Could not record delivery status {} of message {} in conversation {}: {}",
                    status, sms.messageId(), sms.conversationId(), e.getMessage());
        }
    }

    void reportOrThrow(OutgoingSms sms, DeliveryStatus status, String detail) {
        if (sms.tracked()) {
            helpDesk.reportDelivery(sms.conversationId(), sms.messageId(), status, detail);
        }
    }
}
