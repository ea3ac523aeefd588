package dev.switchboard.hub.domain;

import dev.switchboard.spi.DeliveryStatus;
import dev.switchboard.spi.ThreadMessage.Direction;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A customer's one conversation thread, across every channel he used.
 *
 * @param id          the conversation id
 * @param customerId  whose thread it is
 * @param openedFrom  the address key of the first contact
 * @param tokenHash   SHA-256 of the customer token that lets the customer read the thread
 * @param startedAt   when the first message came
 * @param context     what the devices last told about the customer
 * @param messages    every message, oldest first
 */
public record Conversation(String id, String customerId, String openedFrom, byte[] tokenHash, Instant startedAt,
                           CustomerContext context, List<StoredMessage> messages) implements Serializable {

    public Conversation {
        messages = List.copyOf(messages);
        context = context == null ? CustomerContext.NONE : context;
    }

    /** A new, empty thread. */
    public static Conversation open(String id, String customerId, String openedFrom, byte[] tokenHash, Instant at) {
        return new Conversation(id, customerId, openedFrom, tokenHash, at, CustomerContext.NONE, List.of());
    }

    /**
     * This thread with {@code message} appended, unless a message of the same direction and idempotency key
     * is there already (a retried or concurrent repeat of one interaction), in which case the thread is
     * returned unchanged: each interaction leaves at most one question and one answer in the thread.
     */
    public Conversation with(StoredMessage message) {
        if (find(message.direction(), message.idempotencyKey()).isPresent()) {
            return this;
        }
        List<StoredMessage> longer = new ArrayList<>(messages.size() + 1);
        longer.addAll(messages);
        longer.add(message);
        return new Conversation(id, customerId, openedFrom, tokenHash, startedAt, context, longer);
    }

    /** This thread with each of {@code more} appended as {@link #with(StoredMessage)} does. */
    public Conversation with(List<StoredMessage> more) {
        Conversation result = this;
        for (StoredMessage message : more) {
            result = result.with(message);
        }
        return result;
    }

    /** This thread with the customer context updated from {@code newer}. */
    public Conversation withContext(CustomerContext newer) {
        CustomerContext merged = context.updatedWith(newer);
        if (merged.equals(context)) {
            return this;
        }
        return new Conversation(id, customerId, openedFrom, tokenHash, startedAt, merged, messages);
    }

    /**
     * This thread with the delivery status of one message updated (see {@link StoredMessage#withDelivery}),
     * or itself when the message is not in it or the status does not change.
     */
    public Conversation withDelivery(String messageId, DeliveryStatus status, String detail) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            StoredMessage message = messages.get(i);
            if (message.id().equals(messageId)) {
                StoredMessage updated = message.withDelivery(status, detail);
                if (updated == message) {
                    return this;
                }
                List<StoredMessage> changed = new ArrayList<>(messages);
                changed.set(i, updated);
                return new Conversation(id, customerId, openedFrom, tokenHash, startedAt, context, changed);
            }
        }
        return this;
    }

    /** The message of one direction stored for an idempotency key, if any. */
    public Optional<StoredMessage> find(Direction direction, String idempotencyKey) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            StoredMessage m = messages.get(i);
            if (m.direction() == direction && m.idempotencyKey().equals(idempotencyKey)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
