package dev.switchboard.adapter.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * A request body the API accepts: {@code application/json} in UTF-8, at most {@link #MAX_BYTES} bytes.
 *
 * <p>The size is checked twice: a declared {@code Content-Length} over the limit is refused before a byte
 * is read, and a body without one (chunked) is read into a buffer that never grows past the limit plus
 * one byte; reaching that extra byte refuses the request without reading further.
 *
 * @param bytes  the buffer holding the body in its first {@code length} bytes
 * @param length the body's length
 */
record JsonRequestBody(byte[] bytes, int length) {

    /** 64 KiB. */
    static final int MAX_BYTES = 64 * 1024;

    private static final int FIRST_BUFFER = 8 * 1024;
    /**
     * How much of a body over the limit is still read (and dropped) before the 413 goes back: a client that
     * is still sending would otherwise see its connection reset instead of the answer. Beyond this the
     * connection is closed on it.
     */
    private static final long DRAIN_MAX_BYTES = 1024 * 1024;

    /**
     * Checks the content type and size, then reads the body.
     *
     * @param contentType   the request's {@code Content-Type}, or {@code null}
     * @param contentLength the declared length, or {@code -1} when the body is chunked
     * @throws ApiException 415 for another content type, 413 for a body over {@link #MAX_BYTES}
     * @throws IOException  when the client's body cannot be read
     */
    static JsonRequestBody read(String contentType, long contentLength, InputStream in) throws IOException {
        requireJson(contentType);
        if (contentLength > MAX_BYTES) {
            throw tooLarge(in);
        }
        return readAtMost(in, contentLength);
    }

    private static void requireJson(String contentType) {
        if (contentType == null) {
            throw unsupported("the request has no Content-Type; send application/json");
        }
        String[] parts = contentType.split(";");
        if (!parts[0].trim().toLowerCase(Locale.ROOT).equals("application/json")) {
            throw unsupported("Content-Type must be application/json, was '" + shorten(parts[0].trim()) + "'");
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("charset=")) {
                String charset = parameter.substring("charset=".length()).replace("\"", "").trim();
                if (!charset.equals("utf-8") && !charset.equals("utf8")) {
                    throw unsupported("the body must be UTF-8, was declared as '" + shorten(charset) + "'");
                }
            }
        }
    }

    private static JsonRequestBody readAtMost(InputStream in, long contentLength) throws IOException {
        int limit = MAX_BYTES + 1;
        byte[] buffer = new byte[contentLength >= 0 ? (int) Math.min(contentLength + 1, limit) : FIRST_BUFFER];
        int length = 0;
        while (true) {
            if (length == buffer.length) {
                if (buffer.length == limit) {
                    throw tooLarge(in);
                }
                buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, limit));
            }
            int read = in.read(buffer, length, buffer.length - length);
            if (read < 0) {
                return new JsonRequestBody(buffer, length);
            }
            length += read;
            if (length > MAX_BYTES) {
                throw tooLarge(in);
            }
        }
    }

    private static ApiException tooLarge(InputStream rest) throws IOException {
        drain(rest);
        return new ApiException(413, JsonErrors.BODY_TOO_LARGE,
                "the request body is larger than " + MAX_BYTES + " bytes (64 KiB)");
    }

    /**
     * Reads and drops what is left of a body, at most {@link #DRAIN_MAX_BYTES}: a body left unread makes Jetty close
     * the connection after the answer, under a client that may already be sending its next request on it.
     *
     * @return whether the body ended within the limit
     */
    static boolean drain(InputStream rest) throws IOException {
        byte[] dropped = new byte[FIRST_BUFFER];
        long drained = 0;
        int read;
        while ((read = rest.read(dropped)) >= 0) {
            drained += read;
            if (drained > DRAIN_MAX_BYTES) {
                return false;
            }
        }
        return true;
    }

    private static ApiException unsupported(String message) {
        return new ApiException(415, JsonErrors.UNSUPPORTED_MEDIA_TYPE, message);
    }

    private static String shorten(String value) {
        return value.length() <= 60 ? value : value.substring(0, 60) + "...";
    }
}
