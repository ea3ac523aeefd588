package dev.switchboard.hub.state;

import com.hazelcast.config.SerializationConfig;
import com.hazelcast.config.SerializerConfig;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.StreamSerializer;
import java.io.IOException;

/** A {@link BinaryCodec} as Hazelcast's serializer of its type. */
final class CodecSerializer<T> implements StreamSerializer<T> {
    private final int typeId;
    private final BinaryCodec<T> codec;

    private CodecSerializer(int typeId, BinaryCodec<T> codec) {
        this.typeId = typeId;
        this.codec = codec;
    }

    /**
     * Has Hazelcast use the hub's codecs for its records. Every member must register the same: a type id
     * names the form on the wire between members.
     */
    static void register(SerializationConfig config) {
        add(config, 1001, HubCodecs.CUSTOMER, dev.switchboard.hub.domain.Customer.class);
        add(config, 1002, HubCodecs.ADDRESS_LINK, dev.switchboard.hub.domain.AddressLink.class);
        add(config, 1003, HubCodecs.CONVERSATION, dev.switchboard.hub.domain.Conversation.class);
        add(config, 1004, HubCodecs.RECORDED_OUTCOME, dev.switchboard.hub.domain.RecordedOutcome.class);
        add(config, 1005, HubCodecs.STORED_MESSAGE, dev.switchboard.hub.domain.StoredMessage.class);
        add(config, 1006, HubCodecs.CUSTOMER_CONTEXT, dev.switchboard.hub.domain.CustomerContext.class);
        add(config, 1007, RecordMessages.CODEC, RecordMessages.class);
    }

    private static <T> void add(SerializationConfig config, int typeId, BinaryCodec<T> codec, Class<T> type) {
        config.addSerializerConfig(new SerializerConfig().setTypeClass(type)
                .setImplementation(new CodecSerializer<>(typeId, codec)));
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
