package dev.switchboard.desk.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The desk's pages, each one page with its script and style from the class path: the agent desktop at
 * {@code /agent} and the manager pages at {@code /manager}. The pages talk to the agent API only; nothing on
 * them comes from a request.
 */
final class DeskPagesServlet extends HttpServlet {
    static final String AGENT_DESKTOP = "/agent";
    static final String MANAGER_PAGES = "/manager";
    private static final String HTML = "text/html;charset=utf-8";
    private static final String SCRIPT = "text/javascript;charset=utf-8";
    private static final String STYLE = "text/css;charset=utf-8";

    /** A file served: its class-path resource and content type. */
    private record PageFile(String resource, String contentType) {
    }

    private final Map<String, PageFile> files;
    private final Map<String, byte[]> contents = new HashMap<>();

    private DeskPagesServlet(Map<String, PageFile> files) {
        this.files = files;
        files.forEach((path, file) -> contents.put(path, read(file.resource())));
    }

    /** The agent desktop: {@code /agent}, its scripts (one shared with the manager pages) and style. */
    static DeskPagesServlet agentDesktop() {
        return new DeskPagesServlet(Map.of(
                "", new PageFile("agent-desktop/index.html", HTML),
                "/", new PageFile("agent-desktop/index.html", HTML),
                "/desktop.js", new PageFile("agent-desktop/desktop.js", SCRIPT),
                "/desk-api.js", new PageFile("agent-desktop/desk-api.js", SCRIPT),
                "/suggestions.js", new PageFile("agent-desktop/suggestions.js", SCRIPT),
                "/desktop.css", new PageFile("agent-desktop/desktop.css", STYLE)));
    }

    /**
     * The manager pages: {@code /manager} and its scripts; the API script and the style are the agent desktop's. Also
     * the page the "Embed the button" section frames as the live preview of the real widget,
     * {@value #WIDGET_PREVIEW}: the only page of the desk that pages of this gateway may frame.
     */
    static DeskPagesServlet managerPages() {
        return new DeskPagesServlet(Map.of(
                "", new PageFile("agent-desktop/manager.html", HTML),
                "/", new PageFile("agent-desktop/manager.html", HTML),
                "/manager.js", new PageFile("agent-desktop/manager.js", SCRIPT),
                "/embed.js", new PageFile("agent-desktop/embed.js", SCRIPT),
                "/rules.js", new PageFile("agent-desktop/rules.js", SCRIPT),
                WIDGET_PREVIEW, new PageFile("agent-desktop/widget-preview.html", HTML),
                "/widget-preview.js", new PageFile("agent-desktop/widget-preview.js", SCRIPT)));
    }

    /** The preview page of the chat widget, under {@value #MANAGER_PAGES}. */
    static final String WIDGET_PREVIEW = "/widget-preview";

    private static byte[] read(String resource) {
        try (InputStream in = DeskPagesServlet.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        PageFile file = files.get(path);
        if (file == null) {
            response.sendError(404);
            return;
        }
        response.setContentType(file.contentType());
        response.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; "
                + (path.equals(WIDGET_PREVIEW) ? "frame-ancestors 'self'" : "frame-ancestors 'none'"));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-cache");
        response.getOutputStream().write(contents.get(path));
    }
}
