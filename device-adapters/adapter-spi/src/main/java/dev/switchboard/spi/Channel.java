package dev.switchboard.spi;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The medium a message travelled by: web chat, SMS, WAP, TV and so on.
 *
 * <p>Channels are an open set: the constants below name the ones the gateway ships with, and an
 * integrator adding a new kind of device may use {@link #of(String)} with an id of its own
 * (lower-case letters, digits and hyphens, 2 to 32 characters). The agent desktop counts and labels
 * messages by channel id.
 */
public record Channel(String id) {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,31}");

    public static final Channel WEB_CHAT = new Channel("web-chat");
    public static final Channel MOBILE_APP = new Channel("mobile-app");
    public static final Channel WAP = new Channel("wap");
    public static final Channel SMS = new Channel("sms");
    public static final Channel TV = new Channel("tv");
    public static final Channel EMAIL = new Channel("email");
    public static final Channel VOICE = new Channel("voice");

    public Channel {
        Objects.requireNonNull(id, "channel id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "channel id must be 2-32 lower-case letters, digits or hyphens, starting with a letter: '" + id + "'");
        }
    }

    public static Channel of(String id) {
        return new Channel(id);
    }

    @Override
    public String toString() {
        return id;
    }
}
