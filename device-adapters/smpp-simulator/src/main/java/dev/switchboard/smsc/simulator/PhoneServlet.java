package dev.switchboard.smsc.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.switchboard.spi.E164Number;
import dev.switchboard.spi.HtmlText;
import dev.switchboard.spi.InvalidAddressException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A phone in the browser, on top of the {@link SmscSimulator}: a newcomer picks a number (a random one is
 * offered), texts the desk's short code and sees the thread with the desk's answers as they arrive.
 *
 * <ul>
 *   <li>{@code GET /smpp/phone?number=+48...}: the page, with that phone's texts</li>
 *   <li>{@code POST /smpp/phone} (form {@code number}, {@code text}): sends the text through the simulated
 *       SMSC, then shows the page again (303)</li>
 *   <li>{@code GET /smpp/phone/texts?number=...}: the phone's texts as JSON, which the page polls</li>
 * </ul>
 */
public final class PhoneServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(PhoneServlet.class);
    private static final int MAX_TEXT = 1_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final transient SmscSimulator simulator;
    private final String shortCode;
    private final transient ObjectMapper json = new ObjectMapper();

    public PhoneServlet(SmscSimulator simulator, String shortCode) {
        this.simulator = simulator;
        this.shortCode = shortCode;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String number = request.getParameter("number");
        if ("/texts".equals(request.getPathInfo())) {
            texts(number, response);
            return;
        }
        String phone;
        try {
            phone = number == null || number.isBlank() ? newcomer() : new E164Number(number).value();
        } catch (InvalidAddressException e) {
            page(response, HttpServletResponse.SC_BAD_REQUEST, newcomer(), e.getMessage());
            return;
        }
        page(response, HttpServletResponse.SC_OK, phone, null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String number = request.getParameter("number");
        String text = request.getParameter("text");
        String phone;
        try {
            phone = new E164Number(number).value();
        } catch (InvalidAddressException e) {
            page(response, HttpServletResponse.SC_BAD_REQUEST, newcomer(), e.getMessage());
            return;
        }
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            page(response, HttpServletResponse.SC_BAD_REQUEST, phone,
                    "Type a text of 1 to " + MAX_TEXT + " characters.");
            return;
        }
        try {
            simulator.text(phone, shortCode, text.strip());
        } catch (IllegalStateException e) {
            LOG.warn("Phone page: the text from {} did not reach the desk: {}", phone, e.getMessage());
            page(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, phone,
                    "The desk did not take the text: " + e.getMessage());
            return;
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + "/smpp/phone?number="
                + URLEncoder.encode(phone, StandardCharsets.UTF_8));
    }

    private void texts(String number, HttpServletResponse response) throws IOException {
        ArrayNode list = json.createArrayNode();
        if (number != null) {
            for (PhoneText text : simulator.conversation(number.strip())) {
                list.addObject().put("fromDesk", text.fromDesk()).put("text", text.text()).put("parts", text.parts())
                        .put("at", text.at().toString());
            }
        }
        response.setContentType("application/json; charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        json.writeValue(response.getOutputStream(), list);
    }

    private void page(HttpServletResponse response, int status, String phone, String error) throws IOException {
        List<PhoneText> thread = simulator.conversation(phone);
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"UTF-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Phone - text the help desk</title><style>")
                .append("body{font-family:sans-serif;max-width:24rem;margin:1rem auto;padding:0 1rem}")
                .append("ol{list-style:none;padding:0}li{margin:.4rem 0;padding:.5rem .7rem;border-radius:.8rem;white-space:pre-wrap}")
                .append("li.me{background:#dcf8c6;margin-left:3rem}li.desk{background:#eee;margin-right:3rem}")
                .append(".error{color:#b00020}textarea{width:100%;box-sizing:border-box}</style></head><body>")
                .append("<h1>Phone</h1><p>You are <strong id=\"number\">").append(HtmlText.escape(phone))
                .append("</strong>, texting the help desk at <strong>").append(HtmlText.escape(shortCode)).append("</strong>.</p>");
        if (error != null) {
            html.append("<p class=\"error\" role=\"alert\">").append(HtmlText.escape(error)).append("</p>");
        }
        html.append("<ol id=\"thread\">");
        for (PhoneText text : thread) {
            html.append("<li class=\"").append(text.fromDesk() ? "desk" : "me").append("\">")
                    .append(HtmlText.escape(text.text())).append("</li>");
        }
        html.append("</ol><form method=\"post\" action=\"/smpp/phone\">")
                .append("<input type=\"hidden\" name=\"number\" value=\"").append(HtmlText.escape(phone)).append("\">")
                .append("<label for=\"text\">Your text</label><textarea id=\"text\" name=\"text\" rows=\"3\" maxlength=\"")
                .append(MAX_TEXT).append("\" required placeholder=\"HELP, or your question\"></textarea>")
                .append("<button type=\"submit\">Send</button></form>")
                .append("<p><a href=\"/smpp/phone\">Another phone</a></p>")
                .append("<script>(function(){var n=document.getElementById('number').textContent;")
                .append("function show(list){var ol=document.getElementById('thread');ol.textContent='';")
                .append("list.forEach(function(t){var li=document.createElement('li');li.className=t.fromDesk?'desk':'me';")
                .append("li.textContent=t.text;ol.appendChild(li);});}")
                .append("setInterval(function(){fetch('/smpp/phone/texts?number='+encodeURIComponent(n))")
                .append(".then(function(r){return r.json();}).then(show).catch(function(){});},2000);})();</script>")
                .append("</body></html>\n");
        response.setStatus(status);
        response.setContentType("text/html; charset=UTF-8");
        response.getWriter().write(html.toString());
    }

    private static String newcomer() {
        return "+4879" + String.format("%07d", RANDOM.nextInt(10_000_000));
    }

}
