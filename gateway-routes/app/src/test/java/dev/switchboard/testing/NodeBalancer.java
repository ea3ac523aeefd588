package dev.switchboard.testing;

import static org.awaitility.Awaitility.await;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Spreads requests over the nodes of a cluster as a load balancer in front of them does: each request goes to the
 * next node in turn, on a connection of its own ({@code Connection: close}, as a proxy that keeps no connections to
 * its backends), and a node that refuses the connection has not seen the request, so the next node is tried; none
 * taking it, the balancer waits for one (at most {@code patience}). What happens once a node took the connection is
 * the caller's to judge: an {@link Answer} with the node's status, or {@link Answer#dropped()} when the connection
 * broke after the request went out (the node may or may not have handled it).
 */
public final class NodeBalancer {
    private static final Duration CONNECT_WAIT = Duration.ofSeconds(2);
    private static final Duration ANSWER_WAIT = Duration.ofSeconds(30);
    private static final Duration RETRY_EVERY = Duration.ofMillis(50);

    private final List<URI> nodes;
    private final Duration patience;
    private final AtomicInteger next = new AtomicInteger();

    public NodeBalancer(List<URI> nodes, Duration patience) {
        this.nodes = List.copyOf(nodes);
        this.patience = patience;
    }

    /**
     * What a node did with a request.
     *
     * @param node    which node (its index in the list) took the connection
     * @param status  the HTTP status, or 0 when the connection was dropped
     * @param body    the answer's body, or what broke
     */
    public record Answer(int node, int status, String body) {
        public boolean dropped() {
            return status == 0;
        }

        public boolean serverError() {
            return status >= 500;
        }
    }

    public Answer post(String path, String json, String bearer, String idempotencyKey) {
        StringBuilder headers = new StringBuilder("Content-Type: application/json\r\n");
        if (bearer != null) {
            headers.append("Authorization: Bearer ").append(bearer).append("\r\n");
        }
        if (idempotencyKey != null) {
            headers.append("Idempotency-Key: ").append(idempotencyKey).append("\r\n");
        }
        return send("POST", path, headers.toString(), json.getBytes(StandardCharsets.UTF_8));
    }

    public Answer get(String path, String bearer) {
        return send("GET", path, bearer == null ? "" : "Authorization: Bearer " + bearer + "\r\n", new byte[0]);
    }

    private Answer send(String method, String path, String headers, byte[] body) {
        AtomicReference<Socket> socket = new AtomicReference<>();
        AtomicInteger taken = new AtomicInteger();
        int first = Math.floorMod(next.getAndIncrement(), nodes.size());
        try {
            await().atMost(patience).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(RETRY_EVERY).until(() -> {
                for (int i = 0; i < nodes.size(); i++) {
                    int node = (first + i) % nodes.size();
                    socket.set(connect(nodes.get(node)));
                    if (socket.get() != null) {
                        taken.set(node);
                        return true;
                    }
                }
                return false;
            });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("no node took a connection within " + patience + ": " + nodes, e);
        }
        return exchange(taken.get(), socket.get(), method, path, headers, body);
    }

    /** A connection to the node, or {@code null} when it refuses (its port is closed: it is down or stopping). */
    private static Socket connect(URI node) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(node.getHost(), node.getPort()), (int) CONNECT_WAIT.toMillis());
            socket.setSoTimeout((int) ANSWER_WAIT.toMillis());
            return socket;
        } catch (ConnectException refused) {
            socket.close();
            return null;
        }
    }

    private static Answer exchange(int node, Socket socket, String method, String path, String headers, byte[] body) {
        try (socket) {
            URI uri = URI.create("http://127.0.0.1/" + (path.startsWith("/") ? path.substring(1) : path));
            String head = method + " " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    + " HTTP/1.1\r\nHost: 127.0.0.1:" + socket.getPort() + "\r\nConnection: close\r\n" + headers
                    + "Content-Length: " + body.length + "\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return read(node, new BufferedInputStream(socket.getInputStream()));
        } catch (IOException broke) {
            return new Answer(node, 0, broke.toString());
        }
    }

    private static Answer read(int node, InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new IOException("the connection closed before an answer");
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP answer: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        long length = -1;
        boolean chunked = false;
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(header.substring(header.indexOf(':') + 1).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        byte[] body;
        if (chunked) {
            ByteArrayOutputStream whole = new ByteArrayOutputStream();
            for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
                whole.write(exactly(in, size));
                line(in);
            }
            body = whole.toByteArray();
        } else if (length >= 0) {
            body = exactly(in, (int) length);
        } else {
            body = in.readAllBytes();
        }
        return new Answer(node, status, new String(body, StandardCharsets.UTF_8));
    }

    private static int chunkSize(InputStream in) throws IOException {
        String size = line(in);
        if (size == null) {
            throw new IOException("the connection closed inside a chunked body");
        }
        int extension = size.indexOf(';');
        return Integer.parseInt((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
    }

    private static byte[] exactly(InputStream in, int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new IOException("the connection closed after " + bytes.length + " of " + length + " bytes of the body");
        }
        return bytes;
    }

    /** One line without its CRLF, or {@code null} at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
