package dev.switchboard.adapter.testkit;

import dev.switchboard.spi.AdapterContext;
import dev.switchboard.spi.AdapterSettings;
import dev.switchboard.spi.AdapterStore;
import dev.switchboard.spi.AgentsAvailable;
import dev.switchboard.spi.SavedWidgetSettings;
import dev.switchboard.spi.Channel;
import dev.switchboard.spi.DeviceAdapter;
import dev.switchboard.spi.HelpDesk;
import dev.switchboard.spi.Lease;
import dev.switchboard.spi.NoticeMailer;
import dev.switchboard.spi.OutboundSender;
import dev.switchboard.spi.PhoneTexter;
import dev.switchboard.spi.ReplyRenderer;
import dev.switchboard.spi.SharedTopic;
import dev.switchboard.spi.VoiceDialer;
import jakarta.servlet.http.HttpServlet;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The gateway as one adapter sees it, for that adapter's tests: the {@link AdapterContext} the adapter is started
 * with, made by {@link #builder()}. It hands the adapter a help desk, a renderer and settings, keeps shared maps and
 * topics in memory (one node), records what the adapter mounts and registers, and refuses a second claim on a path
 * or a role as the gateway does. Its adapter records and leases are kept in an {@link InMemoryRecords}, the
 * stand-in's own unless {@linkplain Builder#records given} one to share (a restart, or a second node). When
 * {@linkplain Builder#servingHttp() asked}, it serves the mounted servlets on a real Jetty on a free port of 127.0.0.1. Closing it stops the adapter, then the server.
 */
public final class StandInGateway implements AdapterContext, AutoCloseable {
    private final DeviceAdapter adapter;
    private final HelpDesk helpDesk;
    private final ReplyRenderer renderer;
    private final Map<String, String> settings;
    private final LoopbackServer server;
    private final PhoneTexter offeredTexter;
    private final Supplier<? extends ConcurrentMap<String, ?>> newSharedMap;
    private final InMemoryRecords records;
    private final AgentsAvailable agents;
    private final SavedWidgetSettings widgetSettings;

    private final List<String> mountedPaths = Collections.synchronizedList(new ArrayList<>());
    private final Map<Channel, OutboundSender> senders = new ConcurrentHashMap<>();
    private final AtomicReference<VoiceDialer> dialer = new AtomicReference<>();
    private final AtomicReference<NoticeMailer> noticeMailer = new AtomicReference<>();
    private final AtomicReference<PhoneTexter> registeredTexter = new AtomicReference<>();
    private final Map<String, ConcurrentMap<String, ?>> sharedMaps = new ConcurrentHashMap<>();
    private final Map<String, SharedTopic<?>> sharedTopics = new ConcurrentHashMap<>();

    private StandInGateway(Builder builder, DeviceAdapter adapter) {
        this.adapter = adapter;
        this.helpDesk = builder.helpDesk;
        this.renderer = builder.renderer;
        this.settings = builder.settings();
        this.server = builder.servingHttp ? new LoopbackServer() : null;
        this.offeredTexter = builder.offeredTexter;
        this.newSharedMap = builder.newSharedMap;
        this.records = builder.records != null ? builder.records : new InMemoryRecords();
        this.agents = builder.agents;
        this.widgetSettings = builder.widgetSettings;
    }

    /** A gateway with a fresh {@link RecordingHelpDesk}, the {@link PlainTextRenderer}, no settings and no HTTP. */
    public static Builder builder() {
        return new Builder();
    }

    // What the adapter is given.

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
        return key -> Optional.ofNullable(settings.get(key));
    }

    @Override
    public void mount(String pathSpec, HttpServlet servlet) {
        synchronized (mountedPaths) {
            if (mountedPaths.contains(pathSpec)) {
                throw new IllegalStateException(pathSpec + " is served already");
            }
            mountedPaths.add(pathSpec);
        }
        if (server != null) {
            server.serve(pathSpec, servlet);
        }
    }

    /** A map in memory: one node, and entries do not expire. */
    @Override
    @SuppressWarnings("unchecked")
    public <V> ConcurrentMap<String, V> sharedMap(String name, Duration timeToLive) {
        return (ConcurrentMap<String, V>) sharedMaps.computeIfAbsent(name, unused -> newSharedMap.get());
    }

    @Override
    public AdapterStore store(String name) {
        return records.store(adapter.id(), name);
    }

    @Override
    public Lease lease(String name, Duration period) {
        return records.lease(adapter.id(), name, period);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <M> SharedTopic<M> sharedTopic(String name) {
        return (SharedTopic<M>) sharedTopics.computeIfAbsent(name, unused -> new OneNodeTopic<M>());
    }

    @Override
    public void sendsOn(Channel channel, OutboundSender sender) {
        if (senders.putIfAbsent(channel, sender) != null) {
            throw new IllegalStateException("something already sends on " + channel);
        }
    }

    @Override
    public void dialsWith(VoiceDialer voiceDialer) {
        registerOnce(dialer, voiceDialer, "dials");
    }

    @Override
    public void mailsNoticesWith(NoticeMailer mailer) {
        registerOnce(noticeMailer, mailer, "mails the notices");
    }

    @Override
    public void textsPhonesWith(PhoneTexter texter) {
        registerOnce(registeredTexter, texter, "texts phones");
    }

    @Override
    public AgentsAvailable agentsAvailable() {
        return agents;
    }

    @Override
    public SavedWidgetSettings widgetSettings() {
        return widgetSettings;
    }

    /** The texter the test offered, else the one the adapter registered, as the gateway offers it. */
    @Override
    public Optional<PhoneTexter> phoneTexter() {
        return offeredTexter != null ? Optional.of(offeredTexter) : registeredTexter();
    }

    private static <T> void registerOnce(AtomicReference<T> role, T value, String what) {
        if (!role.compareAndSet(null, value)) {
            throw new IllegalStateException("another adapter already " + what);
        }
    }

    // What the adapter did.

    public DeviceAdapter adapter() {
        return adapter;
    }

    /** The path specs mounted, in order. */
    public List<String> mountedPaths() {
        synchronized (mountedPaths) {
            return List.copyOf(mountedPaths);
        }
    }

    /** The senders registered, by channel. */
    public Map<Channel, OutboundSender> senders() {
        return Map.copyOf(senders);
    }

    public Optional<VoiceDialer> dialer() {
        return Optional.ofNullable(dialer.get());
    }

    public Optional<NoticeMailer> noticeMailer() {
        return Optional.ofNullable(noticeMailer.get());
    }

    /** What the adapter registered to text phones outside any conversation. */
    public Optional<PhoneTexter> registeredTexter() {
        return Optional.ofNullable(registeredTexter.get());
    }

    /** The shared maps the adapter asked for, by name. */
    public Map<String, ConcurrentMap<String, ?>> sharedMaps() {
        return Map.copyOf(sharedMaps);
    }

    /** {@code http://127.0.0.1:<port>} of the servlets. */
    public URI origin() {
        if (server == null) {
            throw new IllegalStateException("this stand-in serves no HTTP; build it servingHttp()");
        }
        return server.origin();
    }

    /** {@code path} (with its query, if any) on {@link #origin()}. */
    public URI uri(String path) {
        return URI.create(origin() + path);
    }

    @Override
    public void close() {
        adapter.stop();
        if (server != null) {
            server.close();
        }
    }

    /** How the gateway is made; {@link #start} starts an adapter on it. */
    public static final class Builder {
        private HelpDesk helpDesk = new RecordingHelpDesk();
        private ReplyRenderer renderer = PlainTextRenderer.INSTANCE;
        private final Map<String, String> overrides = new HashMap<>();
        private boolean gatewayDefaults;
        private boolean servingHttp;
        private PhoneTexter offeredTexter;
        private Supplier<? extends ConcurrentMap<String, ?>> newSharedMap = ConcurrentHashMap::new;
        private InMemoryRecords records;
        private AgentsAvailable agents = AgentsAvailable.NOBODY;
        private SavedWidgetSettings widgetSettings = SavedWidgetSettings.DEFAULTS;

        private Builder() {
        }

        /** Gives the adapter the chat widget's settings through {@code saved} (default: the defaults, unchanged). */
        public Builder widgetSettings(SavedWidgetSettings saved) {
            this.widgetSettings = saved;
            return this;
        }

        /** Tells the adapter whether agents are available through {@code availability} (default: nobody, ever). */
        public Builder agents(AgentsAvailable availability) {
            this.agents = availability;
            return this;
        }

        /** Keeps the adapter's records and leases in {@code shared}, which other stand-ins may share. */
        public Builder records(InMemoryRecords shared) {
            this.records = shared;
            return this;
        }

        public Builder helpDesk(HelpDesk desk) {
            this.helpDesk = desk;
            return this;
        }

        public Builder renderer(ReplyRenderer replyRenderer) {
            this.renderer = replyRenderer;
            return this;
        }

        /** Settings, over the {@linkplain #withGatewayDefaults() gateway's defaults} when asked for. */
        public Builder settings(Map<String, String> values) {
            overrides.putAll(values);
            return this;
        }

        /** Starts from the settings the gateway starts adapters with ({@link GatewayDefaults}). */
        public Builder withGatewayDefaults() {
            this.gatewayDefaults = true;
            return this;
        }

        /** Serves the mounted servlets on a real Jetty on a free port of 127.0.0.1. */
        public Builder servingHttp() {
            this.servingHttp = true;
            return this;
        }

        /** Offers the adapter {@code texter} as the SMS channel's way to text phones ({@code null}: none). */
        public Builder offeringTexter(PhoneTexter texter) {
            this.offeredTexter = texter;
            return this;
        }

        /** Makes the shared maps with {@code maps}, for a test that reaches into them. */
        public Builder sharedMapsMadeBy(Supplier<? extends ConcurrentMap<String, ?>> maps) {
            this.newSharedMap = maps;
            return this;
        }

        /** Starts {@code adapter} on the gateway made so far, then the HTTP server if asked for. */
        public StandInGateway start(DeviceAdapter adapter) throws Exception {
            StandInGateway gateway = new StandInGateway(this, adapter);
            adapter.start(gateway);
            if (gateway.server != null) {
                gateway.server.start();
            }
            return gateway;
        }

        private Map<String, String> settings() {
            Map<String, String> values = gatewayDefaults ? GatewayDefaults.read() : new HashMap<>();
            values.putAll(overrides);
            return values;
        }
    }
}
