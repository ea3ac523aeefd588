package dev.switchboard.hub.agents;

import java.io.Serializable;
import java.util.AbstractSet;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A set of agents' names held as one bit per agent this node has numbered, for the desk events a node keeps:
 * an offer to 1,000 agents is 128 bytes of bits instead of 1,000 names (each a string of its own, as the event
 * arrived from the topic). Immutable; it travels as an ordinary set.
 */
final class AgentNameSet extends AbstractSet<String> implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Up to this many names, a plain set is smaller than the bits. */
    private static final int FEW = 4;

    /** Names numbered in the order first seen; each name is held once however many sets hold it. */
    static final class Numbers {
        private final Map<String, Integer> numbers = new ConcurrentHashMap<>();
        private final List<String> names = new CopyOnWriteArrayList<>();

        synchronized int numberOf(String name) {
            Integer number = numbers.get(name);
            if (number == null) {
                number = names.size();
                names.add(name);
                numbers.put(name, number);
            }
            return number;
        }

        int find(Object name) {
            Integer number = numbers.get(name);
            return number == null ? -1 : number;
        }

        String nameOf(int number) {
            return names.get(number);
        }

        /**
         * The names held compactly: a few as a small set of the names numbered here (each held once), more as
         * bits, which cost one bit per agent numbered so far, up to 128 bytes with 1,000 agents.
         */
        Set<String> compact(Set<String> names) {
            if (names.size() > FEW) {
                return setOf(names);
            }
            return Set.of(names.stream().map(name -> nameOf(numberOf(name))).toArray(String[]::new));
        }

        /** The names as a set of bits. */
        AgentNameSet setOf(Set<String> names) {
            BitSet bits = new BitSet();
            for (String name : names) {
                bits.set(numberOf(name));
            }
            return new AgentNameSet(this, bits);
        }
    }

    private final transient Numbers numbers;
    private final transient BitSet bits;
    private final transient int size;

    private AgentNameSet(Numbers numbers, BitSet bits) {
        this.numbers = numbers;
        this.bits = bits;
        this.size = bits.cardinality();
    }

    @Override
    public boolean contains(Object name) {
        int number = numbers.find(name);
        return number >= 0 && bits.get(number);
    }

    @Override
    public Iterator<String> iterator() {
        return bits.stream().mapToObj(numbers::nameOf).iterator();
    }

    @Override
    public int size() {
        return size;
    }

    /** Written as a plain set: the numbers are this node's own. */
    private Object writeReplace() {
        return Set.copyOf(this);
    }
}
