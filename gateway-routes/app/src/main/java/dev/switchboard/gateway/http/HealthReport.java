package dev.switchboard.gateway.http;

import dev.switchboard.spi.AdapterHealth;
import dev.switchboard.spi.AdapterHealth.Status;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state of the gateway's parts: each UP or DOWN with a short detail; the whole is UP only when none is
 * DOWN. An adapter may also be OFF (switched off by configuration): shown, but the gateway is not down for it.
 */
public final class HealthReport {
    private final Map<String, Part> parts = new LinkedHashMap<>();
    private final Map<String, Part> adapters = new LinkedHashMap<>();

    record Part(Status status, String detail) {
        Part(boolean up, String detail) {
            this(up ? Status.UP : Status.DOWN, detail);
        }

        boolean down() {
            return status == Status.DOWN;
        }
    }

    public HealthReport part(String name, boolean up, String detail) {
        parts.put(name, new Part(up, detail));
        return this;
    }

    public HealthReport adapter(String id, boolean up, String detail) {
        adapters.put(id, new Part(up, detail));
        return this;
    }

    public HealthReport adapter(String id, AdapterHealth health) {
        adapters.put(id, new Part(health.status(), health.detail()));
        return this;
    }

    public boolean up() {
        return parts.values().stream().noneMatch(Part::down) && adapters.values().stream().noneMatch(Part::down);
    }

    Map<String, Object> asJson() {
        Map<String, Object> components = new LinkedHashMap<>();
        parts.forEach((name, part) -> components.put(name, status(part)));
        Map<String, Object> adapterStates = new LinkedHashMap<>();
        adapters.forEach((id, part) -> adapterStates.put(id, status(part)));
        components.put("adapters", adapterStates);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up() ? "UP" : "DOWN");
        body.put("components", components);
        return body;
    }

    private static Map<String, Object> status(Part part) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("status", part.status().name());
        state.put("detail", part.detail());
        return state;
    }
}
