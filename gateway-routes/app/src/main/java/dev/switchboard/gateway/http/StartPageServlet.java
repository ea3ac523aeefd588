package dev.switchboard.gateway.http;

import dev.switchboard.spi.DeviceAdapter;
import dev.switchboard.spi.FrontEnd;
import dev.switchboard.spi.HtmlText;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * The page a newcomer opens first: what the gateway is, a link to every front-end the adapters serve, the
 * customer API, and the operations endpoints. Any other unknown path gets a plain 404.
 */
public final class StartPageServlet extends HttpServlet {
    private final List<DeviceAdapter> adapters;

    public StartPageServlet(List<DeviceAdapter> adapters) {
        this.adapters = List.copyOf(adapters);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? request.getServletPath() : request.getServletPath() + request.getPathInfo();
        if (!"/".equals(path) && !path.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No page at " + path + "; the start page is /");
            return;
        }
        response.setContentType("text/html; charset=UTF-8");
        response.getWriter().write(page());
    }

    private String page() {
        StringBuilder html = new StringBuilder(2048);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Switchboard</title>")
                .append("<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;")
                .append("line-height:1.5;color:#1d2330}h1{margin-bottom:0}code{background:#eef1f5;padding:0 .2em}")
                .append("li{margin:.3rem 0}.muted{color:#5b6475}</style></head><body>")
                .append("<h1>Switchboard</h1>")
                .append("<p class=\"muted\">One help desk for every device: web chat, mobile app, WAP phones, SMS, ")
                .append("interactive TV, email and phone call-backs. Every contact lands in one conversation per ")
                .append("customer, answered from the knowledge base or by an agent, and rendered for the device it goes to.</p>")
                .append("<h2>Front-ends</h2><ul id=\"front-ends\">");
        int frontEnds = 0;
        for (DeviceAdapter adapter : adapters) {
            for (FrontEnd frontEnd : adapter.frontEnds()) {
                frontEnds++;
                html.append("<li><a href=\"").append(HtmlText.escape(frontEnd.path())).append("\">")
                        .append(HtmlText.escape(frontEnd.title())).append("</a> &mdash; ")
                        .append(HtmlText.escape(frontEnd.description())).append("</li>");
            }
        }
        if (frontEnds == 0) {
            html.append("<li class=\"muted\">No browser front-end is installed yet.</li>");
        }
        html.append("</ul><h2>Channels</h2><ul id=\"adapters\">");
        for (DeviceAdapter adapter : adapters) {
            html.append("<li><code>").append(HtmlText.escape(adapter.id())).append("</code> ")
                    .append(HtmlText.escape(adapter.description())).append("</li>");
        }
        html.append("</ul><h2>Customer API</h2><ul id=\"api\">")
                .append("<li><code>POST /api/help</code> asks the help desk a question and opens the conversation</li>")
                .append("<li><code>POST /api/conversations/{id}/messages</code> adds a message (Bearer customer token)</li>")
                .append("<li><code>GET /api/conversations/{id}</code> reads the conversation (Bearer customer token)</li>")
                .append("</ul><h2>Help desk</h2><ul id=\"desk\">")
                .append("<li><a href=\"/agent\">/agent</a> &mdash; the agent desktop: sign in as an agent or a manager</li>")
                .append("<li><a href=\"/manager\">/manager</a> &mdash; the manager pages: offline messages, open and resolved</li>")
                .append("<li><a href=\"/api/openapi.json\">/api/openapi.json</a> &mdash; the agent API, described as OpenAPI</li>")
                .append("</ul><h2>Operations</h2><ul id=\"operations\">")
                .append("<li><a href=\"/health\">/health</a> &mdash; UP or DOWN for Hazelcast, the database and each adapter</li>")
                .append("<li><a href=\"/metrics\">/metrics</a> &mdash; Prometheus metrics</li>")
                .append("</ul></body></html>\n");
        return html.toString();
    }
}
