package dev.switchboard.adapter.twilio;

import dev.switchboard.spi.HelpDesk;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands Twilio's status callbacks to the help desk, which keeps each thread message's delivery status. A
 * callback that names no thread message (a text sent without one) is only logged.
 */
final class DeliveryReports implements Consumer<StatusCallback> {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryReports.class);

    private final HelpDesk helpDesk;

    DeliveryReports(HelpDesk helpDesk) {
        this.helpDesk = helpDesk;
    }

    @Override
    public void accept(StatusCallback callback) {
        String failure = callback.failureDetail();
        if (callback.message() == null) {
            LOG.info("Twilio message {} is {}{}, for no thread message", callback.messageSid(),
                    callback.status().twilioName(), failure == null ? "" : ": " + failure);
            return;
        }
        helpDesk.reportDelivery(callback.message().conversationId(), callback.message().messageId(),
                callback.status().delivery(), failure);
        LOG.info("Twilio message {} ({}/{}) is {}{}", callback.messageSid(), callback.message().conversationId(),
                callback.message().messageId(), callback.status().twilioName(), failure == null ? "" : ": " + failure);
    }
}
