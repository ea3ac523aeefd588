package dev.switchboard.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.SerializationConfig;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.InternalSerializationService;
import com.hazelcast.internal.serialization.impl.DefaultSerializationServiceBuilder;
import com.hazelcast.internal.serialization.impl.SerializationConstants;
import com.hazelcast.internal.serialization.impl.compact.Schema;
import com.hazelcast.internal.serialization.impl.compact.SchemaService;
import com.hazelcast.nio.serialization.HazelcastSerializationException;
import dev.switchboard.desk.Assignment;
import dev.switchboard.desk.DeskEvent;
import dev.switchboard.desk.SharedRecords.Changed;
import dev.switchboard.hub.domain.Conversation;
import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Unit tier: every registered class travels in Compact form through Hazelcast's own serialization, whole. */
class CompactTypesTest {
    private final InternalSerializationService hazelcast = serializationService();

    /** Hazelcast's serialization as a member has it, with the schemas a cluster would share kept here. */
    static InternalSerializationService serializationService() {
        return new DefaultSerializationServiceBuilder()
                .setConfig(CompactTypes.configure(new SerializationConfig()))
                .setSchemaService(new LocalSchemas())
                .build();
    }

    @Test
    void everyRegisteredRecordComesBackWithEveryFieldTextsOfAnyLengthAndAnyScript() {
        assertThat(CompactTypes.CLASSES).doesNotHaveDuplicates().allMatch(Class::isRecord);
        for (Class<?> type : CompactTypes.CLASSES) {
            Object full = RecordSamples.full(type);

            Data data = hazelcast.toData(full);

            assertThat(data.getType()).as(type.getName()).isEqualTo(SerializationConstants.TYPE_COMPACT);
            assertThat((Object) hazelcast.toObject(data)).as(type.getName())
                    .usingRecursiveComparison().isEqualTo(full);
        }
        Conversation header = (Conversation) hazelcast.toObject(hazelcast.toData(RecordSamples.full(Conversation.class)));
        assertThat(header.id()).hasSize("id: ".length() + 100_000).isEqualTo("id: " + RecordSamples.LONG_TEXT);
        assertThat(header.startedAt()).isEqualTo(Instant.parse("2026-12-08T10:15:30.123456789Z"));
    }

    @Test
    void absentFieldsAndEmptySetsAndListsStaySo() {
        for (Class<?> type : CompactTypes.CLASSES) {
            List<Object> sparse = RecordSamples.sparse(type);
            if (Arrays.stream(type.getRecordComponents()).anyMatch(c -> !c.getType().isPrimitive())) {
                assertThat(sparse).as("%s with a component left out", type.getName()).isNotEmpty();
            }
            for (Object record : sparse) {
                assertThat((Object) hazelcast.toObject(hazelcast.toData(record))).as(type.getName())
                        .usingRecursiveComparison().isEqualTo(record);
            }
        }
    }

    @Test
    void manyAgentsNamesComeBackWhole() {
        Set<String> thousand = IntStream.range(0, 1000).mapToObj(i -> String.format("agent%04d", i))
                .collect(Collectors.toSet());
        Instant at = RecordSamples.AT;
        Assignment waiting = new Assignment("c-1", "k-1", Assignment.Stage.QUEUED, null, null, Set.of(), Set.of("cid"),
                thousand, Set.of("dan", "eve"), at, at.plusSeconds(30), "general", "lesser-poland", "ann",
                at.plusSeconds(60), List.of(new Assignment.HandoverNote("bob", "ann", "wants a refund: ąę", at)), null);
        DeskEvent offered = new DeskEvent(DeskEvent.Type.OFFERED, "c-1", thousand, at);

        assertThat((Assignment) hazelcast.toObject(hazelcast.toData(waiting))).isEqualTo(waiting);
        assertThat((DeskEvent) hazelcast.toObject(hazelcast.toData(offered))).isEqualTo(offered);
    }

    @Test
    void aChangesAnswerTellsWhetherItChangedTheRecordAsTheNodeThatRanItSaw() {
        Assignment before = (Assignment) RecordSamples.full(Assignment.class);
        Assignment after = (Assignment) RecordSamples.sparse(Assignment.class).get(0);

        Changed<?> unchanged = hazelcast.toObject(hazelcast.toData(new Changed<>(before, before)));
        Changed<?> changed = hazelcast.toObject(hazelcast.toData(new Changed<>(before, after)));
        Changed<?> created = hazelcast.toObject(hazelcast.toData(new Changed<>(null, after)));
        Changed<?> absent = hazelcast.toObject(hazelcast.toData(new Changed<>(null, null)));

        assertThat(unchanged.changed()).isFalse();
        assertThat(unchanged.after()).isSameAs(unchanged.before()).isEqualTo(before);
        assertThat(changed.changed()).isTrue();
        assertThat(changed.before()).isEqualTo(before);
        assertThat(changed.after()).isEqualTo(after);
        assertThat(created.before()).isNull();
        assertThat(created.after()).isEqualTo(after);
        assertThat(absent.changed()).isFalse();
        assertThat(absent.after()).isNull();
    }

    /** An adapter's value: a record registered nowhere. */
    record Visit(String page, Instant at, List<String> earlier, Map<String, Integer> counts) {
    }

    @Test
    void aRecordRegisteredNowhereTravelsInTheSameFormInstantsIncluded() {
        Visit visit = new Visit("/wap/ask", RecordSamples.AT, List.of("/wap", "/wap/more"), Map.of("more", 2));

        Data data = hazelcast.toData(visit);

        assertThat(data.getType()).isEqualTo(SerializationConstants.TYPE_COMPACT);
        assertThat((Visit) hazelcast.toObject(data)).isEqualTo(visit);
    }

    /** What Java serialization would carry: one of the gateway's classes that is still {@link Serializable}. */
    record Stray(String text) implements Serializable {
    }

    @Test
    void javaSerializationOfTheGatewaysClassesIsRefused() {
        Data data = hazelcast.toData(new Stray("written the old way"));

        assertThat(data.getType()).isEqualTo(SerializationConstants.JAVA_DEFAULT_TYPE_SERIALIZABLE);
        assertThatThrownBy(() -> hazelcast.toObject(data))
                .isInstanceOf(HazelcastSerializationException.class)
                .hasRootCauseInstanceOf(SecurityException.class)
                .rootCause().hasMessageContaining(Stray.class.getName());
        assertThat((Object) hazelcast.toObject(hazelcast.toData(new java.util.ArrayList<>(List.of("a JDK class")))))
                .isEqualTo(List.of("a JDK class"));
    }

    /** The schemas a cluster shares, in memory. */
    private static final class LocalSchemas implements SchemaService {
        private final Map<Long, Schema> schemas = new ConcurrentHashMap<>();

        @Override
        public Schema get(long schemaId) {
            return schemas.get(schemaId);
        }

        @Override
        public void put(Schema schema) {
            schemas.put(schema.getSchemaId(), schema);
        }

        @Override
        public void putLocal(Schema schema) {
            put(schema);
        }
    }
}
