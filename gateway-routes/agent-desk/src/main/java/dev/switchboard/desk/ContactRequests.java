package dev.switchboard.desk;

import dev.switchboard.hub.domain.AgentAvailability;
import dev.switchboard.hub.domain.Conversation;
import dev.switchboard.hub.domain.ContactRequestHandling;
import dev.switchboard.hub.domain.ConversationStore;
import dev.switchboard.hub.domain.Ids;
import dev.switchboard.hub.domain.StoredMessage;
import dev.switchboard.spi.CallReport;
import dev.switchboard.spi.Channel;
import dev.switchboard.spi.ContactRequest;
import dev.switchboard.spi.DeliveryStatus;
import dev.switchboard.spi.E164Number;
import dev.switchboard.spi.OutboundMessage;
import dev.switchboard.spi.QueueStatus;
import dev.switchboard.spi.Reply;
import dev.switchboard.spi.ThreadMessage.Direction;
import dev.switchboard.spi.ThreadPage;
import dev.switchboard.spi.VoiceDialer;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the help desk does when a customer asks to be called back or texted (a {@link ContactRequest}).
 *
 * <p>A text goes out at once by SMS, through the adapter that sends the desk's SMS, and is kept in the
 * thread like any answer. A call back waits until an agent owns the conversation (at once when one does
 * already), then the voice channel rings the customer and connects him to that agent's phone, or to the
 * queue when the agent has none; without a voice channel the agent sees the request in the thread and calls
 * by hand. How each call went comes back through {@link #reportCall} and is logged in the thread.
 */
public final class ContactRequests implements ContactRequestHandling {
    private static final Logger LOG = LoggerFactory.getLogger(ContactRequests.class);

    private final SharedRecords<PendingCallBack> pending;
    private final SharedRecords<Assignment> assignments;
    private final Accounts accounts;
    private final AgentAvailability agents;
    private final ConversationStore conversations;
    private final OutboundChannels outbound;
    private final CallBackDialer dialer;
    private final Clock clock;

    public ContactRequests(SharedRecords<PendingCallBack> pending, SharedRecords<Assignment> assignments,
                           Accounts accounts, AgentAvailability agents, ConversationStore conversations,
                           OutboundChannels outbound, CallBackDialer dialer, Clock clock) {
        this.pending = pending;
        this.assignments = assignments;
        this.accounts = accounts;
        this.agents = agents;
        this.conversations = conversations;
        this.outbound = outbound;
        this.dialer = dialer;
        this.clock = clock;
    }

    /**
     * The reply to the customer's message carrying {@code request}: what will happen. A call back waits for
     * an agent like any customer who asks for one (a {@link Reply.View#QUEUE_STATUS} reply queues him).
     *
     * @param conversation the thread with the customer's message appended
     */
    @Override
    public Reply reply(Conversation conversation, ContactRequest request) {
        String number = request.number().value();
        if (request.kind() == ContactRequest.Kind.TEXT_ME) {
            if (!textsCanGo()) {
                return system("We cannot send texts at the moment. An agent will see your request.");
            }
            return textFor(conversation, request, null).isPresent()
                    ? system("We have texted it to " + number + ".")
                    : system("There is nothing to text yet: ask your question first.");
        }
        Optional<String> agent = agents.agentFor(conversation.id());
        if (agent.isPresent()) {
            return system(agent.get() + " will call you back on " + number + ".");
        }
        if (agents.agentsOnDuty() > 0) {
            return Reply.queued("Thank you. An agent will call you back on " + number + " shortly.",
                    agents.queueStatus(conversation.id()));
        }
        return new Reply(Reply.View.QUEUE_STATUS,
                "No agent is on duty right now. An agent will call you back on " + number + " as soon as one is.",
                Reply.Source.SYSTEM, List.of(), QueueStatus.NOBODY_ON_DUTY, List.of());
    }

    /**
     * Acts on {@code request} once the customer's message and its reply are stored.
     *
     * @param conversation the thread as the reply was decided (with the customer's message)
     * @param requestKey   the customer message's idempotency key: acting twice on one message sends once
     */
    @Override
    public void act(Conversation conversation, ContactRequest request, String requestKey) {
        if (request.kind() == ContactRequest.Kind.TEXT_ME) {
            if (textsCanGo()) {
                textFor(conversation, request, requestKey)
                        .ifPresent(text -> text(conversation.id(), request.number(), text, requestKey));
            }
            return;
        }
        pending.put(conversation.id(), new PendingCallBack(request.number().value(), clock.instant()));
        ownerOf(conversation.id()).ifPresent(owner -> agentTookOver(owner, conversation.id()));
    }

    /**
     * An agent now owns the conversation (he claimed it): a call back waiting for him is placed, connecting
     * the customer to his phone. Nothing when none waits or no voice channel is on.
     */
    public void agentTookOver(AgentAccount agent, String conversationId) {
        if (!dialer.available()) {
            return;
        }
        PendingCallBack call = pending.change(conversationId, new Take()).before();
        if (call == null) {
            return;
        }
        E164Number customer = new E164Number(call.number());
        E164Number agentPhone = agent.contact().phoneNumber().orElse(null);
        try {
            String callId = dialer.dial(new VoiceDialer.CallBack(conversationId, customer, agentPhone,
                    agent.displayName()));
            LOG.info("Call back {} to a customer of conversation {} placed for agent {}", callId, conversationId,
                    agent.username());
            note(conversationId, "Calling you back on " + customer.value() + " now"
                    + (agentPhone == null ? "." : ": " + agent.displayName() + " will take the call."), "call:" + callId);
        } catch (RuntimeException e) {
            LOG.warn("Call back for conversation {} could not be placed ({}); it waits for the agent to call by hand",
                    conversationId, e.getMessage());
            pending.put(conversationId, call);
            note(conversationId, "We could not call you back on " + customer.value()
                    + " just now; an agent will be in touch.", "call-failed:" + Ids.next("c-"));
        }
    }

    /** Logs a call in the thread, once per call and status; a conversation the desk does not know is ignored. */
    @Override
    public void reportCall(String conversationId, CallReport report) {
        Optional<Conversation> conversation = conversations.get(conversationId);
        if (conversation.isEmpty()) {
            LOG.info("Report of call {} for unknown conversation {} ignored", report.callId(), conversationId);
            return;
        }
        Direction direction = report.direction() == CallReport.Direction.CALL_BACK ? Direction.OUTBOUND
                : Direction.INBOUND;
        String key = "call:" + report.callId() + ":" + report.status();
        if (conversations.find(conversationId, direction, key).isPresent()) {
            return;
        }
        String author = direction == Direction.OUTBOUND ? StoredMessage.HELP_DESK_AUTHOR : "you";
        conversations.record(conversationId, null, List.of(new StoredMessage(Ids.next("m-"), Channel.VOICE.id(),
                direction, author, CallLogLine.of(report), clock.instant(), key)), null);
    }

    private void text(String conversationId, E164Number number, String text, String requestKey) {
        StoredMessage message = new StoredMessage(Ids.next("m-"), Channel.SMS.id(), Direction.OUTBOUND, StoredMessage.HELP_DESK_AUTHOR,
                text, clock.instant(), "text-me:" + requestKey);
        conversations.record(conversationId, null, List.of(message), null);
        try {
            outbound.send(new OutboundMessage(message.id(), conversationId, Channel.SMS, number,
                    Reply.answer(text, Reply.Source.SYSTEM, List.of())));
        } catch (RuntimeException e) {
            LOG.warn("Text to a customer of conversation {} not taken by the SMS channel: {}", conversationId,
                    e.getMessage());
            conversations.recordDelivery(conversationId, message.id(), DeliveryStatus.FAILED,
                    e.getMessage());
        }
    }

    /**
     * What to text: the request's own text, or the help desk's latest message in the thread before the answer to the
     * request itself (the interaction {@code requestKey}, {@code null} before that answer is stored).
     */
    private Optional<String> textFor(Conversation conversation, ContactRequest request, String requestKey) {
        if (request.text() != null) {
            return Optional.of(request.text());
        }
        List<StoredMessage> messages = conversations.page(conversation.id(), ThreadPage.newest()).messages();
        for (int i = messages.size() - 1; i >= 0; i--) {
            StoredMessage message = messages.get(i);
            if (message.direction() == Direction.OUTBOUND && !message.text().isBlank()
                    && !message.idempotencyKey().equals(requestKey)) {
                return Optional.of(message.text());
            }
        }
        return Optional.empty();
    }

    private boolean textsCanGo() {
        return outbound.channels().contains(Channel.SMS.id());
    }

    private Optional<AgentAccount> ownerOf(String conversationId) {
        return assignments.get(conversationId)
                .filter(a -> a.stage() == Assignment.Stage.ACTIVE && a.owner() != null)
                .flatMap(a -> accounts.find(a.owner()));
    }

    private void note(String conversationId, String text, String key) {
        conversations.record(conversationId, null, List.of(new StoredMessage(Ids.next("m-"), Channel.VOICE.id(),
                Direction.OUTBOUND, StoredMessage.HELP_DESK_AUTHOR, text, clock.instant(), key)), null);
    }

    /** Takes the pending call back out, so that only one node places it. */
    record Take() implements SharedRecords.Change<PendingCallBack> {
        @Override
        public PendingCallBack apply(PendingCallBack before) {
            return null;
        }
    }

    private static Reply system(String text) {
        return Reply.answer(text, Reply.Source.SYSTEM, List.of());
    }
}
