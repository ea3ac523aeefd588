package dev.switchboard.adapter.wap;

import dev.switchboard.spi.PageNavigation;
import java.util.HashMap;
import java.util.Map;

/**
 * The addresses of one phone's pages: {@code /wap/...} before a session exists, {@code /wap/s/<id>/...}
 * after. Every form and topic link carries a fresh idempotency key ({@code k}), so that a phone that sends
 * the same form twice (a retry after a lost answer) is answered once. A profile chosen explicitly before
 * the session exists travels as a parameter; the session remembers it afterwards.
 *
 * <pre>
 *   /wap                  entry deck           /wap/s/ID/            entry deck of a session
 *   /wap/ask              question (q, w, k)   /wap/s/ID/ask         question
 *   /wap/contact          "text me" page       /wap/s/ID/more?r=&p=  more pages of the last reply
 *   /wap/callback         its form (how, n, k) /wap/s/ID/thread?b=&p= the conversation, its older pages by cursor b
 *   /wap/verify           "verify my number"   /wap/send-code (n)    text a code   /wap/s/ID/check-code (c)
 * </pre>
 */
final class WapLinks {
    static final String ASK = "ask";
    static final String MORE = "more";
    static final String THREAD = "thread";
    static final String CONTACT = "contact";
    static final String RATING = "rating";
    static final String CALLBACK = "callback";
    static final String VERIFY = "verify";
    static final String SEND_CODE = "send-code";
    static final String CHECK_CODE = "check-code";
    /** The conversation page's links to the messages before those shown, and back to the newest (the templates' names). */
    static final String OLDER = "older";
    static final String NEWEST = "newest";

    private final String prefix;
    private final String home;
    private final String profileParameter;
    private final boolean inSession;
    private final boolean verifyOffered;

    private WapLinks(String prefix, String home, String profileParameter, boolean inSession, boolean verifyOffered) {
        this.prefix = prefix;
        this.home = home;
        this.profileParameter = profileParameter;
        this.inSession = inSession;
        this.verifyOffered = verifyOffered;
    }

    /**
     * @param base            the adapter's path, {@code /wap} under the gateway's context path
     * @param sessionId       the session, or {@code null} before there is one
     * @param explicitProfile the profile id asked for with the request, or {@code null}
     */
    static WapLinks of(String base, String sessionId, String explicitProfile) {
        if (sessionId != null) {
            String prefix = base + "/s/" + sessionId;
            return new WapLinks(prefix, prefix + "/", null, true, false);
        }
        String parameter = explicitProfile == null ? null : ProfileChoice.PARAMETER + "=" + explicitProfile;
        return new WapLinks(base, parameter == null ? base : base + "?" + parameter, parameter, false, false);
    }

    /** These links, with "Verify my number" on the entry deck, answers and the conversation when {@code offered}. */
    WapLinks offeringVerification(boolean offered) {
        return new WapLinks(prefix, home, profileParameter, inSession, offered);
    }

    String home() {
        return home;
    }

    /** The navigation of the entry deck, an answer or a queue status: everything a customer may do next. */
    PageNavigation forReply(String moreBase, int page, int budget) {
        Map<String, String> links = common();
        links.put(PageNavigation.HOME, home);
        return navigation(links, moreBase, page, budget);
    }

    /** The entry deck: like a reply, without a link to itself. */
    PageNavigation forEntry(int page, int budget) {
        return navigation(common(), url(home, WapForm.PAGE, null), page, budget);
    }

    /**
     * A page of the conversation: the question form, the contact page and home; the messages it shows split into
     * decks by "more" links; "Older messages" to the page before it and, on an older page, "Newest messages".
     *
     * @param shownCursor the cursor the page was read before, or {@code null} for the newest page
     * @param olderCursor the cursor of the messages before the page, or {@code null} at the thread's start
     */
    PageNavigation forConversation(String shownCursor, String olderCursor, int page, int budget, boolean ratingAsked) {
        Map<String, String> links = common();

        links.remove(PageNavigation.THREAD);
        links.put(PageNavigation.HOME, home);
        String newest = path(THREAD);
        if (olderCursor != null) {
            links.put(OLDER, url(newest, WapForm.BEFORE, olderCursor));
        }
        if (shownCursor != null) {
            links.put(NEWEST, newest);
        }
        if (ratingAsked) {
            links.put(PageNavigation.RATING, path(RATING));
        }
        String shown = shownCursor == null ? newest : url(newest, WapForm.BEFORE, shownCursor);
        return navigation(links, url(shown, WapForm.PAGE, null), page, budget);
    }

    /**
     * The satisfaction question's deck: the scale (each score asks its digit as a topic link asks its topic, and the
     * help desk takes a digit alone as the rating), the conversation and a way home.
     */
    PageNavigation forRating() {
        Map<String, String> links = new HashMap<>();
        links.put(PageNavigation.ASK, path(ASK));
        links.put(PageNavigation.HOME, home);
        links.put(PageNavigation.THREAD, path(THREAD));
        return navigation(links, null, 1, 0, true);
    }

    /** The "text me" / "call me back" page: its form and a way home. */
    PageNavigation forContact() {
        Map<String, String> links = new HashMap<>();
        links.put(PageNavigation.CALLBACK, path(CALLBACK));
        links.put(PageNavigation.HOME, home);
        if (inSession) {
            links.put(PageNavigation.THREAD, path(THREAD));
        }
        return navigation(links, null, 1, 0);
    }

    /** The "verify my number" page: the form that texts a code, and a way home. */
    PageNavigation forVerify() {
        Map<String, String> links = new HashMap<>();
        links.put(PageNavigation.SEND_CODE, path(SEND_CODE));
        links.put(PageNavigation.HOME, home);
        return navigation(links, null, 1, 0);
    }

    /** The page after a code was texted: the form to key it in, the form to text another, and a way home. */
    PageNavigation forCode() {
        Map<String, String> links = new HashMap<>();
        links.put(PageNavigation.CHECK_CODE, path(CHECK_CODE));
        links.put(PageNavigation.SEND_CODE, path(SEND_CODE));
        links.put(PageNavigation.HOME, home);
        return navigation(links, null, 1, 0);
    }

    /** An error page: a way home (the deck also offers the phone's own "back"). */
    PageNavigation forError() {
        return new PageNavigation(Map.of(PageNavigation.HOME, home), Map.of(), null, 1, 0);
    }

    /** The first part of the "more" links of the reply {@code replyId}: the page number follows. */
    String moreBase(String replyId) {
        return url(url(path(MORE), WapForm.REPLY, replyId), WapForm.PAGE, null);
    }

    private Map<String, String> common() {
        Map<String, String> links = new HashMap<>();
        links.put(PageNavigation.ASK, path(ASK));
        links.put(PageNavigation.CONTACT, path(CONTACT));
        if (inSession) {
            links.put(PageNavigation.THREAD, path(THREAD));
        }
        if (verifyOffered) {
            links.put(PageNavigation.VERIFY, path(VERIFY));
        }
        return links;
    }

    private PageNavigation navigation(Map<String, String> links, String moreBase, int page, int budget) {
        return navigation(links, moreBase, page, budget, false);
    }

    /**
     * @param rate whether the page shows the satisfaction question's scale: each score asks its digit as a topic link
     *             asks its topic, and the help desk takes a digit alone as the rating
     */
    private PageNavigation navigation(Map<String, String> links, String moreBase, int page, int budget, boolean rate) {
        String key = RandomIds.next();
        if (links.containsKey(PageNavigation.ASK)) {
            String ask = url(url(links.get(PageNavigation.ASK), WapForm.KEY, key), WapForm.QUESTION, null);
            links.put(PageNavigation.TOPIC, ask);
            if (rate) {
                links.put(PageNavigation.RATE, ask);
                links.remove(PageNavigation.ASK); // the scale is the form of this deck
            }
        }
        return new PageNavigation(links, Map.of(WapForm.KEY, key), moreBase, page, budget);
    }

    private String path(String action) {
        String path = prefix + "/" + action;
        return profileParameter == null ? path : path + "?" + profileParameter;
    }

    /** {@code address} with {@code name=value} appended; with {@code name=} and nothing after when value is null. */
    private static String url(String address, String name, String value) {
        return address + (address.indexOf('?') < 0 ? '?' : '&') + name + "=" + (value == null ? "" : value);
    }
}
