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
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
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
 * Sends the outbox's texts as submit_sm, each part with a delivery receipt requested. The outbox is the cluster's:
 * while the bind is up a scanner takes the texts waiting there, oldest first, and claims up to
 * {@code 4 x window} of them for this node; a text whose number has an older text claimed by another node waits, so
 * that each number gets its texts in order whichever node sends them. Texts run in {@code window} lanes, a recipient
 * always in the same lane, so that up to {@code window} submits are outstanding at once. Before each submit the lane
 * claims its text again: a text another node took over meanwhile (this node's claim ran out) is left to it. While
 * the bind is down a lane waits with its text; ESME_RTHROTTLED and ESME_RMSGQFUL make it wait with a growing backoff
 * and send the same part again; every submit takes a slot of the configured send rate. At stop, the claims of the
 * texts not sent are given up, so that another node sends them at once.
 */
final class OutboxSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    private static final Duration BIND_POLL = Duration.ofSeconds(1);
    /** How often the scanner looks for texts other nodes enqueued or left, when nothing woke it sooner. */
    private static final Duration SCAN_EVERY = Duration.ofSeconds(1);
    private static final int SCAN_LIMIT = 500;
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
    private final int ahead;
    private final List<BlockingQueue<Outbox.Entry>> lanes = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    /** The keys of the texts this node claimed and holds in its lanes. */
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final Semaphore wake = new Semaphore(0);
    /** Claims are taken under its read lock while running; the stop takes its write lock to end that. */
    private final ReadWriteLock claiming = new ReentrantReadWriteLock();
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
        this.ahead = 4 * settings.window();
        for (int i = 0; i < settings.window(); i++) {
            lanes.add(new LinkedBlockingQueue<>());
        }
    }

    /** Starts the lanes and the scanner, which sends what waits in the outbox once the bind is up. */
    void start() {
        int left = outbox.waitingCount();
        if (left > 0) {
            LOG.info("SMPP outbox: {} texts wait to be sent", left);
        }
        for (int i = 0; i < lanes.size(); i++) {
            BlockingQueue<Outbox.Entry> lane = lanes.get(i);
            threads.add(daemon(() -> run(lane), "smpp-send-" + i));
        }
        threads.add(daemon(this::scan, "smpp-outbox-scan"));
        threads.forEach(Thread::start);
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Puts a text in the durable outbox, to be sent by this node or another. Returns once it is stored; a text
     * whose key is there already is not added again.
     */
    void enqueue(OutgoingSms sms) {
        outbox.enqueue(sms, clock.instant()).ifPresent(entry -> wake.release());
    }

    /** Looks at once for texts to send (the bind came up, a text was enqueued or sent). */
    void wake() {
        wake.release();
    }

    private void scan() {
        while (running) {
            try {
                wake.tryAcquire(SCAN_EVERY.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
            if (!running || link.transmitter().isEmpty() || held.size() >= ahead) {
                continue;
            }
            try {
                claimWaitingTexts();
            } catch (RuntimeException e) {
                LOG.warn("SMPP outbox: cannot look for texts to send now (tried again in {} s): {}",
                        SCAN_EVERY.toSeconds(), e.toString());
            }
        }
    }

    /** Claims the oldest texts no other node holds, skipping a number whose older text another node holds. */
    private void claimWaitingTexts() {
        Set<String> elsewhere = new HashSet<>();
        for (Outbox.Entry entry : outbox.waiting(SCAN_LIMIT)) {
            if (held.size() >= ahead || !running) {
                return;
            }
            String key = entry.sms().key();
            String number = entry.sms().recipient();
            if (held.contains(key) || elsewhere.contains(number)) {
                continue;
            }
            if (claim(key)) {
                held.add(key);
                lanes.get(Math.floorMod(number.hashCode(), lanes.size())).add(entry);
            } else {
                elsewhere.add(number);
            }
        }
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
            boolean done = false;
            try {
                send(entry, backPressure);
                done = true;
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("SMPP outbox: sending text {} to {} failed unexpectedly; it stays in the outbox for this node or another",
                        entry.sms().key(), entry.sms().recipient(), e);
            } finally {
                if (done || running) {
                    held.remove(entry.sms().key());
                    wake.release();
                }
            }
        }
    }

    private void send(Outbox.Entry entry, Backoff backPressure) throws InterruptedException {
        OutgoingSms sms = entry.sms();
        if (!claim(sms.key())) {
            if (!running) {
                throw new InterruptedException("stopping");
            }
            LOG.info("SMPP outbox: text {} to {} is sent by another node", sms.key(), sms.recipient());
            return;
        }
        if (!sms.evenIfOptedOut() && optOuts.contains(sms.recipient())) {
            outbox.drop(sms.key());
            reports.report(sms, DeliveryStatus.FAILED, OPTED_OUT);
            LOG.info("SMPP outbox: text {} to {} not sent, the number opted out", sms.key(), sms.recipient());
            return;
        }
        Segments segments = Segments.of(sms.text());
        List<byte[]> parts = segments.shortMessages(Math.floorMod(sms.key().hashCode(), 256));
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
                if (!claim(sms.key())) {
                    if (!running) {
                        throw new InterruptedException("stopping");
                    }
                    LOG.info("SMPP outbox: text {} to {} was taken over by another node; left to it", sms.key(),
                            sms.recipient());
                    return;
                }
                try {
                    String smscId = submit(session.get(), sms.recipient(), part, segments, parts.size() > 1);
                    backPressure.reset();
                    outbox.partAccepted(sms.key(), smscId);
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
        // Receipts for every part may have come while the parts were sent, to this node or another: then the fate
        // is known now.
        outbox.accepted(sms.key()).ifPresent(this::reportFate);
    }

    /** Claims a text for this node, or renews its claim, unless the sender is stopping. */
    private boolean claim(String key) {
        claiming.readLock().lock();
        try {
            return running && outbox.claim(key);
        } finally {
            claiming.readLock().unlock();
        }
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

    /** Stops sending and gives up the claims of the texts not sent, so that another node sends them at once. */
    @Override
    public void close() {
        claiming.writeLock().lock();
        try {
            running = false;
        } finally {
            claiming.writeLock().unlock();
        }
        threads.forEach(Thread::interrupt);
        for (String key : held) {
            try {
                outbox.giveUp(key);
            } catch (RuntimeException e) {
                LOG.warn("SMPP outbox: the claim of text {} was not given up (another node sends it once it runs out): {}",
                        key, e.toString());
                return;
            }
        }
    }
}
