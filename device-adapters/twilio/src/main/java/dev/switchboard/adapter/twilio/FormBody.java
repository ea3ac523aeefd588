package dev.switchboard.adapter.twilio;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The form parameters of a webhook's POST body ({@code application/x-www-form-urlencoded}), read from the body
 * alone: Twilio signs the URL with its query plus the body's parameters, so query parameters must not be mixed
 * in as {@link HttpServletRequest#getParameterMap()} would.
 */
final class FormBody {
    /** Twilio's largest webhook (an MMS with ten media and a 1,600-character body) is a few KiB. */
    static final int MAX_BYTES = 64 * 1024;

    private FormBody() {
    }

    /** A body that is not a form Twilio would send; the message says why. */
    static final class MalformedFormException extends Exception {
        MalformedFormException(String message) {
            super(message);
        }
    }

    /** The parameters in the order sent. */
    static Map<String, String> read(HttpServletRequest request) throws IOException, MalformedFormException {
        String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase();
        if (!contentType.startsWith("application/x-www-form-urlencoded")) {
            throw new MalformedFormException("expected a form (application/x-www-form-urlencoded), got '"
                    + request.getContentType() + "'");
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BYTES + 1);
        }
        if (body.length > MAX_BYTES) {
            throw new MalformedFormException("the body is larger than " + MAX_BYTES + " bytes");
        }
        return parse(new String(body, StandardCharsets.UTF_8));
    }

    static Map<String, String> parse(String form) throws MalformedFormException {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (form.isEmpty()) {
            return parameters;
        }
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (parameters.putIfAbsent(name, value) != null) {
                throw new MalformedFormException("parameter '" + name + "' is repeated");
            }
        }
        return parameters;
    }

    private static String decode(String text) throws MalformedFormException {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new MalformedFormException("bad percent-encoding: " + e.getMessage());
        }
    }
}
