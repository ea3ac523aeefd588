package dev.switchboard.desk.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One operation of the agent API: an HTTP method, a path template ({@code /api/agent/conversations/{id}/claim})
 * and what it does. Every operation but sign-in needs a session; every POST also needs the CSRF header.
 *
 * @param method  GET or POST
 * @param path    the template; a {@code {name}} segment matches one non-empty path segment
 * @param signIn  whether this is the sign-in, the one operation without a session
 * @param handler what it does
 */
record Operation(String method, String path, boolean signIn, Handler handler) {

    /** Does the work of one call and returns what to send: a record or map as JSON, or {@link Answer}. */
    @FunctionalInterface
    interface Handler {
        Object handle(ApiCall call) throws Exception;
    }

    /** A body with a status other than 200. */
    record Answer(int status, Object body) {
    }

    boolean changesState() {
        return "POST".equals(method) || "PUT".equals(method);
    }

    /** The path parameters when {@code requestPath} fits this template. */
    Optional<Map<String, String>> match(String requestPath) {
        String[] template = path.split("/");
        String[] actual = requestPath.split("/", -1);
        if (template.length != actual.length) {
            return Optional.empty();
        }
        Map<String, String> parameters = new TreeMap<>();
        for (int i = 0; i < template.length; i++) {
            String part = template[i];
            if (part.startsWith("{") && part.endsWith("}")) {
                if (actual[i].isEmpty()) {
                    return Optional.empty();
                }
                parameters.put(part.substring(1, part.length() - 1), actual[i]);
            } else if (!part.equals(actual[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(parameters);
    }

    /** The templates' parameter names, in order. */
    List<String> parameterNames() {
        List<String> names = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.startsWith("{") && part.endsWith("}")) {
                names.add(part.substring(1, part.length() - 1));
            }
        }
        return names;
    }
}
