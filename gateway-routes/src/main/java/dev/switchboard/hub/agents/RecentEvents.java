package dev.switchboard.hub.agents;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The desk events this node heard lately, numbered in the order heard, for desktops that ask what is new
 * since the last number they saw. The oldest are dropped past a fixed count. The agents each event is for
 * are kept as bits ({@link AgentNameSet}): an offer goes to every agent who can take it, so 10,000 events
 * with 1,000 agents on duty held 10 million names as they came off the topic, about 60 KB an event.
 */
public final class RecentEvents {
    /** One event with its number on this node. */
    public record Numbered(long seq, DeskEvent event) {
    }

    private final int keep;
    private final Deque<Numbered> events = new ArrayDeque<>();
    private final AgentNameSet.Numbers names = new AgentNameSet.Numbers();
    private long last;

    public RecentEvents(int keep) {
        this.keep = keep;
    }

    public synchronized void add(DeskEvent event) {
        DeskEvent kept = event.to().isEmpty() ? event : event.addressedTo(names.compact(event.to()));
        events.addLast(new Numbered(++last, kept));
        if (events.size() > keep) {
            events.removeFirst();
        }
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
