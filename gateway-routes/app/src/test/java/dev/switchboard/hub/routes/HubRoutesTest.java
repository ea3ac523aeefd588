package dev.switchboard.hub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.hub.domain.AddNearbyServicePoints;
import dev.switchboard.hub.domain.ConversationStore;
import dev.switchboard.hub.domain.CustomerRatings;
import dev.switchboard.hub.domain.DecideReply;
import dev.switchboard.hub.domain.EnrichContext;
import dev.switchboard.hub.domain.IdempotencyScope;
import dev.switchboard.hub.domain.IdentifiedCustomer;
import dev.switchboard.hub.domain.RecordedOutcome;
import dev.switchboard.hub.domain.RecordedOutcome.StoredReply;
import dev.switchboard.hub.domain.ResolveCustomer;
import dev.switchboard.hub.knowledge.json.KnowledgeBaseLoader;
import dev.switchboard.hub.places.GazetteerLoader;
import dev.switchboard.hub.places.NearbyServicePoints;
import dev.switchboard.hub.places.json.ServicePointsLoader;
import dev.switchboard.render.VelocityReplyRenderer;
import dev.switchboard.spi.Channel;
import dev.switchboard.spi.DeliveryStatus;
import dev.switchboard.spi.DeviceContext;
import dev.switchboard.spi.DeviceProfile;
import dev.switchboard.spi.E164Number;
import dev.switchboard.spi.Interaction;
import dev.switchboard.spi.NearbyPoint;
import dev.switchboard.spi.Outcome;
import dev.switchboard.spi.Reply;
import dev.switchboard.spi.ThreadMessage.Direction;
import dev.switchboard.spi.TvContext;
import dev.switchboard.testing.HubState;
import dev.switchboard.testing.Threads;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import dev.switchboard.gateway.adapters.OutboundSenders;
import dev.switchboard.gateway.adapters.VoiceDialers;
import dev.switchboard.desk.Accounts;
import dev.switchboard.desk.ContactRequests;
import dev.switchboard.desk.PasswordHashing;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each step of the hub's route chain, on its own route, over a real Hazelcast member and H2 file. */
class HubRoutesTest {
    @TempDir
    static Path dataDir;
    static HubState state;
    static CamelContext camel;
    static ProducerTemplate producer;
    static CamelHelpDesk helpDesk;
    static int numbers;

    @BeforeAll
    static void start() throws Exception {
        state = HubState.open(dataDir);
        var conversations = state.member().conversationStore();
        var agentMaps = state.member().agentMaps();
        ContactRequests contactRequests = new ContactRequests(agentMaps.callBacks(), agentMaps.assignments(),
                new Accounts(agentMaps.accounts(), new PasswordHashing(4), Clock.systemUTC()), state.routing(),
                conversations, new OutboundSenders(), new VoiceDialers(), Clock.systemUTC());
        HubSteps steps = new HubSteps(state.member().idempotencyLog(),
                new ResolveCustomer(state.member().customerDirectory(), conversations, state.member().customerMerges(), Clock.systemUTC()),
                new EnrichContext(GazetteerLoader.shipped()), conversations,
                new DecideReply(KnowledgeBaseLoader.fromClasspath("knowledge-base.json"), state.routing()),
                new AddNearbyServicePoints(new NearbyServicePoints(
                        ServicePointsLoader.fromClasspath("service-points-demo.json")), Clock.systemUTC()),
                new VelocityReplyRenderer(), contactRequests, Clock.systemUTC());
        camel = new DefaultCamelContext();
        camel.addRoutes(new HubErrorHandling());
        camel.addRoutes(new HubRoutes(steps, new SimpleMeterRegistry()));
        camel.start();
        producer = camel.createProducerTemplate();
        helpDesk = new CamelHelpDesk(camel, conversations, state.member().customerDirectory(), List.of("Opening hours"),
                contactRequests, CustomerRatings.NONE, state.routing());
    }

    @AfterAll
    static void stop() {
        camel.stop();
        state.close();
    }

    private static Interaction sms(String key, String text) {
        return new Interaction(key, Channel.SMS, DeviceProfile.SMS, new E164Number("+4860100" + (1000 + numbers++)),
                text, DeviceContext.EMPTY.withTv(new TvContext("dvb://1.2.3", "Evening News")), Instant.now());
    }

    private static Handling through(String endpoint, Handling handling) {
        producer.requestBody(endpoint, handling);
        return handling;
    }

    @Test
    void deduplicateScopesTheKeyAndFindsAnEarlierOutcome() {
        Interaction interaction = sms("smsc-1", "what are your opening hours");
        Handling fresh = through(HubRoutes.DEDUPLICATE, new Handling(interaction, null));
        assertThat(fresh.isDuplicate()).isFalse();
        assertThat(fresh.scopedKey()).isEqualTo("sms|" + interaction.address().key() + "|smsc-1");

        helpDesk.submit(interaction, null);

        Handling repeat = through(HubRoutes.DEDUPLICATE, new Handling(interaction, null));
        assertThat(repeat.earlierOutcome()).isNotNull();
        assertThat(through(HubRoutes.IDENTIFY, repeat).isDuplicate()).isTrue();
    }

    @Test
    void identifyFindsOrCreatesTheCustomer() {
        Handling handling = through(HubRoutes.IDENTIFY, new Handling(sms("k-identify", "hi"), null));

        assertThat(handling.customer().newCustomer()).isTrue();
        assertThat(handling.conversation().customerId()).isEqualTo(handling.customer().customer().id());
    }

    @Test
    void enrichTurnsDeviceContextIntoCustomerContext() {
        Handling handling = through(HubRoutes.ENRICH, new Handling(sms("k-enrich", "hi"), null));

        assertThat(handling.context().tvProgramme()).isEqualTo("Evening News");
    }

    @Test
    void threadAddsTheQuestionOnceForTheStepsAfterIt() {
        Handling handling = through(HubRoutes.IDENTIFY, new Handling(sms("k-thread", "my question"), null));
        through(HubRoutes.ENRICH, handling);
        through(HubRoutes.THREAD, handling);
        through(HubRoutes.THREAD, handling);

        assertThat(handling.question().text()).isEqualTo("my question");
        assertThat(handling.question().direction()).isEqualTo(Direction.INBOUND);
        assertThat(handling.conversation().context().tvService()).isEqualTo("dvb://1.2.3");
    }

    @Test
    void aTownKeyedInOnAnyChannelBringsTheNearestPointsAndTheConversationRemembersTheRegion() {
        E164Number phone = new E164Number("+4860100" + (1000 + numbers++));
        Outcome first = helpDesk.submit(new Interaction("k-town-1", Channel.SMS, DeviceProfile.SMS, phone,
                "what are your opening hours", DeviceContext.EMPTY.withPlaceName("Gdansk"), Instant.now()), null);
        Outcome later = helpDesk.submit(new Interaction("k-town-2", Channel.SMS, DeviceProfile.SMS, phone,
                "what are your opening hours", DeviceContext.EMPTY, Instant.now()), null);

        assertThat(first.reply().region()).isEqualTo("Pomerania");
        assertThat(first.reply().nearby()).first().extracting(NearbyPoint::name).isEqualTo("Gdańsk Długa");
        assertThat(first.rendered().body()).contains("Nearest service point: Gdańsk Długa");
        assertThat(later.reply().nearby()).as("the location is remembered")
                .extracting(NearbyPoint::name, NearbyPoint::distanceMeters)
                .isEqualTo(first.reply().nearby().stream()
                        .map(p -> org.assertj.core.groups.Tuple.tuple(p.name(), p.distanceMeters())).toList());
        var context = state.member().conversationStore().get(first.conversationId()).orElseThrow().context();
        assertThat(context.region()).isEqualTo("Pomerania");
        assertThat(context.place()).isEqualTo("Gdańsk");
        assertThat(context.locationSource()).isEqualTo("user_entered");
    }

    @Test
    void anOutcomeRecordedWithoutItsAnswerInTheThreadIsProcessedAgain() throws Exception {
        Interaction interaction = sms("k-half", "what are your opening hours");
        Handling identified = through(HubRoutes.IDENTIFY, new Handling(interaction, null));
        IdentifiedCustomer customer = identified.customer();
        state.member().conversationStore().record(identified.conversation().id(),
                customer.stored() ? null : customer.conversation(), List.of(), null,
                new ConversationStore.KeyedOutcome(IdempotencyScope.of(interaction),
                        new RecordedOutcome(identified.conversation().id(), StoredReply.of(Reply.error("stale")))));

        Outcome outcome = helpDesk.submit(interaction, null);

        assertThat(outcome.duplicate()).isFalse();
        assertThat(Threads.all(state.member().conversationStore(), outcome.conversationId())).hasSize(2);
    }

    @Test
    void decidePicksAKnowledgeBaseAnswerWhenNobodyIsOnDuty() {
        Handling handling = through(HubRoutes.IDENTIFY, new Handling(sms("k-decide", "I forgot my password"), null));
        through(HubRoutes.DECIDE, handling);

        assertThat(handling.reply().view()).isEqualTo(Reply.View.ANSWER);
        assertThat(handling.reply().source()).isEqualTo(Reply.Source.KNOWLEDGE_BASE);
    }

    @Test
    void renderUsesTheInteractionsProfile() {
        Handling handling = new Handling(sms("k-render", "x"), null);
        handling.reply(Reply.error("Sorry <that> did not work"));
        through(HubRoutes.RENDER, handling);

        assertThat(handling.rendered().contentType()).isEqualTo(DeviceProfile.SMS.contentType());
        assertThat(handling.rendered().body()).contains("Sorry <that> did not work");
    }

    @Test
    void noteStoresTheContactWithoutAnAnswerOncePerKey() {
        Interaction call = new Interaction("CA-note", Channel.VOICE, DeviceProfile.TWIML,
                new E164Number("+4860100" + (1000 + numbers++)), "Called the help number.", null, Instant.now());
        Handling handling = Handling.note(call);
        for (String step : new String[] {HubRoutes.DEDUPLICATE, HubRoutes.IDENTIFY, HubRoutes.ENRICH, HubRoutes.THREAD,
                HubRoutes.NOTE}) {
            through(step, handling);
        }

        String conversationId = handling.conversation().id();
        var stored = Threads.all(state.member().conversationStore(), conversationId);
        assertThat(stored).singleElement().satisfies(message -> {
            assertThat(message.direction()).isEqualTo(Direction.INBOUND);
            assertThat(message.text()).isEqualTo("Called the help number.");
            assertThat(message.channel()).isEqualTo("voice");
        });
        assertThat(handling.reply()).isNull();
        assertThat(state.member().idempotencyLog().find(handling.scopedKey())).isEmpty();

        assertThat(helpDesk.note(call)).as("a retried webhook").isEqualTo(conversationId);
        assertThat(Threads.all(state.member().conversationStore(), conversationId)).hasSize(1);
    }

    @Test
    void deliverStoresTheAnswerAndTheOutcome() {
        Interaction interaction = sms("k-deliver", "what are your opening hours");
        Handling handling = new Handling(interaction, null);
        for (String step : new String[] {HubRoutes.DEDUPLICATE, HubRoutes.IDENTIFY, HubRoutes.ENRICH, HubRoutes.THREAD,
                HubRoutes.DECIDE, HubRoutes.RENDER, HubRoutes.DELIVER}) {
            through(step, handling);
        }

        Outcome outcome = handling.outcome();
        assertThat(outcome.duplicate()).isFalse();
        var stored = Threads.all(state.member().conversationStore(), outcome.conversationId());
        assertThat(stored).extracting(m -> m.direction()).containsExactly(Direction.INBOUND, Direction.OUTBOUND);
        assertThat(state.member().idempotencyLog().find(handling.scopedKey())).hasValueSatisfying(recorded -> {
            assertThat(recorded.reply().text()).as("the answer's text is the thread's, not kept twice").isNull();
            assertThat(recorded.reply().toReply(stored.get(1).text()).text())
                    .isEqualTo(outcome.reply().text());
        });
    }

    @Test
    void intakeAnswersARepeatFromTheRecordWithoutAddingToTheThread() {
        Interaction interaction = sms("k-repeat", "what are your opening hours");
        Outcome first = helpDesk.submit(interaction, null);
        Outcome repeat = helpDesk.submit(interaction, null);

        assertThat(repeat.duplicate()).isTrue();
        assertThat(repeat.conversationId()).isEqualTo(first.conversationId());
        assertThat(repeat.reply().text()).isEqualTo(first.reply().text());
        assertThat(repeat.rendered().body()).isEqualTo(first.rendered().body());
        assertThat(Threads.all(state.member().conversationStore(), first.conversationId())).hasSize(2);
        assertThat(repeat.replyMessageId()).isNotNull().isEqualTo(first.replyMessageId());
    }

    @Test
    void aDeliveryReportSetsTheStatusOfTheAnswerInTheThreadTheCustomerReads() {
        Interaction web = new Interaction("k-delivery", Channel.WEB_CHAT, DeviceProfile.HTML5,
                new dev.switchboard.spi.WebVisitorId("v-delivery-1"), "what are your opening hours", null, Instant.now());
        Outcome outcome = helpDesk.submit(web, null);

        helpDesk.reportDelivery(outcome.conversationId(), outcome.replyMessageId(), DeliveryStatus.FAILED, "SMSC error 0x0B");

        var thread = helpDesk.conversation(outcome.conversationId(), outcome.customerToken()).orElseThrow().messages();
        assertThat(thread).extracting(m -> m.delivery(), m -> m.deliveryDetail()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(null, null),
                org.assertj.core.groups.Tuple.tuple(DeliveryStatus.FAILED, "SMSC error 0x0B"));
        assertThat(thread.get(1).id()).isEqualTo(outcome.replyMessageId());
    }

    @Test
    void aMessageNobodyCanRepeatLeavesNoOutcomeRecord() {
        Interaction once = sms("k-made-up", "what are your opening hours");
        Interaction unrepeatable = new Interaction(once.idempotencyKey(), once.channel(), once.profile(), once.address(),
                once.text(), once.context(), once.receivedAt(), false);

        Outcome outcome = helpDesk.submit(unrepeatable, null);

        assertThat(outcome.reply().view()).isEqualTo(Reply.View.ANSWER);
        assertThat(state.member().idempotencyLog().find(dev.switchboard.hub.domain.IdempotencyScope.of(unrepeatable)))
                .isEmpty();
        assertThat(Threads.all(state.member().conversationStore(), outcome.conversationId())).hasSize(2);
    }

    @Test
    void intakeRefusesTextOverTheLimitWithTheReasonAndStoresNothing() {
        Interaction tooLong = sms("k-long", "x".repeat(HubSteps.MAX_TEXT_LENGTH + 1));

        assertThatThrownBy(() -> helpDesk.submit(tooLong, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most " + HubSteps.MAX_TEXT_LENGTH);
        assertThat(state.member().customerDirectory().linkOf(tooLong.address().key())).isEmpty();
    }
}
