package dev.switchboard.adapter.email;

import dev.switchboard.spi.AdapterContext;
import dev.switchboard.spi.AdapterSettings;
import dev.switchboard.spi.Channel;
import dev.switchboard.spi.HelpDesk;
import dev.switchboard.spi.NoticeMailer;
import dev.switchboard.spi.OutboundSender;
import dev.switchboard.spi.ReplyRenderer;
import jakarta.servlet.http.HttpServlet;
import java.io.Serializable;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** What the gateway gives the adapter, for the adapter alone: its settings, a help desk, and what it registers. */
final class TestContext implements AdapterContext {
    private final HelpDesk helpDesk;
    private final Map<String, String> settings;
    private final Map<String, ConcurrentMap<String, ?>> maps = new ConcurrentHashMap<>();
    final Map<Channel, OutboundSender> senders = new ConcurrentHashMap<>();
    volatile NoticeMailer noticeMailer;

    TestContext(HelpDesk helpDesk, Map<String, String> settings) {
        this.helpDesk = helpDesk;
        this.settings = settings;
    }

    @Override
    public HelpDesk helpDesk() {
        return helpDesk;
    }

    @Override
    public ReplyRenderer renderer() {
        return RecordingHelpDesk.TextRenderer.INSTANCE;
    }

    @Override
    public AdapterSettings settings() {
        return key -> Optional.ofNullable(settings.get(key));
    }

    @Override
    public void mount(String pathSpec, HttpServlet servlet) {
        throw new IllegalStateException("the email channel serves no HTTP path");
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V extends Serializable> ConcurrentMap<String, V> sharedMap(String name, Duration timeToLive) {
        return (ConcurrentMap<String, V>) maps.computeIfAbsent(name, n -> new ConcurrentHashMap<String, V>());
    }

    @Override
    public void sendsOn(Channel channel, OutboundSender sender) {
        senders.put(channel, sender);
    }

    @Override
    public void mailsNoticesWith(NoticeMailer mailer) {
        noticeMailer = mailer;
    }
}
