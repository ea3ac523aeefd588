package dev.switchboard.desk;

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
 * arrived from the topic). Immutable; it travels as the names it holds (the numbers are this node's own).
 */
final class AgentNameSet extends AbstractSet<String> {
    /** Up to this many names, a plain set is smaller than the bits. */
    private static final int FEW = 4;

    /** Names numbered in the order first seen; each name is held once however many sets hold it. */
    static final class Numbers {
        /** How many of the latest sets of bits a new one is compared with, to be held once when it is the same. */
        private static final int SHARED = 16;
        private final Map<String, Integer> numbers = new ConcurrentHashMap<>();
        private final List<String> names = new CopyOnWriteArrayList<>();
        private final AgentNameSet[] latest = new AgentNameSet[SHARED];
        private int nextLatest;

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

        /**
         * The names as a set of bits; one made lately for the same names when there is one (an offer and its claim
         * name the same agents, as do the offers made while nobody's status changed).
         */
        synchronized AgentNameSet setOf(Set<String> names) {
            BitSet bits = new BitSet();
            for (String name : names) {
                bits.set(numberOf(name));
            }
            for (AgentNameSet earlier : latest) {
                if (earlier != null && earlier.bits.equals(bits)) {
                    return earlier;
                }
            }
            AgentNameSet made = new AgentNameSet(this, bits);
            latest[nextLatest] = made;
            nextLatest = (nextLatest + 1) % SHARED;
            return made;
        }
    }

    private final Numbers numbers;
    private final BitSet bits;
    private final int size;

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
}
