package dev.switchboard.testing;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * A company's web site on a Jetty of its own, on a free port of 127.0.0.1 (so another origin than the gateway's): the
 * pages a test puts up, by path, each served as HTML; anything else is a 404.
 */
public final class ShopSite implements AutoCloseable {
    private final Map<String, String> pages = new ConcurrentHashMap<>();
    private final Map<String, String> scripts = new ConcurrentHashMap<>();
    private final Map<String, Callback> stalled = new ConcurrentHashMap<>();
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);

    public ShopSite() throws Exception {
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String path = Request.getPathInContext(request);
                String script = scripts.get(path);
                if (script != null) {
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/javascript; charset=utf-8");
                    response.write(true, BufferUtil.toBuffer(script, StandardCharsets.UTF_8), callback);
                    return true;
                }
                if (path.startsWith(STALLED)) {
                    // Never answered while the site runs: a gateway that takes the request and hangs.
                    stalled.put(path + "#" + stalled.size(), callback);
                    return true;
                }
                String page = pages.get(path);
                if (page == null) {
                    Response.writeError(request, response, callback, 404);
                    return true;
                }
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
                response.write(true, BufferUtil.toBuffer(page, StandardCharsets.UTF_8), callback);
                return true;
            }
        });
        server.start();
    }

    /** The site's origin, {@code http://127.0.0.1:<port>}. */
    public String origin() {
        return "http://127.0.0.1:" + connector.getLocalPort();
    }

    /** Paths under this one are never answered (see {@link #script}). */
    public static final String STALLED = "/stalled/";

    /** Serves {@code javascript} at {@code path}: under {@link #STALLED}, the loader of a gateway that hangs. */
    public ShopSite script(String path, String javascript) {
        scripts.put(path, javascript);
        return this;
    }

    /** Serves {@code html} at {@code path}. */
    public ShopSite page(String path, String html) {
        pages.put(path, html);
        return this;
    }

    @Override
    public void close() throws Exception {
        stalled.values().forEach(Callback::succeeded);
        server.stop();
    }
}
