package dev.switchboard.gateway.adapters;

import dev.switchboard.gateway.http.ServletMounts;
import dev.switchboard.state.AdapterRecords;
import dev.switchboard.spi.AdapterContext;
import dev.switchboard.spi.AdapterSettings;
import dev.switchboard.spi.AdapterStore;
import dev.switchboard.spi.AgentsAvailable;
import dev.switchboard.spi.Channel;
import dev.switchboard.spi.HelpDesk;
import dev.switchboard.spi.Lease;
import dev.switchboard.spi.NoticeMailer;
import dev.switchboard.spi.OutboundSender;
import dev.switchboard.spi.PhoneTexter;
import dev.switchboard.spi.ReplyRenderer;
import dev.switchboard.spi.SavedWidgetSettings;
import dev.switchboard.spi.VoiceDialer;
import dev.switchboard.spi.SharedTopic;
import jakarta.servlet.http.HttpServlet;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;

/**
 * What one adapter is given at start: the hub, the renderers, the settings, its share of the HTTP port, the cluster's
 * maps and topics, and its records and leases in the database, each named for the adapter so that adapters never
 * share one by accident.
 */
public final class GatewayAdapterContext implements AdapterContext {
    private final String adapterId;
    private final HelpDesk helpDesk;
    private final ReplyRenderer renderer;
    private final AdapterSettings settings;
    private final ServletMounts mounts;
    private final ClusterMaps maps;
    private final AdapterRecords records;
    private final OutboundSenders senders;
    private final VoiceDialers dialers;
    private final NoticeMailers noticeMailers;
    private final SoleProvider<PhoneTexter> phoneTexters;
    private final AgentsAvailable agentsAvailable;
    private final SavedWidgetSettings widgetSettings;

    public GatewayAdapterContext(String adapterId, HelpDesk helpDesk, ReplyRenderer renderer, AdapterSettings settings,
                                 ServletMounts mounts, ClusterMaps maps, AdapterRecords records, OutboundSenders senders,
                                 VoiceDialers dialers, NoticeMailers noticeMailers,
                                 SoleProvider<PhoneTexter> phoneTexters, AgentsAvailable agentsAvailable,
                                 SavedWidgetSettings widgetSettings) {
        this.adapterId = adapterId;
        this.helpDesk = helpDesk;
        this.renderer = renderer;
        this.settings = settings;
        this.mounts = mounts;
        this.maps = maps;
        this.records = records;
        this.senders = senders;
        this.dialers = dialers;
        this.noticeMailers = noticeMailers;
        this.phoneTexters = phoneTexters;
        this.agentsAvailable = agentsAvailable;
        this.widgetSettings = widgetSettings;
    }

    @Override
    public HelpDesk helpDesk() {
        return helpDesk;
    }

    @Override
    public ReplyRenderer renderer() {
        return renderer;
    }

    @Override
    public AdapterSettings settings() {
        return settings;
    }

    @Override
    public void mount(String pathSpec, HttpServlet servlet) {
        mounts.mount("adapter " + adapterId, pathSpec, servlet);
    }

    /** A Hazelcast map named {@code adapter.<id>.<name>}, so that adapters never share one by accident. */
    @Override
    public <V> ConcurrentMap<String, V> sharedMap(String name, Duration timeToLive) {
        return maps.map("adapter." + adapterId + "." + name, timeToLive);
    }

    /** Rows of {@code adapter_records} in the namespace {@code <id>/<name>}. */
    @Override
    public AdapterStore store(String name) {
        return records.store(adapterId, name);
    }

    /** The row {@code <id>-<name>} of {@code adapter_leases}. */
    @Override
    public Lease lease(String name, Duration period) {
        return records.lease(adapterId, name, period);
    }

    @Override
    public void sendsOn(Channel channel, OutboundSender sender) {
        senders.register(adapterId, channel.id(), sender);
    }

    @Override
    public void dialsWith(VoiceDialer dialer) {
        dialers.register(adapterId, dialer);
    }

    @Override
    public void mailsNoticesWith(NoticeMailer mailer) {
        noticeMailers.register(adapterId, mailer);
    }

    @Override
    public void textsPhonesWith(PhoneTexter texter) {
        phoneTexters.register(adapterId, texter);
    }

    @Override
    public Optional<PhoneTexter> phoneTexter() {
        return phoneTexters.current();
    }

    /** A Hazelcast topic named {@code adapter.<id>.<name>}, so that adapters never share one by accident. */
    @Override
    public <M> SharedTopic<M> sharedTopic(String name) {
        return maps.topic("adapter." + adapterId + "." + name);
    }

    @Override
    public AgentsAvailable agentsAvailable() {
        return agentsAvailable;
    }

    /** The agent desk's widget settings, followed on this node as managers save them on any. */
    @Override
    public SavedWidgetSettings widgetSettings() {
        return widgetSettings;
    }
}
