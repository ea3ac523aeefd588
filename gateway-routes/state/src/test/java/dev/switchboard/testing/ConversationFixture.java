package dev.switchboard.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.hub.domain.CustomerContext;
import dev.switchboard.hub.domain.CustomerTokens;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Many stored web conversations in a PostgreSQL database at once, in the shape the gateway's stores write them
 * ({@code CustomerMapStore}, {@code AddressLinkTable}, {@code ConversationTables}): for each number {@code i}, a
 * customer, the link of his web visitor id, a conversation header and its two messages, the question and the help
 * desk's answer. The database makes the rows itself ({@code INSERT ... SELECT} over {@code generate_series}, nothing
 * sent row by row), {@value #CHUNK} conversations a transaction; ids grow with {@code i}, so every index
 * is appended to at its end. Run on a database the gateway's migrations made ({@code Database.open}).
 *
 * <p>Everything of conversation {@code i} is known from {@code i} alone: its id, visitor id, texts and its customer
 * token, {@code "t" + i}, whose SHA-256 (hex, as {@link CustomerTokens#hash}) is the header's {@code token_hash}, so
 * that a test reads any of them over the customer API.
 */
public final class ConversationFixture {
    private static final Logger LOG = LoggerFactory.getLogger(ConversationFixture.class);
    /** The channel of every fixture message: the web chat's. */
    public static final String CHANNEL = "web-chat";
    /** Conversations written in one transaction. */
    public static final int CHUNK = 100_000;
    /** The first conversation starts here; conversation {@code i} starts {@code i} seconds later. */
    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    /** The answer follows its question by this much. */
    private static final double ANSWER_AFTER_SECONDS = 0.25;

    // The SQL below spells out these forms: a number zero-padded to 9 digits after a prefix.
    private static final String CONVERSATION = "'cv-fx' || lpad(i::text, 9, '0')";
    private static final String CUSTOMER = "'cu-fx' || lpad(i::text, 9, '0')";
    private static final String VISITOR = "'fixture-' || lpad(i::text, 9, '0')";
    private static final String STARTED = "to_timestamp(? + i)";
    private static final String ANSWERED = "to_timestamp(? + i + " + ANSWER_AFTER_SECONDS + ")";

    private ConversationFixture() {
    }

    public static String conversationId(long i) {
        return "cv-fx" + nine(i);
    }

    public static String customerId(long i) {
        return "cu-fx" + nine(i);
    }

    /** The web visitor id conversation {@code i} was opened from (its address key is {@code visitor:} and this). */
    public static String visitorId(long i) {
        return "fixture-" + nine(i);
    }

    /** The customer token that reads conversation {@code i}. */
    public static String token(long i) {
        return "t" + i;
    }

    /** The idempotency key of conversation {@code i}'s question and answer. */
    public static String idempotencyKey(long i) {
        return visitorId(i);
    }

    public static String question(long i) {
        return "Fixture question " + i + ": when are you open?";
    }

    public static String answer(long i) {
        return "Fixture answer " + i + ": we are open from 9:00 to 17:00.";
    }

    public static Instant startedAt(long i) {
        return EPOCH.plusSeconds(i);
    }

    public static Instant answeredAt(long i) {
        return startedAt(i).plusMillis((long) (ANSWER_AFTER_SECONDS * 1000));
    }

    /** The hex SHA-256 of {@link #token(long)}, as the header keeps it. */
    public static String tokenHash(long i) {
        return HexFormat.of().formatHex(CustomerTokens.hash(token(i)));
    }

    /**
     * Writes conversations {@code 0} to {@code count - 1}, each with its customer, address link and two messages.
     *
     * @return how long it took
     */
    public static Duration fill(DataSource dataSource, long count) throws SQLException {
        return fill(dataSource, count, CHUNK);
    }

    /** As {@link #fill(DataSource, long)}, {@code chunk} conversations a transaction. */
    public static Duration fill(DataSource dataSource, long count, int chunk) throws SQLException {
        long started = System.nanoTime();
        String context = contextJson();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement session = connection.createStatement()) {
                // nothing of a fixture needs to outlive a crash of the server: its commits need not wait for the disk
                session.execute("SET synchronous_commit = off");
            }
            for (long first = 0; first < count; first += chunk) {
                long last = Math.min(count, first + chunk) - 1;
                insertChunk(connection, first, last, context);
                connection.commit();
            }
            try (Statement analyze = connection.createStatement()) {
                analyze.execute("ANALYZE customers, address_links, conversations, messages");
            }
            connection.commit();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        LOG.info("Fixture: {} conversations (customers, address links, headers, {} messages) in {} ms", count,
                2 * count, took.toMillis());
        return took;
    }

    private static void insertChunk(Connection connection, long first, long last, String context) throws SQLException {
        long epoch = EPOCH.getEpochSecond();
        // CustomerMapStore: id, the customer's one conversation, when he first wrote
        run(connection, "INSERT INTO customers (id, conversation_id, created_at) SELECT " + CUSTOMER + ", "
                + CONVERSATION + ", " + STARTED + " FROM generate_series(?, ?) AS i", epoch, first, last);
        // AddressLinkTable: the visitor's address key, linked on first contact by the channel he wrote on
        run(connection, "INSERT INTO address_links (address_key, customer_id, source, linked_at) SELECT 'visitor:' || "
                + VISITOR + ", " + CUSTOMER + ", '" + CHANNEL + "', " + STARTED + " FROM generate_series(?, ?) AS i",
                epoch, first, last);
        // ConversationTables.insertHeader and updateHeader: the header once question and answer were appended
        // (revision 1, as the first record writes it)
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO conversations (id, customer_id,"
                + " opened_from, token_hash, started_at, context_json, message_count, last_activity, channels_heard,"
                + " last_heard, last_heard_at, revision) SELECT " + CONVERSATION + ", " + CUSTOMER + ", 'visitor:' || "
                + VISITOR + ", encode(sha256(convert_to('t' || i, 'UTF8')), 'hex'), " + STARTED + ", ?, 2, " + ANSWERED
                + ", '" + CHANNEL + "', '" + CHANNEL + "', " + STARTED + ", 1 FROM generate_series(?, ?) AS i")) {
            insert.setLong(1, epoch);
            insert.setString(2, context);
            insert.setLong(3, epoch);
            insert.setLong(4, epoch);
            insert.setLong(5, first);
            insert.setLong(6, last);
            insert.executeUpdate();
        }
        // ConversationTables.insertMessages: seq 0 the question (INBOUND, by "you"), seq 1 the answer (OUTBOUND, by
        // the help desk), both under the interaction's idempotency key, no delivery status (the web reports none)
        run(connection, "INSERT INTO messages (conversation_id, seq, id, channel, direction, author, body, sent_at,"
                + " idempotency_key, delivery_status, delivery_detail) SELECT " + CONVERSATION + ", s.seq, 'm-fx'"
                + " || lpad(i::text, 9, '0') || CASE s.seq WHEN 0 THEN 'q' ELSE 'a' END, '" + CHANNEL + "',"
                + " CASE s.seq WHEN 0 THEN 'INBOUND' ELSE 'OUTBOUND' END, CASE s.seq WHEN 0 THEN 'you' ELSE 'help desk' END,"
                + " CASE s.seq WHEN 0 THEN 'Fixture question ' || i || ': when are you open?'"
                + " ELSE 'Fixture answer ' || i || ': we are open from 9:00 to 17:00.' END,"
                + " CASE s.seq WHEN 0 THEN " + STARTED + " ELSE " + ANSWERED + " END, " + VISITOR + ", NULL, NULL"
                + " FROM generate_series(?, ?) AS i CROSS JOIN (VALUES (0), (1)) AS s (seq) ORDER BY i, s.seq",
                epoch, epoch, first, last);
    }

    private static void run(Connection connection, String sql, long... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int p = 0; p < parameters.length; p++) {
                statement.setLong(p + 1, parameters[p]);
            }
            statement.executeUpdate();
        }
    }

    /** The context of a conversation whose devices told nothing, as the gateway's mapper writes it. */
    private static String contextJson() {
        try {
            return new ObjectMapper().writeValueAsString(CustomerContext.NONE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nine(long i) {
        return String.format(Locale.ROOT, "%09d", i);
    }
}
