package dev.switchboard.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.hub.domain.AddressLink;
import dev.switchboard.hub.domain.Conversation;
import dev.switchboard.hub.domain.ConversationStore;
import dev.switchboard.hub.domain.CustomerContext;
import dev.switchboard.hub.domain.StoredMessage;
import dev.switchboard.spi.AgentSignal;
import dev.switchboard.spi.CustomerAddress;
import dev.switchboard.spi.DeliveryStatus;
import dev.switchboard.hub.domain.Customer;
import dev.switchboard.spi.E164Number;
import dev.switchboard.spi.EmailAddress;
import dev.switchboard.spi.OutboundMessage;
import dev.switchboard.spi.Reply;
import dev.switchboard.spi.ThreadMessage.Direction;
import dev.switchboard.spi.ThreadPage;
import dev.switchboard.spi.WebVisitorId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AgentRepliesTest {
    private final MovingClock clock = new MovingClock();
    private final InMemoryRecords<Assignment> assignments = new InMemoryRecords<>();
    private final List<OutboundMessage> sent = new ArrayList<>();
    private final List<String> signals = new ArrayList<>();
    private String failingChannel;

    private final InMemoryConversations store = new InMemoryConversations();
    private final Map<String, Conversation> threads = store.threads;
    private final OutboundChannels outbound = new OutboundChannels() {
        @Override
        public Set<String> channels() {
            return Set.of("web-chat", "sms", "email");
        }

        @Override
        public void send(OutboundMessage message) {
            if (message.channel().id().equals(failingChannel)) {
                throw new IllegalStateException("the SMSC is away");
            }
            sent.add(message);
        }

        @Override
        public void signal(String channelId, String conversationId, AgentSignal signal) {
            signals.add(signal.kind() + " " + signal.author() + " on " + channelId + " to " + conversationId);
        }
    };
    private final InMemoryCustomers customers = new InMemoryCustomers();
    private final CustomerMerging merging = new CustomerMerging(customers, customers, store, assignments, clock);
    private final CustomerAddresses addresses = new CustomerAddresses(customers);
    private final AgentReplies replies = new AgentReplies(assignments, store, addresses, outbound, merging,
            DeskEvents.NONE, "Hello, this is {agent}.", clock);
    private final AgentAccount ann = new AgentAccount("ann", "Ann Smith", Role.AGENT, "$2a$04$x", false,
            Set.of("general"), Set.of(), 2, Instant.EPOCH);

    private static StoredMessage inbound(String channel, String text, String key) {
        return new StoredMessage("m-" + key, channel, Direction.INBOUND, "you", text, Instant.EPOCH, key);
    }

    @BeforeEach
    void aCustomerWroteOnTheWebThenBySmsFromHisNumberMergedInAndAnnHasHim() {
        customers.save(new Customer("k-1", "c-1", Instant.EPOCH));
        customers.save(new Customer("k-4", "c-4", Instant.EPOCH));
        customers.linkIfAbsent("visitor:v-123456789", new AddressLink("k-1", "web-chat", Instant.EPOCH));
        customers.linkIfAbsent("e164:+447700900123", new AddressLink("k-4", "sms", Instant.EPOCH));
        store.put(Conversation.open("c-1", "k-1", "visitor:v-123456789", new byte[32], Instant.EPOCH), inbound("web-chat", "which software?", "1"));
        store.put(Conversation.open("c-4", "k-4", "e164:+447700900123", new byte[32], Instant.EPOCH), new StoredMessage("m-2", "sms", Direction.INBOUND, "you", "and the licence?",
                        Instant.EPOCH.plusSeconds(30), "2"));
        assignments.put("c-1", Assignment.queued("c-1", "k-1", "general", null, Instant.EPOCH, null, null, List.of())
                .ownedBy("ann", "Ann Smith"));
        merging.merge(ann, "c-1", "c-4");
    }

    @Test
    void byDefaultTheAnswerGoesOnTheChannelTheCustomerLastWroteOnToHisAddressThere() {
        AgentReplies.Sent result = replies.send(ann, "c-1", "Two machines.", null, null);

        assertThat(result.sent()).isTrue();
        assertThat(sent).singleElement().satisfies(message -> {
            assertThat(message.channel().id()).isEqualTo("sms");
            assertThat(message.address()).isEqualTo(new E164Number("+447700900123"));
            assertThat(message.reply().source()).isEqualTo(Reply.Source.AGENT);
            assertThat(message.messageId()).isEqualTo(result.message().id());
        });
        assertThat(sent.get(0).conversationId()).as("the thread of the customer it went to").isEqualTo("c-4");
        StoredMessage stored = store.messages("c-4").get(1);
        assertThat(stored.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(stored.author()).isEqualTo("Ann Smith");
        assertThat(stored.channel()).isEqualTo("sms");
        assertThat(stored.at()).isEqualTo(clock.instant());
    }

    @Test
    void theAgentsTypingIsToldToTheCustomersLiveClientOnTheChannelHeLastWroteOn() {
        replies.typing(ann, "c-1");

        assertThat(signals).containsExactly("TYPING Ann Smith on sms to c-4");
        assertThat(sent).as("nothing is stored or sent").isEmpty();
        assertThat(store.messages("c-4")).hasSize(1);
        AgentAccount bob = new AgentAccount("bob", "Bob", Role.AGENT, "$2a$04$x", false, Set.of(), Set.of(), 1, Instant.EPOCH);
        assertThatThrownBy(() -> replies.typing(bob, "c-1")).isInstanceOf(AgentDeskException.class);
    }

    @Test
    void theAgentsReadMarkMovesInTheThreadThatHoldsTheMessageOnceAndTheCustomerIsTold() {
        assertThat(replies.read(ann, "c-1", "m-2")).isTrue();
        assertThat(replies.read(ann, "c-1", "m-2")).as("there already").isFalse();
        assertThat(replies.read(ann, "c-1", "m-nowhere")).isFalse();
        AgentAccount bob = new AgentAccount("bob", "Bob", Role.MANAGER, "$2a$04$x", false, Set.of(), Set.of(), 1, Instant.EPOCH);
        assertThat(replies.read(bob, "c-1", "m-1")).as("a manager looking in marks nothing").isFalse();

        assertThat(threads.get("c-4").agentsReadUpTo()).isEqualTo(Instant.EPOCH.plusSeconds(30));
        assertThat(threads.get("c-1").agentsReadUpTo()).isNull();
        assertThat(signals).containsExactly("READ Ann Smith on sms to c-4");
    }

    @Test
    void theAgentPicksAnotherChannelAndARetryIsStoredAndSentOnce() {
        replies.send(ann, "c-1", "See the page.", "web-chat", "retry-me");
        replies.send(ann, "c-1", "See the page.", "web-chat", "retry-me");

        assertThat(sent).singleElement().satisfies(message -> assertThat(message.address()).isInstanceOf(WebVisitorId.class));
        assertThat(store.messages("c-1")).hasSize(2);
    }

    @Test
    void aChannelThatFailsLeavesTheAnswerInTheThreadAndSaysWhy() {
        failingChannel = "sms";
        AgentReplies.Sent result = replies.send(ann, "c-1", "Two machines.", "sms", null);

        assertThat(result.sent()).isFalse();
        assertThat(result.problem()).isEqualTo("the SMSC is away");
        assertThat(store.messages("c-4")).hasSize(2);
    }

    @Test
    void onlyAParticipantAnswersAndOnlyOnChannelsAnAdapterSendsOn() {
        AgentAccount bob = new AgentAccount("bob", "Bob", Role.AGENT, "$2a$04$x", false, Set.of(), Set.of(), 1, Instant.EPOCH);
        assertThatThrownBy(() -> replies.send(bob, "c-1", "hi", null, null)).isInstanceOf(AgentDeskException.class);
        assertThatThrownBy(() -> replies.send(ann, "c-1", "hi", "tv", null)).hasMessageContaining("no adapter sends on channel 'tv'");
        assertThatThrownBy(() -> replies.send(ann, "c-1", " ", null, null)).hasMessageContaining("needs a text");
        assertThat(sent).isEmpty();
    }

    @Test
    void inAMergedThreadTheAnswerGoesToTheMergedCustomersAddressAndIntoHisOwnThread() {
        customers.save(new Customer("k-2", "c-2", Instant.EPOCH));
        store.put(Conversation.open("c-2", "k-2", "email:ann.customer@example.com", new byte[32], Instant.EPOCH), new StoredMessage("m-9", "email", Direction.INBOUND, "you", "the licence key?",
                        Instant.EPOCH.plusSeconds(60), "9"));
        merging.merge(ann, "c-1", "c-2");

        AgentReplies.Sent result = replies.send(ann, "c-1", "Here is the key.", null, null);

        assertThat(result.sent()).isTrue();
        assertThat(sent).singleElement().satisfies(message -> {
            assertThat(message.channel().id()).as("the merged customer wrote last, by email").isEqualTo("email");
            assertThat(message.address()).isEqualTo(new EmailAddress("ann.customer@example.com"));
            assertThat(message.conversationId()).isEqualTo("c-2");
        });
        assertThat(store.messages("c-2")).extracting(StoredMessage::text).endsWith("Here is the key.");
        assertThat(store.messages("c-1")).as("the kept customer's own thread").hasSize(1);
        assertThat(merging.thread(threads.get("c-1"), ThreadPage.newest()).messages()).extracting(StoredMessage::text)
                .containsExactly("which software?", "and the licence?", "the licence key?", "Here is the key.");
    }

    @Test
    void aCallerWhoLaterTextsFromHisNumberIsAnsweredBySmsThere() {
        customers.save(new Customer("k-5", "c-5", Instant.EPOCH));
        customers.linkIfAbsent("e164:+447700900555", new AddressLink("k-5", "voice", Instant.EPOCH));
        store.put(Conversation.open("c-5", "k-5", "e164:+447700900555", new byte[32], Instant.EPOCH), inbound("voice", "Called the help number.", "5"), inbound("sms", "the licence?", "6"));
        assignments.put("c-5", Assignment.queued("c-5", "k-5", "general", null, Instant.EPOCH, null, null, List.of())
                .ownedBy("ann", "Ann Smith"));

        replies.send(ann, "c-5", "Here it is.", null, null);

        assertThat(sent).singleElement().satisfies(message -> {
            assertThat(message.channel().id()).isEqualTo("sms");
            assertThat(message.address()).isEqualTo(new E164Number("+447700900555"));
        });
    }

    @Test
    void anAddressAnAgentLinkedIsReachedOnTheChannelItWasLinkedForOnly() {
        customers.save(new Customer("k-6", "c-6", Instant.EPOCH));
        customers.linkIfAbsent("email:jo@example.com", new AddressLink("k-6", "email", Instant.EPOCH));
        store.put(Conversation.open("c-6", "k-6", "email:jo@example.com", new byte[32], Instant.EPOCH));
        merging.merge(ann, "c-1", "c-6");

        replies.send(ann, "c-1", "The link.", "email", null);

        assertThat(sent).singleElement().satisfies(message -> {
            assertThat(message.address()).isEqualTo(new EmailAddress("jo@example.com"));
            assertThat(message.conversationId()).isEqualTo("c-6");
        });
        store.put(Conversation.open("c-7", "k-7", "visitor:v-777777777", new byte[32], Instant.EPOCH), inbound("web-chat", "hello", "7"));
        customers.save(new Customer("k-7", "c-7", Instant.EPOCH));
        customers.linkIfAbsent("visitor:v-777777777", new AddressLink("k-7", "web-chat", Instant.EPOCH));
        assignments.put("c-7", Assignment.queued("c-7", "k-7", "general", null, Instant.EPOCH, null, null, List.of())
                .ownedBy("ann", "Ann Smith"));
        assertThatThrownBy(() -> replies.send(ann, "c-7", "hi", "sms", null))
                .hasMessageContaining("no address on channel 'sms'");
    }

    @Test
    void aGreetingThatNoChannelCarriesIsSkippedAndTheClaimStands() {
        store.put(Conversation.open("c-3", "k-3", "settop:stb-1", new byte[32], Instant.EPOCH), inbound("tv", "help", "3"));
        assignments.put("c-3", Assignment.queued("c-3", "k-3", "general", null, Instant.EPOCH, null, null, List.of())
                .ownedBy("ann", "Ann Smith"));

        replies.greet(ann, "c-3");

        assertThat(sent).isEmpty();
        assertThat(store.messages("c-3")).hasSize(1);
    }
}
