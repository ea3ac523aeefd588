package dev.switchboard.hub.places.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.hub.places.OpeningHours;
import dev.switchboard.hub.places.ServicePoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the company's list of service points, a JSON array:
 * <pre>{@code
 * [{"id": "waw-1", "name": "...", "address": "...", "lat": 52.23, "lon": 21.01, "region": "Mazovia",
 *   "timeZone": "Europe/Warsaw", "hours": "Mo-Fr 08:00-20:00; Sa 09:00-14:00"}]
 * }</pre>
 * {@code id}, {@code name}, {@code lat}, {@code lon} and {@code timeZone} are required; {@code hours} may be
 * left out when unknown. A list that cannot be read fails with the entry and the reason.
 */
public final class ServicePointsLoader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ServicePointsLoader() {
    }

    public static List<ServicePoint> fromPath(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the service points " + file, e);
        }
    }

    public static List<ServicePoint> fromClasspath(String resource) {
        InputStream in = ServicePointsLoader.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("the service points " + resource + " are not on the class path");
        }
        try (in) {
            return read(in, "classpath:" + resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the service points " + resource, e);
        }
    }

    static List<ServicePoint> read(InputStream in, String origin) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the service points " + origin + " are not valid JSON: "
                    + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr(), e);
        }
        if (root == null || !root.isArray()) {
            throw new IllegalStateException("the service points " + origin + " must be a JSON array");
        }
        List<ServicePoint> points = new ArrayList<>(root.size());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode entry = root.get(i);
            try {
                ServicePoint point = point(entry);
                if (!ids.add(point.id())) {
                    throw new IllegalArgumentException("id " + point.id() + " is used twice");
                }
                points.add(point);
            } catch (IllegalArgumentException | DateTimeException | NullPointerException e) {
                throw new IllegalStateException("service point " + (i + 1) + " of " + origin + ": " + e.getMessage(), e);
            }
        }
        return points;
    }

    private static ServicePoint point(JsonNode entry) {
        if (!entry.isObject()) {
            throw new IllegalArgumentException("is not a JSON object");
        }
        String hours = optionalText(entry, "hours");
        return new ServicePoint(text(entry, "id"), text(entry, "name"), optionalText(entry, "address"),
                number(entry, "lat"), number(entry, "lon"), optionalText(entry, "region"),
                ZoneId.of(text(entry, "timeZone")), hours == null ? null : OpeningHours.parse(hours));
    }

    private static String text(JsonNode entry, String field) {
        String value = optionalText(entry, field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value;
    }

    private static String optionalText(JsonNode entry, String field) {
        JsonNode node = entry.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return node.textValue();
    }

    private static double number(JsonNode entry, String field) {
        JsonNode node = entry.get(field);
        if (node == null || !node.isNumber()) {
            throw new IllegalArgumentException(field + " must be a number");
        }
        return node.doubleValue();
    }
}
