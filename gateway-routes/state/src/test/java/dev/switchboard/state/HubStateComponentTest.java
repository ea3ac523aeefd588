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
import dev.switchboard.spi.ThreadPage;
import dev.switchboard.spi.WebVisitorId;
import dev.switchboard.testing.HubState;
import dev.switchboard.testing.TestDatabase;
import dev.switchboard.testing.Threads;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Customers and conversations in a real Hazelcast member over a real database: an H2 file, and PostgreSQL. */
class HubStateComponentTest {
    private static ResolveCustomer resolver(HubState state) {
        return new ResolveCustomer(state.member().customerDirectory(), state.member().conversationStore(),
                state.member().customerMerges(), Clock.systemUTC());
    }

    @ParameterizedTest
    @MethodSource("dev.switchboard.testing.TestDatabases#both")
    void oneAddressIsOneCustomerWithOneConversation(TestDatabase db) {
        try (HubState state = HubState.open(db)) {
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

    @ParameterizedTest
    @MethodSource("dev.switchboard.testing.TestDatabases#both")
    void aSelfAssertedAddressContinuesOnlyWithItsToken(TestDatabase db) {
        try (HubState state = HubState.open(db)) {
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

    @ParameterizedTest
    @MethodSource("dev.switchboard.testing.TestDatabases#both")
    void racingFirstContactsFromOneAddressMakeOneCustomer(TestDatabase db) throws Exception {
        try (HubState state = HubState.open(db)) {
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

    @ParameterizedTest
    @MethodSource("dev.switchboard.testing.TestDatabases#both")
    void concurrentAppendsAreAllKept(TestDatabase db) throws Exception {
        try (HubState state = HubState.open(db)) {
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
            assertThat(Threads.all(conversations, id)).hasSize(20).extracting(StoredMessage::idempotencyKey).doesNotHaveDuplicates();
            assertThat(conversations.get(id).orElseThrow().messageCount()).isEqualTo(20);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.switchboard.testing.TestDatabases#both")
    void everythingStoredIsReadBackAfterARestart(TestDatabase db) {
        String conversationId;
        String token;
        try (HubState state = HubState.open(db)) {
            IdentifiedCustomer customer = resolver(state).resolve(new E164Number("+447700900222"), "sms", null);
            conversationId = customer.conversation().id();
            token = customer.token();
            state.member().conversationStore().record(conversationId, customer.conversation(), List.of(new StoredMessage("m-1", "sms",
                    Direction.INBOUND, "you", "Zażółć gęślą jaźń 👋", Instant.parse("2026-11-23T10:15:30Z"), "k-1")),
                    new CustomerContext(52.2297, 21.0122, 30.0, "operator", "pl-PL", null, null, null, "Orange PL",
                            "Warsaw", "Mazovia"), new ConversationStore.KeyedOutcome("sms|k-1", new RecordedOutcome(
                            conversationId, StoredReply.of(Reply.answer("Open 9-18", Reply.Source.KNOWLEDGE_BASE,
                                    List.of()).withNearby(List.of(new NearbyPoint("Warszawa Centrum",
                                    "ul. Marszałkowska 104", 52.2318, 21.0095, 240, false, "Mo-Fr 08:00-20:00")),
                                    "Mazovia")))));
            assertThat(state.member().idempotencyLog().find("sms|k-1")).as("cached once committed").isPresent();
        }

        try (HubState restarted = HubState.open(db)) {
            IdentifiedCustomer again = resolver(restarted).resolve(new E164Number("+447700900222"), "sms", null);
            Conversation conversation = again.conversation();

            assertThat(conversation.id()).isEqualTo(conversationId);
            assertThat(again.newCustomer()).isFalse();
            assertThat(Threads.all(restarted.member().conversationStore(), conversationId)).singleElement().satisfies(m -> {
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

    @ParameterizedTest
    @MethodSource("dev.switchboard.testing.TestDatabases#both")
    void aThreadIsReadNewestFirstOnePageAtATimeUntilItsStart(TestDatabase db) {
        try (HubState state = HubState.open(db)) {
            ConversationStore store = state.member().conversationStore();
            Conversation opening = resolver(state).resolve(new E164Number("+447700900555"), "sms", null).conversation();
            for (int i = 0; i < 250; i++) {
                store.record(opening.id(), i == 0 ? opening : null, List.of(new StoredMessage("m-" + i, "sms",
                        Direction.INBOUND, "you", "message " + i, Instant.now(), "k-" + i)), null);
            }

            ConversationStore.MessagePage newest = store.page(opening.id(), new ThreadPage(null, 100));
            ConversationStore.MessagePage middle = store.page(opening.id(), new ThreadPage(newest.olderCursor(), 100));
            ConversationStore.MessagePage first = store.page(opening.id(), new ThreadPage(middle.olderCursor(), 100));

            assertThat(newest.messages()).extracting(StoredMessage::text).first().isEqualTo("message 150");
            assertThat(newest.messages()).extracting(StoredMessage::text).last().isEqualTo("message 249");
            assertThat(first.messages()).hasSize(50);
            assertThat(first.olderCursor()).isNull();
            List<StoredMessage> all = new ArrayList<>(first.messages());
            all.addAll(middle.messages());
            all.addAll(newest.messages());
            assertThat(all).extracting(StoredMessage::id).doesNotHaveDuplicates().hasSize(250);
            assertThat(all).extracting(StoredMessage::text).isSortedAccordingTo(
                    java.util.Comparator.comparingInt(text -> Integer.parseInt(text.substring("message ".length()))));
            assertThat(store.get(opening.id()).orElseThrow().messageCount()).isEqualTo(250);
            assertThat(store.page("cv-unknown", ThreadPage.newest()).messages()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.switchboard.testing.TestDatabases#both")
    void anInteractionRecordedTwiceLeavesOneQuestionAndOneAnswerAndTheHeaderCountsThem(TestDatabase db) {
        try (HubState state = HubState.open(db)) {
            ConversationStore store = state.member().conversationStore();
            Conversation opening = resolver(state).resolve(new E164Number("+447700900666"), "sms", null).conversation();
            List<StoredMessage> exchange = List.of(
                    new StoredMessage("m-q", "sms", Direction.INBOUND, "you", "hi", Instant.now(), "k-1"),
                    new StoredMessage("m-a", "sms", Direction.OUTBOUND, "help desk", "hello", Instant.now(), "k-1"));
            store.record(opening.id(), opening, exchange, null);
            store.record(opening.id(), opening, List.of(
                    new StoredMessage("m-q2", "sms", Direction.INBOUND, "you", "hi, retried", Instant.now(), "k-1"),
                    new StoredMessage("m-w", "web-chat", Direction.INBOUND, "you", "from the web", Instant.now(), "k-2")),
                    null);

            Conversation header = store.get(opening.id()).orElseThrow();
            assertThat(Threads.all(store, opening.id())).extracting(StoredMessage::id).containsExactly("m-q", "m-a", "m-w");
            assertThat(header.messageCount()).isEqualTo(3);
            assertThat(header.channelsHeard()).containsExactlyInAnyOrder("sms", "web-chat");
            assertThat(header.lastHeard()).isEqualTo("web-chat");
            assertThat(store.find(opening.id(), Direction.OUTBOUND, "k-1")).map(StoredMessage::id).contains("m-a");
            assertThat(store.find(opening.id(), Direction.OUTBOUND, "k-2")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.switchboard.testing.TestDatabases#both")
    void aHeaderEvictedFromMemoryIsLoadedAgainAsTheDatabaseHasIt(TestDatabase db) {
        try (HubState state = HubState.open(db)) {
            ConversationStore store = state.member().conversationStore();
            Conversation opening = resolver(state).resolve(new E164Number("+447700900777"), "sms", null).conversation();
            store.record(opening.id(), opening, List.of(new StoredMessage("m-1", "sms", Direction.INBOUND, "you", "hi",
                    Instant.now(), "k-1")), new CustomerContext(null, null, null, null, "en-GB", null, null, null, null));
            state.member().evictCachedRecords();

            store.record(opening.id(), null, List.of(new StoredMessage("m-2", "sms", Direction.INBOUND, "you", "again",
                    Instant.now(), "k-2")), null);
            state.member().evictCachedRecords();

            Conversation header = store.get(opening.id()).orElseThrow();
            assertThat(header.messageCount()).isEqualTo(2);
            assertThat(header.context().locale()).isEqualTo("en-GB");
            assertThat(header.tokenHash()).isEqualTo(opening.tokenHash());
        }
    }

    @ParameterizedTest
    @MethodSource("dev.switchboard.testing.TestDatabases#both")
    void aCustomerWhoseLinkLeftMemoryIsRecognisedAgainNotMadeAnew(TestDatabase db) {
        try (HubState state = HubState.open(db)) {
            E164Number phone = new E164Number("+447700900778");
            IdentifiedCustomer first = resolver(state).resolve(phone, "sms", null);
            state.member().conversationStore().record(first.conversation().id(), first.conversation(), List.of(), null);
            state.member().evictCachedRecords();

            IdentifiedCustomer again = resolver(state).resolve(phone, "sms", null);
            assertThat(again.newCustomer()).isFalse();
            assertThat(again.customer().id()).isEqualTo(first.customer().id());
            assertThat(again.conversation().id()).isEqualTo(first.conversation().id());
            assertThat(state.member().customerDirectory().linkOf(phone.key()))
                    .hasValueSatisfying(link -> assertThat(link.customerId()).isEqualTo(first.customer().id()));
        }
    }

    @ParameterizedTest
    @MethodSource("dev.switchboard.testing.TestDatabases#both")
    void aDeliveryStatusIsKeptOnTheMessageAndReadBackAfterARestart(TestDatabase db) {
        String conversationId;
        try (HubState state = HubState.open(db)) {
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

        try (HubState restarted = HubState.open(db)) {
            Conversation conversation = restarted.member().conversationStore().get(conversationId).orElseThrow();
            assertThat(Threads.all(restarted.member().conversationStore(), conversationId))
                    .extracting(StoredMessage::id, StoredMessage::delivery, StoredMessage::deliveryDetail)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("m-q", null, null),
                            org.assertj.core.groups.Tuple.tuple("m-a", DeliveryStatus.FAILED, "SMSC error 0x0000000B"));
        }
    }

    @ParameterizedTest
    @MethodSource("dev.switchboard.testing.TestDatabases#both")
    void readMarksMoveForwardOnlyToMessagesOfTheThreadAndAreReadBackAfterARestart(TestDatabase db) {
        String conversationId;
        Instant asked = Instant.parse("2026-12-07T10:00:00.123456Z");
        Instant answered = asked.plusMillis(1);
        Instant again = answered.plusNanos(1_000);
        try (HubState state = HubState.open(db)) {
            IdentifiedCustomer customer = resolver(state).resolve(new WebVisitorId("v-reader"), "web-chat", null);
            conversationId = customer.conversation().id();
            ConversationStore store = state.member().conversationStore();
            store.record(conversationId, customer.conversation(), List.of(
                    new StoredMessage("m-q", "web-chat", Direction.INBOUND, "you", "hi", asked, "k-1"),
                    new StoredMessage("m-a", "web-chat", Direction.OUTBOUND, "Anna", "hello", answered, "k-1"),
                    new StoredMessage("m-q2", "web-chat", Direction.INBOUND, "you", "thanks", again, "k-2")), null);

            assertThat(store.markRead(conversationId, Conversation.Reader.AGENTS, "m-q2"))
                    .hasValueSatisfying(header -> assertThat(header.agentsReadUpTo()).isEqualTo(again));
            assertThat(store.markRead(conversationId, Conversation.Reader.AGENTS, "m-q")).isEmpty();
            assertThat(store.markRead(conversationId, Conversation.Reader.AGENTS, "m-q2")).isEmpty();
            assertThat(store.markRead(conversationId, Conversation.Reader.CUSTOMER, "m-a"))
                    .hasValueSatisfying(header -> assertThat(header.customerReadUpTo()).isEqualTo(answered));
            assertThat(store.markRead(conversationId, Conversation.Reader.CUSTOMER, "m-of-another-thread")).isEmpty();
            assertThat(store.markRead("c-unknown", Conversation.Reader.CUSTOMER, "m-a")).isEmpty();
            assertThat(store.get(conversationId).orElseThrow().agentsReadUpTo()).isEqualTo(again);

            store.record(conversationId, null, List.of(new StoredMessage("m-q3", "web-chat", Direction.INBOUND, "you",
                    "one more", again.plusSeconds(1), "k-3")), null);
            assertThat(store.get(conversationId).orElseThrow().agentsReadUpTo())
                    .as("a new message keeps the marks").isEqualTo(again);
        }

        try (HubState restarted = HubState.open(db)) {
            Conversation header = restarted.member().conversationStore().get(conversationId).orElseThrow();
            assertThat(header.agentsReadUpTo()).isEqualTo(again);
            assertThat(header.customerReadUpTo()).isEqualTo(answered);
            assertThat(header.messageCount()).isEqualTo(4);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.switchboard.testing.TestDatabases#both")
    void aContextLearnedLaterInTheThreadIsReadBackAfterARestart(TestDatabase db) {
        String conversationId;
        try (HubState state = HubState.open(db)) {
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

        try (HubState restarted = HubState.open(db)) {
            Conversation conversation = restarted.member().conversationStore().get(conversationId).orElseThrow();
            assertThat(conversation.context().locale()).isEqualTo("pl-PL");
            assertThat(conversation.context().pageUrl()).isEqualTo("https://shop.example/help");
            List<StoredMessage> messages = Threads.all(restarted.member().conversationStore(), conversationId);
            assertThat(messages).extracting(StoredMessage::id).containsExactly("m-1", "m-2", "m-3");
            assertThat(messages.get(1).delivery()).isEqualTo(DeliveryStatus.DELIVERED);
        }
    }
}
