package dev.switchboard.adapter.testkit;

import dev.switchboard.adapter.testkit.Conversations.Conversation;
import dev.switchboard.spi.CallReport;
import dev.switchboard.spi.Channel;
import dev.switchboard.spi.Rating;
import dev.switchboard.spi.RatingOutcome;
import dev.switchboard.spi.ConversationView;
import dev.switchboard.spi.CustomerTokenRequiredException;
import dev.switchboard.spi.DeliveryStatus;
import dev.switchboard.spi.CustomerAddress;
import dev.switchboard.spi.HelpDesk;
import dev.switchboard.spi.Interaction;
import dev.switchboard.spi.Outcome;
import dev.switchboard.spi.Reply;
import dev.switchboard.spi.ReplyRenderer;
import dev.switchboard.spi.ThreadMessage.Direction;
import dev.switchboard.spi.ThreadPage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * A help desk in memory that keeps the hub's rules an adapter relies on, and records what it is given:
 *
 * <ul>
 *   <li>one conversation per address ({@code c-1}, {@code c-2}, ...), its customer token issued to the interaction
 *       that opens it; a self-asserted address continues its conversation only with that token;</li>
 *   <li>the customer's text and the answer join the thread (the answer a millisecond later), which
 *       {@link #conversation} shows to the token's holder and {@link #conversationOf} to an adapter that vouches for
 *       the number; message ids are unique in the desk ({@code m-1}, {@code m-2}, ...) and the outcome names the
 *       answer's;</li>
 *   <li>a repeatable interaction whose address and idempotency key were seen gets the first outcome again, marked
 *       duplicate;</li>
 *   <li>a text over {@value #MAX_TEXT_LENGTH} characters is refused, as the hub refuses one over its limit;</li>
 *   <li>a call report is kept once per call and status.</li>
 * </ul>
 *
 * <p>It answers "Got it: <i>text</i>" unless {@linkplain #answerWith told otherwise} and renders with the
 * {@link PlainTextRenderer} unless {@linkplain #renderWith given another}. A test makes it fail once
 * ({@link #failNextSubmitWith}) or on every call while {@linkplain #failing(boolean) failing}.
 */
public final class RecordingHelpDesk implements HelpDesk {
    public static final int MAX_TEXT_LENGTH = 2_000;

    /** One delivery report as the help desk got it. */
    public record DeliveryReport(String conversationId, String messageId, DeliveryStatus status, String detail) {
    }

    /** One call report as the help desk kept it. */
    /** A rating recorded, with the channel and idempotency key it came with. */
    public record GivenRating(String conversationId, Rating rating, Channel channel, String idempotencyKey) {
    }

    public record CallLog(String conversationId, CallReport report) {
    }

    private final Conversations conversations = new Conversations();
    private final Map<String, Outcome> firstOutcomes = new HashMap<>();
    private final List<Interaction> submitted = new ArrayList<>();
    private final List<Interaction> notes = new ArrayList<>();
    private final List<DeliveryReport> deliveryReports = new ArrayList<>();
    private final List<CallLog> callLogs = new ArrayList<>();
    private final Set<String> callsLogged = new HashSet<>();
    private final Map<String, String> ratingsAsked = new HashMap<>();
    private final Map<String, GivenRating> ratingsGiven = new HashMap<>();
    private final List<GivenRating> ratings = new ArrayList<>();
    private final Map<String, Instant> agentsReadUpTo = new HashMap<>();
    private final Map<String, String> customerReadUpTo = new HashMap<>();
    private final List<String> customerTyping = new ArrayList<>();
    private Function<Interaction, Reply> answers =
            asked -> Reply.answer("Got it: " + asked.text(), Reply.Source.SYSTEM, List.of());
    private ReplyRenderer renderer = PlainTextRenderer.INSTANCE;
    private List<String> topics = List.of();
    private RuntimeException nextFailure;
    private boolean failing;
    private int submitAttempts;

    /** Answers each text with what {@code answer} makes of it, from now on. */
    public synchronized RecordingHelpDesk answerWith(Function<Interaction, Reply> answer) {
        this.answers = answer;
        return this;
    }

    /** Renders outcomes with {@code replyRenderer}. */
    public synchronized RecordingHelpDesk renderWith(ReplyRenderer replyRenderer) {
        this.renderer = replyRenderer;
        return this;
    }

    /** The self-service topics it offers, in menu order. */
    public synchronized RecordingHelpDesk withTopics(String... menu) {
        this.topics = List.of(menu);
        return this;
    }

    /** Makes the next {@link #submit} throw {@code failure}, having stored nothing. */
    public synchronized void failNextSubmitWith(RuntimeException failure) {
        this.nextFailure = failure;
    }

    /** While set, every call fails as a help desk whose database is gone. */
    public synchronized void failing(boolean fail) {
        this.failing = fail;
    }

    @Override
    public synchronized Outcome submit(Interaction interaction, String customerToken) {
        submitAttempts++;
        if (nextFailure != null) {
            RuntimeException failure = nextFailure;
            nextFailure = null;
            throw failure;
        }
        failIfFailing();
        if (interaction.text().length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("the text is longer than " + MAX_TEXT_LENGTH + " characters");
        }
        Conversation conversation = conversations.of(interaction.address()).orElse(null);
        boolean tokenValid = conversation != null && conversation.token.equals(customerToken);
        if (conversation != null && interaction.address().selfAsserted() && !tokenValid) {
            throw new CustomerTokenRequiredException("this visitor id belongs to a customer; send the customer token");
        }
        String key = interaction.address().key() + "|" + interaction.idempotencyKey();
        Outcome first = interaction.repeatable() ? firstOutcomes.get(key) : null;
        if (first != null) {
            return new Outcome(first.conversationId(), tokenValid ? customerToken : null, first.reply(),
                    first.rendered(), true, first.replyMessageId());
        }
        boolean opened = conversation == null;
        if (opened) {
            conversation = conversations.open(interaction.address());
        }
        submitted.add(interaction);
        Reply reply = answers.apply(interaction);
        conversations.add(conversation, interaction.channel(), Direction.INBOUND, "you", interaction.text(),
                interaction.receivedAt());
        String replyId = conversations.add(conversation, interaction.channel(), Direction.OUTBOUND, "help desk",
                reply.text(), interaction.receivedAt().plusMillis(1));
        Outcome outcome = new Outcome(conversation.id, opened || tokenValid ? conversation.token : null, reply,
                renderer.render(interaction.profile(), reply), false, replyId);
        if (interaction.repeatable()) {
            firstOutcomes.put(key, outcome);
        }
        return outcome;
    }

    /** Keeps the contact as {@link #submit} does (its answer unused), and records it as a note as well. */
    @Override
    public synchronized String note(Interaction interaction) {
        notes.add(interaction);
        return submit(interaction, null).conversationId();
    }

    @Override
    public synchronized Optional<ConversationView> conversation(String conversationId, String customerToken,
                                                                ThreadPage page) {
        return conversations.byId(conversationId).filter(conversation -> conversation.token.equals(customerToken))
                .map(conversation -> conversation.view(page))
                .map(view -> new ConversationView(view.id(), view.address(), view.messages(), view.olderCursor(),
                        ratingsAsked.containsKey(view.id()), agentsReadUpTo.get(view.id())));
    }

    @Override
    public synchronized Optional<ConversationView> conversationOf(CustomerAddress vouched, ThreadPage page) {
        if (vouched.selfAsserted()) {
            throw new IllegalArgumentException("a self-asserted address opens a conversation only with its token");
        }
        return conversations.of(vouched).map(conversation -> conversation.view(page));
    }

    @Override
    public synchronized void reportDelivery(String conversationId, String messageId, DeliveryStatus status,
                                            String detail) {
        failIfFailing();
        deliveryReports.add(new DeliveryReport(conversationId, messageId, status, detail));
    }

    @Override
    public synchronized List<String> topics() {
        return topics;
    }

    @Override
    public synchronized void reportCall(String conversationId, CallReport report) {
        failIfFailing();
        if (callsLogged.add(report.callId() + "|" + report.status())) {
            callLogs.add(new CallLog(conversationId, report));
        }
    }

    private void failIfFailing() {
        if (failing) {
            throw new IllegalStateException("the database is gone");
        }
    }

    /** An agent's reply in conversation {@code conversationId}, on the channel it was opened on. */
    public synchronized void agentReplies(String conversationId, String agent, String text, Instant at) {
        Conversation conversation = conversations.byId(conversationId).orElseThrow();
        conversations.add(conversation, Conversations.channelOf(conversation), Direction.OUTBOUND, agent, text, at);
    }

    /** The agents read conversation {@code conversationId} up to {@code upTo}: its views say so from now on. */
    public synchronized void agentsRead(String conversationId, Instant upTo) {
        agentsReadUpTo.put(conversationId, upTo);
    }

    @Override
    public synchronized void customerTyping(String conversationId) {
        customerTyping.add(conversationId);
    }

    /** The conversations whose customer was said to be typing, once per call, in order. */
    public synchronized List<String> customerTyping() {
        return List.copyOf(customerTyping);
    }

    /** Takes the customer's read mark when the message is in the thread's newest page and not the mark already. */
    @Override
    public synchronized boolean customerRead(String conversationId, String messageId) {
        boolean inThread = conversations.byId(conversationId).map(conversation -> conversation
                .view(new ThreadPage(null, ThreadPage.MAX_LIMIT)).messages().stream()
                .anyMatch(message -> message.id().equals(messageId))).orElse(false);
        if (!inThread || messageId.equals(customerReadUpTo.get(conversationId))) {
            return false;
        }
        customerReadUpTo.put(conversationId, messageId);
        return true;
    }

    /** The newest message the customer said he read in the conversation, if any. */
    public synchronized Optional<String> customerReadUpTo(String conversationId) {
        return Optional.ofNullable(customerReadUpTo.get(conversationId));
    }

    /** The id of the conversation of the address with key {@code addressKey}. */
    public synchronized String conversationIdOf(String addressKey) {
        return conversations.idOf(addressKey);
    }

    /** The interactions taken, in order, a repeated one once. */
    public synchronized List<Interaction> submitted() {
        return List.copyOf(submitted);
    }

    public synchronized Interaction lastSubmitted() {
        return submitted.get(submitted.size() - 1);
    }

    /** The contacts handed in as notes (each is in {@link #submitted()} too, once). */
    public synchronized List<Interaction> notes() {
        return List.copyOf(notes);
    }

    /** How many times a message was handed in, taken or not. */
    public synchronized int submitAttempts() {
        return submitAttempts;
    }

    public synchronized List<DeliveryReport> deliveryReports() {
        return List.copyOf(deliveryReports);
    }

    public synchronized List<CallLog> callLogs() {
        return List.copyOf(callLogs);
    }

    /** Every customer token issued so far, to check that none reaches a page. */
    public synchronized List<String> tokens() {
        return conversations.tokens();
    }

    /**
     * The desk asks the customer of a conversation to rate the help he got, as when an agent finishes it.
     *
     * @return the secret of the question's link ({@code RatingRequest#linkToken})
     */
    public synchronized String askRating(String conversationId) {
        String linkToken = "link-" + UUID.randomUUID();
        ratingsAsked.put(conversationId, linkToken);
        return linkToken;
    }

    /** Records a rating while one is asked of the conversation, once; a repeat of its key gets it back. */
    @Override
    public synchronized RatingOutcome rate(String conversationId, String customerToken, Channel channel, Rating rating,
                                           String idempotencyKey) {
        failIfFailing();
        if (conversations.byId(conversationId).filter(c -> c.token.equals(customerToken)).isEmpty()) {
            return RatingOutcome.notFound();
        }
        return answer(conversationId, channel, rating, idempotencyKey);
    }

    @Override
    public synchronized RatingOutcome rateAsVouched(String conversationId, CustomerAddress vouched, Channel channel,
                                                    Rating rating, String idempotencyKey) {
        failIfFailing();
        if (conversations.of(vouched).filter(c -> c.view(ThreadPage.newest()).id().equals(conversationId)).isEmpty()) {
            return RatingOutcome.notFound();
        }
        return answer(conversationId, channel, rating, idempotencyKey);
    }

    @Override
    public synchronized RatingOutcome rateByLink(String linkToken, Channel channel, Rating rating, String idempotencyKey) {
        failIfFailing();
        Optional<String> asked = ratingsAsked.entrySet().stream().filter(e -> e.getValue().equals(linkToken))
                .map(Map.Entry::getKey).findFirst();
        Optional<String> given = ratingsGiven.entrySet().stream()
                .filter(e -> e.getKey().startsWith(linkToken + "|")).map(e -> e.getValue().conversationId()).findFirst();
        return asked.or(() -> given).map(id -> answer(id, channel, rating, idempotencyKey))
                .orElseGet(RatingOutcome::notFound);
    }

    @Override
    public synchronized boolean ratingAskedByLink(String linkToken) {
        return ratingsAsked.containsValue(linkToken);
    }

    private RatingOutcome answer(String conversationId, Channel channel, Rating rating, String idempotencyKey) {
        String linkToken = ratingsAsked.remove(conversationId);
        if (linkToken == null) {
            GivenRating earlier = idempotencyKey == null ? null : ratingsGiven.values().stream()
                    .filter(g -> g.conversationId().equals(conversationId) && idempotencyKey.equals(g.idempotencyKey()))
                    .findFirst().orElse(null);
            return earlier == null ? RatingOutcome.notAsked() : RatingOutcome.recorded(earlier.rating());
        }
        GivenRating given = new GivenRating(conversationId, rating, channel, idempotencyKey);
        ratingsGiven.put(linkToken + "|" + conversationId, given);
        ratings.add(given);
        return RatingOutcome.recorded(rating);
    }

    /** The ratings recorded, in order. */
    public synchronized List<GivenRating> ratings() {
        return List.copyOf(ratings);
    }
}
