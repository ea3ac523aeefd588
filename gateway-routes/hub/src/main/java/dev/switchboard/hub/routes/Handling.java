package dev.switchboard.hub.routes;

import dev.switchboard.hub.domain.Conversation;
import dev.switchboard.hub.domain.CustomerContext;
import dev.switchboard.hub.domain.IdentifiedCustomer;
import dev.switchboard.hub.domain.RecordedOutcome;
import dev.switchboard.hub.domain.RoutingChoice;
import dev.switchboard.hub.domain.StoredMessage;
import dev.switchboard.spi.Interaction;
import dev.switchboard.spi.Outcome;
import dev.switchboard.spi.Rating;
import dev.switchboard.spi.RenderedReply;
import dev.switchboard.spi.Reply;

/**
 * One interaction on its way through the hub's routes; each step fills in its part. It is the body of the
 * Camel exchange, so a step reads what the steps before it found without looking at headers.
 */
public final class Handling {
    private final Interaction interaction;
    private final String presentedToken;
    private final boolean note;
    private String scopedKey;
    private RecordedOutcome earlierOutcome;
    private StoredMessage earlierAnswer;
    private IdentifiedCustomer customer;
    private CustomerContext context;
    private Conversation conversation;
    private StoredMessage question;
    private Rating rating;
    private Reply reply;
    private RoutingChoice routing = RoutingChoice.DEFAULT;
    private RenderedReply rendered;
    private Outcome outcome;

    public Handling(Interaction interaction, String presentedToken) {
        this(interaction, presentedToken, false);
    }

    private Handling(Interaction interaction, String presentedToken, boolean note) {
        this.interaction = interaction;
        this.presentedToken = presentedToken;
        this.note = note;
    }

    /** A contact to keep in the thread without an answer (see {@code HelpDesk#note}). */
    public static Handling note(Interaction interaction) {
        return new Handling(interaction, null, true);
    }

    /** Whether the interaction is only kept in the thread: no reply is decided, rendered or stored. */
    public boolean isNote() {
        return note;
    }

    public Interaction interaction() {
        return interaction;
    }

    public String presentedToken() {
        return presentedToken;
    }

    public String scopedKey() {
        return scopedKey;
    }

    void scopedKey(String key) {
        this.scopedKey = key;
    }

    /**
     * Whether this interaction was answered before: its outcome is recorded and its answer is in the thread.
     * The two are written side by side, so after a crash between them only both together count.
     */
    public boolean isDuplicate() {
        return earlierOutcome != null && earlierAnswer != null;
    }

    /** The answer the thread holds for this interaction, when it was answered before. */
    public StoredMessage earlierAnswer() {
        return earlierAnswer;
    }

    public RecordedOutcome earlierOutcome() {
        return earlierOutcome;
    }

    void earlierOutcome(RecordedOutcome recorded, StoredMessage answer) {
        this.earlierOutcome = recorded;
        this.earlierAnswer = answer;
    }

    public IdentifiedCustomer customer() {
        return customer;
    }

    void customer(IdentifiedCustomer identified) {
        this.customer = identified;
        this.conversation = identified.conversation();
    }

    public CustomerContext context() {
        return context;
    }

    void context(CustomerContext enriched) {
        this.context = enriched;
    }

    public Conversation conversation() {
        return conversation;
    }

    void conversation(Conversation updated) {
        this.conversation = updated;
    }

    /** The customer's message as it joins the thread, once the thread step made it. */
    public StoredMessage question() {
        return question;
    }

    void question(StoredMessage message) {
        this.question = message;
    }

    /** The rating the customer's message gives, when it answers the satisfaction question; else {@code null}. */
    public Rating rating() {
        return rating;
    }

    void rating(Rating given) {
        this.rating = given;
    }

    /** What the routing rules chose for the message, should it queue the customer ({@link RoutingChoice#DEFAULT}). */
    public RoutingChoice routing() {
        return routing;
    }

    void routing(RoutingChoice chosen) {
        this.routing = chosen;
    }

    public Reply reply() {
        return reply;
    }

    void reply(Reply decided) {
        this.reply = decided;
    }

    public RenderedReply rendered() {
        return rendered;
    }

    void rendered(RenderedReply renderedReply) {
        this.rendered = renderedReply;
    }

    public Outcome outcome() {
        return outcome;
    }

    void outcome(Outcome finalOutcome) {
        this.outcome = finalOutcome;
    }
}
