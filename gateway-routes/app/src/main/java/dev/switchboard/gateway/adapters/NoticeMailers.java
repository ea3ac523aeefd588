package dev.switchboard.gateway.adapters;

import dev.switchboard.desk.AgentNotices;
import dev.switchboard.spi.EmailAddress;
import dev.switchboard.spi.NoticeMailer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The adapter that mails the help desk's notices to agents (the email channel's), and the one thread that sends
 * them, so that a customer's message never waits for a mail server. A notice that cannot be sent is logged;
 * without an adapter that mails, each notice is logged as not sent.
 */
public final class NoticeMailers implements AgentNotices, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NoticeMailers.class);

    private final ExecutorService sender = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "agent-notices");
        thread.setDaemon(true);
        return thread;
    });
    private volatile NoticeMailer mailer;
    private volatile String adapterId;

    synchronized void register(String adapter, NoticeMailer noticeMailer) {
        if (mailer != null) {
            throw new IllegalStateException("adapter " + adapter + " asked to mail the help desk's notices, which adapter "
                    + adapterId + " mails already");
        }
        mailer = noticeMailer;
        adapterId = adapter;
        LOG.info("Notices to agents -> adapter {}", adapter);
    }

    @Override
    public void tell(EmailAddress to, String subject, String text) {
        try {
            sender.execute(() -> send(to, subject, text));
        } catch (RejectedExecutionException e) {
            LOG.warn("Notice '{}' to {} not sent: the gateway is stopping", subject, to.value());
        }
    }

    private void send(EmailAddress to, String subject, String text) {
        NoticeMailer current = mailer;
        if (current == null) {
            LOG.info("Notice '{}' to {} not sent: no channel mails notices (the email channel is off)", subject,
                    to.value());
            return;
        }
        try {
            current.send(to, subject, text);
        } catch (RuntimeException e) {
            LOG.warn("Notice '{}' to {} not sent: {}", subject, to.value(), e.getMessage());
        }
    }

    /** Sends what is waiting (for a few seconds at most), then stops. */
    @Override
    public void close() throws InterruptedException {
        sender.shutdown();
        if (!sender.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn("Notices still waiting at stop were dropped: {}", sender.shutdownNow().size());
        }
    }
}
