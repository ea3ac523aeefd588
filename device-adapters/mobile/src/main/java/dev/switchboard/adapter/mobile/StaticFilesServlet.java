package dev.switchboard.adapter.mobile;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Serves the files under one folder, read-only: GET and HEAD, {@code index.html} for the folder itself, a
 * content type by file extension, nothing outside the folder (no {@code ..}, no links out of it), and a
 * page that says how to build the app while the folder is missing.
 */
final class StaticFilesServlet extends HttpServlet {
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=UTF-8"), Map.entry("js", "text/javascript; charset=UTF-8"),
            Map.entry("css", "text/css; charset=UTF-8"), Map.entry("json", "application/json"),
            Map.entry("xml", "application/xml"), Map.entry("png", "image/png"), Map.entry("ico", "image/x-icon"),
            Map.entry("svg", "image/svg+xml"), Map.entry("webmanifest", "application/manifest+json"));
    static final String NOT_BUILT = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Mobile app not built"
            + "</title></head><body><h1>The mobile app is not built yet</h1><p>Build its browser platform with "
            + "<code>mvn -pl mobile-app -am verify</code>, or <code>npm ci &amp;&amp; npm run build</code> in "
            + "<code>mobile-app/</code>, then reload this page.</p></body></html>";

    private final Path root;
    private final String mountPath;

    StaticFilesServlet(Path root, String mountPath) {
        this.root = root.toAbsolutePath().normalize();
        this.mountPath = mountPath;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String pathInfo = request.getPathInfo();
        if (pathInfo == null) {
            response.sendRedirect(mountPath);
            return;
        }
        if (!Files.isDirectory(root)) {
            send(response, HttpServletResponse.SC_NOT_FOUND, "text/html; charset=UTF-8", NOT_BUILT);
            return;
        }
        Path file = resolve(pathInfo);
        if (file == null || !Files.isRegularFile(file)) {
            send(response, HttpServletResponse.SC_NOT_FOUND, "text/plain; charset=UTF-8", "not found: " + pathInfo);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(contentType(file));
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLengthLong(Files.size(file));
        if (!"HEAD".equals(request.getMethod())) {
            Files.copy(file, response.getOutputStream());
        }
    }

    /** The file {@code pathInfo} names under the root, or {@code null} when it would leave the root. */
    Path resolve(String pathInfo) {
        String relative = pathInfo.startsWith("/") ? pathInfo.substring(1) : pathInfo;
        if (relative.isEmpty() || relative.endsWith("/")) {
            relative = relative + "index.html";
        }
        try {
            Path candidate = root.resolve(relative).normalize();
            if (!candidate.startsWith(root) || relative.contains("\\") || relative.contains("\0")) {
                return null;
            }
            if (Files.exists(candidate) && !candidate.toRealPath().startsWith(root.toRealPath())) {
                return null;
            }
            return candidate;
        } catch (InvalidPathException | IOException e) {
            return null;
        }
    }

    static String contentType(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }

    private static void send(HttpServletResponse response, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(type);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
