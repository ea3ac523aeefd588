package dev.switchboard.spi;

import java.util.List;

/**
 * A channel of the gateway: it receives customers' messages in its native protocol, turns each into an
 * {@link Interaction}, hands it to the {@link HelpDesk}, and delivers the reply back to the device.
 *
 * <h2>Adding a channel</h2>
 * <ol>
 *   <li>Make a Maven module that depends on {@code adapter-spi} only (never on the hub's classes).</li>
 *   <li>Implement this interface with a public no-argument constructor. Pick an {@link #id()} no other
 *       adapter uses; the gateway refuses to start when two adapters claim the same id.</li>
 *   <li>List the class in {@code META-INF/services/dev.switchboard.spi.DeviceAdapter}, one fully
 *       qualified name per line. The gateway finds it through {@link java.util.ServiceLoader} when the
 *       module's jar is on its class path, and logs every adapter it loaded.</li>
 *   <li>In {@link #start}, mount servlets or open connections; for each incoming message build an
 *       {@link Interaction} with an idempotency key the channel gives you (a message id), call
 *       {@link HelpDesk#submit}, and only then acknowledge the message to the channel. Render the reply
 *       with {@link Outcome#rendered()} or {@link AdapterContext#renderer()}.</li>
 *   <li>Bad input gets a clear error in the client's own format and a log line; it must never stop the
 *       adapter or lose other messages.</li>
 * </ol>
 *
 * <p>Lifecycle: the gateway calls {@link #start} once, after the hub is ready and before the HTTP port
 * opens. At shutdown it calls {@link #stopping}, lets the HTTP port finish the requests in flight and close,
 * then calls {@link #stop}, while the hub still takes messages; the database is closed last. {@link #health()}
 * may be called at any time from any thread.
 */
public interface DeviceAdapter {

    /** A unique, stable id: lower-case letters, digits and hyphens ({@code web}, {@code smpp}). */
    String id();

    /** One line on what the adapter serves, for the start-up log and the start page. */
    String description();

    /**
     * Starts the adapter. An exception stops the gateway's start-up with the adapter's id and the message.
     */
    void start(AdapterContext context) throws Exception;

    /**
     * The gateway is stopping: its HTTP port takes no new requests and waits for those in flight. End what
     * never finishes by itself (a push stream held open), so that the wait is not for it. Must not throw.
     */
    default void stopping() {
    }

    /**
     * Releases what {@link #start} took: stop taking messages from the channel (unbind, stop polling), let
     * those taken reach the hub or leave them unacknowledged for the channel to deliver again, and return
     * within a second or two even when the channel does not answer. Called once; must not throw.
     */
    default void stop() {
    }

    /** Whether the adapter works now, for {@code /health}. */
    default AdapterHealth health() {
        return AdapterHealth.up("running");
    }

    /** Pages of this adapter a person can open in a browser, linked from the start page. */
    default List<FrontEnd> frontEnds() {
        return List.of();
    }
}
