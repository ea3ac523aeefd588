package dev.switchboard.state;

import com.hazelcast.config.ClassFilter;
import com.hazelcast.config.CompactSerializationConfig;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.SerializationConfig;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import dev.switchboard.desk.DeskTypes;
import dev.switchboard.hub.domain.AddressLink;
import dev.switchboard.hub.domain.Conversation;
import dev.switchboard.hub.domain.Customer;
import dev.switchboard.hub.domain.CustomerContext;
import dev.switchboard.hub.domain.CustomerMerge;
import dev.switchboard.hub.domain.RecordedOutcome;
import dev.switchboard.spi.NearbyPoint;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every class the cluster's members carry between them and keep in their maps, in one form: Hazelcast's Compact
 * serialization, each record by its components (the reflective record serializer, no hand-written layout), an
 * instant and a change's answer by the two serializers below. One list, registered the same on every member.
 *
 * <p>Java serialization of the gateway's own classes is refused: a class of {@code dev.switchboard} that is
 * {@link java.io.Serializable} and not listed here would be written by Java serialization, and reading it fails
 * loudly on every member. Adapters' values ({@code AdapterContext.sharedMap}, {@code sharedTopic}) are not listed:
 * they are records Compact carries without registration (its zero-config form, the same as a listed record's).
 */
final class CompactTypes {
    private CompactTypes() {
    }

    /** The package whose classes Java serialization refuses. */
    static final String REFUSED_BY_JAVA_SERIALIZATION = "dev.switchboard.";

    /** The hub's records: cached customers, links, conversation headers, outcomes; the merges. */
    static final List<Class<?>> HUB = List.of(Customer.class, AddressLink.class, Conversation.class,
            CustomerContext.class, RecordedOutcome.class, RecordedOutcome.StoredReply.class, NearbyPoint.class,
            CustomerMerge.class);

    /** This module's own: the cached header and the entry processors and predicate that run where an entry lives. */
    static final List<Class<?>> STATE = List.of(CachedHeader.class, CachedHeader.KeepNewer.class,
            HazelcastSharedRecords.ApplyChange.class, HazelcastSharedRecords.Matches.class, AgentMaps.KeepFinished.class);

    /** Every class registered, the desk's records, changes and filters included. */
    static final List<Class<?>> CLASSES = Stream.of(HUB, DeskTypes.RECORDS, DeskTypes.CHANGES, DeskTypes.FILTERS,
            STATE).flatMap(List::stream).toList();

    /** The types with a serializer of their own: instants, and a change's answer. */
    static final List<CompactSerializer<?>> SERIALIZERS = List.of(new InstantSerializer(), new ChangedSerializer());

    /** Has Hazelcast carry {@link #CLASSES} and {@link #SERIALIZERS} in Compact form, and refuse the rest of ours. */
    static SerializationConfig configure(SerializationConfig config) {
        CompactSerializationConfig compact = config.getCompactSerializationConfig();
        CLASSES.forEach(compact::addClass);
        SERIALIZERS.forEach(compact::addSerializer);
        // Only the blacklist: Hazelcast's default whitelist would also refuse the database drivers' exceptions that
        // a failure on another member carries, and replace their message by a refusal.
        config.setJavaSerializationFilterConfig(new JavaSerializationFilterConfig().setDefaultsDisabled(true)
                .setBlacklist(new ClassFilter().addPrefixes(REFUSED_BY_JAVA_SERIALIZATION)));
        return config;
    }
}
