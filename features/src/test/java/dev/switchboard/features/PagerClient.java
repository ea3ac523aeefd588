package dev.switchboard.features;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A pager as the test sees it: a real TCP connection to the pager line, one line out, one line back. */
final class PagerClient implements AutoCloseable {
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(15);

    private final Socket socket;
    private final BufferedReader in;
    private final Writer out;

    /**
     * One answer line, split as the protocol has it.
     *
     * @param line the whole line as received
     */
    record Answer(String line) {
        boolean isReply() {
            return line.startsWith("REPLY ");
        }

        boolean isError() {
            return line.startsWith("ERROR ");
        }

        /** The reason of an {@code ERROR} line. */
        String reason() {
            if (!isError()) {
                throw new AssertionError("expected an ERROR line, got: " + line);
            }
            return line.substring("ERROR ".length());
        }

        private String[] replyParts() {
            String[] parts = line.split(" ", 5);
            if (!isReply() || parts.length < 5) {
                throw new AssertionError("expected REPLY <message-id> <conversation-id> <token> <reply>, got: " + line);
            }
            return parts;
        }

        String messageId() {
            return replyParts()[1];
        }

        String conversationId() {
            return replyParts()[2];
        }

        /** The customer token, or {@code null} when the reply carried none ({@code -}). */
        String customerToken() {
            String token = replyParts()[3];
            return "-".equals(token) ? null : token;
        }

        /** The reply text with its line breaks back. */
        String text() {
            return unescape(replyParts()[4]);
        }

        private static String unescape(String escaped) {
            StringBuilder text = new StringBuilder(escaped.length());
            for (int i = 0; i < escaped.length(); i++) {
                char c = escaped.charAt(i);
                if (c == '\\' && i + 1 < escaped.length()) {
                    char next = escaped.charAt(++i);
                    text.append(next == 'n' ? '\n' : next);
                } else {
                    text.append(c);
                }
            }
            return text.toString();
        }
    }

    private PagerClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        this.out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
    }

    static PagerClient connect(String host, int port) {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), (int) ANSWER_TIMEOUT.toMillis());
            socket.setSoTimeout((int) ANSWER_TIMEOUT.toMillis());
            return new PagerClient(socket);
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new UncheckedIOException("cannot connect to the pager line at " + host + ":" + port, e);
        }
    }

    /** Sends one line and reads the one line that answers it. */
    Answer send(String line) {
        try {
            out.write(line);
            out.write('\n');
            out.flush();
            String answer = in.readLine();
            if (answer == null) {
                throw new AssertionError("the pager line closed the connection instead of answering: " + line);
            }
            return new Answer(answer);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no answer within " + ANSWER_TIMEOUT.toSeconds() + " s to: " + line, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
