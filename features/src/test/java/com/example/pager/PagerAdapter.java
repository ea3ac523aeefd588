package com.example.pager;

import dev.switchboard.spi.AdapterContext;
import dev.switchboard.spi.AdapterHealth;
import dev.switchboard.spi.DeviceAdapter;
import dev.switchboard.spi.FrontEnd;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An integrator's device adapter for pagers. It lives only in the acceptance features' test sources to show
 * how a channel is added without any change to the hub: it uses nothing but {@code adapter-spi}, is listed
 * in {@code META-INF/services/dev.switchboard.spi.DeviceAdapter}, and speaks a protocol of its own, lines
 * over TCP rather than HTTP.
 *
 * <h2>The pager line protocol</h2>
 * UTF-8 lines ending in LF (a CR before the LF is dropped). Every line gets exactly one line back:
 * <pre>
 * MSG &lt;message-id&gt; FROM &lt;E.164 number&gt; &lt;text&gt;
 *     -&gt; REPLY &lt;message-id&gt; &lt;conversation-id&gt; &lt;customer-token or -&gt; &lt;reply&gt;
 * anything else
 *     -&gt; ERROR &lt;reason&gt;
 * </pre>
 * The message id (1 to 64 letters, digits, {@code . _ : -}) is the idempotency key: a pager that got no
 * answer sends the same line again and is answered again, without the message being stored twice. The
 * reply is the help desk's answer rendered for the SMS profile, with {@code \} written as {@code \\} and
 * each line break as {@code \n}. The customer token comes with the first reply to a number, like the web
 * API's, and lets the customer read his conversation through the customer API.
 *
 * <h2>Settings</h2>
 * {@code switchboard.pager.host} (default {@code 127.0.0.1}) and {@code switchboard.pager.port} (default
 * {@code 0}: any free port). {@code GET /pager/status} on the gateway's HTTP port says where the line
 * listens: {@code {"host": "127.0.0.1", "port": 40123}}.
 */
public final class PagerAdapter implements DeviceAdapter {
    public static final String ID = "pager";
    public static final String HOST_SETTING = "switchboard.pager.host";
    public static final String PORT_SETTING = "switchboard.pager.port";
    public static final String STATUS_PATH = "/pager/status";

    private static final Logger LOG = LoggerFactory.getLogger(PagerAdapter.class);

    private volatile PagerListener listener;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Pagers on a line protocol over TCP (MSG <id> FROM <number> <text>), answered as SMS text";
    }

    @Override
    public void start(AdapterContext context) throws Exception {
        String host = context.settings().get(HOST_SETTING, "127.0.0.1");
        int port = context.settings().getInt(PORT_SETTING, 0);
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(PORT_SETTING + " must be a port from 0 to 65535, was " + port);
        }
        PagerProtocol protocol = new PagerProtocol(context.helpDesk(), Clock.systemUTC());
        listener = PagerListener.open(new InetSocketAddress(host, port), protocol);
        context.mount(STATUS_PATH, new PagerStatusServlet(() -> listener.address()));
        LOG.info("pager line listening on {}", listener.address());
    }

    @Override
    public void stop() {
        PagerListener open = listener;
        if (open != null) {
            open.close();
        }
    }

    @Override
    public AdapterHealth health() {
        PagerListener open = listener;
        if (open == null) {
            return AdapterHealth.down("not started");
        }
        InetSocketAddress address = open.address();
        return open.isOpen()
                ? AdapterHealth.up("listening on " + address.getHostString() + ":" + address.getPort()
                        + ", " + open.connections() + " pager(s) connected")
                : AdapterHealth.down("the pager line is closed");
    }

    @Override
    public List<FrontEnd> frontEnds() {
        return List.of(new FrontEnd(STATUS_PATH, "Pager line status",
                "For integrators: the host and port pagers connect to"));
    }
}
