package dev.switchboard.spi;

import jakarta.servlet.http.HttpServlet;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;

/**
 * What the gateway gives an adapter when it starts: the help desk to hand messages to, the renderers,
 * the configuration, and a place on the gateway's one HTTP port; and state every node shares: short-lived maps
 * and topics in memory ({@link #sharedMap}, {@link #sharedTopic}), durable records in the database
 * ({@link #store}), and leases for work that runs on one node at a time ({@link #lease}).
 */
public interface AdapterContext {

    /** The hub. */
    HelpDesk helpDesk();

    /** Renders replies for devices, for adapters that deliver a reply later than the request (SMS, push). */
    ReplyRenderer renderer();

    /** The gateway's configuration. */
    AdapterSettings settings();

    /**
     * Serves {@code servlet} at {@code pathSpec} on the gateway's HTTP port, with the Servlet path-spec
     * rules ({@code /api/help}, {@code /wap/*}). Only during {@link DeviceAdapter#start}.
     *
     * @throws IllegalStateException when another adapter or the gateway already serves that path
     */
    void mount(String pathSpec, HttpServlet servlet);

    /**
     * A map every node of the cluster shares, for an adapter's short-lived state (a WAP session, say).
     * Entries expire {@code timeToLive} after they were last written; nothing is written to the database,
     * so a full restart forgets them. Names are the adapter's own: two adapters asking for the same
     * name get different maps. Use the atomic {@link ConcurrentMap} operations to change an entry. The
     * gateway's context implements it; the default is for contexts of an adapter tested alone.
     *
     * <p>A value crosses the network, and the gateway carries it in Hazelcast's Compact form without being told of
     * its class: make it a Java record whose components are strings, numbers, booleans, enums, {@code byte[]},
     * {@link java.time.Instant}s, other such records, or lists, sets and maps of these ({@code List<String>},
     * {@code Set<MyRecord>}), or a JDK value such as a {@code String}. Nothing to register, and no
     * {@code java.io.Serializable}: a class written by Java serialization is slower, larger, and refused by the
     * gateway for its own packages. Every node must have the same classes, as it has the same adapters; a component
     * added in a later version reads as {@code null} (or zero) from an entry an earlier version wrote.
     */
    default <V> ConcurrentMap<String, V> sharedMap(String name, Duration timeToLive) {
        throw new UnsupportedOperationException("this gateway shares no maps");
    }

    /**
     * The adapter's durable records named {@code name}, shared by every node of the cluster and kept across a full
     * restart (an outbox, opt-outs, what was answered). Names are the adapter's own: two adapters asking for the
     * same name get different records. Asking twice for one name gives the same records. The gateway's context
     * implements it over its database; the default is for contexts of an adapter tested alone.
     */
    default AdapterStore store(String name) {
        throw new UnsupportedOperationException("this gateway keeps no adapter records");
    }

    /**
     * The lease named {@code name}, for work that must run on one node of the cluster at a time (see
     * {@link Lease}). The node tries to take it before this returns, and again every third of {@code period}; ask
     * {@link Lease#holds()} before each side effect, and {@linkplain Lease#close() close} it when the adapter stops.
     * Names are the adapter's own. The gateway's context implements it over its database; the default is for
     * contexts of an adapter tested alone.
     *
     * @param period how long the lease lasts without a renewal: the longest a node that died or lost the database
     *               keeps others from taking over
     */
    default Lease lease(String name, Duration period) {
        throw new UnsupportedOperationException("this gateway grants no leases");
    }

    /**
     * Carries the help desk's own messages (agents' answers) on {@code channel} through {@code sender}.
     * Only during {@link DeviceAdapter#start}.
     *
     * The gateway's context implements it; the default, for a context that carries no outbound messages
     * (an adapter tested alone), ignores the sender.
     *
     * @throws IllegalStateException when another adapter already sends on that channel
     */
    default void sendsOn(Channel channel, OutboundSender sender) {
        // Nothing to carry: such a context never hands the adapter a message to send.
    }

    /**
     * Places the help desk's call backs through {@code dialer}. Only during {@link DeviceAdapter#start}.
     * The default, for a context that places no calls (an adapter tested alone), ignores it.
     *
     * @throws IllegalStateException when another adapter already dials
     */
    default void dialsWith(VoiceDialer dialer) {
        // Nothing to dial: such a context never asks for a call.
    }

    /**
     * Sends the help desk's notices to its own people (an agent told of an offline message) through
     * {@code mailer}. Only during {@link DeviceAdapter#start}. The default, for a context that sends no
     * notices (an adapter tested alone), ignores it.
     *
     * @throws IllegalStateException when another adapter already mails the notices
     */
    default void mailsNoticesWith(NoticeMailer mailer) {
        // Nothing to mail: such a context never has a notice to send.
    }

    /**
     * Texts phones outside any conversation through {@code texter}, for the adapter that sends the desk's SMS
     * (see {@link AdapterSettings#isSmsSender}). Only during {@link DeviceAdapter#start}. The default, for a
     * context that texts nobody (an adapter tested alone), ignores it.
     *
     * @throws IllegalStateException when another adapter already texts phones
     */
    default void textsPhonesWith(PhoneTexter texter) {
        // Nothing to text: such a context never asks for a text outside a conversation.
    }

    /**
     * The way to text a phone outside any conversation (a one-time code), or empty when no SMS channel is on.
     * Adapters start in no fixed order: ask when a text is to be sent, not during {@link DeviceAdapter#start}.
     * The default, for an adapter tested alone, has none.
     */
    default Optional<PhoneTexter> phoneTexter() {
        return Optional.empty();
    }

    /**
     * A topic every node of the cluster shares, to tell the node that holds a customer's open connection that
     * something happened on another node. Names are the adapter's own: two adapters asking for the same name
     * get different topics. A message travels as a value of {@link #sharedMap} does. The gateway's context
     * implements it; the default is for contexts of an adapter tested alone.
     */
    default <M> SharedTopic<M> sharedTopic(String name) {
        throw new UnsupportedOperationException("this gateway shares no topics");
    }

    /**
     * Whether an agent is available to chat now, and news of each change, for an adapter that shows it before the
     * customer writes. The gateway's context follows the agent desk's presence; the default, for an adapter tested
     * alone, has nobody.
     */
    default AgentsAvailable agentsAvailable() {
        return AgentsAvailable.NOBODY;
    }

    /**
     * The chat widget's settings as the help desk's managers saved them (its look, its invitation, the sites allowed
     * beside the server's setting), and news of each change, for the adapter that serves the widget. The gateway's
     * context follows the agent desk's stored settings on every node; the default, for an adapter tested alone, is
     * the {@linkplain SavedWidgetSettings#DEFAULTS defaults}.
     */
    default SavedWidgetSettings widgetSettings() {
        return SavedWidgetSettings.DEFAULTS;
    }
}
