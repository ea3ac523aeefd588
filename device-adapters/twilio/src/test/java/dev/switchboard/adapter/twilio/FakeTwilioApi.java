package dev.switchboard.adapter.twilio;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Stands in for Twilio's REST API (which cannot be reached from here) on a free port of 127.0.0.1: it keeps
 * every request as the SDK sent it and answers the Messages and Calls resources as Twilio documents them, or
 * with Twilio's error body when told to.
 */
final class FakeTwilioApi implements AutoCloseable {
    /**
     * One request as it arrived.
     *
     * @param form      each parameter's first value
     * @param repeated  every value of each parameter, in order (the SDK repeats a list's name)
     */
    record Received(String method, String path, String authorization, String contentType, Map<String, String> form,
                    Map<String, List<String>> repeated) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private volatile String refusal;

    FakeTwilioApi() throws Exception {
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler handler = new ServletContextHandler();
        handler.addServlet(new ServletHolder(new MessagesServlet()), "/*");
        server.setHandler(handler);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + connector.getLocalPort();
    }

    /** From now on, answer every request with HTTP 400 and this Twilio error code. */
    void refuseWith(int twilioErrorCode) {
        refusal = "{\"code\": " + twilioErrorCode + ", \"message\": \"The 'To' number is not a valid phone number.\","
                + " \"more_info\": \"https://www.twilio.com/docs/errors/" + twilioErrorCode + "\", \"status\": 400}";
    }

    private static Map<String, List<String>> parse(String body) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (!pair.isEmpty()) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        return parameters;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private final class MessagesServlet extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Map<String, List<String>> repeated = parse(
                    new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            Map<String, String> form = new LinkedHashMap<>();
            repeated.forEach((name, values) -> form.put(name, values.get(0)));
            received.add(new Received(request.getMethod(), request.getRequestURI(), request.getHeader("Authorization"),
                    request.getContentType(), form, repeated));
            response.setContentType("application/json");
            if (refusal != null) {
                response.setStatus(400);
                response.getWriter().write(refusal);
                return;
            }
            response.setStatus(201);
            if (request.getRequestURI().endsWith("/Calls.json")) {
                response.getWriter().write("{\"sid\": \"CA" + "e".repeat(32 - String.valueOf(received.size()).length())
                        + received.size() + "\", \"account_sid\": \"" + TestSettings.ACCOUNT_SID + "\", \"to\": \""
                        + form.get("To") + "\", \"from\": \"" + form.get("From") + "\", \"status\": \"queued\","
                        + " \"direction\": \"outbound-api\", \"api_version\": \"2010-04-01\"}");
                return;
            }
            response.getWriter().write("{\"sid\": \"SM" + "f".repeat(32 - String.valueOf(received.size()).length())
                    + received.size() + "\", \"account_sid\": \"" + TestSettings.ACCOUNT_SID + "\", \"to\": \""
                    + form.get("To") + "\", \"from\": \"" + form.get("From") + "\", \"body\": \"sent\","
                    + " \"status\": \"queued\", \"direction\": \"outbound-api\", \"num_segments\": \"1\","
                    + " \"num_media\": \"0\", \"api_version\": \"2010-04-01\", \"error_code\": null}");
        }
    }
}
