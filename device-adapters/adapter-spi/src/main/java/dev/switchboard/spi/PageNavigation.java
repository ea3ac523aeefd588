package dev.switchboard.spi;

import java.util.Map;
import java.util.Objects;

/**
 * The navigation of a page an adapter serves to a browser itself (a WML deck, an XHTML-MP or HTML5 page),
 * for {@link ReplyRenderer#renderPage}. Every address is made by the adapter; the templates only lay
 * them out, escaped for the format.
 *
 * @param links      addresses by name, each optional (absent or empty: the page offers no such link):
 *                   {@value #ASK} (where the question form posts), {@value #TOPIC} (a topic link is this
 *                   followed by the URL-encoded topic), {@value #HOME}, {@value #THREAD} (the conversation),
 *                   {@value #CONTACT} (the page to ask for a text or a call), {@value #CALLBACK} (where the
 *                   "text me" / "call me back" form posts; the page shows that form only when given),
 *                   {@value #VERIFY} (the page to verify the customer's number by a texted code),
 *                   {@value #SEND_CODE} (where the form with the number to text a code to posts),
 *                   {@value #CHECK_CODE} (where the form with the code keyed in posts) and {@value #RATING} (the
 *                   satisfaction question's page, linked while the help desk asks it) and {@value #RATE} (that
 *                   page's scale: a link per score 1 to 5, this address followed by the digit); each form is shown only when its address is given
 * @param fields     hidden fields every form posts besides what the customer keys in, name to value
 * @param morePrefix the address of page {@code n} of this reply is {@code morePrefix + n}; {@code null} when
 *                   the adapter cannot serve further pages
 * @param page       which page of the reply to render, from 1
 * @param byteBudget the most bytes (UTF-8) a page may take; the reply is split into pages that fit, each
 *                   with a "more" link to the next. 0: no limit, one page
 */
public record PageNavigation(Map<String, String> links, Map<String, String> fields, String morePrefix, int page,
                             int byteBudget) {
    public static final String ASK = "ask";
    public static final String TOPIC = "topic";
    public static final String HOME = "home";
    public static final String THREAD = "thread";
    public static final String CONTACT = "contact";
    public static final String CALLBACK = "callback";
    public static final String VERIFY = "verify";
    public static final String SEND_CODE = "sendCode";
    public static final String CHECK_CODE = "checkCode";
    public static final String RATING = "rating";
    public static final String RATE = "rate";

    public PageNavigation {
        links = Map.copyOf(Objects.requireNonNull(links, "links"));
        fields = Map.copyOf(Objects.requireNonNull(fields, "fields"));
        if (page < 1) {
            throw new IllegalArgumentException("page numbers start at 1, was " + page);
        }
        if (byteBudget < 0) {
            throw new IllegalArgumentException("byte budget must be 0 or more, was " + byteBudget);
        }
    }

    /** The address of link {@code name}, or an empty string when the page has no such link. */
    public String link(String name) {
        return links.getOrDefault(name, "");
    }
}
