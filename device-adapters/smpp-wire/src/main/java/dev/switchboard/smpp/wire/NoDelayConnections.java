package dev.switchboard.smpp.wire;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.ConnectionFactory;
import org.jsmpp.session.connection.socket.SocketConnection;

/**
 * SMPP connections with Nagle's algorithm off. jSMPP writes small PDUs and waits for their responses; with
 * Nagle on, each waits for the peer's delayed ACK (about 40 ms on Linux), which caps a bind at a few hundred
 * round trips a second.
 */
public final class NoDelayConnections implements ConnectionFactory {
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    @Override
    public Connection createConnection(String host, int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            return new SocketConnection(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Wraps an accepted socket, Nagle off. */
    public static Connection accepted(Socket socket) throws IOException {
        socket.setTcpNoDelay(true);
        return new SocketConnection(socket);
    }
}
