package dev.switchboard.state;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The keys a store has, as Bloom filters: "absent" is certain, "maybe present" is wrong for fewer than one key in
 * a hundred (the store then asks the database, as it would without the filter). 14 bits a key, up to twice that
 * while a filter is filling, where a set of the keys as strings took about 100 bytes a key. It grows by a filter twice the size of the last once that one
 * holds as many keys as it was made for, so that the false answers stay few however many keys come. Thread-safe: a
 * key added is seen by every later look-up.
 */
final class KeyFilter {
    /** About one false "maybe" in 800 for each filter (so fewer than one in a hundred with the 8 filters of 1M keys). */
    private static final int BITS_PER_KEY = 14;
    private static final int HASHES = 10;
    private static final int FIRST_CAPACITY = 4096;

    private volatile Filter[] filters = {new Filter(FIRST_CAPACITY)};

    /**
     * Adds {@code key}. A key the filters may hold already (a store's every write of an existing key comes here)
     * is not added again, so that the filters fill with keys, not writes; "absent" stays certain, because a key
     * once answered "maybe" stays so.
     */
    void add(String key) {
        long hash = hash(key);
        if (mightContain(hash)) {
            return;
        }
        Filter[] current = filters;
        Filter filter = current[current.length - 1];
        while (!filter.add(hash)) {
            filter = grow(filter);
        }
    }

    boolean mightContain(String key) {
        return mightContain(hash(key));
    }

    private boolean mightContain(long hash) {
        for (Filter filter : filters) {
            if (filter.mightContain(hash)) {
                return true;
            }
        }
        return false;
    }

    /** The bytes of bits held: for tests and the benchmark's report. */
    long bytes() {
        long bytes = 0;
        for (Filter filter : filters) {
            bytes += filter.bits.length() * (long) Long.BYTES;
        }
        return bytes;
    }

    /** The filter to add to once {@code full} is full: the last one, a new one twice as large if {@code full} is last. */
    private synchronized Filter grow(Filter full) {
        Filter[] current = filters;
        Filter last = current[current.length - 1];
        if (last == full) {
            Filter[] grown = Arrays.copyOf(current, current.length + 1);
            last = new Filter(full.capacity * 2);
            grown[current.length] = last;
            filters = grown;
        }
        return last;
    }

    /** 64 bits of FNV-1a over the key's characters, mixed by MurmurHash3's finalizer. */
    static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    private static final class Filter {
        final int capacity;
        final AtomicLongArray bits;
        final long size;
        final AtomicInteger keys = new AtomicInteger();

        Filter(int capacity) {
            this.capacity = capacity;
            this.bits = new AtomicLongArray((int) (((long) capacity * BITS_PER_KEY + 63) / 64));
            this.size = bits.length() * 64L;
        }

        /** Adds the key unless this filter is full; returns whether it did. */
        boolean add(long hash) {
            if (keys.incrementAndGet() > capacity) {
                return false;
            }
            for (int i = 0; i < HASHES; i++) {
                long bit = bit(hash, i);
                long mask = 1L << (bit & 63);
                int word = (int) (bit >>> 6);
                if ((bits.get(word) & mask) == 0) {
                    bits.getAndAccumulate(word, mask, (a, b) -> a | b);
                }
            }
            return true;
        }

        boolean mightContain(long hash) {
            for (int i = 0; i < HASHES; i++) {
                long bit = bit(hash, i);
                if ((bits.get((int) (bit >>> 6)) & (1L << (bit & 63))) == 0) {
                    return false;
                }
            }
            return true;
        }

        /** The {@code i}th bit of a key, by double hashing of its two halves. */
        private long bit(long hash, int i) {
            return Math.floorMod((int) hash + (long) i * (int) (hash >>> 32), size);
        }
    }
}
