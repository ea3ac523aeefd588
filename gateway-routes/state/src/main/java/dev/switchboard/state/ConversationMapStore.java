package dev.switchboard.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.hub.binary.Binary;
import dev.switchboard.hub.binary.BinaryCodec;
import dev.switchboard.hub.domain.Conversation;
import dev.switchboard.hub.domain.CustomerContext;
import dev.switchboard.hub.domain.StoredMessage;
import dev.switchboard.spi.DeliveryStatus;
import dev.switchboard.spi.ThreadMessage.Direction;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Conversation threads in tables {@code conversations} and {@code messages}. Messages are only ever
 * appended, so a change carries the header and the messages not journaled yet.
 */
final class ConversationMapStore extends JdbcMapStore<Conversation> {
    private static final HexFormat HEX = HexFormat.of();
    private final ObjectMapper json;
    /**
     * What this node journaled last of each conversation: the next change carries what differs from it. Only
     * a summary, as the map keeps its conversations in binary form: a whole copy here would cost more than
     * the map's own.
     */
    private final Map<String, Journaled> journaled = new ConcurrentHashMap<>();

    ConversationMapStore(DataSource dataSource, GroupCommit writes, ObjectMapper json) {
        super(dataSource, writes);
        this.json = json;
    }

    /**
     * A change of a conversation: its header and context, the messages from {@code firstSeq} on (those not
     * journaled before), so that a long thread's every append does not write it whole, and the delivery
     * statuses of earlier messages that changed since (a status changes after its message is stored).
     * {@code contextUnchanged}: the header the database has is still right (most changes: a receipt, an
     * answer); it defaults to {@code false}, so a change journaled before the flag existed writes it.
     */
    record Change(int firstSeq, Conversation conversation, List<Delivery> deliveries, boolean contextUnchanged)
            implements Serializable {
        private static final long serialVersionUID = 2L;
    }

    /** The delivery status of the message at {@code seq}. */
    record Delivery(int seq, DeliveryStatus status, String detail) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * What a change is computed against: how many messages were journaled, the context, and each message's
     * delivery status (a byte each: 0 for none, else the status's ordinal + 1) with the details there are.
     */
    record Journaled(int messages, CustomerContext context, byte[] statuses, Map<Integer, String> details) {
        static Journaled of(Conversation conversation) {
            List<StoredMessage> messages = conversation.messages();
            byte[] statuses = new byte[messages.size()];
            Map<Integer, String> details = Map.of();
            for (int seq = 0; seq < statuses.length; seq++) {
                StoredMessage m = messages.get(seq);
                statuses[seq] = (byte) (m.delivery() == null ? 0 : m.delivery().ordinal() + 1);
                if (m.deliveryDetail() != null) {
                    details = details.isEmpty() ? new HashMap<>() : details;
                    details.put(seq, m.deliveryDetail());
                }
            }
            // Most threads have no context: the one NONE then, not a decoded copy per conversation.
            CustomerContext context = CustomerContext.NONE.equals(conversation.context()) ? CustomerContext.NONE
                    : conversation.context();
            return new Journaled(statuses.length, context, statuses, details);
        }

        /** Whether the message at {@code seq} has this delivery status and detail already. */
        boolean has(int seq, DeliveryStatus status, String detail) {
            return statuses[seq] == (status == null ? 0 : status.ordinal() + 1) && Objects.equals(details.get(seq), detail);
        }
    }

    private static final BinaryCodec<Delivery> DELIVERY = new BinaryCodec<>() {
        @Override
        public void write(DataOutput out, Delivery delivery) throws IOException {
            out.writeInt(delivery.seq());
            Binary.writeEnum(out, delivery.status());
            Binary.writeString(out, delivery.detail());
        }

        @Override
        public Delivery read(DataInput in) throws IOException {
            return new Delivery(in.readInt(), Binary.readEnum(in, DeliveryStatus.class), Binary.readString(in));
        }
    };

    /** A change's journal form. */
    static final BinaryCodec<Change> CHANGE = new BinaryCodec<>() {
        @Override
        public void write(DataOutput out, Change change) throws IOException {
            out.writeInt(change.firstSeq());
            HubCodecs.CONVERSATION.write(out, change.conversation());
            Binary.writeList(out, change.deliveries(), DELIVERY);
            out.writeBoolean(change.contextUnchanged());
        }

        @Override
        public Change read(DataInput in) throws IOException {
            return new Change(in.readInt(), HubCodecs.CONVERSATION.read(in), Binary.readList(in, DELIVERY),
                    in.readBoolean());
        }
    };

    @Override
    String keysQuery() {
        return "SELECT id FROM conversations";
    }

    @Override
    JournaledWrite journaled(String id, Conversation conversation) {
        Change change = change(conversation, journaled.get(id));
        return new JournaledWrite(CHANGE.toBytes(change), connection -> write(connection, id, change));
    }

    @Override
    void stored(String id, Conversation conversation) {
        journaled.put(id, Journaled.of(conversation));
    }

    /**
     * What {@code conversation} adds to {@code before}, what was journaled of it before ({@code null}: nothing,
     * so all of it): the messages after those, and the delivery statuses of earlier ones that changed.
     */
    static Change change(Conversation conversation, Journaled before) {
        List<StoredMessage> messages = conversation.messages();
        int firstSeq = before == null ? 0 : Math.min(before.messages(), messages.size());
        List<Delivery> deliveries = new ArrayList<>();
        for (int seq = 0; seq < firstSeq; seq++) {
            StoredMessage m = messages.get(seq);
            if (m.delivery() != null && !before.has(seq, m.delivery(), m.deliveryDetail())) {
                deliveries.add(new Delivery(seq, m.delivery(), m.deliveryDetail()));
            }
        }
        return new Change(firstSeq, new Conversation(conversation.id(), conversation.customerId(),
                conversation.openedFrom(), conversation.tokenHash(), conversation.startedAt(), conversation.context(),
                List.copyOf(messages.subList(firstSeq, messages.size()))), deliveries,
                before != null && Objects.equals(before.context(), conversation.context()));
    }

    @Override
    public void replay(Connection connection, String id, byte[] body) throws SQLException {
        write(connection, id, decode(body, CHANGE));
    }

    @Override
    void write(Connection connection, String id, Conversation conversation) throws SQLException {
        write(connection, id, change(conversation, null));
    }

    /**
     * Upserts the header, inserts the change's messages that the database does not have yet, and updates
     * the delivery status of those it has.
     */
    private void write(Connection connection, String id, Change change) throws SQLException {
        Conversation conversation = change.conversation();
        if (!change.contextUnchanged()) {
            writeHeader(connection, id, conversation, change.firstSeq() == 0);
        }
        List<Delivery> deliveries = new ArrayList<>(change.deliveries());
        List<StoredMessage> messages = conversation.messages();
        if (!messages.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO messages (conversation_id, seq, id, channel, direction, author, body, sent_at,"
                            + " idempotency_key, delivery_status, delivery_detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < messages.size(); i++) {
                    StoredMessage m = messages.get(i);
                    int seq = change.firstSeq() + i;
                    insert.setString(1, id);
                    insert.setInt(2, seq);
                    insert.setString(3, m.id());
                    insert.setString(4, m.channel());
                    insert.setString(5, m.direction().name());
                    insert.setString(6, m.author());
                    insert.setString(7, m.text());
                    SqlTimes.set(insert, 8, m.at());
                    insert.setString(9, m.idempotencyKey());
                    insert.setString(10, m.delivery() == null ? null : m.delivery().name());
                    insert.setString(11, m.deliveryDetail());
                    if (!insertOnce(insert) && m.delivery() != null) {
                        deliveries.add(new Delivery(seq, m.delivery(), m.deliveryDetail()));
                    }
                }
            }
        }
        updateDeliveries(connection, id, deliveries);
    }

    /** Writes delivery statuses where the row differs; messages without a status (most channels) cost nothing. */
    private static void updateDeliveries(Connection connection, String id, List<Delivery> deliveries) throws SQLException {
        if (deliveries.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE messages SET delivery_status = ?,"
                + " delivery_detail = ? WHERE conversation_id = ? AND seq = ?"
                + " AND (delivery_status IS NULL OR delivery_status <> ?)")) {
            for (Delivery delivery : deliveries) {
                update.setString(1, delivery.status().name());
                update.setString(2, delivery.detail());
                update.setString(3, id);
                update.setInt(4, delivery.seq());
                update.setString(5, delivery.status().name());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /**
     * Inserts the header of a conversation new to this node (a new one, mostly), else updates its context:
     * what changes in a header once written.
     */
    private void writeHeader(Connection connection, String id, Conversation conversation, boolean newHere)
            throws SQLException {
        String context = toJson(conversation.context());
        if (newHere && insertHeader(connection, id, conversation, context)) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE conversations SET context_json = ? WHERE id = ?")) {
            update.setString(1, context);
            update.setString(2, id);
            if (update.executeUpdate() == 0) {
                insertHeader(connection, id, conversation, context);
            }
        }
    }

    /** Returns whether the header was inserted ({@code false}: the database has it). */
    private static boolean insertHeader(Connection connection, String id, Conversation c, String context) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO conversations (id, customer_id, opened_from, token_hash, started_at, context_json)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, c.customerId());
            insert.setString(3, c.openedFrom());
            insert.setString(4, HEX.formatHex(c.tokenHash()));
            SqlTimes.set(insert, 5, c.startedAt());
            insert.setString(6, context);
            return insertOnce(insert);
        }
    }

    @Override
    Conversation read(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT customer_id, opened_from, token_hash, started_at, context_json FROM conversations WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                return new Conversation(id, row.getString("customer_id"), row.getString("opened_from"),
                        HEX.parseHex(row.getString("token_hash")), SqlTimes.get(row, "started_at"),
                        fromJson(row.getString("context_json")), readMessages(connection, id));
            }
        }
    }

    private static List<StoredMessage> readMessages(Connection connection, String id) throws SQLException {
        List<StoredMessage> messages = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, channel, direction, author, body, sent_at, idempotency_key, delivery_status, delivery_detail"
                        + " FROM messages"
                        + " WHERE conversation_id = ? ORDER BY seq")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    messages.add(new StoredMessage(row.getString("id"), row.getString("channel"),
                            Direction.valueOf(row.getString("direction")), row.getString("author"),
                            row.getString("body"), SqlTimes.get(row, "sent_at"), row.getString("idempotency_key"),
                            deliveryStatus(row.getString("delivery_status")), row.getString("delivery_detail")));
                }
            }
        }
        return messages;
    }

    private static DeliveryStatus deliveryStatus(String stored) {
        return stored == null ? null : DeliveryStatus.valueOf(stored);
    }

    private String toJson(CustomerContext context) {
        try {
            return json.writeValueAsString(context);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("customer context cannot be written as JSON", e);
        }
    }

    private CustomerContext fromJson(String text) {
        try {
            return text == null ? CustomerContext.NONE : json.readValue(text, CustomerContext.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored customer context is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
