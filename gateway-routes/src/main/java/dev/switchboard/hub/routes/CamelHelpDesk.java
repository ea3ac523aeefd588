package dev.switchboard.hub.routes;

import dev.switchboard.hub.domain.ReadConversation;
import dev.switchboard.spi.ConversationView;
import dev.switchboard.spi.HelpDesk;
import dev.switchboard.spi.Interaction;
import dev.switchboard.spi.Outcome;
import java.util.Optional;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;

/** The {@link HelpDesk} adapters call: each message goes through the hub's routes, a read goes to the store. */
public final class CamelHelpDesk implements HelpDesk {
    private final ProducerTemplate producer;
    private final ReadConversation readConversation;

    public CamelHelpDesk(ProducerTemplate producer, ReadConversation readConversation) {
        this.producer = producer;
        this.readConversation = readConversation;
    }

    @Override
    public Outcome submit(Interaction interaction, String customerToken) {
        Handling handling = new Handling(interaction, customerToken);
        try {
            producer.requestBody(HubRoutes.INTAKE, handling);
        } catch (CamelExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
        return handling.outcome();
    }

    @Override
    public Optional<ConversationView> conversation(String conversationId, String customerToken) {
        return readConversation.forCustomer(conversationId, customerToken);
    }
}
