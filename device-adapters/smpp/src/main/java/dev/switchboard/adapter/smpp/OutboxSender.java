package dev.switchboard.adapter.smpp;

import dev.switchboard.adapter.smpp.store.OptOuts;
import dev.switchboard.adapter.smpp.store.Outbox;
import dev.switchboard.adapter.smpp.store.OutgoingSms;
import dev.switchboard.smpp.wire.Segments;
import dev.switchboard.spi.DeliveryStatus;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.LockSupport;
import org.jsmpp.PDUException;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.SMPPSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox's texts as submit_sm, each part with a delivery receipt requested. Texts run in
 * {@code window} lanes, a recipient always in the same lane, so that up to {@code window} submits are
 * outstanding at once while each recipient gets his texts in the order they were enqueued. While the
 * bind is down a lane waits with its text; ESME_RTHROTTLED and ESME_RMSGQFUL make it wait with a growing
 * backoff and send the same part again; every submit takes a slot of the configured send rate.
 */
final class OutboxSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    private static final Duration BIND_POLL = Duration.ofSeconds(1);
    private static final Duration BACK_PRESSURE_MIN = Duration.ofMillis(50);
    private static final Duration BACK_PRESSURE_MAX = Duration.ofSeconds(5);
    private static final String OPTED_OUT = "not sent: the customer texted STOP";

    private final SmppSettings settings;
    private final SmscLink link;
    private final Outbox outbox;
    private final OptOuts optOuts;
    private final DeliveryReports reports;
    private final Clock clock;
    private final SendRate rate;
    private final List<BlockingQueue<Outbox.Entry>> lanes = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    OutboxSender(SmppSettings settings, SmscLink link, Outbox outbox, OptOuts optOuts, DeliveryReports reports,
                 Clock clock) {
        this.settings = settings;
        this.link = link;
        this.outbox = outbox;
        this.optOuts = optOuts;
        this.reports = reports;
        this.clock = clock;
        this.rate = new SendRate(settings.sendRate());
        for (int i = 0; i < settings.window(); i++) {
            lanes.add(new LinkedBlockingQueue<>());
        }
    }

    /** Starts the lanes with the texts left in the outbox, oldest first. */
    void start() {
        List<Outbox.Entry> left = outbox.pending();
        if (!left.isEmpty()) {
            LOG.info("SMPP outbox: {} texts from before the start wait to be sent", left.size());
        }
        left.forEach(this::dispatch);
        for (int i = 0; i < lanes.size(); i++) {
            BlockingQueue<Outbox.Entry> lane = lanes.get(i);
            Thread thread = new Thread(() -> run(lane), "smpp-send-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /**
     * Puts a text in the durable outbox and in line to be sent. Returns once it is stored; a text whose key
     * is there already is not added again.
     */
    void enqueue(OutgoingSms sms) {
        outbox.enqueue(sms, clock.instant()).ifPresent(this::dispatch);
    }

    private void dispatch(Outbox.Entry entry) {
        lanes.get(Math.floorMod(entry.sms().recipient().hashCode(), lanes.size())).add(entry);
    }

    private void run(BlockingQueue<Outbox.Entry> lane) {
        Backoff backPressure = new Backoff(BACK_PRESSURE_MIN, BACK_PRESSURE_MAX);
        while (running) {
            Outbox.Entry entry;
            try {
                entry = lane.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                send(entry, backPressure);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("SMPP outbox: sending text {} to {} failed unexpectedly; it stays in the outbox until the next start",
                        entry.sms().key(), entry.sms().recipient(), e);
            }
        }
    }

    private void send(Outbox.Entry entry, Backoff backPressure) throws InterruptedException {
        OutgoingSms sms = entry.sms();
        if (!sms.evenIfOptedOut() && optOuts.contains(sms.recipient())) {
            outbox.drop(sms.key());
            reports.report(sms, DeliveryStatus.FAILED, OPTED_OUT);
            LOG.info("SMPP outbox: text {} to {} not sent, the number opted out", sms.key(), sms.recipient());
            return;
        }
        Segments segments = Segments.of(sms.text());
        List<byte[]> parts = segments.shortMessages((int) (entry.seq() & 0xFF));
        boolean reportedQueued = false;
        for (byte[] part : parts) {
            while (true) {
                Optional<SMPPSession> session = link.transmitter();
                if (session.isEmpty()) {
                    if (!reportedQueued) {
                        reports.report(sms, DeliveryStatus.QUEUED, null);
                        reportedQueued = true;
                    }
                    if (!running) {
                        throw new InterruptedException("stopping");
                    }
                    link.awaitBound(BIND_POLL);
                    continue;
                }
                rate.acquire();
                try {
                    String smscId = submit(session.get(), sms.recipient(), part, segments, parts.size() > 1);
                    backPressure.reset();
                    outbox.partAccepted(sms.key(), smscId).ifPresent(this::reportFate);
                    break;
                } catch (NegativeResponseException e) {
                    if (CommandStatus.isBackPressure(e.getCommandStatus())) {
                        Duration wait = backPressure.next();
                        LOG.info("SMSC answered {} for a text to {}; sending it again in {} ms",
                                CommandStatus.describe(e.getCommandStatus()), sms.recipient(), wait.toMillis());
                        LockSupport.parkNanos(wait.toNanos());
                        continue;
                    }
                    String why = "the SMSC refused it with " + CommandStatus.describe(e.getCommandStatus());
                    LOG.warn("SMPP outbox: text {} to {} not sent: {}", sms.key(), sms.recipient(), why);
                    outbox.drop(sms.key());
                    reports.report(sms, DeliveryStatus.FAILED, why);
                    return;
                } catch (ResponseTimeoutException | IOException | InvalidResponseException | PDUException e) {
                    LOG.warn("SMPP submit to {} failed ({}); binding again and sending the part again",
                            sms.recipient(), e.toString());
                    link.lost(session.get(), "submit_sm failed: " + e.getMessage());
                }
            }
        }
        reports.report(sms, DeliveryStatus.SENT, null);
        // Receipts for every part may have come while the parts were sent: then the fate is known now.
        outbox.accepted(sms.key()).ifPresent(this::reportFate);
    }

    private void reportFate(Outbox.Fate fate) {
        reports.report(fate.sms(), fate.delivered() ? DeliveryStatus.DELIVERED : DeliveryStatus.FAILED, fate.detail());
    }

    private String submit(SMPPSession session, String recipient, byte[] shortMessage, Segments segments, boolean concatenated)
            throws PDUException, ResponseTimeoutException, InvalidResponseException, NegativeResponseException, IOException {
        return session.submitShortMessage("",
                TypeOfNumber.valueOf(settings.sourceTon()), NumberingPlanIndicator.valueOf(settings.sourceNpi()),
                settings.sourceAddr(),
                TypeOfNumber.valueOf(settings.destTon()), NumberingPlanIndicator.valueOf(settings.destNpi()),
                recipient.startsWith("+") ? recipient.substring(1) : recipient,
                new ESMClass(concatenated ? 0x40 : 0x00), (byte) 0, (byte) 0, null, null,
                new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
                DataCodings.newInstance(segments.coding().value()), (byte) 0, shortMessage).getMessageId();
    }

    @Override
    public void close() {
        running = false;
        threads.forEach(Thread::interrupt);
    }
}
