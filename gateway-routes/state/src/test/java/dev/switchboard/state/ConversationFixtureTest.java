package dev.switchboard.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.hub.domain.Conversation;
import dev.switchboard.hub.domain.ConversationStore;
import dev.switchboard.hub.domain.CustomerContext;
import dev.switchboard.hub.domain.IdentifiedCustomer;
import dev.switchboard.hub.domain.ReadConversation;
import dev.switchboard.hub.domain.ResolveCustomer;
import dev.switchboard.hub.domain.StoredMessage;
import dev.switchboard.spi.ConversationView;
import dev.switchboard.spi.ThreadMessage;
import dev.switchboard.spi.ThreadMessage.Direction;
import dev.switchboard.spi.ThreadPage;
import dev.switchboard.spi.WebVisitorId;
import dev.switchboard.testing.ConversationFixture;
import dev.switchboard.testing.HubState;
import dev.switchboard.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The fixture of many stored conversations (PostgreSQL only) writes what the gateway's stores write: its rows read
 * through the real stores as the conversations they stand for, have the same columns filled as a conversation the hub
 * stored itself, and take a follow-up.
 */
class ConversationFixtureTest {
    private static final int COUNT = 250;
    private static final int CHUNK = 100;

    @Test
    void everyConversationReadsThroughTheStoresWithItsToken() throws Exception {
        try (TestDatabase db = TestDatabase.postgres(); HubState state = HubState.open(db)) {
            ConversationFixture.fill(state.database().dataSource(), COUNT, CHUNK);
            ConversationStore conversations = state.member().conversationStore();
            ResolveCustomer resolve = new ResolveCustomer(state.member().customerDirectory(), conversations,
                    state.member().customerMerges(), Clock.systemUTC());
            ReadConversation read = new ReadConversation(conversations, state.member().customerDirectory());

            for (long i : List.of(0L, 1L, (long) CHUNK - 1, (long) CHUNK, (long) COUNT - 1)) {
                IdentifiedCustomer customer = resolve.resolve(new WebVisitorId(ConversationFixture.visitorId(i)),
                        ConversationFixture.CHANNEL, ConversationFixture.token(i));
                assertThat(customer.stored()).as("conversation %d is stored", i).isTrue();
                assertThat(customer.token()).as("token of conversation %d is valid", i).isEqualTo(ConversationFixture.token(i));
                assertThat(customer.customer().id()).isEqualTo(ConversationFixture.customerId(i));
                Conversation header = customer.conversation();
                assertThat(header.id()).isEqualTo(ConversationFixture.conversationId(i));
                assertThat(header.openedFrom()).isEqualTo("visitor:" + ConversationFixture.visitorId(i));
                assertThat(header.context()).isEqualTo(CustomerContext.NONE);
                assertThat(header.messageCount()).isEqualTo(2);
                assertThat(header.startedAt()).isEqualTo(ConversationFixture.startedAt(i));
                assertThat(header.lastActivity()).isEqualTo(ConversationFixture.answeredAt(i));
                assertThat(header.channelsHeard()).containsExactly(ConversationFixture.CHANNEL);
                assertThat(header.lastHeard()).isEqualTo(ConversationFixture.CHANNEL);
                assertThat(header.lastHeardAt()).isEqualTo(ConversationFixture.startedAt(i));

                ConversationView view = read.forCustomer(header.id(), ConversationFixture.token(i), ThreadPage.newest())
                        .orElseThrow();
                assertThat(view.olderCursor()).isNull();
                assertThat(view.messages()).extracting(ThreadMessage::direction, ThreadMessage::author, ThreadMessage::text,
                        ThreadMessage::at).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Direction.INBOUND, "you", ConversationFixture.question(i),
                                ConversationFixture.startedAt(i)),
                        org.assertj.core.groups.Tuple.tuple(Direction.OUTBOUND, StoredMessage.HELP_DESK_AUTHOR,
                                ConversationFixture.answer(i), ConversationFixture.answeredAt(i)));
                assertThat(read.forCustomer(header.id(), ConversationFixture.token(i + 1), ThreadPage.newest())).isEmpty();
            }
            assertThat(count(state.database().dataSource(), "SELECT COUNT(*) FROM conversations")).isEqualTo(COUNT);
            assertThat(count(state.database().dataSource(), "SELECT COUNT(*) FROM messages")).isEqualTo(2L * COUNT);
        }
    }

    @Test
    void aFixtureConversationTakesAFollowUpOnceAndItsQuestionIsNotTakenAgain() throws Exception {
        try (TestDatabase db = TestDatabase.postgres(); HubState state = HubState.open(db)) {
            ConversationFixture.fill(state.database().dataSource(), 3, CHUNK);
            ConversationStore conversations = state.member().conversationStore();
            String id = ConversationFixture.conversationId(2);
            Instant now = Instant.now();
            List<StoredMessage> followUp = List.of(
                    new StoredMessage("m-follow-q", ConversationFixture.CHANNEL, Direction.INBOUND, "you", "and on Sunday?",
                            now, "follow-up-1"),
                    new StoredMessage("m-follow-a", ConversationFixture.CHANNEL, Direction.OUTBOUND,
                            StoredMessage.HELP_DESK_AUTHOR, "closed", now, "follow-up-1"));
            conversations.record(id, null, followUp, null);
            conversations.record(id, null, followUp, null);
            conversations.record(id, null, List.of(new StoredMessage("m-again", ConversationFixture.CHANNEL,
                    Direction.INBOUND, "you", ConversationFixture.question(2), now, ConversationFixture.idempotencyKey(2))),
                    null);

            assertThat(conversations.get(id).orElseThrow().messageCount()).isEqualTo(4);
            assertThat(conversations.page(id, ThreadPage.newest()).messages()).extracting(StoredMessage::text)
                    .containsExactly(ConversationFixture.question(2), ConversationFixture.answer(2), "and on Sunday?",
                            "closed");
        }
    }

    @Test
    void theFixtureFillsTheColumnsTheHubFills() throws Exception {
        try (TestDatabase db = TestDatabase.postgres(); HubState state = HubState.open(db)) {
            ConversationFixture.fill(state.database().dataSource(), 1, CHUNK);
            ConversationStore conversations = state.member().conversationStore();
            ResolveCustomer resolve = new ResolveCustomer(state.member().customerDirectory(), conversations,
                    state.member().customerMerges(), Clock.systemUTC());
            IdentifiedCustomer hub = resolve.resolve(new WebVisitorId("hub-visitor-0001"), ConversationFixture.CHANNEL, null);
            Instant now = Instant.now();
            conversations.record(hub.conversation().id(), hub.conversation(), List.of(
                    new StoredMessage("m-hub-q", ConversationFixture.CHANNEL, Direction.INBOUND, "you", "when?", now, "k-1"),
                    new StoredMessage("m-hub-a", ConversationFixture.CHANNEL, Direction.OUTBOUND,
                            StoredMessage.HELP_DESK_AUTHOR, "9:00", now.plusMillis(1), "k-1")), CustomerContext.NONE);
            DataSource data = state.database().dataSource();
            String fixture = ConversationFixture.conversationId(0);
            String hubs = hub.conversation().id();

            Map<String, Object> fixtureHeader = row(data, "SELECT * FROM conversations WHERE id = ?", fixture);
            Map<String, Object> hubHeader = row(data, "SELECT * FROM conversations WHERE id = ?", hubs);
            for (String same : List.of("context_json", "message_count", "channels_heard", "last_heard", "revision")) {
                assertThat(fixtureHeader.get(same)).as(same).isEqualTo(hubHeader.get(same));
            }
            assertThat(nullColumns(fixtureHeader)).isEqualTo(nullColumns(hubHeader));
            assertThat((String) fixtureHeader.get("token_hash")).isEqualTo(ConversationFixture.tokenHash(0)).matches("[0-9a-f]{64}");
            for (int seq : List.of(0, 1)) {
                Map<String, Object> fixtureMessage = row(data,
                        "SELECT * FROM messages WHERE conversation_id = ? AND seq = " + seq, fixture);
                Map<String, Object> hubMessage = row(data, "SELECT * FROM messages WHERE conversation_id = ? AND seq = " + seq, hubs);
                for (String same : List.of("channel", "direction", "author")) {
                    assertThat(fixtureMessage.get(same)).as(same + " of message " + seq).isEqualTo(hubMessage.get(same));
                }
                assertThat(nullColumns(fixtureMessage)).isEqualTo(nullColumns(hubMessage));
            }
            String customerOf = "SELECT * FROM customers WHERE id = ?";
            assertThat(nullColumns(row(data, customerOf, ConversationFixture.customerId(0))))
                    .isEqualTo(nullColumns(row(data, customerOf, hub.customer().id())));
            Map<String, Object> fixtureLink = row(data, "SELECT * FROM address_links WHERE customer_id = ?",
                    ConversationFixture.customerId(0));
            Map<String, Object> hubLink = row(data, "SELECT * FROM address_links WHERE customer_id = ?", hub.customer().id());
            assertThat(fixtureLink.get("source")).isEqualTo(hubLink.get("source"));
            assertThat(nullColumns(fixtureLink)).isEqualTo(nullColumns(hubLink));
        }
    }

    private static Map<String, Object> row(DataSource data, String sql, String parameter) throws SQLException {
        try (Connection connection = data.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (ResultSet rows = select.executeQuery()) {
                assertThat(rows.next()).as(sql + " " + parameter).isTrue();
                ResultSetMetaData columns = rows.getMetaData();
                Map<String, Object> row = new LinkedHashMap<>();
                for (int c = 1; c <= columns.getColumnCount(); c++) {
                    row.put(columns.getColumnName(c).toLowerCase(java.util.Locale.ROOT), rows.getObject(c));
                }
                return row;
            }
        }
    }

    private static Set<String> nullColumns(Map<String, Object> row) {
        Set<String> nulls = new java.util.TreeSet<>();
        row.forEach((column, value) -> {
            if (value == null) {
                nulls.add(column);
            }
        });
        return nulls;
    }

    private static long count(DataSource data, String sql) throws SQLException {
        try (Connection connection = data.getConnection(); PreparedStatement select = connection.prepareStatement(sql);
             ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
