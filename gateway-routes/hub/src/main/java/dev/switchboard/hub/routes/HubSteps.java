package dev.switchboard.hub.routes;

import dev.switchboard.hub.domain.ContactRequestHandling;
import dev.switchboard.hub.domain.AddNearbyServicePoints;
import dev.switchboard.hub.domain.ConversationStore;
import dev.switchboard.hub.domain.CustomerRatings;
import dev.switchboard.hub.domain.DecideReply;
import dev.switchboard.hub.domain.EnrichContext;
import dev.switchboard.hub.domain.FirstMessage;
import dev.switchboard.hub.domain.IdempotencyLog;
import dev.switchboard.hub.domain.IdempotencyScope;
import dev.switchboard.hub.domain.IdentifiedCustomer;
import dev.switchboard.hub.domain.Ids;
import dev.switchboard.hub.domain.RecordedOutcome.StoredReply;
import dev.switchboard.hub.domain.RecordedOutcome;
import dev.switchboard.hub.domain.ResolveCustomer;
import dev.switchboard.hub.domain.StoredMessage;
import dev.switchboard.spi.ContactRequest;
import dev.switchboard.spi.Interaction;
import dev.switchboard.spi.Outcome;
import dev.switchboard.spi.Rating;
import dev.switchboard.spi.Reply;
import dev.switchboard.spi.ReplyRenderer;
import dev.switchboard.spi.ThreadMessage.Direction;
import java.time.Clock;
import java.util.List;

/**
 * The hub's steps as the routes call them, one method a step. Each reads and fills in the {@link Handling}
 * and leaves every decision to the domain classes.
 */
public final class HubSteps {
    /** The longest message text the hub takes, whatever the channel. */
    public static final int MAX_TEXT_LENGTH = 16_000;

    private final IdempotencyLog idempotency;
    private final ResolveCustomer resolveCustomer;
    private final EnrichContext enrichContext;
    private final ConversationStore conversations;
    private final DecideReply decideReply;
    private final AddNearbyServicePoints nearbyServicePoints;
    private final ReplyRenderer renderer;
    private final ContactRequestHandling contactRequests;
    private final CustomerRatings ratings;
    private final Clock clock;

    /** The steps of a hub that asks no ratings. */
    public HubSteps(IdempotencyLog idempotency, ResolveCustomer resolveCustomer, EnrichContext enrichContext,
                    ConversationStore conversations, DecideReply decideReply,
                    AddNearbyServicePoints nearbyServicePoints, ReplyRenderer renderer,
                    ContactRequestHandling contactRequests, Clock clock) {
        this(idempotency, resolveCustomer, enrichContext, conversations, decideReply, nearbyServicePoints, renderer,
                contactRequests, CustomerRatings.NONE, clock);
    }

    public HubSteps(IdempotencyLog idempotency, ResolveCustomer resolveCustomer, EnrichContext enrichContext,
                    ConversationStore conversations, DecideReply decideReply,
                    AddNearbyServicePoints nearbyServicePoints, ReplyRenderer renderer,
                    ContactRequestHandling contactRequests, CustomerRatings ratings, Clock clock) {
        this.idempotency = idempotency;
        this.resolveCustomer = resolveCustomer;
        this.enrichContext = enrichContext;
        this.conversations = conversations;
        this.decideReply = decideReply;
        this.nearbyServicePoints = nearbyServicePoints;
        this.renderer = renderer;
        this.contactRequests = contactRequests;
        this.ratings = ratings;
        this.clock = clock;
    }

    public void checkLimits(Handling handling) {
        int length = handling.interaction().text().length();
        if (length > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException(
                    "message text is " + length + " characters; the help desk takes at most " + MAX_TEXT_LENGTH);
        }
    }

    public void deduplicate(Handling handling) {
        String key = IdempotencyScope.of(handling.interaction());
        handling.scopedKey(key);
        if (handling.interaction().repeatable() && !handling.isNote()) {
            idempotency.find(key).ifPresent(outcome -> handling.earlierOutcome(outcome, conversations
                    .find(outcome.conversationId(), Direction.OUTBOUND, handling.interaction().idempotencyKey())
                    .orElse(null)));
        }
    }

    public void identify(Handling handling) {
        Interaction interaction = handling.interaction();
        handling.customer(resolveCustomer.resolve(
                interaction.address(), interaction.channel().id(), handling.presentedToken()));
    }

    public void enrich(Handling handling) {
        handling.context(enrichContext.enrich(handling.interaction().context()));
    }

    /**
     * Makes the customer's message and updates the context the next steps see. The message is written with the
     * answer, in one atomic change, by {@link #deliver}: before the adapter acknowledges anything, and at half the
     * cost.
     */
    public void thread(Handling handling) {
        Interaction interaction = handling.interaction();
        StoredMessage question = new StoredMessage(Ids.next("m-"), interaction.channel().id(), Direction.INBOUND,
                "you", interaction.text(), interaction.receivedAt(), interaction.idempotencyKey());
        handling.question(question);
        handling.conversation(handling.conversation().withContext(handling.context()));
    }

    /**
     * The reply; a message that asks to be called back or texted is answered with what will happen, and a reply that
     * answers the satisfaction question ("4" while a rating is asked) is thanked: it is a rating, not a question.
     */
    public void decide(Handling handling) {
        var context = handling.conversation().context();
        ContactRequest request = handling.interaction().request();
        Rating rating = request == null ? Rating.fromReply(handling.interaction().text()).orElse(null) : null;
        if (rating != null && ratings.takes(handling.conversation().id(), handling.interaction().idempotencyKey())) {
            handling.rating(rating);
            handling.reply(CustomerRatings.thanks(rating));
            return;
        }
        Interaction interaction = handling.interaction();
        String routingId = handling.customer().routingConversationId();
        if (request == null) {
            handling.routing(decideReply.routing(routingId, new FirstMessage(interaction.channel().id(),
                    interaction.address().value(), interaction.writtenTo(), interaction.text(),
                    context == null ? null : context.locale(), context == null ? null : context.region(),
                    interaction.receivedAt())));
        }
        Reply decided = request == null
                ? decideReply.decide(routingId, handling.customer().newCustomer(), interaction.forAgent(),
                        interaction.text(), context, handling.routing())
                : contactRequests.reply(handling.conversation(), request);
        handling.reply(nearbyServicePoints.to(decided, context));
    }

    public void render(Handling handling) {
        handling.rendered(renderer.render(handling.interaction().profile(), handling.reply()));
    }

    /**
     * Stores question, answer and outcome, in one transaction; a rating is stored first (a retry with the same key
     * finds it stored), and neither queues the customer nor leaves an offline message.
     */
    public void deliver(Handling handling) {
        Interaction interaction = handling.interaction();
        Reply reply = handling.reply();
        if (handling.rating() != null) {
            ratings.rate(handling.conversation().id(), interaction.channel().id(), handling.rating(),
                    interaction.idempotencyKey());
        }
        StoredMessage answer = new StoredMessage(Ids.next("m-"), interaction.channel().id(), Direction.OUTBOUND,
                StoredMessage.HELP_DESK_AUTHOR, reply.text(), clock.instant(), interaction.idempotencyKey());
        String conversationId = handling.conversation().id();
        ConversationStore.KeyedOutcome outcome = interaction.repeatable() ? new ConversationStore.KeyedOutcome(
                handling.scopedKey(), new RecordedOutcome(conversationId, StoredReply.of(reply))) : null;
        IdentifiedCustomer customer = handling.customer();
        conversations.record(conversationId, customer.stored() ? null : customer.conversation(),
                List.of(handling.question(), answer), handling.context(), outcome);
        if (handling.rating() == null) {
            decideReply.delivered(customer.routingConversationId(), customer.primary().id(),
                    handling.context() == null ? null : handling.context().region(), reply, interaction.address(),
                    handling.question(), handling.routing());
        }
        if (interaction.request() != null) {
            contactRequests.act(handling.conversation(), interaction.request(), interaction.idempotencyKey());
        }
        handling.outcome(new Outcome(conversationId, handling.customer().token(), reply, handling.rendered(), false,
                answer.id()));
    }

    /**
     * Stores a contact that the adapter answers itself: the customer's message alone, once per idempotency key
     * (a retried webhook finds it in the stored thread), and tells the agent who has the conversation.
     */
    public void note(Handling handling) {
        IdentifiedCustomer customer = handling.customer();
        String conversationId = handling.conversation().id();
        boolean noted = customer.stored() && conversations
                .find(conversationId, Direction.INBOUND, handling.interaction().idempotencyKey()).isPresent();
        if (!noted) {
            conversations.record(conversationId, customer.stored() ? null : customer.conversation(),
                    List.of(handling.question()), handling.context());
            decideReply.noted(conversationId);
        }
    }

    /** Prepares a repeated interaction's reply from its recorded outcome and the thread's answer, for rendering. */
    public void recall(Handling handling) {
        handling.reply(handling.earlierOutcome().reply().toReply(handling.earlierAnswer().text()));
    }

    /** The repeat's outcome; the token only when the repeat presented a valid one (see {@link RecordedOutcome}). */
    public void answerDuplicate(Handling handling) {
        handling.outcome(new Outcome(handling.earlierOutcome().conversationId(), handling.customer().token(),
                handling.reply(), handling.rendered(), true, handling.earlierAnswer().id()));
    }
}
