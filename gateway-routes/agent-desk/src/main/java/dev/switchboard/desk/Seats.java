package dev.switchboard.desk;

/**
 * An agent's capacity: each conversation he owns or takes part in holds one seat, taken atomically on his
 * status record so that two claims at once never take him over his capacity.
 */
final class Seats {
    private final SharedRecords<AgentStatus> statuses;
    private final AgentPresence presence;

    /** @param presence told each status a seat change leaves, for the node's view of who can take more */
    Seats(SharedRecords<AgentStatus> statuses, AgentPresence presence) {
        this.statuses = statuses;
        this.presence = presence;
    }

    /** Takes a seat for the conversation; {@code false} when he has none free (or never signed in). */
    boolean take(String username, String conversationId) {
        AgentStatus after = statuses.change(username, new Take(conversationId)).after();
        presence.heard(after);
        return after != null && after.conversations().contains(conversationId);
    }

    void release(String username, String conversationId) {
        presence.heard(statuses.change(username, new Release(conversationId)).after());
    }

    record Take(String conversationId) implements SharedRecords.Change<AgentStatus> {
        @Override
        public AgentStatus apply(AgentStatus before) {
            if (before == null || before.conversations().contains(conversationId) || !before.hasFreeCapacity()) {
                return before;
            }
            return before.holding(conversationId);
        }
    }

    record Release(String conversationId) implements SharedRecords.Change<AgentStatus> {
        @Override
        public AgentStatus apply(AgentStatus before) {
            return before == null || !before.conversations().contains(conversationId) ? before
                    : before.releasing(conversationId);
        }
    }
}
