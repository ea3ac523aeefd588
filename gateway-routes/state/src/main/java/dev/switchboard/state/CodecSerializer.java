package dev.switchboard.state;

import com.hazelcast.config.SerializationConfig;
import com.hazelcast.config.SerializerConfig;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.StreamSerializer;
import dev.switchboard.desk.AgentCodecs;
import dev.switchboard.desk.AgentStatus;
import dev.switchboard.desk.Assignment;
import dev.switchboard.desk.DeskEvent;
import dev.switchboard.hub.binary.BinaryCodec;
import dev.switchboard.hub.domain.AddressLink;
import dev.switchboard.hub.domain.Conversation;
import dev.switchboard.hub.domain.Customer;
import dev.switchboard.hub.domain.CustomerContext;
import dev.switchboard.hub.domain.RecordedOutcome;
import dev.switchboard.hub.domain.StoredMessage;
import java.io.IOException;
import java.util.List;

/** A {@link BinaryCodec} as Hazelcast's serializer of its type. */
final class CodecSerializer<T> implements StreamSerializer<T> {
    private final int typeId;
    private final BinaryCodec<T> codec;

    private CodecSerializer(int typeId, BinaryCodec<T> codec) {
        this.typeId = typeId;
        this.codec = codec;
    }

    /** One record type Hazelcast carries in its binary form, under its type id. */
    private record Type<T>(int id, Class<T> type, BinaryCodec<T> codec) {
    }

    /**
     * Every record type with a binary form, one line each: the type id names the form on the wire between members
     * (every member must register the same), so a new type takes the next free id here.
     */
    private static final List<Type<?>> TYPES = List.of(
            new Type<>(1001, Customer.class, HubCodecs.CUSTOMER),
            new Type<>(1002, AddressLink.class, HubCodecs.ADDRESS_LINK),
            new Type<>(1003, Conversation.class, HubCodecs.CONVERSATION),
            new Type<>(1011, CachedHeader.class, HubCodecs.CACHED_HEADER),
            new Type<>(1012, CachedHeader.KeepNewer.class, HubCodecs.KEEP_NEWER),
            new Type<>(1004, RecordedOutcome.class, HubCodecs.RECORDED_OUTCOME),
            new Type<>(1005, StoredMessage.class, HubCodecs.STORED_MESSAGE),
            new Type<>(1006, CustomerContext.class, HubCodecs.CUSTOMER_CONTEXT),
            new Type<>(1008, Assignment.class, AgentCodecs.ASSIGNMENT),
            new Type<>(1009, AgentStatus.class, AgentCodecs.AGENT_STATUS),
            new Type<>(1010, DeskEvent.class, AgentCodecs.DESK_EVENT));

    /** Has Hazelcast use the binary forms of {@link #TYPES}. */
    static void register(SerializationConfig config) {
        if (TYPES.stream().map(Type::id).distinct().count() != TYPES.size()
                || TYPES.stream().map(Type::type).distinct().count() != TYPES.size()) {
            throw new IllegalStateException("two record types share a type id or a class: " + TYPES);
        }
        TYPES.forEach(type -> add(config, type));
    }

    private static <T> void add(SerializationConfig config, Type<T> type) {
        config.addSerializerConfig(new SerializerConfig().setTypeClass(type.type())
                .setImplementation(new CodecSerializer<>(type.id(), type.codec())));
    }

    @Override
    public void write(ObjectDataOutput out, T value) throws IOException {
        codec.write(out, value);
    }

    @Override
    public T read(ObjectDataInput in) throws IOException {
        return codec.read(in);
    }

    @Override
    public int getTypeId() {
        return typeId;
    }
}
