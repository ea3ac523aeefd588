package dev.switchboard.bench;

import com.twilio.security.RequestValidator;
import dev.switchboard.gateway.http.GatewayHttpServer;
import dev.switchboard.testing.TwilioWebhooks;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import dev.switchboard.render.VelocityReplyRenderer;
import dev.switchboard.spi.DeviceProfile;
import dev.switchboard.spi.PageNavigation;
import dev.switchboard.spi.Reply;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/**
 * The baseline: a bare Jetty 12 server built like the gateway's (see
 * {@code dev.switchboard.gateway.http.GatewayHttpServer}: QueuedThreadPool of 200/8, one ServerConnector,
 * an ee10 ServletContextHandler at "/") with one servlet that reads the request body and answers 201 with
 * a fixed JSON body of about the size of the hub's answer, with the same response headers; beside it one that
 * answers a fixed WML deck, and one that only checks a Twilio webhook's signature and answers fixed TwiML.
 */
final class BareServer implements AutoCloseable {
    /** A copy of the hub's answer to "What are your opening hours?" from a new visitor (about 1.3 KB). */
    static final byte[] BODY = ("{\"conversationId\":\"cv-gXHmbqrOtlSzxlJE_Ur48g\",\"customerToken\":\"Ub-J6PUtheSZPgobVPEEq45ZtQa"
            + "Z4GrFqwRJaB1mAcY\",\"visitorId\":\"bench-abcdef12-3-45\",\"duplicate\":false,\"reply\":{\"view\":\"ans"
            + "wer\",\"text\":\"Switchboard service points are open Mon-Fri 9:00-20:00 and Sat 10:00-16:00, c"
            + "losed on Sundays and public holidays. Our phone line is open Mon-Sat 8:00-22:00.\",\"source\""
            + ":\"knowledge-base\",\"topics\":[\"Reset password\",\"Bills and invoices\",\"Roaming abroad\",\"SMS no"
            + "t arriving\"],\"queue\":null,\"html\":\"<div class=\\\"sb-reply sb-answer\\\" data-source=\\\"knowledg"
            + "e-base\\\">\\n<p class=\\\"sb-text\\\">Switchboard service points are open Mon-Fri 9:00-20:00 and"
            + " Sat 10:00-16:00, closed on Sundays and public holidays. Our phone line is open Mon-Sat 8:"
            + "00-22:00.</p>\\n<p class=\\\"sb-topics-label\\\">You can also ask about:</p>\\n<ul class=\\\"sb-to"
            + "pics\\\">\\n<li><button type=\\\"button\\\" class=\\\"sb-topic\\\" data-topic=\\\"Reset password\\\">Rese"
            + "t password</button></li>\\n<li><button type=\\\"button\\\" class=\\\"sb-topic\\\" data-topic=\\\"Bill"
            + "s and invoices\\\">Bills and invoices</button></li>\\n<li><button type=\\\"button\\\" class=\\\"sb-"
            + "topic\\\" data-topic=\\\"Roaming abroad\\\">Roaming abroad</button></li>\\n<li><button type=\\\"but"
            + "ton\\\" class=\\\"sb-topic\\\" data-topic=\\\"SMS not arriving\\\">SMS not arriving</button></li>\\n<"
            + "/ul>\\n</div>\\n\"}}")
            .getBytes(StandardCharsets.UTF_8);

    /**
     * A WML answer deck as the WAP adapter sends it to a new phone: the same templates and page budget, the
     * answer to "What are your opening hours?" and links of a session's length.
     */
    static final byte[] WML_DECK = wmlDeck();

    /** A copy of the hub's TwiML answer to "What are your opening hours?" by SMS (312 bytes). */
    static final byte[] TWIML_BODY = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Message>Switchboard service"
            + " points are open Mon-Fri 9:00-20:00 and Sat 10:00-16:00, closed on Sundays and public holidays. Our phone"
            + " line is open Mon-Sat 8:00-22:00.\nYou can also ask about: Reset password, Bills and invoices, Roaming"
            + " abroad</Message></Response>\n").getBytes(StandardCharsets.UTF_8);

    private final GatewayHttpServer server;

    private BareServer(GatewayHttpServer server) {
        this.server = server;
    }

    /**
     * The gateway's own Jetty set-up ({@link GatewayHttpServer}), serving only the fixed answers, and the
     * {@code floors} (path to servlet: {@link HazelcastFloor}, {@link DurableStateFloor}).
     */
    static BareServer start(Map<String, HttpServlet> floors) throws Exception {
        GatewayHttpServer server = GatewayHttpServer.newServer("127.0.0.1", 0, Duration.ofSeconds(60));
        floors.forEach((path, servlet) -> server.context().addServlet(new ServletHolder(path, servlet), path));
        server.context().addServlet(new ServletHolder("fixed-answer", fixedJsonAfter(() -> { })), "/api/help");
        server.context().addServlet(new ServletHolder("fixed-deck", new FixedDeckServlet()), "/wap/ask");
        server.context().addServlet(new ServletHolder("signature-check", new SignatureCheckServlet()), "/twilio/sms");
        server.start();
        return new BareServer(server);
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.port() + "/");
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /**
     * A servlet that reads the whole body (as the API does), does {@code work} (nothing for the baseline, a floor's
     * map writes), then answers 201 with {@link #BODY}.
     */
    static HttpServlet fixedJsonAfter(Runnable work) {
        return new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
                byte[] buffer = new byte[8 * 1024];
                try (InputStream in = request.getInputStream()) {
                    while (in.read(buffer) >= 0) {
                        // the body is read and dropped
                    }
                }
                work.run();
                answerFixedJson(response);
            }
        };
    }

    /** 201 with {@link #BODY} and the API's response headers. */
    private static void answerFixedJson(HttpServletResponse response) throws IOException {
        response.setStatus(201);
        response.setHeader("Content-Type", "application/json; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(BODY.length);
        response.getOutputStream().write(BODY);
    }

    /** Reads the form (as the WAP adapter does), then answers 200 with {@link #WML_DECK}. */
    private static final class FixedDeckServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            request.getParameter("q");
            response.setStatus(200);
            response.setContentType(DeviceProfile.WML.contentType());
            response.setHeader("Cache-Control", "no-store");
            response.setContentLength(WML_DECK.length);
            response.getOutputStream().write(WML_DECK);
        }
    }

    /**
     * Twilio's webhook with nothing behind it: reads the form, checks its {@code X-Twilio-Signature} with the SDK's
     * {@link RequestValidator} against the public URL (403 when wrong), then answers 200 with {@link #TWIML_BODY}.
     */
    private static final class SignatureCheckServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient RequestValidator validator = new RequestValidator(TwilioWebhooks.AUTH_TOKEN);

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Map<String, String> form = new HashMap<>();
            request.getParameterMap().forEach((name, values) -> form.put(name, values[0]));
            if (!validator.validate(TwilioWebhooks.PUBLIC_URL + request.getRequestURI(), form,
                    request.getHeader(TwilioWebhooks.SIGNATURE_HEADER))) {
                response.sendError(403);
                return;
            }
            response.setStatus(200);
            response.setContentType("text/xml; charset=UTF-8");
            response.setHeader("Cache-Control", "no-store");
            response.setContentLength(TWIML_BODY.length);
            response.getOutputStream().write(TWIML_BODY);
        }
    }

    private static byte[] wmlDeck() {
        String session = "/wap/s/Ub-J6PUtheSZPgobVPEEq4";
        String key = "gXHmbqrOtlSzxlJE_Ur48g";
        PageNavigation navigation = new PageNavigation(Map.of(
                PageNavigation.ASK, session + "/ask",
                PageNavigation.TOPIC, session + "/ask?k=" + key + "&q=",
                PageNavigation.THREAD, session + "/thread",
                PageNavigation.CONTACT, session + "/contact",
                PageNavigation.HOME, session + "/"), Map.of("k", key), session + "/more?r=" + key + "&p=", 1, 1_400);
        Reply answer = Reply.answer("Switchboard service points are open Mon-Fri 9:00-20:00 and Sat 10:00-16:00, closed on"
                + " Sundays and public holidays. Our phone line is open Mon-Sat 8:00-22:00.", Reply.Source.KNOWLEDGE_BASE,
                List.of("Reset password", "Bills and invoices", "Roaming abroad", "SMS not arriving"));
        return new VelocityReplyRenderer().renderPage(DeviceProfile.WML, answer, navigation).body()
                .getBytes(StandardCharsets.UTF_8);
    }
}
