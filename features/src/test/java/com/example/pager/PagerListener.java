package com.example.pager;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pager line's TCP listener: accepts pagers on one thread and serves each connection on its own,
 * one answer line per line read. A bad line is answered with {@code ERROR} and the connection goes on.
 */
final class PagerListener implements AutoCloseable {
    /** The longest line taken, in characters; a longer one is skipped up to its line break and refused. */
    static final int MAX_LINE = 4096;

    private static final Logger LOG = LoggerFactory.getLogger(PagerListener.class);

    private final ServerSocket server;
    private final PagerProtocol protocol;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads;

    private PagerListener(ServerSocket server, PagerProtocol protocol) {
        this.server = server;
        this.protocol = protocol;
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "pager-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    static PagerListener open(InetSocketAddress address, PagerProtocol protocol) throws IOException {
        ServerSocket server = new ServerSocket();
        try {
            server.bind(address, 50);
        } catch (IOException e) {
            server.close();
            throw new IOException("the pager line cannot listen on " + address + ": " + e.getMessage(), e);
        }
        PagerListener listener = new PagerListener(server, protocol);
        listener.threads.execute(listener::acceptLoop);
        return listener;
    }

    InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    boolean isOpen() {
        return !server.isClosed();
    }

    int connections() {
        return open.size();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket pager = server.accept();
                open.add(pager);
                threads.execute(() -> serve(pager));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.warn("pager line: accepting a connection failed: {}", e.toString());
                }
            }
        }
    }

    private void serve(Socket pager) {
        try (pager;
             BufferedReader in = new BufferedReader(new InputStreamReader(pager.getInputStream(), StandardCharsets.UTF_8));
             Writer out = new OutputStreamWriter(pager.getOutputStream(), StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder();
            boolean tooLong = false;
            int c;
            while ((c = in.read()) != -1) {
                if (c != '\n') {
                    if (line.length() < MAX_LINE) {
                        line.append((char) c);
                    } else {
                        tooLong = true;
                    }
                    continue;
                }
                if (!line.isEmpty() && line.charAt(line.length() - 1) == '\r') {
                    line.setLength(line.length() - 1);
                }
                String answer = tooLong
                        ? "ERROR line longer than " + MAX_LINE + " characters"
                        : protocol.answer(line.toString());
                out.write(answer);
                out.write('\n');
                out.flush();
                line.setLength(0);
                tooLong = false;
            }
        } catch (SocketException e) {
            LOG.debug("pager connection {} ended: {}", pager.getRemoteSocketAddress(), e.toString());
        } catch (IOException e) {
            LOG.warn("pager connection {} failed: {}", pager.getRemoteSocketAddress(), e.toString());
        } finally {
            open.remove(pager);
        }
    }

    /** Stops accepting, closes every connection and its thread; never throws. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            LOG.warn("closing the pager line failed: {}", e.toString());
        }
        for (Socket pager : open) {
            try {
                pager.close();
            } catch (IOException e) {
                LOG.debug("closing a pager connection failed: {}", e.toString());
            }
        }
        threads.shutdownNow();
    }
}
