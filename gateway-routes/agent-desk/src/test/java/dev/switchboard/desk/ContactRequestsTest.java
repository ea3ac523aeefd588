package dev.switchboard.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.hub.domain.AgentAvailability;
import dev.switchboard.hub.domain.Conversation;
import dev.switchboard.hub.domain.StoredMessage;
import dev.switchboard.spi.CallReport;
import dev.switchboard.spi.ContactRequest;
import dev.switchboard.spi.DeliveryStatus;
import dev.switchboard.spi.E164Number;
import dev.switchboard.spi.OutboundMessage;
import dev.switchboard.spi.Reply;
import dev.switchboard.spi.ThreadMessage.Direction;
import dev.switchboard.spi.VoiceDialer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContactRequestsTest {
    private static final E164Number VIEWER = new E164Number("+447700900456");

    private final MovingClock clock = new MovingClock();
    private final InMemoryRecords<Assignment> assignments = new InMemoryRecords<>();
    private final InMemoryRecords<AgentAccount> accountRecords = new InMemoryRecords<>();
    private final InMemoryConversations store = new InMemoryConversations();
    private final List<OutboundMessage> texted = new ArrayList<>();
    private final List<VoiceDialer.CallBack> dialled = new ArrayList<>();
    private Set<String> channels = Set.of("tv", "sms");
    private boolean voiceOn = true;
    private String dialFailure;
    private int onDuty = 1;

    private final OutboundChannels outbound = new OutboundChannels() {
        @Override
        public Set<String> channels() {
            return channels;
        }

        @Override
        public void send(OutboundMessage message) {
            texted.add(message);
        }
    };
    private final CallBackDialer dialer = new CallBackDialer() {
        @Override
        public boolean available() {
            return voiceOn;
        }

        @Override
        public String dial(CallBack call) {
            if (dialFailure != null) {
                throw new IllegalStateException(dialFailure);
            }
            dialled.add(call);
            return "CA" + dialled.size();
        }
    };
    private final AgentAvailability agents = new AgentAvailability() {
        @Override
        public int agentsOnDuty() {
            return onDuty;
        }

        @Override
        public int queuePosition(String conversationId) {
            return 2;
        }

        @Override
        public Duration estimatedWait(int position) {
            return Duration.ofMinutes(4);
        }

        @Override
        public Optional<String> agentFor(String conversationId) {
            return assignments.get(conversationId).map(Assignment::ownerName);
        }

        @Override
        public void waitForAgent(String conversationId, String customerId, String region) {
        }

        @Override
        public void customerWrote(String conversationId) {
        }
    };
    private final AgentAccount ann = new AgentAccount("ann", "Ann Smith", Role.AGENT, "$2a$04$x", false,
            Set.of("general"), Set.of(), 2, Instant.EPOCH, new AgentContact("+442079460018", null));
    private final ContactRequests requests = new ContactRequests(new InMemoryRecords<>(), assignments,
            new Accounts(accountRecords, new PasswordHashing(4), clock), agents, store, outbound, dialer, clock);

    @BeforeEach
    void aViewerGotAnAnswerOnTv() {
        accountRecords.put("ann", ann);
        store.put(Conversation.open("c-1", "k-1", "set-top:stb-1", new byte[32], Instant.EPOCH), message(Direction.INBOUND, "tv", "my recordings are gone"),
                        message(Direction.OUTBOUND, "tv", "Recordings are kept for 90 days."));
    }

    private static StoredMessage message(Direction direction, String channel, String text) {
        return new StoredMessage("m-" + text.hashCode(), channel, direction, "x", text, Instant.EPOCH, "k" + text.hashCode());
    }

    private Conversation thread() {
        return store.threads.get("c-1");
    }

    @Test
    void textMeSendsTheLatestAnswerBySmsToTheNumberGivenAndKeepsItInTheThread() {
        ContactRequest request = ContactRequest.textLatestAnswer(VIEWER);

        Reply reply = requests.reply(thread(), request);
        requests.act(thread(), request, "tv:1");

        assertThat(reply.text()).isEqualTo("We have texted it to +447700900456.");
        assertThat(texted).singleElement().satisfies(sms -> {
            assertThat(sms.channel().id()).isEqualTo("sms");
            assertThat(sms.address()).isEqualTo(VIEWER);
            assertThat(sms.reply().text()).isEqualTo("Recordings are kept for 90 days.");
        });
        StoredMessage kept = store.messages("c-1").get(2);
        assertThat(kept.channel()).isEqualTo("sms");
        assertThat(kept.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(kept.id()).isEqualTo(texted.get(0).messageId());
    }

    @Test
    void withoutAnSmsChannelTheCustomerIsToldAndNothingIsSent() {
        channels = Set.of("tv");
        ContactRequest request = ContactRequest.text(VIEWER, "the link");

        assertThat(requests.reply(thread(), request).text()).startsWith("We cannot send texts at the moment");
        requests.act(thread(), request, "tv:1");
        assertThat(texted).isEmpty();
        assertThat(store.messages("c-1")).hasSize(2);
    }

    @Test
    void aCallBackWaitsForTheAgentWhoTakesTheConversationAndRingsHisPhone() {
        ContactRequest request = ContactRequest.callBack(VIEWER);

        Reply reply = requests.reply(thread(), request);
        requests.act(thread(), request, "tv:2");
        assertThat(reply.view()).as("the customer is queued").isEqualTo(Reply.View.QUEUE_STATUS);
        assertThat(reply.text()).contains("call you back on +447700900456");
        assertThat(reply.queue().position()).isEqualTo(2);
        assertThat(dialled).as("nobody has the conversation yet").isEmpty();

        assignments.put("c-1", Assignment.queued("c-1", "k-1", "general", null, Instant.EPOCH, null, null, List.of())
                .ownedBy("ann", "Ann Smith"));
        requests.agentTookOver(ann, "c-1");
        requests.agentTookOver(ann, "c-1");

        assertThat(dialled).as("placed once").singleElement().isEqualTo(
                new VoiceDialer.CallBack("c-1", VIEWER, new E164Number("+442079460018"), "Ann Smith"));
        assertThat(store.messages("c-1").get(2).text()).contains("Calling you back on +447700900456 now");
    }

    @Test
    void aCallBackInAConversationAnAgentHasIsPlacedAtOnce() {
        assignments.put("c-1", Assignment.queued("c-1", "k-1", "general", null, Instant.EPOCH, null, null, List.of())
                .ownedBy("ann", "Ann Smith"));
        ContactRequest request = ContactRequest.callBack(VIEWER);

        assertThat(requests.reply(thread(), request).text()).isEqualTo("Ann Smith will call you back on +447700900456.");
        requests.act(thread(), request, "tv:3");
        assertThat(dialled).hasSize(1);
    }

    @Test
    void aCallThatCannotBePlacedStaysPendingAndTheCustomerIsToldInTheThread() {
        dialFailure = "Twilio answered 401";
        requests.act(thread(), ContactRequest.callBack(VIEWER), "tv:4");
        requests.agentTookOver(ann, "c-1");
        assertThat(store.messages("c-1").get(2).text()).startsWith("We could not call you back on +447700900456");

        dialFailure = null;
        requests.agentTookOver(ann, "c-1");
        assertThat(dialled).as("still pending, placed at the next take-over").hasSize(1);
    }

    @Test
    void withoutAVoiceChannelTheRequestWaitsInTheThreadForTheAgentToCallByHand() {
        voiceOn = false;
        onDuty = 0;
        ContactRequest request = ContactRequest.callBack(VIEWER);

        assertThat(requests.reply(thread(), request).text()).startsWith("No agent is on duty right now");
        requests.act(thread(), request, "tv:5");
        requests.agentTookOver(ann, "c-1");
        assertThat(dialled).isEmpty();
    }

    @Test
    void aCallIsLoggedOncePerStatusWithWhenItWasAnsweredAndHowLongItLasted() {
        CallReport completed = new CallReport("CA9", CallReport.Direction.CALL_BACK, VIEWER, "completed",
                Instant.parse("2026-11-23T10:02:00Z"), Duration.ofSeconds(192));

        requests.reportCall("c-1", completed);
        requests.reportCall("c-1", completed);
        requests.reportCall("c-404", completed);
        requests.reportCall("c-1", new CallReport("CA10", CallReport.Direction.INCOMING, VIEWER, "no-answer", null, null));

        List<StoredMessage> messages = store.messages("c-1");
        assertThat(messages).hasSize(4);
        assertThat(messages.get(2).channel()).isEqualTo("voice");
        assertThat(messages.get(2).direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(messages.get(2).text()).isEqualTo(
                "Call back to +447700900456: completed, answered 2026-11-23 10:02:00 UTC, lasted 3 min 12 s.");
        assertThat(messages.get(3).direction()).isEqualTo(Direction.INBOUND);
        assertThat(messages.get(3).text()).isEqualTo("Call from +447700900456 to the help number: no answer.");
    }

    @Test
    void aTextThatTheChannelRefusesIsMarkedFailedInTheThread() {
        OutboundChannels refusing = new OutboundChannels() {
            @Override
            public Set<String> channels() {
                return Set.of("sms");
            }

            @Override
            public void send(OutboundMessage message) {
                throw new IllegalStateException("the outbox is full");
            }
        };
        ContactRequests withRefusingSms = new ContactRequests(new InMemoryRecords<>(), assignments,
                new Accounts(accountRecords, new PasswordHashing(4), clock), agents, store, refusing, dialer, clock);

        withRefusingSms.act(thread(), ContactRequest.textLatestAnswer(VIEWER), "tv:6");

        StoredMessage kept = store.messages("c-1").get(2);
        assertThat(kept.delivery()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(kept.deliveryDetail()).isEqualTo("the outbox is full");
    }
}
