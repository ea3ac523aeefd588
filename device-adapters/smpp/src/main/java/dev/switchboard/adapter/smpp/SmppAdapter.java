package dev.switchboard.adapter.smpp;

import dev.switchboard.adapter.smpp.store.Journal;
import dev.switchboard.adapter.smpp.store.LongMessageParts;
import dev.switchboard.adapter.smpp.store.MorePages;
import dev.switchboard.adapter.smpp.store.OptOuts;
import dev.switchboard.adapter.smpp.store.OutgoingSms;
import dev.switchboard.adapter.smpp.store.Outbox;
import dev.switchboard.adapter.smpp.store.SeenMessages;
import dev.switchboard.adapter.smpp.text.AnswerPages;
import dev.switchboard.smsc.simulator.PhoneServlet;
import dev.switchboard.smsc.simulator.SmscSimulator;
import dev.switchboard.spi.AdapterContext;
import dev.switchboard.spi.AdapterHealth;
import dev.switchboard.spi.Channel;
import dev.switchboard.spi.DeviceAdapter;
import dev.switchboard.spi.FrontEnd;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMS channel over SMPP 3.4 (adapter {@code smpp}): binds to the operator's SMSC as an ESME with jSMPP,
 * takes customers' texts as deliver_sm and sends the answers as submit_sm through a durable outbox. When no
 * SMSC host is configured it starts the built-in {@link SmscSimulator} and binds to that, and serves the
 * simulator's phone page at {@code /smpp/phone}.
 *
 * <p>Its own state (outbox, opt-outs, parts of long messages, recently seen messages, pages waiting for
 * MORE) is a journal file under {@code <data dir>/smpp/}, for one gateway node.
 */
public final class SmppAdapter implements DeviceAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(SmppAdapter.class);
    static final String MORE_MARKER_PREFIX = " (reply ";
    /** The built-in simulator binds at once; waiting for it lets /health say UP as soon as the gateway runs. */
    private static final java.time.Duration SIMULATOR_BIND_WAIT = java.time.Duration.ofSeconds(5);
    /** The journal is compacted while running once it grows past this (and twice its compacted size). */
    private static final long JOURNAL_COMPACTION_BYTES = 64L * 1024 * 1024;
    private final java.util.concurrent.ScheduledExecutorService housekeeping =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "smpp-journal-compaction");
                thread.setDaemon(true);
                return thread;
            });

    private SmppSettings settings;
    private SmscSimulator simulator;
    private Journal journal;
    private Outbox outbox;
    private SmscLink link;
    private OutboxSender sender;
    private DeliveryReports reports;

    @Override
    public String id() {
        return "smpp";
    }

    @Override
    public String description() {
        return "SMS through an operator's SMSC over SMPP 3.4 (jSMPP), with a durable outbox and delivery receipts";
    }

    @Override
    public void start(AdapterContext context) throws Exception {
        settings = SmppSettings.from(context.settings());
        String host = settings.host();
        int port = settings.port();
        if (settings.simulated()) {
            simulator = SmscSimulator.start(settings.simulatorPort(), settings.systemId(), settings.password());
            host = "127.0.0.1";
            port = simulator.port();
            context.mount("/smpp/phone/*", new PhoneServlet(simulator, settings.sourceAddr()));
            LOG.info("No SMSC configured (SWITCHBOARD_SMPP_HOST): texting through the built-in simulator on port {}", port);
        }
        Clock clock = Clock.systemUTC();
        OptOuts optOuts = new OptOuts();
        MorePages more = new MorePages();
        SeenMessages seen = new SeenMessages(settings.redeliveryWindow());
        LongMessageParts parts = new LongMessageParts(settings.redeliveryWindow());
        outbox = new Outbox();
        journal = Journal.open(settings.stateDir().resolve("journal.jsonl"), List.of(optOuts, more, seen, parts, outbox));

        reports = new DeliveryReports(context.helpDesk());
        link = new SmscLink(settings, host, port);
        sender = new OutboxSender(settings, link, outbox, optOuts, reports, clock);
        Keywords keywords = settings.keywords();
        TextDesk desk = new TextDesk(context.helpDesk(), context.renderer(), keywords,
                new AnswerPages(settings.maxSegments(), MORE_MARKER_PREFIX + keywords.moreWord() + ")"),
                optOuts, more, sender);
        IncomingTexts incoming = new IncomingTexts(new SenderNumbers(settings.countryCode()), parts, seen, desk, clock);
        sender.start();
        if (context.settings().isSmsSender(id())) {
            context.sendsOn(Channel.SMS, desk::deliver);
            context.textsPhonesWith(desk::textOutsideConversation);
        }
        housekeeping.scheduleWithFixedDelay(this::compactJournal, 1, 1, java.util.concurrent.TimeUnit.MINUTES);
        link.start(new DeliverSmListener(incoming, new DeliveryReceipts(outbox, reports)));
        if (simulator != null && !link.awaitBound(SIMULATOR_BIND_WAIT)) {
            LOG.warn("Not bound to the SMSC simulator after {} s: {}", SIMULATOR_BIND_WAIT.toSeconds(), link.health().detail());
        }
    }

    /**
     * Puts an outgoing text in the durable outbox, to be sent in order once the SMSC takes it; returns once
     * it is stored. The one way texts leave the adapter: the hub's answers, the adapter's own replies, and
     * (with the agents issue) agents' replies.
     */
    void send(OutgoingSms sms) {
        sender.enqueue(sms);
    }

    private void compactJournal() {
        try {
            if (journal.compactIfLargerThan(JOURNAL_COMPACTION_BYTES)) {
                LOG.info("SMPP adapter journal compacted");
            }
        } catch (RuntimeException e) {
            LOG.warn("Compacting the SMPP adapter journal failed; it keeps growing until the next start: {}", e.getMessage());
        }
    }

    @Override
    public AdapterHealth health() {
        if (link == null) {
            return AdapterHealth.down("not started");
        }
        AdapterHealth bind = link.health();
        String detail = bind.detail() + "; " + outbox.pendingCount() + " texts waiting in the outbox";
        return bind.up() ? AdapterHealth.up(detail) : AdapterHealth.down(detail);
    }

    @Override
    public List<FrontEnd> frontEnds() {
        if (settings != null && !settings.simulated()) {
            return List.of();
        }
        return List.of(new FrontEnd("/smpp/phone", "Phone (SMS)",
                "Text the help desk from a phone in the browser, through the built-in SMSC simulator."));
    }

    @Override
    public void stop() {
        housekeeping.shutdownNow();
        if (sender != null) {
            sender.close();
        }
        if (link != null) {
            link.close();
        }
        if (reports != null) {
            reports.close();
        }
        if (simulator != null) {
            simulator.close();
        }
        if (journal != null) {
            journal.close();
        }
    }
}
