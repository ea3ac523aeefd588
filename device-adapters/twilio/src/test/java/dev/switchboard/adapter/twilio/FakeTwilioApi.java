package dev.switchboard.adapter.twilio;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Stands in for Twilio's REST API (which cannot be reached from here) on a free port of 127.0.0.1: it keeps
 * every request as the SDK sent it and answers the Messages resource as Twilio documents it, or with
 * Twilio's error body when told to.
 */
final class FakeTwilioApi implements AutoCloseable {
    /** One request as it arrived. */
    record Received(String method, String path, String authorization, String contentType, Map<String, String> form) {
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

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private final class MessagesServlet extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Map<String, String> form;
            try {
                form = FormBody.parse(new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (FormBody.MalformedFormException e) {
                throw new IOException(e);
            }
            received.add(new Received(request.getMethod(), request.getRequestURI(), request.getHeader("Authorization"),
                    request.getContentType(), form));
            response.setContentType("application/json");
            if (refusal != null) {
                response.setStatus(400);
                response.getWriter().write(refusal);
                return;
            }
            response.setStatus(201);
            response.getWriter().write("{\"sid\": \"SM" + "f".repeat(32 - String.valueOf(received.size()).length())
                    + received.size() + "\", \"account_sid\": \"" + TestSettings.ACCOUNT_SID + "\", \"to\": \""
                    + form.get("To") + "\", \"from\": \"" + form.get("From") + "\", \"body\": \"sent\","
                    + " \"status\": \"queued\", \"direction\": \"outbound-api\", \"num_segments\": \"1\","
                    + " \"num_media\": \"0\", \"api_version\": \"2010-04-01\", \"error_code\": null}");
        }
    }
}
