package dev.switchboard.state;

import com.hazelcast.map.EntryProcessor;
import dev.switchboard.hub.domain.Conversation;
import dev.switchboard.spi.DeliveryStatus;
import java.util.Map;

/** Sets one message's delivery status where the conversation lives; an unknown conversation stays absent. */
final class RecordDelivery implements EntryProcessor<String, Conversation, Void> {
    private static final long serialVersionUID = 1L;

    private final String messageId;
    private final DeliveryStatus status;
    private final String detail;

    RecordDelivery(String messageId, DeliveryStatus status, String detail) {
        this.messageId = messageId;
        this.status = status;
        this.detail = detail;
    }

    @Override
    public Void process(Map.Entry<String, Conversation> entry) {
        Conversation before = entry.getValue();
        if (before != null) {
            Conversation after = before.withDelivery(messageId, status, detail);
            if (after != before) {
                entry.setValue(after);
            }
        }
        return null;
    }
}
