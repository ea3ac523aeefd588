package dev.switchboard.agent.api;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The agent desktop at {@code /agent}: one page and its script and style, all from the class path. The page
 * talks to the agent API only; nothing on it comes from a request.
 */
final class AgentDesktopServlet extends HttpServlet {
    static final String PATH = "/agent";
    private static final Map<String, String[]> FILES = Map.of(
            "", new String[] {"agent-desktop/index.html", "text/html;charset=utf-8"},
            "/", new String[] {"agent-desktop/index.html", "text/html;charset=utf-8"},
            "/desktop.js", new String[] {"agent-desktop/desktop.js", "text/javascript;charset=utf-8"},
            "/desktop.css", new String[] {"agent-desktop/desktop.css", "text/css;charset=utf-8"});

    private final Map<String, byte[]> contents;

    AgentDesktopServlet() {
        contents = new java.util.HashMap<>();
        FILES.forEach((path, file) -> contents.put(path, read(file[0])));
    }

    private static byte[] read(String resource) {
        try (InputStream in = AgentDesktopServlet.class.getClassLoader().getResourceAsStream(resource)) {
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
        String[] file = FILES.get(path);
        if (file == null) {
            response.sendError(404);
            return;
        }
        response.setContentType(file[1]);
        response.setHeader("Content-Security-Policy",
                "default-src 'self'; script-src 'self'; style-src 'self'; frame-ancestors 'none'");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-cache");
        response.getOutputStream().write(contents.get(path));
    }
}
