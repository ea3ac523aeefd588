package dev.switchboard.hub.routes;

import dev.switchboard.hub.domain.AgentAvailability;
import dev.switchboard.hub.domain.ContactRequestHandling;
import dev.switchboard.hub.domain.Conversation;
import dev.switchboard.hub.domain.ConversationStore;
import dev.switchboard.hub.domain.CustomerDirectory;
import dev.switchboard.hub.domain.CustomerTokens;
import dev.switchboard.hub.domain.ReadConversation;
import dev.switchboard.hub.domain.CustomerRatings;
import dev.switchboard.spi.CallReport;
import dev.switchboard.spi.Channel;
import dev.switchboard.spi.ConversationView;
import dev.switchboard.spi.DeliveryStatus;
import dev.switchboard.spi.CustomerAddress;
import dev.switchboard.spi.HelpDesk;
import dev.switchboard.spi.Interaction;
import dev.switchboard.spi.Outcome;
import dev.switchboard.spi.Rating;
import dev.switchboard.spi.RatingOutcome;
import dev.switchboard.spi.ThreadPage;
import java.util.List;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;

/**
 * The {@link HelpDesk} adapters call: each message goes through the hub's routes; reads and delivery reports
 * go to the store.
 */
public final class CamelHelpDesk implements HelpDesk {
    private final ProducerTemplate producer;
    private final ConversationStore conversations;
    private final ReadConversation readConversation;
    private final List<String> topics;
    private final ContactRequestHandling contactRequests;
    private final CustomerRatings ratings;
    private final AgentAvailability agents;

    /**
     * @param camel   runs the hub's routes
     * @param topics  the knowledge base's topics in menu order
     * @param ratings the satisfaction questions the desk asks
     * @param agents  the agents told what the customer does in his client (typing, reading)
     */
    public CamelHelpDesk(CamelContext camel, ConversationStore conversations, CustomerDirectory directory,
                         List<String> topics, ContactRequestHandling contactRequests, CustomerRatings ratings,
                         AgentAvailability agents) {
        // The intake endpoint is resolved once here: sending by URI would parse it on every message.
        this.producer = camel.createProducerTemplate();
        producer.setDefaultEndpointUri(HubRoutes.INTAKE);
        this.conversations = conversations;
        this.readConversation = new ReadConversation(conversations, directory, ratings);
        this.topics = List.copyOf(topics);
        this.contactRequests = contactRequests;
        this.ratings = ratings;
        this.agents = agents;
    }

    @Override
    public Outcome submit(Interaction interaction, String customerToken) {
        return route(new Handling(interaction, customerToken)).outcome();
    }

    @Override
    public String note(Interaction interaction) {
        return route(Handling.note(interaction)).conversation().id();
    }

    private Handling route(Handling handling) {
        try {
            producer.requestBody((Object) handling);
        } catch (CamelExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
        return handling;
    }

    @Override
    public Optional<ConversationView> conversation(String conversationId, String customerToken, ThreadPage page) {
        return readConversation.forCustomer(conversationId, customerToken, page);
    }

    @Override
    public Optional<ConversationView> conversationOf(CustomerAddress vouched, ThreadPage page) {
        if (vouched.selfAsserted()) {
            throw new IllegalArgumentException("a self-asserted address opens a conversation only with its token");
        }
        return readConversation.forVouched(vouched, page);
    }

    @Override
    public void reportDelivery(String conversationId, String messageId, DeliveryStatus status, String detail) {
        conversations.recordDelivery(conversationId, messageId, status, detail);
    }

    @Override
    public List<String> topics() {
        return topics;
    }

    @Override
    public void reportCall(String conversationId, CallReport report) {
        contactRequests.reportCall(conversationId, report);
    }

    @Override
    public RatingOutcome rate(String conversationId, String customerToken, Channel channel, Rating rating,
                              String idempotencyKey) {
        // The token is checked as for reading the thread: an unknown id and a wrong token look the same.
        boolean holder = conversationId != null && customerToken != null && conversations.get(conversationId)
                .filter(conversation -> CustomerTokens.matches(customerToken, conversation.tokenHash())).isPresent();
        return holder ? ratings.rate(conversationId, channel.id(), rating, idempotencyKey) : RatingOutcome.notFound();
    }

    @Override
    public RatingOutcome rateAsVouched(String conversationId, CustomerAddress vouched, Channel channel, Rating rating,
                                       String idempotencyKey) {
        boolean his = conversationOf(vouched, new ThreadPage(null, 1))
                .filter(conversation -> conversation.id().equals(conversationId)).isPresent();
        return his ? ratings.rate(conversationId, channel.id(), rating, idempotencyKey) : RatingOutcome.notFound();
    }

    @Override
    public RatingOutcome rateByLink(String linkToken, Channel channel, Rating rating, String idempotencyKey) {
        return ratings.rateByLink(linkToken, channel.id(), rating, idempotencyKey);
    }

    @Override
    public boolean ratingAskedByLink(String linkToken) {
        return ratings.askedByLink(linkToken);
    }

    @Override
    public void customerTyping(String conversationId) {
        agents.customerTyping(conversationId);
    }

    @Override
    public boolean customerRead(String conversationId, String messageId) {
        if (conversationId == null || messageId == null) {
            return false;
        }
        boolean moved = conversations.markRead(conversationId, Conversation.Reader.CUSTOMER, messageId).isPresent();
        if (moved) {
            agents.customerRead(conversationId);
        }
        return moved;
    }
}
