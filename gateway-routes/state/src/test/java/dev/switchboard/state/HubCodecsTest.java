package dev.switchboard.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.SerializationConfig;
import com.hazelcast.internal.serialization.InternalSerializationService;
import com.hazelcast.internal.serialization.impl.DefaultSerializationServiceBuilder;
import dev.switchboard.desk.AgentStatus;
import dev.switchboard.desk.Assignment;
import dev.switchboard.desk.Assignment.HandoverNote;
import dev.switchboard.desk.DeskEvent;
import dev.switchboard.desk.Presence;
import dev.switchboard.hub.domain.AddressLink;
import dev.switchboard.hub.domain.Conversation;
import dev.switchboard.hub.domain.Customer;
import dev.switchboard.hub.domain.CustomerContext;
import dev.switchboard.hub.domain.RecordedOutcome;
import dev.switchboard.hub.domain.RecordedOutcome.StoredReply;
import dev.switchboard.hub.domain.StoredMessage;
import dev.switchboard.spi.DeliveryStatus;
import dev.switchboard.spi.NearbyPoint;
import dev.switchboard.spi.ThreadMessage.Direction;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HubCodecsTest {
    private static final Instant AT = Instant.parse("2026-11-23T10:15:30.123456789Z");
    private static final CustomerContext CONTEXT = new CustomerContext(52.2297, 21.0122, 15.0, "gps", "pl-PL",
            "https://shop.example/pomoc", "TVP1", "Wiadomości", "wifi", "Warszawa", "Mazowieckie");
    private static final String LONG_TEXT = "Zażółć gęślą jaźń 🙂 ".repeat(4_000);

    private static final StoredMessage QUESTION =
            new StoredMessage("m-1", "web", Direction.INBOUND, "you", LONG_TEXT, AT, "k-1");

    private static Conversation conversation() {
        return new Conversation("cv-1", "cu-1", "visitor:abc", new byte[] {1, 2, 3, -4}, AT, CONTEXT, 4_000,
                AT.plusSeconds(60), Set.of("web-chat", "sms"), "sms", AT.plusSeconds(30));
    }

    @Test
    void aConversationHeaderAndAMessageComeBackWithEveryFieldAndTextOfAnyLength() {
        Conversation back = HubCodecs.CONVERSATION.fromBytes(HubCodecs.CONVERSATION.toBytes(conversation()));
        StoredMessage answer = new StoredMessage("m-2", "sms", Direction.OUTBOUND, "help desk", "Try the app", AT,
                "k-1", DeliveryStatus.FAILED, "0x0000000B: invalid destination");

        assertThat(back).usingRecursiveComparison().isEqualTo(conversation());
        assertThat(HubCodecs.STORED_MESSAGE.fromBytes(HubCodecs.STORED_MESSAGE.toBytes(QUESTION)).text())
                .hasSize(LONG_TEXT.length());
        assertThat(HubCodecs.STORED_MESSAGE.fromBytes(HubCodecs.STORED_MESSAGE.toBytes(answer))).isEqualTo(answer);
    }

    @Test
    void absentPartsStayAbsent() {
        Conversation empty = Conversation.open("cv-2", "cu-2", "e164:+48600100200", new byte[32], AT);
        StoredMessage bare = new StoredMessage("m-1", "sms", Direction.INBOUND, "you", "", AT, "k-1");

        Conversation back = HubCodecs.CONVERSATION.fromBytes(HubCodecs.CONVERSATION.toBytes(empty));
        assertThat(back.context()).isEqualTo(CustomerContext.NONE);
        assertThat(back.lastHeard()).isNull();
        assertThat(back.lastHeardAt()).isNull();
        assertThat(HubCodecs.STORED_MESSAGE.fromBytes(HubCodecs.STORED_MESSAGE.toBytes(bare))).isEqualTo(bare);
    }

    @Test
    void customersLinksAndOutcomesComeBack() {
        Customer customer = new Customer("cu-1", "cv-1", AT);
        AddressLink link = new AddressLink("cu-1", "merge", AT);
        RecordedOutcome outcome = new RecordedOutcome("cv-1", new StoredReply("ANSWER", "Open 9-17", "KNOWLEDGE_BASE",
                List.of("billing", "roaming"), 3, 120L, true,
                List.of(new NearbyPoint("Kraków Główny", "Pawia 5a", 50.06, 19.94, 1234, null, "Mo-Fr 09:00-18:00")),
                "Małopolskie"));
        RecordedOutcome sparse = new RecordedOutcome("cv-2",
                new StoredReply("ANSWER", "Hello", "SYSTEM", null, null, null, null, null, null));

        assertThat(HubCodecs.CUSTOMER.fromBytes(HubCodecs.CUSTOMER.toBytes(customer))).isEqualTo(customer);
        assertThat(HubCodecs.ADDRESS_LINK.fromBytes(HubCodecs.ADDRESS_LINK.toBytes(link))).isEqualTo(link);
        assertThat(HubCodecs.RECORDED_OUTCOME.fromBytes(HubCodecs.RECORDED_OUTCOME.toBytes(outcome))).isEqualTo(outcome);
        assertThat(HubCodecs.RECORDED_OUTCOME.fromBytes(HubCodecs.RECORDED_OUTCOME.toBytes(sparse))).isEqualTo(sparse);
    }

    @Test
    void aDamagedBodyIsAClearError() {
        byte[] body = HubCodecs.CONVERSATION.toBytes(conversation());
        byte[] cut = java.util.Arrays.copyOf(body, body.length / 2);

        assertThatThrownBy(() -> HubCodecs.CONVERSATION.fromBytes(cut))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("stored record cannot be read");
    }

    @Test
    void hazelcastCarriesTheRecordsInTheirBinaryFormAndSmallerThanJavaSerialization() {
        SerializationConfig config = new SerializationConfig();
        CodecSerializer.register(config);
        InternalSerializationService hazelcast = new DefaultSerializationServiceBuilder().setConfig(config).build();
        CachedHeader cached = new CachedHeader(conversation(), 7);

        var data = hazelcast.toData(cached);
        CachedHeader back = hazelcast.toObject(data);

        assertThat(back).usingRecursiveComparison().isEqualTo(cached);
        assertThat(data.getType()).isEqualTo(1011);
        assertThat(data.totalSize()).isLessThan(javaSerialized(conversation()).length / 2);
    }

    @Test
    void theAgentDesksRecordsTravelInTheirBinaryFormUnderTheirOwnTypeIdsWithTextOfAnyLength() {
        SerializationConfig config = new SerializationConfig();
        CodecSerializer.register(config);
        InternalSerializationService hazelcast = new DefaultSerializationServiceBuilder().setConfig(config).build();
        Assignment assignment = new Assignment("cv-1", "cu-1", Assignment.Stage.QUEUED, null, null, Set.of("ann"),
                Set.of(), Set.of("ann", "bob", "zoë"), Set.of("cy"), AT, AT.plusSeconds(30), "general", "london",
                "bob", AT.plusSeconds(60), List.of(new HandoverNote("ann", "bob", LONG_TEXT, AT)), null);
        AgentStatus status = new AgentStatus("ann", "Ann", Presence.AVAILABLE, Set.of("general"), Set.of("london"), 5,
                Set.of("cv-1", "cv-2"), AT);
        DeskEvent event = new DeskEvent(DeskEvent.Type.OFFERED, "cv-1", Set.of("ann", "bob"), AT);

        var assignmentData = hazelcast.toData(assignment);
        var statusData = hazelcast.toData(status);
        var eventData = hazelcast.toData(event);

        assertThat(List.of(assignmentData.getType(), statusData.getType(), eventData.getType()))
                .containsExactly(1008, 1009, 1010);
        assertThat((Assignment) hazelcast.toObject(assignmentData)).isEqualTo(assignment);
        assertThat((AgentStatus) hazelcast.toObject(statusData)).isEqualTo(status);
        assertThat((DeskEvent) hazelcast.toObject(eventData)).isEqualTo(event);
    }

    private static byte[] javaSerialized(Object value) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
