package dev.switchboard.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.internal.serialization.InternalSerializationService;
import dev.switchboard.hub.domain.AddressLink;
import dev.switchboard.hub.domain.Conversation;
import dev.switchboard.hub.domain.Customer;
import dev.switchboard.hub.domain.CustomerContext;
import dev.switchboard.hub.domain.RecordedOutcome;
import dev.switchboard.hub.domain.RecordedOutcome.StoredReply;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bytes a typical record of each cached hub map takes in Hazelcast's form: what a BINARY map entry holds as its
 * value and what travels to its backup (docs/performance.md, "Other figures").
 */
class RecordSizesTest {
    private static final Logger LOG = LoggerFactory.getLogger(RecordSizesTest.class);
    private static final Instant AT = Instant.parse("2026-12-08T10:15:30.123456Z");
    private static final String CUSTOMER_ID = "cu-19af3c2b1e0Qm9vBq7yX2kTn0aLp";
    private static final String CONVERSATION_ID = "cv-19af3c2b1e0Zr4wPq8sT1uVx3cMd";

    /** A customer's header after a few messages by SMS and the web, with what his phone told. */
    static CachedHeader typicalHeader() {
        CustomerContext context = new CustomerContext(null, null, null, null, "en-GB", null, null, null, "mobile",
                null, null);
        Conversation header = new Conversation(CONVERSATION_ID, CUSTOMER_ID, "e164:+447700900123", new byte[32], AT,
                context, 6, AT.plusSeconds(300), Set.of("sms", "web-chat"), "sms", AT.plusSeconds(240));
        return new CachedHeader(header, 6);
    }

    static Map<String, Object> typicalRecords() {
        Map<String, Object> records = new LinkedHashMap<>();
        records.put("conversation header", typicalHeader());
        records.put("customer", new Customer(CUSTOMER_ID, CONVERSATION_ID, AT));
        records.put("address link", new AddressLink(CUSTOMER_ID, "sms", AT));
        records.put("recorded outcome", new RecordedOutcome(CONVERSATION_ID, new StoredReply("QUEUE_STATUS", null,
                "SYSTEM", List.of(), 2, 120L, true, List.of(), null)));
        return records;
    }

    @Test
    void aTypicalRecordOfEachCachedMapIsAFewHundredBytesAtMost() {
        InternalSerializationService hazelcast = CompactTypesTest.serializationService();
        Map<String, Integer> sizes = new LinkedHashMap<>();
        typicalRecords().forEach((what, record) -> {
            var data = hazelcast.toData(record);
            assertThat((Object) hazelcast.toObject(data)).usingRecursiveComparison().isEqualTo(record);
            sizes.put(what, data.totalSize());
        });
        sizes.forEach((what, bytes) -> LOG.info("{}: {} bytes", what, bytes));

        assertThat(sizes.get("conversation header")).isLessThan(400);
        assertThat(sizes.values()).allMatch(bytes -> bytes < 400);
    }
}
