package dev.switchboard.adapter.testkit;

import dev.switchboard.spi.AdapterStore;
import dev.switchboard.spi.Lease;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's adapter records and leases in memory, for adapters' tests: what {@link StandInGateway} hands out as
 * {@code store(name)} and {@code lease(name, period)}. Several stand-ins given one {@code InMemoryRecords} share it,
 * as the nodes of a cluster share the database, and an adapter started again on it finds what it stored (a restart
 * of the gateway). Expiry and claims follow {@link AdapterStore}'s rules by the given clock; a lease is held by the
 * first to ask while it is free, kept while its holder asks again within the period, and given up on close.
 */
public final class InMemoryRecords {
    private final Clock clock;
    private final Map<String, Map<String, Row>> namespaces = new HashMap<>();
    private final Map<String, LeaseRow> leases = new HashMap<>();
    private long nextSeq;

    public InMemoryRecords() {
        this(Clock.systemUTC());
    }

    public InMemoryRecords(Clock clock) {
        this.clock = clock;
    }

    private static final class Row {
        String value;
        final long seq;
        Instant expiresAt;
        String claimedBy;
        Instant claimedUntil;

        Row(String value, long seq, Instant expiresAt) {
            this.value = value;
            this.seq = seq;
            this.expiresAt = expiresAt;
        }
    }

    private record LeaseRow(Object holder, Instant until) {
    }

    /** The records {@code adapterId} named {@code name}. */
    public AdapterStore store(String adapterId, String name) {
        return new Store(adapterId + "/" + name);
    }

    /** The lease {@code adapterId} named {@code name}. */
    public Lease lease(String adapterId, String name, Duration period) {
        return new OneLease(adapterId + "-" + name, period);
    }

    private Instant expiry(Duration timeToLive) {
        return timeToLive == null ? null : clock.instant().plus(timeToLive);
    }

    private final class Store implements AdapterStore {
        private final String namespace;

        Store(String namespace) {
            this.namespace = namespace;
        }

        /** The namespace's rows less the expired ones, which are deleted as the database's sweep would. */
        private Map<String, Row> rows() {
            Map<String, Row> rows = namespaces.computeIfAbsent(namespace, n -> new LinkedHashMap<>());
            Instant now = clock.instant();
            rows.values().removeIf(row -> row.expiresAt != null && !row.expiresAt.isAfter(now));
            return rows;
        }

        private void checkKey(String key) {
            if (key.length() > MAX_KEY_LENGTH) {
                throw new IllegalArgumentException("a key of " + key.length() + " characters, more than " + MAX_KEY_LENGTH);
            }
        }

        @Override
        public void put(String key, String value, Duration timeToLive) {
            checkKey(key);
            synchronized (InMemoryRecords.this) {
                Row row = rows().get(key);
                if (row == null) {
                    rows().put(key, new Row(value, nextSeq++, expiry(timeToLive)));
                } else {
                    row.value = value;
                    row.expiresAt = expiry(timeToLive);
                }
            }
        }

        @Override
        public boolean putIfAbsent(String key, String value, Duration timeToLive) {
            checkKey(key);
            synchronized (InMemoryRecords.this) {
                return rows().putIfAbsent(key, new Row(value, nextSeq++, expiry(timeToLive))) == null;
            }
        }

        @Override
        public Optional<String> get(String key) {
            synchronized (InMemoryRecords.this) {
                Row row = rows().get(key);
                return row == null ? Optional.empty() : Optional.of(row.value);
            }
        }

        @Override
        public boolean remove(String key) {
            synchronized (InMemoryRecords.this) {
                return rows().remove(key) != null;
            }
        }

        @Override
        public List<Entry> list(String keyPrefix, int limit) {
            synchronized (InMemoryRecords.this) {
                List<Entry> entries = new ArrayList<>();
                rows().entrySet().stream().filter(e -> e.getKey().startsWith(keyPrefix))
                        .sorted(Map.Entry.comparingByValue((a, b) -> Long.compare(a.seq, b.seq)))
                        .limit(limit)
                        .forEach(e -> entries.add(new Entry(e.getKey(), e.getValue().value)));
                return entries;
            }
        }

        @Override
        public int count(String keyPrefix) {
            synchronized (InMemoryRecords.this) {
                return (int) rows().keySet().stream().filter(k -> k.startsWith(keyPrefix)).count();
            }
        }

        @Override
        public boolean claim(String key, String holder, Duration period) {
            synchronized (InMemoryRecords.this) {
                Row row = rows().get(key);
                Instant now = clock.instant();
                if (row == null || row.claimedBy != null && !row.claimedBy.equals(holder) && row.claimedUntil.isAfter(now)) {
                    return false;
                }
                row.claimedBy = holder;
                row.claimedUntil = now.plus(period);
                return true;
            }
        }
    }

    private final class OneLease implements Lease {
        private final String name;
        private final Duration period;
        private boolean closed;

        OneLease(String name, Duration period) {
            this.name = name;
            this.period = period;
        }

        @Override
        public boolean holds() {
            synchronized (InMemoryRecords.this) {
                if (closed) {
                    return false;
                }
                LeaseRow row = leases.get(name);
                Instant now = clock.instant();
                if (row != null && row.holder() != this && row.until().isAfter(now)) {
                    return false;
                }
                leases.put(name, new LeaseRow(this, now.plus(period)));
                return true;
            }
        }

        @Override
        public void close() {
            synchronized (InMemoryRecords.this) {
                closed = true;
                LeaseRow row = leases.get(name);
                if (row != null && row.holder() == this) {
                    leases.remove(name);
                }
            }
        }
    }
}
