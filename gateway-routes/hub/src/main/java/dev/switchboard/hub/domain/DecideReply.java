package dev.switchboard.hub.domain;

import dev.switchboard.hub.knowledge.KnowledgeBase;
import dev.switchboard.hub.knowledge.KnowledgeMatch;
import dev.switchboard.spi.CustomerAddress;
import dev.switchboard.spi.QueueStatus;
import dev.switchboard.spi.Reply;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides what the help desk says to a customer's message: when an agent has his conversation, the message
 * is his; when agents are on duty, the customer waits for one and is told his place in the queue; when
 * nobody is on duty, the knowledge base answers if it has a good match, and otherwise the customer is told
 * honestly that an agent will get back to him. Once the reply is stored, a customer told to wait joins the
 * queue ({@link #delivered}), and a message nobody on duty could answer is kept as an offline message. A message without text (a TV viewer opening the help overlay) is answered
 * with the topics, those of the TV programme being watched first.
 */
public final class DecideReply {
    static final String WAIT_FOR_AGENT = "Thank you. An agent will be with you shortly.";
    static final String WITH_AGENT = "%s has your message and will answer here.";
    static final String NOBODY_ON_DUTY =
            "No agent is on duty right now. We have your message and an agent will get back to you.";
    static final String CHOOSE_A_TOPIC = "What do you need help with? Choose a topic.";
    private static final int TOPICS_OFFERED = 5;

    private final KnowledgeBase knowledgeBase;
    private final AgentAvailability agents;
    private final OfflineMessages offlineMessages;

    public DecideReply(KnowledgeBase knowledgeBase, AgentAvailability agents, OfflineMessages offlineMessages) {
        this.knowledgeBase = knowledgeBase;
        this.agents = agents;
        this.offlineMessages = offlineMessages;
    }

    /** Decides without keeping offline messages. */
    public DecideReply(KnowledgeBase knowledgeBase, AgentAvailability agents) {
        this(knowledgeBase, agents, OfflineMessages.NONE);
    }

    public Reply decide(String conversationId, String question, CustomerContext context) {
        return decide(conversationId, false, question, context);
    }

    /**
     * @param newCustomer whether this message made the customer: then no agent has his conversation yet, and
     *                    asking who has it (a look-up in the cluster) is skipped
     */
    public Reply decide(String conversationId, boolean newCustomer, String question, CustomerContext context) {
        return decide(conversationId, newCustomer, false, question, context);
    }

    /**
     * @param forAgent whether the customer asked that a person answer (an offline form): the knowledge base does not
     *                 answer in an agent's place, so a message while nobody is on duty is kept as an offline message
     */
    public Reply decide(String conversationId, boolean newCustomer, boolean forAgent, String question,
                        CustomerContext context) {
        return decide(conversationId, newCustomer, forAgent, question, context, RoutingChoice.DEFAULT);
    }

    /**
     * What the routing rules choose for this message, should it open the conversation with the agents (see {@link
     * AgentAvailability#routingFor}); the same choice goes to {@link #decide} and {@link #delivered}.
     */
    public RoutingChoice routing(String conversationId, FirstMessage message) {
        return agents.routingFor(conversationId, message);
    }

    /**
     * @param routing what a routing rule chose: a customer told to wait hears its acknowledgement, and his place in
     *                the queue counts its priority
     */
    public Reply decide(String conversationId, boolean newCustomer, boolean forAgent, String question,
                        CustomerContext context, RoutingChoice routing) {
        if (question.isBlank()) {
            return Reply.answer(CHOOSE_A_TOPIC, Reply.Source.SYSTEM, firstTopics(context));
        }
        Optional<String> agent = newCustomer ? Optional.empty() : agents.agentFor(conversationId);
        if (agent.isPresent()) {
            return Reply.answer(WITH_AGENT.formatted(agent.get()), Reply.Source.SYSTEM, List.of());
        }
        if (agents.agentsOnDuty() > 0) {
            QueueStatus status = agents.queueStatus(conversationId, routing);
            return Reply.queued(routing.acknowledge(WAIT_FOR_AGENT, status), status);
        }
        Locale locale = context.locale() == null ? null : Locale.forLanguageTag(context.locale());
        Optional<KnowledgeMatch> match = forAgent ? Optional.empty()
                : knowledgeBase.bestAnswer(question, locale, context.tvService(), context.tvProgramme());
        if (match.isPresent()) {
            return Reply.answer(match.get().article().answer(), Reply.Source.KNOWLEDGE_BASE, otherTopics(match.get(), context));
        }
        return new Reply(Reply.View.QUEUE_STATUS, NOBODY_ON_DUTY, Reply.Source.SYSTEM, firstTopics(context),
                QueueStatus.NOBODY_ON_DUTY, List.of());
    }

    /**
     * After the reply is stored: a customer told to wait for an agent (or for one to come on duty) joins the
     * queue, and when nobody is on duty his message is kept as an offline message; a message for the agent who
     * has the conversation is told to his desktop.
     *
     * @param from     the address the customer wrote from
     * @param question his message as stored in the thread
     */
    public void delivered(String conversationId, String customerId, String region, Reply reply, CustomerAddress from,
                          StoredMessage question) {
        delivered(conversationId, customerId, region, reply, from, question, RoutingChoice.DEFAULT);
    }

    /** {@link #delivered(String, String, String, Reply, CustomerAddress, StoredMessage)} routed as {@code routing}. */
    public void delivered(String conversationId, String customerId, String region, Reply reply, CustomerAddress from,
                          StoredMessage question, RoutingChoice routing) {
        if (reply.view() == Reply.View.QUEUE_STATUS) {
            agents.waitForAgent(conversationId, customerId, region, routing);
            if (reply.queue() != null && !reply.queue().agentsOnDuty()) {
                offlineMessages.leave(conversationId, customerId, from, question);
            }
        } else if (reply.view() == Reply.View.ANSWER && reply.source() == Reply.Source.SYSTEM) {
            agents.customerWrote(conversationId);
        }
    }

    /** After a contact that needs no reply is stored: the agent who has the conversation is told. */
    public void noted(String conversationId) {
        agents.customerWrote(conversationId);
    }

    private List<String> otherTopics(KnowledgeMatch match, CustomerContext context) {
        return topicsFor(context).stream()
                .filter(topic -> !topic.equals(match.article().topic()))
                .limit(TOPICS_OFFERED - 1L)
                .toList();
    }

    private List<String> firstTopics(CustomerContext context) {
        return topicsFor(context).stream().limit(TOPICS_OFFERED).toList();
    }

    private List<String> topicsFor(CustomerContext context) {
        return knowledgeBase.topicsFor(context.tvService(), context.tvProgramme());
    }
}
