package dev.switchboard.adapter.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

/**
 * The chat widget's scripts, built into the jar by the Maven build (esbuild, from {@code src/main/widget}):
 * {@code GET /widget.js}, the loader a page embeds, and {@code GET /widget/chat.js}, the chat it loads when the
 * visitor opens it. Served to any page (a script tag needs no CORS); what they call is checked by
 * {@link CrossOriginServlet}. Anything else is a 404.
 */
final class WidgetFilesServlet extends HttpServlet {
    static final String LOADER_PATH = "/widget.js";
    static final String FILES_PATH = "/widget";
    static final String RESOURCES = "/dev/switchboard/adapter/web/widget/";
    private static final long serialVersionUID = 1L;
    private static final Map<String, String> FILES = Map.of(LOADER_PATH, "widget.js", FILES_PATH + "/chat.js", "chat.js");

    private final transient Map<String, byte[]> loaded = new ConcurrentHashMap<>();
    private final transient Map<String, byte[]> gzipped = new ConcurrentHashMap<>();

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
        String encoding = request.getHeader("Accept-Encoding");
        if (encoding != null && encoding.contains("gzip")) {
            body = gzipped.computeIfAbsent(file, name -> gzip(loaded.get(name)));
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setStatus(200);
        response.setHeader("Vary", "Accept-Encoding");
        response.setHeader("Content-Type", "text/javascript; charset=utf-8");
        response.setHeader("Cache-Control", "public, max-age=300");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
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
