package dev.switchboard.state;

import com.hazelcast.map.EntryProcessor;
import dev.switchboard.hub.binary.Binary;
import dev.switchboard.hub.binary.BinaryCodec;
import dev.switchboard.hub.domain.Conversation;
import dev.switchboard.hub.domain.CustomerContext;
import dev.switchboard.hub.domain.StoredMessage;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Appends messages to a conversation where the entry lives, so that two nodes appending at once never
 * overwrite each other; stores the opening conversation first when there is none. Returns whether the
 * conversation is stored (only a small answer travels back, however long the thread).
 */
final class RecordMessages implements EntryProcessor<String, Conversation, Boolean> {
    private static final long serialVersionUID = 1L;

    private final Conversation opening;
    private final List<StoredMessage> messages;
    private final CustomerContext context;

    RecordMessages(Conversation opening, List<StoredMessage> messages, CustomerContext context) {
        this.opening = opening;
        this.messages = List.copyOf(messages);
        this.context = context;
    }

    /** Its form between members: it travels to the member owning the conversation, and to the backup. */
    static final BinaryCodec<RecordMessages> CODEC = new BinaryCodec<>() {
        @Override
        public void write(DataOutput out, RecordMessages record) throws IOException {
            out.writeBoolean(record.opening != null);
            if (record.opening != null) {
                HubCodecs.CONVERSATION.write(out, record.opening);
            }
            Binary.writeList(out, record.messages, HubCodecs.STORED_MESSAGE);
            out.writeBoolean(record.context != null);
            if (record.context != null) {
                HubCodecs.CUSTOMER_CONTEXT.write(out, record.context);
            }
        }

        @Override
        public RecordMessages read(DataInput in) throws IOException {
            Conversation opening = in.readBoolean() ? HubCodecs.CONVERSATION.read(in) : null;
            List<StoredMessage> messages = Binary.readList(in, HubCodecs.STORED_MESSAGE);
            CustomerContext context = in.readBoolean() ? HubCodecs.CUSTOMER_CONTEXT.read(in) : null;
            return new RecordMessages(opening, messages, context);
        }
    };

    @Override
    public Boolean process(Map.Entry<String, Conversation> entry) {
        Conversation before = entry.getValue() == null ? opening : entry.getValue();
        if (before == null) {
            return false;
        }
        Conversation after = before.with(messages);
        if (context != null) {
            after = after.withContext(context);
        }
        if (after != entry.getValue()) {
            entry.setValue(after);
        }
        return true;
    }
}
