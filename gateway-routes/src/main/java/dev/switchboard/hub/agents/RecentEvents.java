package dev.switchboard.hub.agents;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The desk events this node heard lately, numbered in the order heard, for desktops that ask what is new
 * since the last number they saw. The oldest are dropped past a fixed count.
 */
public final class RecentEvents {
    /** One event with its number on this node. */
    public record Numbered(long seq, DeskEvent event) {
    }

    private final int keep;
    private final Deque<Numbered> events = new ArrayDeque<>();
    private long last;

    public RecentEvents(int keep) {
        this.keep = keep;
    }

    public synchronized void add(DeskEvent event) {
        events.addLast(new Numbered(++last, event));
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
