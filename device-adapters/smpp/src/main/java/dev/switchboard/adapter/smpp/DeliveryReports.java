package dev.switchboard.adapter.smpp;

import dev.switchboard.adapter.smpp.store.OutgoingSms;
import dev.switchboard.spi.DeliveryStatus;
import dev.switchboard.spi.HelpDesk;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the hub how far an outgoing text got, for texts the hub keeps in a thread; the adapter's own texts
 * are not reported. What the sender learns (queued, sent, refused) is reported in the background, on a few
 * threads so that the hub commits their writes together, each text's reports in order on one of them, so
 * that a lane does not wait for the hub's write before its next text; a receipt is reported before the
 * SMSC gets its deliver_sm_resp, so that a receipt that could not be stored is delivered again. A background
 * report still waiting when the text's final status is reported is dropped: the hub would keep the final
 * one anyway, and under load this saves it a write for most texts.
 */
final class DeliveryReports implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryReports.class);

    private final HelpDesk helpDesk;
    /** Texts with a background report waiting, and whether their final status came since. */
    private final Map<String, Boolean> waiting = new ConcurrentHashMap<>();
    private static final int BACKGROUND_THREADS = 4;

    private final List<ExecutorService> background = new ArrayList<>();

    DeliveryReports(HelpDesk helpDesk) {
        this.helpDesk = helpDesk;
        for (int i = 0; i < BACKGROUND_THREADS; i++) {
            String name = "smpp-delivery-reports-" + i;
            background.add(Executors.newSingleThreadExecutor(r -> {
                Thread thread = new Thread(r, name);
                thread.setDaemon(true);
                return thread;
            }));
        }
    }

    /** Reports a status in the background; a failure of the hub is logged, because the text itself is settled. */
    void report(OutgoingSms sms, DeliveryStatus status, String detail) {
        if (!sms.tracked()) {
            return;
        }
        waiting.put(sms.messageId(), Boolean.FALSE);
        background.get(Math.floorMod(sms.messageId().hashCode(), BACKGROUND_THREADS)).execute(() -> {
            if (Boolean.TRUE.equals(waiting.remove(sms.messageId())) && !isFinal(status)) {
                return;
            }
            try {
                reportOrThrow(sms, status, detail);
            } catch (RuntimeException e) {
                LOG.warn("Could not record delivery status {} of message {} in conversation {}: {}",
                        status, sms.messageId(), sms.conversationId(), e.getMessage());
            }
        });
    }

    /** Reports a status now. */
    void reportOrThrow(OutgoingSms sms, DeliveryStatus status, String detail) {
        if (sms.tracked()) {
            helpDesk.reportDelivery(sms.conversationId(), sms.messageId(), status, detail);
            if (isFinal(status)) {
                waiting.computeIfPresent(sms.messageId(), (id, finalCame) -> Boolean.TRUE);
            }
        }
    }

    private static boolean isFinal(DeliveryStatus status) {
        return status == DeliveryStatus.DELIVERED || status == DeliveryStatus.FAILED;
    }

    @Override
    public void close() {
        background.forEach(ExecutorService::shutdown);
    }
}
