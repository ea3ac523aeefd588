package dev.switchboard.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.hub.domain.ConversationStore;
import dev.switchboard.hub.domain.Conversation;
import dev.switchboard.hub.domain.CustomerContext;
import dev.switchboard.hub.domain.IdentifiedCustomer;
import dev.switchboard.hub.domain.Ids;
import dev.switchboard.hub.domain.RecordedOutcome;
import dev.switchboard.hub.domain.RecordedOutcome.StoredReply;
import dev.switchboard.hub.domain.ResolveCustomer;
import dev.switchboard.hub.domain.StoredMessage;
import dev.switchboard.spi.CustomerTokenRequiredException;
import dev.switchboard.spi.DeliveryStatus;
import dev.switchboard.spi.E164Number;
import dev.switchboard.spi.NearbyPoint;
import dev.switchboard.spi.Reply;
import dev.switchboard.spi.ThreadMessage.Direction;
import dev.switchboard.spi.WebVisitorId;
import dev.switchboard.testing.HubState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Customers and conversations in a real Hazelcast member written through to a real H2 file. */
class HubStateComponentTest {
    @TempDir
    Path dataDir;

    private static ResolveCustomer resolver(HubState state) {
        return new ResolveCustomer(state.member().customerDirectory(), state.member().conversationStore(),
                state.member().customerMerges(), Clock.systemUTC());
    }

    @Test
    void oneAddressIsOneCustomerWithOneConversation() {
        try (HubState state = HubState.open(dataDir)) {
            ResolveCustomer resolve = resolver(state);
            IdentifiedCustomer first = resolve.resolve(new E164Number("+48601234567"), "sms", null);
            state.member().conversationStore().record(first.conversation().id(), first.conversation(), List.of(), null);
            IdentifiedCustomer again = resolve.resolve(new E164Number("+48 601 234 567"), "sms", null);

            assertThat(first.newCustomer()).isTrue();
            assertThat(first.token()).isNotBlank();
            assertThat(again.newCustomer()).isFalse();
            assertThat(again.customer()).isEqualTo(first.customer());
            assertThat(again.conversation().id()).isEqualTo(first.conversation().id());
        }
    }

    @Test
    void aSelfAssertedAddressContinuesOnlyWithItsToken() {
        try (HubState state = HubState.open(dataDir)) {
            ResolveCustomer resolve = resolver(state);
            WebVisitorId visitor = new WebVisitorId("visitor-0001");
            IdentifiedCustomer first = resolve.resolve(visitor, "web-chat", null);
            state.member().conversationStore().record(first.conversation().id(), first.conversation(), List.of(), null);

            assertThatThrownBy(() -> resolve.resolve(visitor, "web-chat", null))
                    .isInstanceOf(CustomerTokenRequiredException.class);
            assertThatThrownBy(() -> resolve.resolve(visitor, "web-chat", "forged-token"))
                    .isInstanceOf(CustomerTokenRequiredException.class);
            assertThat(resolve.resolve(visitor, "web-chat", first.token()).conversation().id())
                    .isEqualTo(first.conversation().id());
        }
    }

    @Test
    void racingFirstContactsFromOneAddressMakeOneCustomer() throws Exception {
        try (HubState state = HubState.open(dataDir)) {
            ResolveCustomer resolve = resolver(state);
            List<Callable<IdentifiedCustomer>> contacts = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                contacts.add(() -> resolve.resolve(new E164Number("+447700900999"), "sms", null));
            }
            ExecutorService pool = Executors.newFixedThreadPool(8);
            Set<String> customers = new HashSet<>();
            try {
                for (Future<IdentifiedCustomer> result : pool.invokeAll(contacts)) {
                    customers.add(result.get().customer().id());
                }
            } finally {
                pool.shutdown();
            }
            assertThat(customers).hasSize(1);
        }
    }

    @Test
    void concurrentAppendsAreAllKept() throws Exception {
        try (HubState state = HubState.open(dataDir)) {
            ConversationStore conversations = state.member().conversationStore();
            Conversation opening = resolver(state).resolve(new E164Number("+447700900111"), "sms", null).conversation();
            String id = opening.id();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Callable<Void>> appends = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    String key = "key-" + i;
                    appends.add(() -> {
                        conversations.record(id, opening, List.of(new StoredMessage(Ids.next("m-"), "sms",
                                Direction.INBOUND, "you", "message " + key, Instant.now(), key)), null);
                        return null;
                    });
                }
                for (Future<Void> done : pool.invokeAll(appends)) {
                    done.get();
                }
            } finally {
                pool.shutdown();
            }
            assertThat(conversations.get(id).orElseThrow().messages()).hasSize(20);
        }
    }

    @Test
    void everythingStoredIsReadBackAfterARestart() {
        String conversationId;
        String token;
        try (HubState state = HubState.open(dataDir)) {
            IdentifiedCustomer customer = resolver(state).resolve(new E164Number("+447700900222"), "sms", null);
            conversationId = customer.conversation().id();
            token = customer.token();
            state.member().conversationStore().record(conversationId, customer.conversation(), List.of(new StoredMessage("m-1", "sms",
                    Direction.INBOUND, "you", "Zażółć gęślą jaźń 👋", Instant.parse("2026-11-23T10:15:30Z"), "k-1")),
                    new CustomerContext(52.2297, 21.0122, 30.0, "operator", "pl-PL", null, null, null, "Orange PL",
                            "Warsaw", "Mazovia"));
            state.member().idempotencyLog().record("sms|k-1", new RecordedOutcome(conversationId, StoredReply.of(
                    Reply.answer("Open 9-18", Reply.Source.KNOWLEDGE_BASE, List.of()).withNearby(List.of(
                            new NearbyPoint("Warszawa Centrum", "ul. Marszałkowska 104", 52.2318, 21.0095, 240, false,
                                    "Mo-Fr 08:00-20:00")), "Mazovia")))).toCompletableFuture().join();
        }

        try (HubState restarted = HubState.open(dataDir)) {
            IdentifiedCustomer again = resolver(restarted).resolve(new E164Number("+447700900222"), "sms", null);
            Conversation conversation = again.conversation();

            assertThat(conversation.id()).isEqualTo(conversationId);
            assertThat(again.newCustomer()).isFalse();
            assertThat(conversation.messages()).singleElement().satisfies(m -> {
                assertThat(m.text()).isEqualTo("Zażółć gęślą jaźń 👋");
                assertThat(m.at()).isEqualTo(Instant.parse("2026-11-23T10:15:30Z"));
            });
            assertThat(conversation.context().network()).isEqualTo("Orange PL");
            assertThat(conversation.context().region()).isEqualTo("Mazovia");
            assertThat(conversation.context().place()).isEqualTo("Warsaw");
            Reply recalled = restarted.member().idempotencyLog().find("sms|k-1").orElseThrow().reply().toReply("Open 9-18");
            assertThat(recalled.region()).isEqualTo("Mazovia");
            assertThat(recalled.nearby()).singleElement().satisfies(p -> {
                assertThat(p.name()).isEqualTo("Warszawa Centrum");
                assertThat(p.distanceMeters()).isEqualTo(240);
                assertThat(p.openNow()).isFalse();
            });
            assertThat(resolver(restarted).resolve(new E164Number("+447700900222"), "sms", token).token()).isEqualTo(token);
        }
    }

    @Test
    void writesTheDatabaseFileLostComeBackFromTheJournal(@TempDir Path before) throws Exception {
        HubState.open(dataDir).close();
        copy(dataDir, before);
        String conversationId;
        try (HubState state = HubState.open(dataDir)) {
            IdentifiedCustomer customer = resolver(state).resolve(new E164Number("+48601234567"), "sms", null);
            conversationId = customer.conversation().id();
            state.member().conversationStore().record(conversationId, customer.conversation(), List.of(
                    new StoredMessage("m-1", "sms", Direction.INBOUND, "you", "Gdzie jest mój rachunek?",
                            Instant.parse("2026-11-23T10:15:30Z"), "k-1")), null);
            state.member().conversationStore().record(conversationId, null, List.of(
                    new StoredMessage("m-2", "sms", Direction.OUTBOUND, "hub", "W aplikacji, w zakładce Rachunki.",
                            Instant.parse("2026-11-23T10:15:31Z"), "k-1")), null);
        }
        // The database file and checkpoint as they were before those writes, as when the process was killed
        // before its database writer got to them; the journal segments written since stay.
        try (var files = Files.list(before)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, dataDir.resolve(file.getFileName()),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.copy(before.resolve("journal/checkpoint"), dataDir.resolve("journal/checkpoint"),
                StandardCopyOption.REPLACE_EXISTING);

        try (HubState restarted = HubState.open(dataDir)) {
            IdentifiedCustomer again = resolver(restarted).resolve(new E164Number("+48601234567"), "sms", null);

            assertThat(again.newCustomer()).isFalse();
            assertThat(again.conversation().id()).isEqualTo(conversationId);
            assertThat(again.conversation().messages()).extracting(StoredMessage::text)
                    .containsExactly("Gdzie jest mój rachunek?", "W aplikacji, w zakładce Rachunki.");
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    @Test
    void aDeliveryStatusIsKeptOnTheMessageAndReadBackAfterARestart() {
        String conversationId;
        try (HubState state = HubState.open(dataDir)) {
            IdentifiedCustomer customer = resolver(state).resolve(new E164Number("+447700900333"), "sms", null);
            conversationId = customer.conversation().id();
            ConversationStore store = state.member().conversationStore();
            store.record(conversationId, customer.conversation(), List.of(
                    new StoredMessage("m-q", "sms", Direction.INBOUND, "you", "hi", Instant.now(), "k-1"),
                    new StoredMessage("m-a", "sms", Direction.OUTBOUND, "help desk", "hello", Instant.now(), "k-1")), null);
            store.recordDelivery(conversationId, "m-a", DeliveryStatus.SENT, null);
            store.recordDelivery(conversationId, "m-a", DeliveryStatus.FAILED, "SMSC error 0x0000000B");
            store.recordDelivery(conversationId, "m-a", DeliveryStatus.SENT, null);
            store.recordDelivery(conversationId, "m-unknown", DeliveryStatus.DELIVERED, null);
            store.recordDelivery("c-unknown", "m-a", DeliveryStatus.DELIVERED, null);
            assertThat(store.get("c-unknown")).isEmpty();
        }

        try (HubState restarted = HubState.open(dataDir)) {
            Conversation conversation = restarted.member().conversationStore().get(conversationId).orElseThrow();
            assertThat(conversation.messages()).extracting(StoredMessage::id, StoredMessage::delivery, StoredMessage::deliveryDetail)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("m-q", null, null),
                            org.assertj.core.groups.Tuple.tuple("m-a", DeliveryStatus.FAILED, "SMSC error 0x0000000B"));
        }
    }

    @Test
    void aContextLearnedLaterInTheThreadIsReadBackAfterARestart() {
        String conversationId;
        try (HubState state = HubState.open(dataDir)) {
            IdentifiedCustomer customer = resolver(state).resolve(new E164Number("+447700900444"), "sms", null);
            conversationId = customer.conversation().id();
            ConversationStore store = state.member().conversationStore();
            store.record(conversationId, customer.conversation(), List.of(
                    new StoredMessage("m-1", "sms", Direction.INBOUND, "you", "hi", Instant.now(), "k-1")),
                    new CustomerContext(null, null, null, null, "en-GB", null, null, null, null));
            store.record(conversationId, null, List.of(
                    new StoredMessage("m-2", "sms", Direction.OUTBOUND, "help desk", "hello", Instant.now(), "k-1")), null);
            store.recordDelivery(conversationId, "m-2", DeliveryStatus.DELIVERED, null);
            store.record(conversationId, null, List.of(
                    new StoredMessage("m-3", "web-chat", Direction.INBOUND, "you", "me again", Instant.now(), "k-2")),
                    new CustomerContext(null, null, null, null, "pl-PL", "https://shop.example/help", null, null, null));
        }

        try (HubState restarted = HubState.open(dataDir)) {
            Conversation conversation = restarted.member().conversationStore().get(conversationId).orElseThrow();
            assertThat(conversation.context().locale()).isEqualTo("pl-PL");
            assertThat(conversation.context().pageUrl()).isEqualTo("https://shop.example/help");
            assertThat(conversation.messages()).extracting(StoredMessage::id).containsExactly("m-1", "m-2", "m-3");
            assertThat(conversation.messages().get(1).delivery()).isEqualTo(DeliveryStatus.DELIVERED);
        }
    }
}
