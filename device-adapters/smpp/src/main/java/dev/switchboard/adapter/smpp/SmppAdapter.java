package dev.switchboard.adapter.smpp;

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
import dev.switchboard.spi.Lease;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMS channel over SMPP 3.4 (adapter {@code smpp}): binds to the operator's SMSC as an ESME with jSMPP,
 * takes customers' texts as deliver_sm and sends the answers as submit_sm through a durable outbox. When no
 * SMSC host is configured it starts the built-in {@link SmscSimulator} and binds to that, and serves the
 * simulator's phone page at {@code /smpp/phone}.
 *
 * <p>Its state (outbox, opt-outs, parts of long messages, recently seen messages, pages waiting for MORE, which
 * receipt belongs to which text) is in the gateway's database, in the adapter's records ({@link AdapterContext#store}),
 * the same for every node: a STOP holds on every node, a receipt or a part that comes over another node's bind is
 * matched, and another node sends what a stopped node left in the outbox. Every node binds, unless the operator
 * allows one bind per account ({@code switchboard.smpp.single-bind}): then the node holding the lease
 * {@code smpp-bind} does.
 */
public final class SmppAdapter implements DeviceAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(SmppAdapter.class);
    static final String MORE_MARKER_PREFIX = " (reply ";
    /** The built-in simulator binds at once; waiting for it lets /health say UP as soon as the gateway runs. */
    private static final Duration SIMULATOR_BIND_WAIT = Duration.ofSeconds(5);
    /** How long the bind's lease lasts without a renewal, when one node binds for the cluster. */
    static final Duration BIND_LEASE = Duration.ofSeconds(15);
    /** The journal file an older version kept its state in, per node. */
    private static final String LEGACY_JOURNAL = "journal.jsonl";

    private SmppSettings settings;
    private SmscSimulator simulator;
    private Outbox outbox;
    private Lease bindLease;
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
        Path legacy = settings.legacyStateDir().resolve(LEGACY_JOURNAL);
        if (Files.exists(legacy)) {
            LOG.warn("Ignoring {}: the SMPP adapter's state is in the database now (what an older version left there is not read)",
                    legacy);
        }
        Clock clock = Clock.systemUTC();
        OptOuts optOuts = new OptOuts(context.store("opt-outs"));
        MorePages more = new MorePages(context.store("more-pages"));
        SeenMessages seen = new SeenMessages(context.store("seen"), settings.redeliveryWindow());
        LongMessageParts parts = new LongMessageParts(context.store("long-message-parts"), settings.redeliveryWindow());
        outbox = new Outbox(context, UUID.randomUUID().toString());

        reports = new DeliveryReports(context.helpDesk());
        if (settings.singleBind()) {
            bindLease = context.lease("bind", BIND_LEASE);
            link = new SmscLink(settings, host, port, bindLease::holds, BIND_LEASE.dividedBy(3));
        } else {
            link = new SmscLink(settings, host, port);
        }
        sender = new OutboxSender(settings, link, outbox, optOuts, reports, clock);
        link.whenBound(sender::wake);
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
        link.start(new DeliverSmListener(incoming, new DeliveryReceipts(outbox, reports)));
        if (simulator != null && !settings.singleBind() && !link.awaitBound(SIMULATOR_BIND_WAIT)) {
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

    @Override
    public AdapterHealth health() {
        if (link == null) {
            return AdapterHealth.down("not started");
        }
        AdapterHealth bind = link.health();
        String waiting;
        try {
            waiting = outbox.waitingCount() + " texts waiting in the outbox";
        } catch (RuntimeException e) {
            return AdapterHealth.down(bind.detail() + "; the outbox cannot be read: " + e.getMessage());
        }
        String detail = bind.detail() + "; " + waiting;
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
        if (sender != null) {
            sender.close();
        }
        if (link != null) {
            link.close();
        }
        if (reports != null) {
            reports.close();
        }
        if (bindLease != null) {
            bindLease.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }
}
