package dev.switchboard.testing;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Stands in for Twilio's REST API (Twilio's cloud cannot be reached from here) on a free port of 127.0.0.1, for
 * a gateway whose {@code switchboard.twilio.api-base-url} points at it: it keeps each request's path and form
 * parameters (first value of each) and answers the Calls and Messages resources with a new id, as Twilio does.
 */
public final class FakeTwilioApi implements AutoCloseable {
    /** One request as the SDK sent it. */
    public record Received(String path, Map<String, String> form) {
    }

    public final List<Received> received = new CopyOnWriteArrayList<>();
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);

    public FakeTwilioApi() throws Exception {
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler handler = new ServletContextHandler();
        handler.addServlet(new ServletHolder(new ResourceServlet()), "/*");
        server.setHandler(handler);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + connector.getLocalPort();
    }

    /** The requests to one resource ({@code Calls.json}, {@code Messages.json}). */
    public List<Received> to(String resource) {
        return received.stream().filter(request -> request.path().endsWith("/" + resource)).toList();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private final class ResourceServlet extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Map<String, String> form = new LinkedHashMap<>();
            for (String pair : new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    form.putIfAbsent(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
            received.add(new Received(request.getRequestURI(), form));
            String prefix = request.getRequestURI().endsWith("/Calls.json") ? "CA" : "SM";
            String count = String.valueOf(received.size());
            response.setStatus(201);
            response.setContentType("application/json");
            response.getWriter().write("{\"sid\": \"" + prefix + "0".repeat(32 - count.length()) + count + "\","
                    + " \"account_sid\": \"" + TwilioWebhooks.ACCOUNT_SID + "\", \"to\": \"" + form.get("To") + "\","
                    + " \"from\": \"" + form.get("From") + "\", \"status\": \"queued\", \"api_version\": \"2010-04-01\"}");
        }
    }
}
