package dev.switchboard.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Keep-alive connections to the gateway left open and idle after two requests each, as agents' browsers hold
 * them between calls: what the gateway keeps for such a connection is the load's, not a conversation's, and
 * is measured apart. Two requests, because Jetty fills a connection's header cache on its second request.
 */
public final class IdleConnections implements AutoCloseable {
    private final List<Socket> sockets = new ArrayList<>();

    public static IdleConnections open(int port, int count) throws IOException {
        IdleConnections held = new IdleConnections();
        try {
            for (int i = 0; i < count; i++) {
                Socket socket = new Socket("127.0.0.1", port);
                held.sockets.add(socket);
                for (int request = 0; request < 2; request++) {
                    get(socket, port, i);
                }
            }
        } catch (IOException | RuntimeException e) {
            held.close();
            throw e;
        }
        return held;
    }

    public int count() {
        return sockets.size();
    }

    /** One {@code GET /health} with the headers a browser sends, and its whole answer read. */
    private static void get(Socket socket, int port, int browser) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(String.format(Locale.ROOT, "GET /health HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nUser-Agent: Mozilla/5.0"
                + " (X11; Linux x86_64) desk-%d\r\nAccept: application/json\r\nAccept-Language: en-GB,en;q=0.9\r\n"
                + "Accept-Encoding: gzip, deflate\r\nConnection: keep-alive\r\n\r\n", port, browser)
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        String head = readHead(in);
        int length = contentLength(head);
        if (in.readNBytes(length).length != length) {
            throw new IOException("the gateway closed the connection in an answer");
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the gateway closed the connection before its answer");
            }
            head.write(b);
            matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static int contentLength(String head) throws IOException {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        throw new IOException("an answer without Content-Length: " + head);
    }

    @Override
    public void close() {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        sockets.clear();
    }
}
