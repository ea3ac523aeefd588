package dev.switchboard.adapter.email;

import dev.switchboard.spi.AdapterContext;
import dev.switchboard.spi.AdapterHealth;
import dev.switchboard.spi.Channel;
import dev.switchboard.spi.DeviceAdapter;
import dev.switchboard.spi.Lease;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code email} channel: customers mail the help desk and are answered by mail. The help desk's mailbox is
 * read over IMAP every few seconds ({@link MailboxPoller}); each new mail goes to the help desk as channel
 * {@code email} from its sender, keyed by its Message-ID, and the immediate answer goes back by SMTP in the
 * customer's mail thread ({@link SmtpMailer}); agents' answers on the channel leave the same way
 * ({@link EmailAnswers}), and so do the help desk's notices to agents.
 *
 * <p>Without a mailbox, an SMTP server and the desk's address the channel is off: {@code /health} shows it OFF
 * without taking the gateway down.
 *
 * <p>One node of the cluster reads the mailbox: the one holding the lease {@code email-imap}; the others stand by and
 * take over when it stops or dies. Which mails were answered is kept in the gateway's database (the adapter's records
 * {@code answered}), so a mail taken again after a full restart, or by another node, is answered once.
 */
public final class EmailAdapter implements DeviceAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(EmailAdapter.class);
    /** How long the customer's last mail is remembered for answers to join his thread. */
    private static final Duration THREAD_MEMORY = Duration.ofDays(90);
    /** How long the mailbox's lease lasts without a renewal: the longest a dead node keeps another from reading. */
    static final Duration MAILBOX_LEASE = Duration.ofSeconds(15);

    private final Clock clock;
    private volatile AdapterHealth health = AdapterHealth.down("not started");
    private volatile ScheduledExecutorService poller;
    private volatile MailboxPoller mailbox;
    private volatile Lease lease;

    /** The adapter the gateway loads. */
    public EmailAdapter() {
        this(Clock.systemUTC());
    }

    EmailAdapter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String id() {
        return "email";
    }

    @Override
    public String description() {
        return "customers' mails read over IMAP and answered by SMTP";
    }

    @Override
    public void start(AdapterContext context) {
        Optional<EmailSettings> configured = EmailSettings.from(context.settings());
        if (configured.isEmpty()) {
            health = AdapterHealth.off("off: not configured (set " + EmailSettings.variable(EmailSettings.IMAP_HOST)
                    + ", " + EmailSettings.variable(EmailSettings.IMAP_USER) + ", "
                    + EmailSettings.variable(EmailSettings.IMAP_PASSWORD) + ", "
                    + EmailSettings.variable(EmailSettings.SMTP_HOST) + " and "
                    + EmailSettings.variable(EmailSettings.ADDRESS) + ")");
            LOG.info("Email channel {}", health.detail());
            return;
        }
        EmailSettings settings = configured.get();
        SmtpMailer mailer = new SmtpMailer(settings);
        MailThreads threads = new MailThreads(shared(context, "last-mails", THREAD_MEMORY), settings.subject());
        context.sendsOn(Channel.EMAIL, new EmailAnswers(mailer, threads, context.renderer(),
                new RatingLinks(context.settings())));
        context.mount(RatingLinks.PATH + "*", new RatingPageServlet(context.helpDesk()));
        context.mailsNoticesWith(mailer);
        mailbox = new MailboxPoller(settings, new MailReader(settings.deskAddress(), settings.maxBytes(), clock),
                context.helpDesk(), threads, mailer, context.store("answered"));
        lease = context.lease("imap", MAILBOX_LEASE);
        health = AdapterHealth.up("reading " + mailbox.mailbox() + " every " + settings.pollInterval().toSeconds()
                + " s, answering from " + settings.deskAddress().value() + " through smtp://" + settings.smtp());
        poller = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "email-mailbox");
            thread.setDaemon(true);
            return thread;
        });
        long every = settings.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(() -> lookIntoMailbox(settings), 0, every, TimeUnit.MILLISECONDS);
        LOG.info("Email channel on: {}", health.detail());
    }

    private void lookIntoMailbox(EmailSettings settings) {
        if (!lease.holds()) {
            if (health.status() != AdapterHealth.Status.UP || !health.detail().startsWith("standing by")) {
                LOG.info("Mailbox {} is read by the node holding its lease; this one stands by", mailbox.mailbox());
            }
            health = AdapterHealth.up("standing by: another node reads " + mailbox.mailbox() + " (it holds the lease "
                    + "email-imap); answering from " + settings.deskAddress().value() + " through smtp://" + settings.smtp());
            return;
        }
        try {
            MailboxPoller.Look look = mailbox.look(lease::holds);
            if (look.taken() + look.setAside() + look.leftForLater() > 0) {
                LOG.info("Mailbox {}: {} mail(s) taken, {} set aside, {} left for the next look", mailbox.mailbox(),
                        look.taken(), look.setAside(), look.leftForLater());
            }
            if (health.status() == AdapterHealth.Status.DOWN) {
                LOG.info("Mailbox {} reachable again", mailbox.mailbox());
            }
            health = AdapterHealth.up("reading " + mailbox.mailbox() + " every " + settings.pollInterval().toSeconds()
                    + " s, answering from " + settings.deskAddress().value() + " through smtp://" + settings.smtp());
        } catch (Exception e) {
            // A failed look loses nothing (every mail stays unseen); say so on /health and look again later.
            health = AdapterHealth.down("mailbox " + mailbox.mailbox() + " not read: " + e.getMessage()
                    + " (trying again every " + settings.pollInterval().toSeconds() + " s)");
            LOG.warn("Mailbox {} not read (tried again in {} s): {}", mailbox.mailbox(),
                    settings.pollInterval().toSeconds(), e.toString());
        }
    }

    /** The cluster's shared map, or this node's own when the context shares none (an adapter tested alone). */
    private static <V> ConcurrentMap<String, V> shared(AdapterContext context, String name, Duration timeToLive) {
        try {
            return context.sharedMap(name, timeToLive);
        } catch (UnsupportedOperationException e) {
            return new ConcurrentHashMap<>();
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = poller;
        if (running != null) {
            running.shutdownNow();
            try {
                // A look at the mailbox in flight gets two seconds to hand its mail to the hub; one cut short
                // leaves its mail unseen, read again at the next start (its Message-ID keeps it from counting twice).
                running.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Lease held = lease;
        if (held != null) {
            held.close();
        }
        if (health.status() != AdapterHealth.Status.OFF) {
            health = AdapterHealth.down("stopped");
        }
    }

    @Override
    public AdapterHealth health() {
        return health;
    }
}
