package dev.switchboard.hub.domain;

import dev.switchboard.spi.QueueStatus;
import java.time.Duration;
import java.util.Optional;

/** The agents as the hub's decide step sees them: who is on duty, where a customer waits, who has him. */
public interface AgentAvailability {

    /** How many agents are available now. */
    int agentsOnDuty();

    /** Where the conversation waits (1 is next), or where it would join the queue now. */
    int queuePosition(String conversationId);

    /**
     * Where a conversation not yet waiting would join the queue with this priority (higher is served first);
     * where it waits when it does.
     */
    default int queuePosition(String conversationId, int priority) {
        return queuePosition(conversationId);
    }

    /** The expected wait at a position of the queue. */
    Duration estimatedWait(int position);

    /** Where the conversation waits, or would join the queue now, with the expected wait there. */
    default QueueStatus queueStatus(String conversationId) {
        int position = queuePosition(conversationId);
        return new QueueStatus(position, estimatedWait(position), true);
    }

    /** Where the conversation would wait when routed by {@code routing}, with the expected wait there. */
    default QueueStatus queueStatus(String conversationId, RoutingChoice routing) {
        int position = queuePosition(conversationId, routing.priority());
        return new QueueStatus(position, estimatedWait(position), true);
    }

    /**
     * What the routing rules choose for a conversation whose message may open it with the agents; {@link
     * RoutingChoice#DEFAULT} when it waits already, or no rule matches. A hub without rules routes by the defaults.
     */
    default RoutingChoice routingFor(String conversationId, FirstMessage message) {
        return RoutingChoice.DEFAULT;
    }

    /** The display name of the agent who has the conversation, if one has. */
    Optional<String> agentFor(String conversationId);

    /**
     * Puts the conversation in the queue for an agent, once its message is stored; nothing when queued or
     * owned. A customer in a region whose team has an agent able to take him goes to that team.
     *
     * @param region the customer's region from his device context, or {@code null}
     */
    void waitForAgent(String conversationId, String customerId, String region);

    /**
     * {@link #waitForAgent(String, String, String)} routed as a rule chose: its team, skill, priority and tags for a
     * conversation that joins the queue now; nothing changes for one queued or owned already.
     */
    default void waitForAgent(String conversationId, String customerId, String region, RoutingChoice routing) {
        waitForAgent(conversationId, customerId, region);
    }

    /** {@link #waitForAgent(String, String, String)} for a customer whose region is not known. */
    default void waitForAgent(String conversationId, String customerId) {
        waitForAgent(conversationId, customerId, null);
    }

    /** A customer wrote in a conversation an agent has; his desktop is told. */
    void customerWrote(String conversationId);

    /** The customer is typing in a conversation an agent has: his desktop (and the other participants') shows it. */
    default void customerTyping(String conversationId) {
        // A hub without agents tells nobody.
    }

    /** The customer read further in a conversation an agent has: the participants' desktops show it. */
    default void customerRead(String conversationId) {
        // A hub without agents tells nobody.
    }
}
