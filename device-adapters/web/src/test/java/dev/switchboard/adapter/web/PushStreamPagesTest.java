package dev.switchboard.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.adapter.testkit.RecordingHelpDesk;
import dev.switchboard.adapter.testkit.StandInGateway;
import dev.switchboard.spi.AgentSignal;
import dev.switchboard.spi.AppInstallId;
import dev.switchboard.spi.Channel;
import dev.switchboard.spi.ConversationView;
import dev.switchboard.spi.DeviceProfile;
import dev.switchboard.spi.Interaction;
import dev.switchboard.spi.OutboundMessage;
import dev.switchboard.spi.OutboundSender;
import dev.switchboard.spi.Outcome;
import dev.switchboard.spi.Rating;
import dev.switchboard.spi.RatingRequest;
import dev.switchboard.spi.Reply;
import dev.switchboard.spi.ThreadMessage;
import dev.switchboard.spi.ThreadPage;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The push stream of an app whose thread is longer than a page, served by the adapter on the test kit's stand-in
 * gateway (a real Jetty on a loopback port) in front of its recording help desk: it never sends the whole thread, and
 * sends every message after the app's last one once.
 */
class PushStreamPagesTest {
    private static final int THREAD_LENGTH = 300;
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final AppInstallId APP = new AppInstallId("app-5f0c4a52-push-pages");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RecordingHelpDesk helpDesk = new RecordingHelpDesk();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<AppConnection> connections = new ArrayList<>();
    private StandInGateway gateway;
    private String conversation;
    private String token;
    private int written;

    @BeforeEach
    void startWithALongThread() throws Exception {
        gateway = StandInGateway.builder().helpDesk(helpDesk)
                .servingHttp()
                .start(new WebAdapter());
        Outcome opened = helpDesk.submit(new Interaction("k-1", Channel.MOBILE_APP, DeviceProfile.HTML5, APP, "hello",
                null, NOW), null);
        conversation = opened.conversationId();
        token = opened.customerToken();
        written = 2;
        agentWrites(THREAD_LENGTH - written);
    }

    @AfterEach
    void stop() {
        connections.forEach(AppConnection::close);
        gateway.close();
    }

    /** An agent writes {@code count} messages in the thread; the app is not told (see {@link #threadChanged}). */
    private void agentWrites(int count) {
        for (int i = 0; i < count; i++) {
            written++;
            helpDesk.agentReplies(conversation, "Ann", "Message " + written, NOW.plusSeconds(written));
        }
    }

    /** What the gateway does once an agent's answer on channel mobile-app is stored: the adapter's sender is told. */
    private void threadChanged() {
        ThreadMessage latest = newestPage().messages().get(ThreadPage.DEFAULT_LIMIT - 1);
        gateway.senders().get(Channel.MOBILE_APP).send(new OutboundMessage(latest.id(), conversation,
                Channel.MOBILE_APP, APP, Reply.answer(latest.text(), Reply.Source.AGENT, List.of())));
    }

    private ConversationView newestPage() {
        return helpDesk.conversation(conversation, token, ThreadPage.newest()).orElseThrow();
    }

    /** Every message id of the thread, oldest first, read from the help desk a page at a time. */
    private List<String> wholeThread() {
        List<String> ids = new ArrayList<>();
        String before = null;
        do {
            ConversationView page = helpDesk.conversation(conversation, token, new ThreadPage(before, ThreadPage.MAX_LIMIT))
                    .orElseThrow();
            ids.addAll(0, page.messages().stream().map(ThreadMessage::id).toList());
            before = page.olderCursor();
        } while (before != null);
        return ids;
    }

    private AppConnection connect(String lastEventId) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri("/api/app/conversations/" + conversation + "/events"))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        AppConnection connection = new AppConnection(response);
        connections.add(connection);
        return connection;
    }

    private static List<String> idsOf(List<Event> events) {
        assertThat(events).allSatisfy(event -> assertThat(event.type()).isEqualTo("message"));
        return events.stream().map(Event::id).toList();
    }

    @Test
    void anAppThatHasReadNothingGetsTheNewestPageAndTheCursorOfTheRestThenEachNewMessage() throws Exception {
        List<String> thread = wholeThread();
        String cursor = newestPage().olderCursor();
        AppConnection app = connect(null);

        Event older = app.next();
        List<Event> page = app.next(ThreadPage.DEFAULT_LIMIT);
        agentWrites(1);
        threadChanged();
        Event next = app.next();

        assertThat(older.type()).isEqualTo("older");
        assertThat(older.id()).as("no id: the app resumes after messages only").isNull();
        assertThat(JSON.readTree(older.data()).get("olderCursor").textValue()).isNotNull().isEqualTo(cursor);
        assertThat(idsOf(page)).isEqualTo(thread.subList(THREAD_LENGTH - ThreadPage.DEFAULT_LIMIT, THREAD_LENGTH));
        assertThat(JSON.readTree(page.get(page.size() - 1).data()).get("text").textValue()).isEqualTo("Message 300");
        assertThat(idsOf(List.of(next))).as("the new message, right after the page: nothing sent twice")
                .containsExactly(wholeThread().get(THREAD_LENGTH));
    }

    @Test
    void anAppResumesAfterItsLastMessageInTheNewestPage() throws Exception {
        List<String> thread = wholeThread();
        AppConnection app = connect(thread.get(289));

        assertThat(idsOf(app.next(10))).isEqualTo(thread.subList(290, THREAD_LENGTH));
        agentWrites(1);
        threadChanged();
        assertThat(idsOf(app.next(1))).containsExactly(wholeThread().get(THREAD_LENGTH));
    }

    @Test
    void anAppAwayForMoreThanAPageGetsEverythingAfterItsLastMessageWithinTheCatchUp() throws Exception {
        List<String> thread = wholeThread();
        int last = THREAD_LENGTH - ThreadPage.DEFAULT_LIMIT - PushStream.CATCH_UP;
        AppConnection app = connect(thread.get(last));

        assertThat(idsOf(app.next(THREAD_LENGTH - last - 1))).isEqualTo(thread.subList(last + 1, THREAD_LENGTH));
        agentWrites(1);
        threadChanged();
        assertThat(idsOf(app.next(1))).containsExactly(wholeThread().get(THREAD_LENGTH));
    }

    @Test
    void anAppWhoseLastMessageIsFurtherBackOrUnknownGetsTheNewestPageAndTheCursor() throws Exception {
        List<String> thread = wholeThread();
        String cursor = newestPage().olderCursor();

        for (String lastSeen : List.of(thread.get(THREAD_LENGTH - ThreadPage.DEFAULT_LIMIT - PushStream.CATCH_UP - 1),
                "m-not-in-this-thread")) {
            AppConnection app = connect(lastSeen);

            Event older = app.next();
            assertThat(older.type()).as(lastSeen).isEqualTo("older");
            assertThat(JSON.readTree(older.data()).get("olderCursor").textValue()).isEqualTo(cursor);
            assertThat(idsOf(app.next(ThreadPage.DEFAULT_LIMIT)))
                    .isEqualTo(thread.subList(THREAD_LENGTH - ThreadPage.DEFAULT_LIMIT, THREAD_LENGTH));
        }
    }

    @Test
    void messagesStoredFasterThanTheStreamIsToldAllFollowOnceInOrder() throws Exception {
        AppConnection app = connect(null);
        app.next(1 + ThreadPage.DEFAULT_LIMIT);

        agentWrites(ThreadPage.DEFAULT_LIMIT + 10);
        threadChanged();
        List<String> burst = idsOf(app.next(ThreadPage.DEFAULT_LIMIT + 10));
        agentWrites(1);
        threadChanged();
        Event next = app.next();

        List<String> thread = wholeThread();
        assertThat(burst).isEqualTo(thread.subList(THREAD_LENGTH, THREAD_LENGTH + ThreadPage.DEFAULT_LIMIT + 10));
        assertThat(idsOf(List.of(next))).containsExactly(thread.get(thread.size() - 1));
    }

    @Test
    void anAgentsFinishAsksForARatingOnceAfterTheQuestionAndAgainOnlyToAStreamOpenedWhileItIsAsked() throws Exception {
        AppConnection app = connect(null);
        app.next(1 + ThreadPage.DEFAULT_LIMIT);

        agentWrites(1);
        String linkToken = helpDesk.askRating(conversation);
        ThreadMessage question = newestPage().messages().get(ThreadPage.DEFAULT_LIMIT - 1);
        gateway.senders().get(Channel.MOBILE_APP).send(new OutboundMessage(question.id(), conversation,
                Channel.MOBILE_APP, APP, Reply.answer(question.text(), Reply.Source.AGENT, List.of()),
                new RatingRequest(linkToken, "Ann")));
        Event questionEvent = app.next();
        Event asked = app.next();
        agentWrites(1);
        threadChanged();
        Event after = app.next();
        AppConnection reconnected = connect(after.id());
        Event askedAgain = reconnected.next();

        assertThat(questionEvent.id()).isEqualTo(question.id());
        assertThat(asked.type()).isEqualTo("rating-asked");
        assertThat(asked.id()).as("no id: the app resumes after messages only").isNull();
        assertThat(JSON.readTree(asked.data()).get("ratingAsked").booleanValue()).isTrue();
        assertThat(idsOf(List.of(after))).as("told once per stream, not with every message").hasSize(1);
        assertThat(askedAgain.type()).as("a stream opened while it is asked").isEqualTo("rating-asked");

        helpDesk.rate(conversation, token, Channel.MOBILE_APP, new Rating(4, "fine"), "r-1");
        AppConnection afterRating = connect(null);
        List<Event> all = afterRating.next(1 + ThreadPage.DEFAULT_LIMIT);
        agentWrites(1);
        threadChanged();
        assertThat(afterRating.next().type()).as("no rating asked once rated").isEqualTo("message");
        assertThat(all).extracting(Event::type).doesNotContain("rating-asked");
    }

    @Test
    void anAgentTypingIsPushedAsItIsToldAndTheAgentsReadMarkOnceEachTimeItMoves() throws Exception {
        AppConnection app = connect(null);
        app.next(1 + ThreadPage.DEFAULT_LIMIT);
        OutboundSender sender = gateway.senders().get(Channel.MOBILE_APP);

        sender.signal(conversation, new AgentSignal(AgentSignal.Kind.TYPING, "Ann <b>"));
        Event typing = app.next();
        Instant upTo = NOW.plusSeconds(written).plusNanos(123_456_000);
        helpDesk.agentsRead(conversation, upTo);
        sender.signal(conversation, new AgentSignal(AgentSignal.Kind.READ, "Ann"));
        Event read = app.next();
        agentWrites(1);
        threadChanged();
        Event next = app.next();

        assertThat(typing.type()).isEqualTo("typing");
        assertThat(typing.id()).as("no id: the app resumes after messages only").isNull();
        assertThat(JSON.readTree(typing.data()).get("author").textValue()).isEqualTo("Ann <b>");
        assertThat(read.type()).isEqualTo("read");
        assertThat(JSON.readTree(read.data()).get("readUpTo").textValue()).isEqualTo(upTo.toString());
        assertThat(idsOf(List.of(next))).as("the mark is not told again with the next message").hasSize(1);
        AppConnection reconnected = connect(next.id());
        assertThat(reconnected.next().type()).as("a new stream is told the mark at once").isEqualTo("read");
    }

    /** One server-sent event: its id ({@code null} when it has none), type and data. */
    private record Event(String id, String type, String data) {
    }

    /** An app's open push connection as the test reads it: its events in order, each awaited for at most 10 s. */
    private static final class AppConnection implements AutoCloseable {
        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private final Stream<String> lines;

        AppConnection(HttpResponse<Stream<String>> response) {
            this.lines = response.body();
            Thread reader = new Thread(this::read, "app-push-reader");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            String id = null;
            String type = "message";
            StringBuilder data = new StringBuilder();
            try {
                for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
                    String line = it.next();
                    if (line.isEmpty()) {
                        if (!data.isEmpty()) {
                            events.add(new Event(id, type, data.toString()));
                        }
                        id = null;
                        type = "message";
                        data.setLength(0);
                    } else if (line.startsWith("id: ")) {
                        id = line.substring(4);
                    } else if (line.startsWith("event: ")) {
                        type = line.substring(7);
                    } else if (line.startsWith("data: ")) {
                        data.append(line.substring(6));
                    }
                }
            } catch (RuntimeException closed) {
                // the test closed the connection, or the gateway stopped
            }
        }

        Event next() throws InterruptedException {
            Event event = events.poll(10, TimeUnit.SECONDS);
            assertThat(event).as("an event within 10 s").isNotNull();
            return event;
        }

        List<Event> next(int count) throws InterruptedException {
            List<Event> next = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                next.add(next());
            }
            return next;
        }

        @Override
        public void close() {
            lines.close();
        }
    }
}
