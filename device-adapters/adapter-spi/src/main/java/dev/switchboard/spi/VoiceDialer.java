package dev.switchboard.spi;

/**
 * An adapter's way to place the phone calls the help desk originates: the call backs customers ask for.
 * Registered with {@link AdapterContext#dialsWith}; at most one per gateway.
 *
 * <p>{@link #dial} is called once an agent has taken a conversation with a pending call back. It returns
 * once the call is placed (the call's own progress arrives later through {@link HelpDesk#reportCall}); it
 * throws when it cannot place the call, with a message an agent can be shown, and the call back stays
 * pending for the agent to make by hand. Called from many threads at once.
 */
@FunctionalInterface
public interface VoiceDialer {

    /**
     * Rings {@code call.customer()} and, when he answers, connects him to {@code call.agentNumber()}, or
     * to the help desk's queue when that is {@code null}.
     *
     * @return the channel's id of the call (Twilio's CallSid), as later reports name it
     */
    String dial(CallBack call);

    /**
     * One call back to place.
     *
     * @param conversationId the customer's conversation, where reports of the call go
     * @param customer       the number to ring
     * @param agentNumber    the phone of the agent who took the conversation, or {@code null} when he has
     *                       none (the customer then waits in the queue)
     * @param agentName      the agent's display name, or {@code null}
     */
    record CallBack(String conversationId, E164Number customer, E164Number agentNumber, String agentName) {
        public CallBack {
            java.util.Objects.requireNonNull(conversationId, "conversationId");
            java.util.Objects.requireNonNull(customer, "customer");
        }
    }
}
