package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.testing.GatewayProcess;
import dev.switchboard.testing.HttpJson;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shaded jar stopped as an operator stops it (SIGTERM): it exits within 5 s, logs no error, and has lost
 * nothing it acknowledged, also with clients writing at that moment and while its SMPP bind is being retried.
 */
class CleanStopIT {
    private static final Logger LOG = LoggerFactory.getLogger(CleanStopIT.class);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(5);
    private static final int CLIENTS = 8;

    @Test
    void underLoadASigtermEndsWithin5sAndEveryAcknowledgedMessageIsInItsThreadAfterTheRestart(@TempDir Path dataDir)
            throws Exception {
        Map<String, Conversation> acknowledged = new ConcurrentHashMap<>();
        Duration stopped;
        String output;
        try (GatewayProcess first = GatewayProcess.startJar(dataDir, GatewayProcess.logFile("clean-stop-under-load"), Map.of())) {
            HttpJson http = first.http();
            AtomicBoolean writing = new AtomicBoolean(true);
            CountDownLatch enough = new CountDownLatch(CLIENTS * 10);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.submit(() -> write(http, client, writing, acknowledged, enough));
            }
            assertThat(enough.await(60, TimeUnit.SECONDS)).as("each client wrote ten messages").isTrue();
            stopped = first.terminate(Duration.ofSeconds(30));
            writing.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            output = first.output();
        }
        LOG.info("Under load: SIGTERM to exit in {} ms, {} messages acknowledged", stopped.toMillis(),
                acknowledged.values().stream().mapToInt(c -> c.texts.size()).sum());
        assertThat(stopped).as("time from SIGTERM to exit").isLessThan(STOP_LIMIT);
        assertCleanStop(output);

        try (GatewayProcess second = GatewayProcess.startJar(dataDir, GatewayProcess.logFile("clean-stop-restarted"), Map.of())) {
            HttpJson http = second.http();
            for (Conversation conversation : acknowledged.values()) {
                HttpJson.Response thread = http.get("/api/conversations/" + conversation.id, conversation.token);
                assertThat(thread.status()).as(conversation.id).isEqualTo(200);
                List<String> stored = new ArrayList<>();
                thread.json().path("messages").forEach(message -> stored.add(message.path("text").asText()));
                assertThat(stored).as("thread %s after the stop", conversation.id).containsAll(conversation.texts);
            }
        }
        assertThat(acknowledged.values().stream().mapToInt(c -> c.texts.size()).sum()).isGreaterThanOrEqualTo(CLIENTS * 10);
    }

    @Test
    void aSigtermWhileTheSmscBindIsRetriedEndsWithin5sWithoutAnError(@TempDir Path dataDir) throws Exception {
        try (SilentSmsc smsc = new SilentSmsc()) {
            Map<String, String> smpp = Map.of("switchboard.smpp.host", "127.0.0.1",
                    "switchboard.smpp.port", String.valueOf(smsc.port()),
                    "switchboard.smpp.reconnect-min-millis", "100", "switchboard.smpp.reconnect-max-millis", "200");
            try (GatewayProcess gateway = GatewayProcess.startJar(dataDir, GatewayProcess.logFile("clean-stop-while-binding"), smpp)) {
                assertThat(gateway.http().get("/health", null).json().path("components").path("adapters").path("smpp")
                        .path("status").asText()).isEqualTo("DOWN");
                assertThat(smsc.connections.await(30, TimeUnit.SECONDS)).as("the gateway is binding").isTrue();
                Duration stopped = gateway.terminate(Duration.ofSeconds(30));
                LOG.info("While binding: SIGTERM to exit in {} ms", stopped.toMillis());
                assertThat(stopped).as("time from SIGTERM to exit, a bind waiting for its answer").isLessThan(STOP_LIMIT);
                assertCleanStop(gateway.output());
            }
        }
    }

    /** Opens a conversation, then adds to it until told to stop; keeps each message the gateway acknowledged. */
    private static void write(HttpJson http, int client, AtomicBoolean writing, Map<String, Conversation> acknowledged,
                              CountDownLatch progress) {
        Conversation conversation = null;
        for (int i = 0; writing.get(); i++) {
            String text = "client " + client + " message " + i;
            try {
                HttpJson.Response answer = conversation == null
                        ? http.postJson("/api/help", "{\"text\": \"" + text + "\"}", null)
                        : http.postJson("/api/conversations/" + conversation.id + "/messages",
                                "{\"text\": \"" + text + "\"}", conversation.token);
                if (answer.status() != 201) {
                    continue;
                }
                if (conversation == null) {
                    JsonNode body = answer.json();
                    conversation = new Conversation(body.path("conversationId").asText(),
                            body.path("customerToken").asText());
                    acknowledged.put(conversation.id, conversation);
                }
                conversation.texts.add(text);
                progress.countDown();
            } catch (RuntimeException refused) {
                // the port closed: the gateway is stopping
                return;
            }
        }
    }

    /** Every line the process logged from the stop on is at most INFO, and no stack trace. */
    private static void assertCleanStop(String output) {
        assertThat(output).contains("Switchboard is stopping");
        String stop = output.substring(output.indexOf("Switchboard is stopping"));
        assertThat(stop.lines().filter(line -> line.matches("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} (ERROR|WARN ).*")))
                .as("errors and warnings logged while stopping").isEmpty();
        assertThat(stop).doesNotContain("Exception", "\tat ");
        assertThat(output.lines().filter(line -> line.matches("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ERROR.*")))
                .as("errors logged").isEmpty();
    }

    private static final class Conversation {
        final String id;
        final String token;
        final List<String> texts = new CopyOnWriteArrayList<>();

        Conversation(String id, String token) {
            this.id = id;
            this.token = token;
        }
    }

    /** An SMSC that takes the connection and never answers the bind: each attempt waits for its timeout. */
    private static final class SilentSmsc implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        private final List<Socket> held = new CopyOnWriteArrayList<>();
        final CountDownLatch connections = new CountDownLatch(1);
        private final Thread acceptor = new Thread(this::accept, "silent-smsc");

        SilentSmsc() throws IOException {
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    held.add(server.accept());
                    connections.countDown();
                } catch (IOException closed) {
                    return;
                }
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket socket : held) {
                socket.close();
            }
        }
    }
}
