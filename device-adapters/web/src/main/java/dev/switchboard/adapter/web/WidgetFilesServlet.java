package dev.switchboard.adapter.web;

import dev.switchboard.spi.AgentsAvailable;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

/**
 * The chat widget's scripts, built into the jar by the Maven build (esbuild, from {@code src/main/widget}):
 * {@code GET /widget.js}, the loader a page embeds, and {@code GET /widget/chat.js}, the chat it loads when the
 * visitor opens it. Served to any page (a script tag needs no CORS); what they call is checked by
 * {@link CrossOriginServlet}. Anything else is a 404.
 *
 * <p>The loader carries what its button first shows, so that it draws as soon as the page runs it, without waiting for
 * its availability stream: the gateway writes {@code available} or {@code unavailable} in place of
 * {@value #SERVED_STATE} when the page that asked for it ({@code Referer}, a script tag's only word of its page) is of
 * an {@linkplain AllowedOrigins allowed} site, {@code refused} when it is of another (the loader then draws nothing and
 * calls nothing), and leaves the placeholder when the request names no page (the loader then waits for the stream's
 * first event, as a copy of it served elsewhere does). It also carries the look the managers saved ({@link ServedLook}
 * in place of {@value ServedLook#PLACEHOLDER}), so the snippet is the bare tag; the tag's {@code data-} attributes
 * still win on a page. So the loader is {@code no-cache}; the chat stays cacheable. A save clears the loader's copies.
 */
final class WidgetFilesServlet extends HttpServlet {
    static final String LOADER_PATH = "/widget.js";
    static final String FILES_PATH = "/widget";
    static final String RESOURCES = "/dev/switchboard/adapter/web/widget/";
    private static final long serialVersionUID = 1L;
    /** The loader's placeholder for the state it is served with (see {@code src/main/widget/src/loader.js}). */
    static final String SERVED_STATE = "__SWITCHBOARD_SERVED_STATE__";
    private static final Map<String, String> FILES = Map.of(LOADER_PATH, "widget.js", FILES_PATH + "/chat.js", "chat.js");

    private final transient Map<String, byte[]> loaded = new ConcurrentHashMap<>();
    private final transient Map<String, byte[]> gzipped = new ConcurrentHashMap<>();
    private final transient WidgetSettingsInForce inForce;
    private final transient AgentsAvailable agents;
    /** Counts the looks saved: a loader's copy is of one (a request under way as a save lands never mixes two). */
    private volatile int generation;

    WidgetFilesServlet(WidgetSettingsInForce inForce, AgentsAvailable agents) {
        this.inForce = inForce;
        this.agents = agents;
        inForce.whenLookChanges(this::lookChanged);
    }

    /** The loader's copies carried the look before: made again at their next request. */
    private void lookChanged() {
        generation++;
        loaded.keySet().removeIf(name -> name.contains("#"));
        gzipped.keySet().removeIf(name -> name.contains("#"));
    }

    /** Whether the build put the scripts in the jar. */
    static boolean built() {
        return WidgetFilesServlet.class.getResource(RESOURCES + "widget.js") != null;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        String file = FILES.get(path);
        byte[] body = file == null ? null : loaded.computeIfAbsent(file, WidgetFilesServlet::read);
        if (body == null || body.length == 0) {
            byte[] error = JsonErrors.body(JsonErrors.NOT_FOUND, "no such file; the widget's loader is " + LOADER_PATH);
            response.setStatus(404);
            response.setHeader("Content-Type", CustomerApiServlet.CONTENT_TYPE);
            response.setContentLength(error.length);
            response.getOutputStream().write(error);
            return;
        }
        boolean loader = LOADER_PATH.equals(path);
        String variant = file;
        if (loader) {
            String state = servedState(request);
            int of = generation;
            String look = ServedLook.of(inForce.look());
            variant = file + "#" + state + "#" + of;
            byte[] plain = body;
            body = loaded.computeIfAbsent(variant, name -> new String(plain, StandardCharsets.UTF_8)
                    .replace(SERVED_STATE, state).replace(ServedLook.PLACEHOLDER, look)
                    .getBytes(StandardCharsets.UTF_8));
        }
        String encoding = request.getHeader("Accept-Encoding");
        if (encoding != null && encoding.contains("gzip")) {
            byte[] plain = body;
            body = gzipped.computeIfAbsent(variant, name -> gzip(plain));
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setStatus(200);
        response.setHeader("Vary", loader ? "Accept-Encoding, Referer" : "Accept-Encoding");
        response.setHeader("Content-Type", "text/javascript; charset=utf-8");
        response.setHeader("Cache-Control", loader ? "no-cache" : "public, max-age=300");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** What the loader's button first shows for the page named by the request's {@code Referer}. */
    private String servedState(HttpServletRequest request) {
        String page = pageOrigin(request.getHeader("Referer"));
        if (page == null) {
            return SERVED_STATE;
        }
        if (!inForce.origins().allows(page, request.getScheme(), request.getHeader("Host"))) {
            return "refused";
        }
        return agents.now() ? "available" : "unavailable";
    }

    /** The origin of a page address ({@code https://shop.example:8443}), or {@code null} when it is none. */
    static String pageOrigin(String referer) {
        if (referer == null || referer.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(referer.strip());
            String scheme = uri.getScheme();
            if (uri.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                return null;
            }
            return scheme + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] read(String file) {
        try (InputStream in = WidgetFilesServlet.class.getResourceAsStream(RESOURCES + file)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
