package dev.switchboard.state;

import com.hazelcast.map.EntryProcessor;
import dev.switchboard.hub.domain.Conversation;
import java.util.Map;

/**
 * A conversation's header as the cluster's cache holds it, with the revision the database gave it: each change of a
 * header commits the next revision, under the row's lock, so the cache keeps the highest it was told of.
 */
record CachedHeader(Conversation header, long revision) {

    /** Puts a header into the cache unless the cache holds a later revision (a change committed after it). */
    record KeepNewer(CachedHeader newer) implements EntryProcessor<String, CachedHeader, Void> {
        @Override
        public Void process(Map.Entry<String, CachedHeader> entry) {
            CachedHeader held = entry.getValue();
            if (held == null || held.revision() < newer.revision()) {
                entry.setValue(newer);
            }
            return null;
        }
    }
}
