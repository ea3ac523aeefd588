package dev.switchboard.adapter.wap.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.render.MarkupChecks;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A phone's browser for tests: it sends the headers a phone (and its operator's gateway) sends, keeps no
 * cookies (and fails when a page sets one), follows links and sends WML {@code <go>} forms the way a WML browser does (substituting its
 * variables, {@code $$} as a dollar sign). Every page it receives is checked: a WML deck against the WML
 * 1.1 DTD, XHTML-MP and HTML5 pages for well-formedness.
 */
public final class WapBrowser {
    public static final String WML_ACCEPT = "text/vnd.wap.wml, image/vnd.wap.wbmp";
    public static final String WML_USER_AGENT = "Nokia7110/1.0 (04.94)";
    public static final String XHTML_MP_ACCEPT = "application/vnd.wap.xhtml+xml, text/vnd.wap.wml;q=0.5";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final URI origin;
    private final Map<String, String> headers = new LinkedHashMap<>();

    /** @param origin {@code http://127.0.0.1:port} */
    public WapBrowser(URI origin) {
        this.origin = origin;
    }

    /** A WAP 1.x phone (WML only). */
    public static WapBrowser wmlPhone(URI origin) {
        return new WapBrowser(origin).header("Accept", WML_ACCEPT).header("User-Agent", WML_USER_AGENT);
    }

    /** Sends {@code name: value} with every request from now on (an operator's MSISDN header, say). */
    public WapBrowser header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Page open(String pathAndQuery) {
        return send(HttpRequest.newBuilder(origin.resolve(pathAndQuery)).GET());
    }

    public Page post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(origin.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Sends a raw body as a form, for malformed input. */
    public Page postRaw(String path, String body) {
        return send(HttpRequest.newBuilder(origin.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Follows the link whose text is {@code text}. */
    public Page follow(Page page, String text) {
        return open(page.link(text));
    }

    /**
     * Sends the {@code <go>} of the {@code <anchor>} whose text is {@code anchorText}, as a WML browser does
     * once the customer has keyed {@code variables} into the deck's inputs.
     */
    public Page submit(Page deck, String anchorText, Map<String, String> variables) {
        Element go = deck.anchorGo(anchorText);
        Map<String, String> form = new LinkedHashMap<>();
        for (Element field : elements(go.getElementsByTagName("postfield"))) {
            form.put(field.getAttribute("name"), substitute(field.getAttribute("value"), variables));
        }
        return "post".equalsIgnoreCase(go.getAttribute("method"))
                ? post(go.getAttribute("href"), form) : open(go.getAttribute("href"));
    }

    /** {@code first} and every page its "More" links lead to, in order (at most 20). */
    public List<Page> withMorePages(Page first) {
        List<Page> pages = new ArrayList<>(List.of(first));
        while (pages.get(pages.size() - 1).links().containsValue("More")) {
            assertThat(pages).as("pages linked by More").hasSizeLessThan(20);
            pages.add(follow(pages.get(pages.size() - 1), "More"));
        }
        return pages;
    }

    /**
     * Sends the first {@code <form>} of an XHTML-MP or HTML5 page as a browser does: its hidden fields and
     * what the customer keyed in ({@code typed}, by field name).
     */
    public Page submitForm(Page page, Map<String, String> typed) {
        Element form = elements(page.document().getElementsByTagName("form")).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no form in:\n" + page.body()));
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : elements(form.getElementsByTagName("input"))) {
            if ("hidden".equals(input.getAttribute("type"))) {
                fields.put(input.getAttribute("name"), input.getAttribute("value"));
            }
        }
        fields.putAll(typed);
        return post(form.getAttribute("action"), fields);
    }

    private Page send(HttpRequest.Builder request) {
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            // Many WAP gateways drop cookies: the session must travel in the URL alone.
            assertThat(response.headers().allValues("Set-Cookie")).as("cookies set by %s", response.uri()).isEmpty();
            return Page.checked(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** WML variable substitution: {@code $(name)} and {@code $name} by the variable, {@code $$} as {@code $}. */
    static String substitute(String value, Map<String, String> variables) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '$') {
                out.append(c);
            } else if (i + 1 < value.length() && value.charAt(i + 1) == '$') {
                out.append('$');
                i++;
            } else if (i + 1 < value.length() && value.charAt(i + 1) == '(') {
                int end = value.indexOf(')', i);
                out.append(variables.getOrDefault(value.substring(i + 2, end), ""));
                i = end;
            } else {
                throw new AssertionError("a WML browser would read a variable here: " + value);
            }
        }
        return out.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static List<Element> elements(NodeList nodes) {
        return IntStream.range(0, nodes.getLength()).mapToObj(i -> (Element) nodes.item(i)).toList();
    }

    /** One page the browser received, already checked for its format. */
    public record Page(int status, String contentType, String body, Document document) {
        static Page checked(int status, String contentType, String body) {
            Document document;
            if (contentType.startsWith("text/vnd.wap.wml")) {
                document = MarkupChecks.validWml(body);
                assertThat(body.replace("$$", "").replace("$(q)", "").replace("$(w)", "").replace("$(n)", "")
                        .replace("$(c)", ""))
                        .as("every $ of a deck is WML's own").doesNotContain("$");
            } else if (contentType.startsWith("application/vnd.wap.xhtml+xml")) {
                document = MarkupChecks.wellFormedXml(body);
                assertThat(document.getDoctype().getPublicId()).isEqualTo(MarkupChecks.XHTML_MP_12_PUBLIC_ID);
            } else if (contentType.startsWith("text/html")) {
                assertThat(body).startsWith("<!DOCTYPE html>");
                document = MarkupChecks.wellFormedXml(body);
            } else {
                throw new AssertionError("unexpected content type '" + contentType + "' (" + status + "): " + body);
            }
            return new Page(status, contentType, body, document);
        }

        public boolean isWml() {
            return contentType.startsWith("text/vnd.wap.wml");
        }

        /** The text a person reads (element content, without markup; in WML, {@code $$} shows as {@code $}). */
        public String text() {
            String text = document.getDocumentElement().getTextContent().replaceAll("\\s+", " ").strip();
            return isWml() ? text.replace("$$", "$") : text;
        }

        /** The address of the link whose text is {@code text}. */
        public String link(String text) {
            return links().entrySet().stream().filter(link -> link.getValue().equals(text)).map(Map.Entry::getKey)
                    .findFirst().orElseThrow(() -> new AssertionError("no link '" + text + "' in:\n" + body));
        }

        /** Every link: address to text. */
        public Map<String, String> links() {
            Map<String, String> links = new LinkedHashMap<>();
            for (Element a : elements(document.getElementsByTagName("a"))) {
                links.put(a.getAttribute("href"), a.getTextContent().strip());
            }
            return links;
        }

        /** The ids of the deck's cards. */
        public List<String> cards() {
            return elements(document.getElementsByTagName("card")).stream().map(card -> card.getAttribute("id")).toList();
        }

        Element anchorGo(String anchorText) {
            for (Element anchor : elements(document.getElementsByTagName("anchor"))) {
                if (anchor.getTextContent().strip().equals(anchorText)) {
                    return (Element) anchor.getElementsByTagName("go").item(0);
                }
            }
            throw new AssertionError("no anchor '" + anchorText + "' in:\n" + body);
        }
    }
}
