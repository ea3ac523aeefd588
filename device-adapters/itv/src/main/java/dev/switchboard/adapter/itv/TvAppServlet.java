package dev.switchboard.adapter.itv;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * Serves the TV app at {@code /tv/}: the page as {@code application/vnd.hbbtv.xhtml+xml} to HbbTV
 * browsers (their user agent says {@code HbbTV/}) and as {@code text/html} to every other browser, then
 * its script and style sheet. GET only; anything else under {@code /tv/} is a 404.
 */
final class TvAppServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    static final String APP_PATH = "/tv/";
    static final String HBBTV_TYPE = "application/vnd.hbbtv.xhtml+xml; charset=UTF-8";
    static final String HTML_TYPE = "text/html; charset=UTF-8";

    private final transient TvAppFiles files;

    TvAppServlet(TvAppFiles files) {
        this.files = files;
    }

    /** The page's content type for a browser with this {@code User-Agent}. */
    static String pageType(String userAgent) {
        return userAgent != null && userAgent.toLowerCase(Locale.ROOT).contains("hbbtv/") ? HBBTV_TYPE : HTML_TYPE;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null) {
            response.sendRedirect(APP_PATH);
            return;
        }
        String name = path.equals("/") ? TvAppFiles.PAGE : path.substring(1);
        Optional<TvAppFiles.File> file = files.named(name);
        if (file.isEmpty()) {
            response.sendError(404, "no such file in the TV app");
            return;
        }
        boolean page = name.equals(TvAppFiles.PAGE);
        response.setHeader("Content-Type", page ? pageType(request.getHeader("User-Agent")) : file.get().contentType());
        if (page) {
            response.setHeader("Vary", "User-Agent");
        }
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(file.get().bytes().length);
        response.getOutputStream().write(file.get().bytes());
    }
}
