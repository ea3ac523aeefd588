package dev.switchboard.adapter.wap;

import dev.switchboard.adapter.wap.OperatorHeaders.Subscriber;
import dev.switchboard.spi.Channel;
import dev.switchboard.spi.ContactRequest;
import dev.switchboard.spi.CustomerAddress;
import dev.switchboard.spi.CustomerTokenRequiredException;
import dev.switchboard.spi.DeviceContext;
import dev.switchboard.spi.DeviceProfile;
import dev.switchboard.spi.E164Number;
import dev.switchboard.spi.HelpDesk;
import dev.switchboard.spi.Interaction;
import dev.switchboard.spi.InvalidAddressException;
import dev.switchboard.spi.Outcome;
import dev.switchboard.spi.PageNavigation;
import dev.switchboard.spi.PageNotFoundException;
import dev.switchboard.spi.PhoneTexter;
import dev.switchboard.spi.RenderedReply;
import dev.switchboard.spi.Reply;
import dev.switchboard.spi.ReplyRenderer;
import dev.switchboard.spi.ThreadMessage;
import dev.switchboard.spi.WebVisitorId;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code /wap/*} (see {@link WapLinks} for the addresses): the entry deck, questions and their
 * answers split into decks that fit the budget, the conversation newest first, and the "text me" / "call
 * me back" requests, and verifying an anonymous phone's number by a texted code. Every answer and every
 * error is a page in the phone's own markup; an error page always offers a way back.
 */
final class WapServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(WapServlet.class);
    static final String WELCOME = "How can we help? Choose a topic or ask a question.";
    static final String NO_THREAD_YET = "Your earlier messages cannot be shown on this phone yet.";
    static final String THREAD_TITLE = "Your conversation, newest first";
    static final String RATING_QUESTION = "How did we help you?";
    static final String OLDER_TITLE = "Your earlier messages, newest first";
    /** Messages on one page of the conversation (split into decks within the budget): a phone's screen is small. */
    static final int THREAD_PAGE_SIZE = 10;
    private static final int MAX_USER_AGENT_LENGTH = 512;
    /** Codes one session may have texted, so that nobody floods a stranger's phone through it. */
    static final int MAX_CODES_PER_SESSION = 3;

    private final transient HelpDesk helpDesk;
    private final transient ReplyRenderer renderer;
    private final transient WapSessions sessions;
    private final transient OperatorHeaders operator;
    private final transient WapSettings settings;
    private final transient Clock clock;
    private final transient Supplier<Optional<PhoneTexter>> texter;
    private final transient SecureRandom random = new SecureRandom();

    /** @param texter the gateway's way to text a phone outside any conversation, asked per request */
    WapServlet(HelpDesk helpDesk, ReplyRenderer renderer, WapSessions sessions, OperatorHeaders operator,
               WapSettings settings, Clock clock, Supplier<Optional<PhoneTexter>> texter) {
        this.helpDesk = helpDesk;
        this.renderer = renderer;
        this.sessions = sessions;
        this.operator = operator;
        this.settings = settings;
        this.clock = clock;
        this.texter = texter;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        handle(request, response, false);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        handle(request, response, true);
    }

    /** One request as the servlet understands it, filled in step by step so that an error page can use what is known. */
    private static final class Visit {
        final WapForm form;
        final String base;
        DeviceProfile profile;
        WapLinks links;
        String explicitProfile;
        Subscriber subscriber = Subscriber.UNKNOWN;
        String sessionId;
        WapSession session;

        Visit(HttpServletRequest request, DeviceProfile profile) {
            this.form = new WapForm(request);
            this.base = request.getContextPath() + request.getServletPath();
            this.profile = profile;
            this.links = WapLinks.of(base, null, null);
        }
    }

    private void handle(HttpServletRequest request, HttpServletResponse response, boolean post) throws IOException {
        Visit visit = new Visit(request, ProfileChoice.choose(null, null, request.getHeader("Accept"),
                request.getHeader("User-Agent"), wapProfile(request)));
        try {
            WapPath path = WapPath.parse(request.getPathInfo());
            visit.explicitProfile = visit.form.optional(ProfileChoice.PARAMETER);
            if (visit.explicitProfile != null) {
                visit.profile = ProfileChoice.offered(visit.explicitProfile);
                visit.explicitProfile = visit.profile.id();
                visit.links = WapLinks.of(visit.base, null, visit.explicitProfile);
            }
            visit.subscriber = operator.read(request);
            if (path.sessionId() != null) {
                enterSession(visit, path.sessionId(), request);
            }
            RenderedReply page = switch (path.action()) {
                case "" -> entry(visit);
                case WapLinks.ASK -> ask(visit, request);
                case WapLinks.CONTACT -> contactPage(visit);
                case WapLinks.RATING -> ratingPage(visit);
                case WapLinks.CALLBACK -> callback(visit, request, post);
                case WapLinks.MORE -> more(visit);
                case WapLinks.THREAD -> thread(visit);
                case WapLinks.VERIFY -> verifyPage(visit);
                case WapLinks.SEND_CODE -> sendCode(visit, post);
                case WapLinks.CHECK_CODE -> checkCode(visit, post);
                default -> throw BadWapRequest.notFound("there is no such help page");
            };
            write(response, 200, page);
        } catch (BadWapRequest e) {
            LOG.info("WAP {} {} answered {}: {}", request.getMethod(), request.getRequestURI(), e.status(), e.getMessage());
            writeError(response, visit, e.status(), capitalized(e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("WAP {} {} failed", request.getMethod(), request.getRequestURI(), e);
            writeError(response, visit, 503, "We could not take your request just now. Please try again in a minute.");
        }
    }

    private void enterSession(Visit visit, String sessionId, HttpServletRequest request) {
        WapSession session = sessions.find(sessionId).orElseThrow(() -> BadWapRequest.notFound(
                "this help session has expired or is unknown. Please start again from Help home."));
        if (session.operatorVerified() && (visit.subscriber.msisdn() == null
                || !visit.subscriber.msisdn().key().equals(session.addressKey()))) {
            LOG.warn("WAP session used from {} without the subscriber number it belongs to", request.getRemoteAddr());
            throw new BadWapRequest(403, "this help session belongs to another phone. Please start again from Help home.");
        }
        visit.sessionId = sessionId;
        visit.session = session;
        if (visit.explicitProfile == null && session.profile() != null) {
            visit.profile = session.profile();
        }
        visit.links = WapLinks.of(visit.base, sessionId, null);
    }

    private RenderedReply entry(Visit visit) {
        Reply welcome = Reply.answer(WELCOME, Reply.Source.SYSTEM, settings.topics());
        return page(visit, welcome, links(visit).forEntry(visit.form.page(), budget(visit)));
    }

    private RenderedReply ask(Visit visit, HttpServletRequest request) {
        String question = visit.form.question(settings.maxTextLength());
        String place = visit.form.place();
        return firstPage(visit, submit(visit, request, question, place, visit.form.key(), null));
    }

    /** The first page of the help desk's reply to what the session sent last; its "more" links lead to the rest. */
    private RenderedReply firstPage(Visit visit, Outcome outcome) {
        return page(visit, outcome.reply(), links(visit).forReply(
                visit.links.moreBase(visit.session.lastReply().id()), 1, budget(visit)));
    }

    private RenderedReply contactPage(Visit visit) {
        E164Number verified = verifiedNumber(visit);
        String text = "Leave your number: we text you our latest answer, or an agent calls you back."
                + (verified == null ? "" : " Leave it empty to use " + verified.value() + ".");
        return page(visit, Reply.answer(text, Reply.Source.SYSTEM, List.of()), visit.links.forContact());
    }

    /** The satisfaction question's deck: a score is asked as its digit, which the help desk takes as the rating. */
    private RenderedReply ratingPage(Visit visit) {
        requireSession(visit);
        return page(visit, Reply.answer(RATING_QUESTION, Reply.Source.SYSTEM, List.of()), links(visit).forRating());
    }

    private RenderedReply callback(Visit visit, HttpServletRequest request, boolean post) {
        if (!post) {
            throw new BadWapRequest(405, "please send the form on the contact page");
        }
        WapForm.Contact how = visit.form.contact();
        String keyed = visit.form.number();
        E164Number verified = verifiedNumber(visit);
        E164Number number;
        if (keyed == null) {
            if (verified == null) {
                throw BadWapRequest.badInput("please key in your number: + and the country code first");
            }
            number = verified;
        } else {
            number = phoneNumber(keyed);
        }
        String verb = how == WapForm.Contact.TEXT ? "text me" : "call me back";
        String wanted = "Please " + verb + " at " + number.value()
                + (number.equals(verified) ? " (this phone's number, " + howKnown(visit) + ")." : ".");
        // The contact page is a page of its own, so no answer is on the screen: "text me" sends the latest
        // answer in the thread (the one the phone last read, or an agent's newer reply in its conversation deck).
        ContactRequest contact = how == WapForm.Contact.TEXT ? ContactRequest.textLatestAnswer(number)
                : ContactRequest.callBack(number);
        // The help desk's reply says what happens: texted at once, or who calls back when.
        return firstPage(visit, submit(visit, request, wanted, null, visit.form.key(), contact));
    }

    /** How the visit's own number is known: a phone's session writes as its number only in these two ways. */
    private static String howKnown(Visit visit) {
        return visit.session != null && visit.session.identified() && !visit.session.operatorVerified()
                ? "verified by a texted code" : "given by the operator";
    }

    private static E164Number phoneNumber(String keyed) {
        try {
            return new E164Number(keyed);
        } catch (InvalidAddressException e) {
            throw BadWapRequest.badInput("'" + keyed + "' is not a phone number in international form:"
                    + " + and the country code first");
        }
    }

    private RenderedReply verifyPage(Visit visit) {
        requireVerifiable(visit);
        String text = "Verify your number and we know you by it here: your conversation from texts and calls"
                + " continues on this phone. We text a " + NumberCheck.DIGITS + "-digit code to the number you key in;"
                + " it is good for " + codeMinutes() + " minutes.";
        return page(visit, Reply.answer(text, Reply.Source.SYSTEM, List.of()), visit.links.forVerify());
    }

    /** Texts a new code to the number keyed in, opening the session first when there is none. */
    private RenderedReply sendCode(Visit visit, boolean post) {
        if (!post) {
            throw new BadWapRequest(405, "please send the form on the verify page");
        }
        PhoneTexter phones = requireVerifiable(visit);
        String keyed = visit.form.number();
        if (keyed == null) {
            throw BadWapRequest.badInput("please key in your number: + and the country code first");
        }
        E164Number number = phoneNumber(keyed);
        if (visit.session != null && visit.session.codesSent() >= MAX_CODES_PER_SESSION) {
            throw new BadWapRequest(429, "this help session has had " + MAX_CODES_PER_SESSION
                    + " codes texted already. Key in the last one, or start again from Help home later.");
        }
        NumberCheck.Issued issued = NumberCheck.issue(number, random, clock.instant(), settings.verifyCodeLifetime());
        try {
            phones.text(number, "Your Switchboard help code is " + issued.code() + ". It is good for " + codeMinutes()
                    + " minutes. Nobody from Switchboard ever asks you for it.");
        } catch (RuntimeException e) {
            LOG.warn("WAP: the code to verify {} could not be texted: {}", number.value(), e.getMessage());
            throw new BadWapRequest(503, "we could not text your number just now. Please try again in a minute.");
        }
        // Stored once texted, so that a channel that is away costs the session none of its codes.
        if (visit.session == null) {
            open(visit, WapSession.anonymous(new WebVisitorId("wap-" + RandomIds.next()), visit.explicitProfile)
                    .codeSent(issued.check()));
        } else {
            visit.session = store(visit, visit.session.codeSent(issued.check()));
        }
        LOG.info("WAP session texted a code to verify {}", number.value());
        String text = "We texted a " + NumberCheck.DIGITS + "-digit code to " + number.value() + ". Key it in within "
                + codeMinutes() + " minutes.";
        return page(visit, Reply.answer(text, Reply.Source.SYSTEM, List.of()), visit.links.forCode());
    }

    /** Takes the code keyed in: a right one makes the session's customer the number it was texted to. */
    private RenderedReply checkCode(Visit visit, boolean post) {
        if (!post) {
            throw new BadWapRequest(405, "please send the form on the code page");
        }
        requireVerifiable(visit);
        String keyed = visit.form.code();
        WapSession session = visit.session;
        if (session == null || session.numberCheck() == null) {
            throw BadWapRequest.notFound("we have texted this help session no code. Ask for one on the verify page.");
        }
        NumberCheck.Result result = session.numberCheck().check(keyed, clock.instant());
        E164Number number = result.after().phone();
        // Every try is stored before it is answered, so that tries sent at once are not judged against the same count.
        visit.session = store(visit, result.verdict() == NumberCheck.Verdict.RIGHT
                ? session.verifiedAs(number, sessions.subscriberToken(number).orElse(null))
                : session.codeTried(result.after()));
        switch (result.verdict()) {
            case EXPIRED -> throw BadWapRequest.badInput("that code has expired. Ask for a new one.");
            case LOCKED -> throw BadWapRequest.badInput("that code was keyed in wrong " + NumberCheck.MAX_WRONG_TRIES
                    + " times and is no longer taken. Ask for a new one.");
            case WRONG -> throw BadWapRequest.badInput("that is not the code we texted. " + result.triesLeft()
                    + (result.triesLeft() == 1 ? " try is" : " tries are") + " left.");
            case RIGHT -> { }
        }
        LOG.info("WAP session verified as {} by a texted code", number.value());
        String text = "Thank you: we know you as " + number.value() + " now. What you ask here joins your conversation.";
        return page(visit, Reply.answer(text, Reply.Source.SYSTEM, List.of()), links(visit).forReply(null, 1, 0));
    }

    /**
     * Stores {@code next} as the visit's session if nobody changed the session since this request read it.
     *
     * @throws BadWapRequest when another request of the session came first
     */
    private WapSession store(Visit visit, WapSession next) {
        if (!sessions.replace(visit.sessionId, visit.session, next)) {
            throw new BadWapRequest(409, "your phone sent this twice at once. Please go back and send it again.");
        }
        return next;
    }

    /**
     * The way to text a code, when this visit may verify a number.
     *
     * @throws BadWapRequest saying why not: no SMS channel, or the number is known already
     */
    private PhoneTexter requireVerifiable(Visit visit) {
        E164Number known = verifiedNumber(visit);
        if (known != null) {
            throw new BadWapRequest(409, "this help session knows your number already: " + known.value() + ".");
        }
        return texter.get().orElseThrow(() -> BadWapRequest.notFound(
                "we cannot verify numbers here: that needs our SMS channel, which is off."));
    }

    private boolean verifiable(Visit visit) {
        return verifiedNumber(visit) == null && texter.get().isPresent();
    }

    /** The visit's links, offering "Verify my number" to an anonymous phone while an SMS channel is on. */
    private WapLinks links(Visit visit) {
        return visit.links.offeringVerification(verifiable(visit));
    }

    private long codeMinutes() {
        return settings.verifyCodeLifetime().toMinutes();
    }

    private RenderedReply more(Visit visit) {
        WapSession session = requireSession(visit);
        String replyId = visit.form.optional(WapForm.REPLY);
        if (session.lastReply() == null || !session.lastReply().id().equals(replyId)) {
            throw BadWapRequest.notFound("that page belongs to an earlier answer. Ask again or open your conversation.");
        }
        int page = visit.form.page();
        try {
            return page(visit, session.lastReply().reply(),
                    links(visit).forReply(visit.links.moreBase(replyId), page, budget(visit)));
        } catch (PageNotFoundException e) {
            throw BadWapRequest.notFound("this answer has no page " + page);
        }
    }

    private RenderedReply thread(Visit visit) {
        WapSession session = requireSession(visit);
        String cursor = visit.form.cursor();
        int page = visit.form.page();
        PhoneThread phoneThread = threadOf(session);
        PhoneThread.Page shown;
        try {
            shown = phoneThread.page(cursor);
        } catch (IllegalArgumentException e) {
            LOG.info("WAP conversation page before '{}' refused: {}", cursor, e.getMessage());
            throw BadWapRequest.badInput("that link to your older messages is not one we gave. Open your conversation again.");
        }
        List<ThreadMessage> messages = shown.messages();
        String title = cursor != null ? OLDER_TITLE : messages.isEmpty() ? NO_THREAD_YET : THREAD_TITLE;
        try {
            return page(visit, Reply.conversation(title, messages),
                    links(visit).forConversation(cursor, shown.olderCursor(), page, budget(visit),
                            cursor == null && phoneThread.ratingAsked()));
        } catch (PageNotFoundException e) {
            throw BadWapRequest.notFound("your conversation has no page " + page);
        }
    }

    /**
     * Hands one message to the help desk as the session's customer, opening the session on the first one:
     * as the operator-identified number when the gateway vouched for one, else as a new anonymous visitor.
     */
    private Outcome submit(Visit visit, HttpServletRequest request, String text, String place, String formKey,
                           ContactRequest contact) {
        CustomerAddress address;
        String token;
        if (visit.session != null) {
            address = visit.session.address();
            token = visit.session.customerToken();
        } else if (visit.subscriber.msisdn() != null) {
            address = visit.subscriber.msisdn();
            token = sessions.subscriberToken(visit.subscriber.msisdn()).orElse(null);
        } else {
            address = new WebVisitorId("wap-" + RandomIds.next());
            token = null;
        }
        String placeName = place != null ? place : visit.session == null ? null : visit.session.placeName();
        DeviceContext context = new DeviceContext(visit.subscriber.location(), null, userAgent(request), null, null,
                null, placeName);
        boolean repeatable = formKey != null;
        String key = repeatable ? "wap:" + formKey + ":" + digest(text + "\n" + (place == null ? "" : place))
                : UUID.randomUUID().toString();
        Outcome outcome;
        try {
            outcome = helpDesk.submit(new Interaction(key, Channel.WAP, visit.profile, address, text, context,
                    clock.instant(), repeatable).withRequest(contact), token);
        } catch (CustomerTokenRequiredException e) {
            throw new BadWapRequest(403, "this help session cannot continue. Please start again from Help home.");
        } catch (IllegalArgumentException e) {
            throw BadWapRequest.badInput(e.getMessage());
        }
        String knownToken = outcome.customerToken() != null ? outcome.customerToken() : token;
        boolean verified = address instanceof E164Number;
        if (verified && knownToken != null) {
            sessions.rememberSubscriber((E164Number) address, knownToken);
        }
        ShownReply shown = ShownReply.of(outcome.reply());
        if (visit.session == null) {
            open(visit, new WapSession(address.key(), knownToken, outcome.conversationId(), verified,
                    visit.explicitProfile, placeName, shown, null, 0, null));
        } else {
            visit.session = visit.session.answered(knownToken, outcome.conversationId(), placeName, shown);
            sessions.update(visit.sessionId, visit.session);
        }
        return outcome;
    }

    /**
     * What the phone's conversation deck shows, a page at a time: the session's conversation (a phone number's,
     * given by the operator or verified by a code, whoever opened it; else the anonymous visitor's own, by his
     * token), and when it verified its number, the anonymous one it wrote in before, merged in the order written.
     */
    private PhoneThread threadOf(WapSession session) {
        List<PhoneThread.Conversation> conversations = new ArrayList<>();
        if (session.identified()) {
            E164Number number = (E164Number) session.address();
            conversations.add(page -> helpDesk.conversationOf(number, page));
        } else if (session.customerToken() != null && session.conversationId() != null) {
            conversations.add(page -> helpDesk.conversation(session.conversationId(), session.customerToken(), page));
        }
        WapSession.Earlier earlier = session.earlier();
        if (earlier != null) {
            conversations.add(page -> helpDesk.conversation(earlier.conversationId(), earlier.customerToken(), page));
        }
        return new PhoneThread(conversations, THREAD_PAGE_SIZE);
    }

    /** Opens {@code session} for a visit that had none; its links from now on carry the session. */
    private void open(Visit visit, WapSession session) {
        visit.session = session;
        visit.sessionId = sessions.open(session);
        visit.links = WapLinks.of(visit.base, visit.sessionId, null);
    }

    private E164Number verifiedNumber(Visit visit) {
        if (visit.subscriber.msisdn() != null) {
            return visit.subscriber.msisdn();
        }
        if (visit.session != null && visit.session.identified()) {
            return (E164Number) visit.session.address();
        }
        return null;
    }

    private static WapSession requireSession(Visit visit) {
        if (visit.session == null) {
            throw BadWapRequest.notFound("there is no such help page");
        }
        return visit.session;
    }

    private int budget(Visit visit) {
        return visit.profile == DeviceProfile.HTML5 ? 0 : settings.deckBudgetBytes();
    }

    private RenderedReply page(Visit visit, Reply reply, PageNavigation navigation) {
        return renderer.renderPage(visit.profile, reply, navigation);
    }

    private void writeError(HttpServletResponse response, Visit visit, int status, String message) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        write(response, status, page(visit, Reply.error(message), visit.links.forError()));
    }

    private static void write(HttpServletResponse response, int status, RenderedReply page) throws IOException {
        byte[] body = page.body().getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(page.contentType());
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static String wapProfile(HttpServletRequest request) {
        String profile = request.getHeader("X-Wap-Profile");
        return profile != null ? profile : request.getHeader("Profile");
    }

    private static String userAgent(HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        if (agent == null || agent.isBlank()) {
            return null;
        }
        String trimmed = agent.strip();
        return trimmed.length() <= MAX_USER_AGENT_LENGTH ? trimmed : trimmed.substring(0, MAX_USER_AGENT_LENGTH);
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String capitalized(String sentence) {
        return sentence.isEmpty() ? sentence : Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }
}
