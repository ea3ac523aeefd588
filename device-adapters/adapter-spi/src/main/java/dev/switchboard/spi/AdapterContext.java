package dev.switchboard.spi;

import jakarta.servlet.http.HttpServlet;

/**
 * What the gateway gives an adapter when it starts: the help desk to hand messages to, the renderers,
 * the configuration, and a place on the gateway's one HTTP port.
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
     * Carries the help desk's own messages (agents' answers) on {@code channel} through {@code sender}.
     * Only during {@link DeviceAdapter#start}.
     *
     * @throws IllegalStateException when another adapter already sends on that channel
     * @throws UnsupportedOperationException from a context that carries no outbound messages (a bare test context)
     */
    default void sendsOn(Channel channel, OutboundSender sender) {
        throw new UnsupportedOperationException("this context carries no outbound messages");
    }
}
