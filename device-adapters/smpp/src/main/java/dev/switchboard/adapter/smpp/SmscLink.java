package dev.switchboard.adapter.smpp;

import dev.switchboard.smpp.wire.NoDelayConnections;
import dev.switchboard.spi.AdapterHealth;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The adapter's bind to the SMSC as an ESME: one transceiver session, or a transmitter and a receiver.
 * Keeps the bind alive with enquire_link, and when it is refused or lost binds again after a capped
 * exponential backoff, for as long as the adapter runs. Tells {@code /health} whether it is bound and, if
 * not, why. Thread-safe.
 *
 * <p>When the operator allows one bind per account ({@code switchboard.smpp.single-bind}) the link binds only while
 * this node holds the bind's lease ({@code mayBind}), looks every {@code leaseCheck} whether it still does, and
 * unbinds when it lost it; meanwhile it stands by, which is healthy.
 */
final class SmscLink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SmscLink.class);
    private static final long BIND_TIMEOUT_MILLIS = 10_000;
    private static final long TRANSACTION_TIMEOUT_MILLIS = 10_000;
    private static final long UNBIND_WAIT_MILLIS = 1_000;

    private final SmppSettings settings;
    private final String host;
    private final int port;
    private MessageReceiverListener receiver;
    private final Backoff backoff;
    private final BooleanSupplier mayBind;
    private final Duration leaseCheck;
    private volatile Runnable whenBound = () -> { };
    private final ScheduledThreadPoolExecutor reconnects = new ScheduledThreadPoolExecutor(1, r -> {
        Thread thread = new Thread(r, "smpp-bind");
        thread.setDaemon(true);
        return thread;
    });

    private List<SMPPSession> sessions = List.of();
    private SMPPSession transmitter;
    private boolean bound;
    private boolean closed;
    private boolean attemptScheduled;
    private boolean standingBy;
    private String problem = "not bound yet";

    /** A link that binds whenever it can. */
    SmscLink(SmppSettings settings, String host, int port) {
        this(settings, host, port, () -> true, null);
    }

    /**
     * A link that binds only while {@code mayBind} says so, asked before each bind and every {@code leaseCheck} while
     * bound ({@code null}: never, when it always may).
     */
    SmscLink(SmppSettings settings, String host, int port, BooleanSupplier mayBind, Duration leaseCheck) {
        reconnects.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.settings = settings;
        this.host = host;
        this.port = port;
        this.backoff = new Backoff(settings.reconnectMin(), settings.reconnectMax());
        this.mayBind = mayBind;
        this.leaseCheck = leaseCheck;
    }

    /** Binds in the background, now and after every loss; what the SMSC sends goes to {@code receiver}. */
    void start(MessageReceiverListener messages) {
        this.receiver = messages;
        scheduleAttempt(Duration.ZERO);
        if (leaseCheck != null) {
            reconnects.scheduleWithFixedDelay(this::checkLease, leaseCheck.toMillis(), leaseCheck.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Calls {@code task} each time the link is bound. */
    void whenBound(Runnable task) {
        this.whenBound = task;
    }

    private void checkLease() {
        boolean lost;
        synchronized (this) {
            lost = bound && !closed && !mayBind.getAsBoolean();
        }
        if (lost) {
            LOG.warn("SMPP: this node no longer holds the bind's lease (single bind); unbinding");
            drop("this node no longer holds the bind's lease");
        }
    }

    /** The session to submit on, while bound. */
    synchronized Optional<SMPPSession> transmitter() {
        return bound ? Optional.of(transmitter) : Optional.empty();
    }

    /** Waits until bound, at most {@code timeout}; whether it is bound now. */
    synchronized boolean awaitBound(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!bound && !closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return bound;
    }

    synchronized AdapterHealth health() {
        if (!bound && standingBy) {
            return AdapterHealth.up("standing by: one bind per account, held by the node with the bind's lease");
        }
        if (bound) {
            return AdapterHealth.up("bound as " + describeBind() + " to " + host + ":" + port);
        }
        return AdapterHealth.down("not bound to " + host + ":" + port + ": " + problem);
    }

    /**
     * Drops the bind after a failure seen while sending (a timeout, a broken connection) and binds again.
     */
    void lost(SMPPSession session, String why) {
        synchronized (this) {
            if (!sessions.contains(session) || closed) {
                return;
            }
        }
        drop(why);
    }

    private void attempt() {
        synchronized (this) {
            attemptScheduled = false;
            if (closed || bound) {
                return;
            }
        }
        if (!mayBind.getAsBoolean()) {
            boolean wasStandingBy;
            synchronized (this) {
                wasStandingBy = standingBy;
                standingBy = true;
                problem = "another node holds the bind's lease";
            }
            if (!wasStandingBy) {
                LOG.info("SMPP: another node holds the bind (one bind per account); standing by");
            }
            scheduleAttempt(leaseCheck);
            return;
        }
        synchronized (this) {
            standingBy = false;
        }
        List<SMPPSession> opened = new ArrayList<>();
        try {
            if (settings.bindMode() == SmppSettings.BindMode.TRANSCEIVER) {
                opened.add(bind(BindType.BIND_TRX));
            } else {
                opened.add(bind(BindType.BIND_TX));
                opened.add(bind(BindType.BIND_RX));
            }
        } catch (IOException | RuntimeException e) {
            opened.forEach(SMPPSession::unbindAndClose);
            String why = explain(e);
            Duration wait = backoff.next();
            synchronized (this) {
                if (closed) {
                    return;
                }
                problem = why + "; next attempt in " + wait.toMillis() + " ms";
            }
            LOG.warn("SMPP bind to {}:{} as '{}' failed: {}; binding again in {} ms",
                    host, port, settings.systemId(), why, wait.toMillis());
            scheduleAttempt(wait);
            return;
        }
        synchronized (this) {
            if (closed) {
                opened.forEach(SMPPSession::unbindAndClose);
                return;
            }
            sessions = List.copyOf(opened);
            transmitter = opened.get(0);
            bound = true;
            problem = "";
            notifyAll();
        }
        backoff.reset();
        LOG.info("SMPP bound as {} to {}:{} as '{}'", describeBind(), host, port, settings.systemId());
        whenBound.run();
    }

    private SMPPSession bind(BindType type) throws IOException {
        SMPPSession session = new SMPPSession(new NoDelayConnections());
        session.setEnquireLinkTimer((int) settings.enquireLink().toMillis());
        session.setTransactionTimer(TRANSACTION_TIMEOUT_MILLIS);
        if (type != BindType.BIND_TX) {
            // Parallel deliver_sm handling: the SMSC may keep several outstanding (its window).
            session.setPduProcessorDegree(Math.max(settings.window(), 3));
            session.setQueueCapacity(Math.max(100, settings.window() * 10));
            session.setMessageReceiverListener(receiver);
        }
        session.addSessionStateListener(this::stateChanged);
        try {
            session.connectAndBind(host, port, new BindParameter(type, settings.systemId(), settings.password(),
                    settings.systemType(), TypeOfNumber.valueOf(settings.sourceTon()),
                    NumberingPlanIndicator.valueOf(settings.sourceNpi()), null), BIND_TIMEOUT_MILLIS);
        } catch (IOException | RuntimeException e) {
            session.unbindAndClose();
            throw e;
        }
        return session;
    }

    private void stateChanged(SessionState newState, SessionState oldState, Session source) {
        if (newState == SessionState.CLOSED || newState == SessionState.UNBOUND) {
            synchronized (this) {
                if (!sessions.contains((SMPPSession) source)) {
                    return;
                }
            }
            drop("the SMSC closed the session (" + oldState + " -> " + newState + ")");
        }
    }

    private void drop(String why) {
        List<SMPPSession> old;
        synchronized (this) {
            if (!bound) {
                return;
            }
            old = sessions;
            sessions = List.of();
            transmitter = null;
            bound = false;
            problem = why;
        }
        LOG.warn("SMPP bind to {}:{} lost: {}; binding again", host, port, why);
        old.forEach(SMPPSession::unbindAndClose);
        scheduleAttempt(backoff.next());
    }

    private synchronized void scheduleAttempt(Duration wait) {
        if (closed || attemptScheduled) {
            return;
        }
        attemptScheduled = true;
        reconnects.schedule(this::attempt, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private String describeBind() {
        return settings.bindMode() == SmppSettings.BindMode.TRANSCEIVER ? "transceiver" : "transmitter and receiver";
    }

    private static String explain(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof NegativeResponseException)) {
            cause = cause.getCause();
        }
        if (cause instanceof NegativeResponseException refused) {
            String hint = switch (refused.getCommandStatus()) {
                case CommandStatus.ESME_RINVPASWD -> ": the password is wrong (check SWITCHBOARD_SMPP_PASSWORD)";
                case CommandStatus.ESME_RINVSYSID -> ": the system id is unknown (check SWITCHBOARD_SMPP_SYSTEM_ID)";
                default -> "";
            };
            return "the SMSC refused the bind with " + CommandStatus.describe(refused.getCommandStatus()) + hint;
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    @Override
    public void close() {
        List<SMPPSession> old;
        synchronized (this) {
            closed = true;
            bound = false;
            old = sessions;
            sessions = List.of();
            notifyAll();
        }
        // Not interrupted: jSMPP logs an interrupted bind as an error. A bind in flight ends by its own timeout on
        // this daemon thread, and its session is closed then, as the link is closed.
        reconnects.shutdown();
        for (SMPPSession session : old) {
            // An SMSC that does not answer the unbind holds the stop for the transaction timer at most: make it short.
            session.setTransactionTimer(UNBIND_WAIT_MILLIS);
            session.unbindAndClose();
        }
    }
}
