package com.example.pager;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.function.Supplier;

/** {@code GET /pager/status}: where the pager line listens, as {@code {"host": "...", "port": n}}. */
final class PagerStatusServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient Supplier<InetSocketAddress> address;

    PagerStatusServlet(Supplier<InetSocketAddress> address) {
        this.address = address;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        InetSocketAddress listening = address.get();
        response.setContentType("application/json; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("{\"host\": \"" + jsonEscape(listening.getHostString()) + "\", \"port\": "
                + listening.getPort() + "}");
    }

    private static String jsonEscape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                escaped.append('\\').append(c);
            } else if (c < 0x20) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
