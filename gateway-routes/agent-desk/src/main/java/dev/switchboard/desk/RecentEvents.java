package dev.switchboard.desk;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The desk events this node heard lately, numbered in the order heard, for desktops that ask what is new
 * since the last number they saw. The oldest are dropped past a fixed count. The agents each event is for
 * are kept as bits ({@link AgentNameSet}): an offer goes to every agent who can take it, so 10,000 events
 * with 1,000 agents on duty held 10 million names as they came off the topic, about 60 KB an event. An event's
 * conversation id is held once for the events of one conversation heard close together (its offer, claim and
 * messages), not once per event as each arrives.
 */
public final class RecentEvents {
    /** One event with its number on this node. */
    public record Numbered(long seq, DeskEvent event) {
    }

    /** How many of the latest events a new one's conversation id is looked up in. */
    private static final int SHARED_IDS = 32;
    private final int keep;
    private final Deque<Numbered> events = new ArrayDeque<>();
    private final AgentNameSet.Numbers names = new AgentNameSet.Numbers();
    private long last;

    public RecentEvents(int keep) {
        this.keep = keep;
    }

    public synchronized void add(DeskEvent event) {
        Set<String> to = event.to().isEmpty() ? event.to() : names.compact(event.to());
        DeskEvent kept = new DeskEvent(event.type(), heldId(event.conversationId()), to, event.at());
        events.addLast(new Numbered(++last, kept));
        if (events.size() > keep) {
            events.removeFirst();
        }
    }

    /** The instance of {@code conversationId} a recent event holds, else {@code conversationId}. */
    private String heldId(String conversationId) {
        if (conversationId == null) {
            return null;
        }
        Iterator<Numbered> latest = events.descendingIterator();
        for (int i = 0; i < SHARED_IDS && latest.hasNext(); i++) {
            String held = latest.next().event().conversationId();
            if (conversationId.equals(held)) {
                return held;
            }
        }
        return conversationId;
    }

    /** The events for this agent numbered after {@code seq}, oldest first. */
    public synchronized List<Numbered> after(long seq, String username) {
        List<Numbered> found = new ArrayList<>();
        for (Numbered numbered : events) {
            if (numbered.seq() > seq && numbered.event().isFor(username)) {
                found.add(numbered);
            }
        }
        return found;
    }

    /** The number of the latest event heard. */
    public synchronized long last() {
        return last;
    }
}
