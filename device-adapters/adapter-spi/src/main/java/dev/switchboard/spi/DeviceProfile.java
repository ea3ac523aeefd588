package dev.switchboard.spi;

import java.util.Locale;

/**
 * The markup a device understands, which decides the Velocity templates an answer is rendered with.
 *
 * <p>Each profile has a folder of templates in the {@code renderers} module with the same view names
 * ({@code answer}, {@code queue-status}, {@code conversation}, {@code error}). The profile of an
 * {@link Interaction} is set by the adapter from what it knows of the device, never from a value the
 * client can choose freely.
 */
public enum DeviceProfile {
    /** Desktop and smartphone browsers: HTML5 fragments, HTML-escaped. */
    HTML5("html5", "text/html; charset=UTF-8"),
    /** WAP 2.0 browsers: XHTML Mobile Profile, XML-escaped. */
    XHTML_MP("xhtml-mp", "application/vnd.wap.xhtml+xml; charset=UTF-8"),
    /** WAP 1.x phones: WML 1.1 decks, XML-escaped with {@code $} doubled. */
    WML("wml", "text/vnd.wap.wml; charset=UTF-8"),
    /** Interactive-TV set-top boxes: HbbTV / CE-HTML overlays, XML-escaped. */
    HBBTV("hbbtv", "application/vnd.hbbtv.xhtml+xml; charset=UTF-8"),
    /** Plain text messages with a length and alphabet budget. */
    SMS("sms", "text/plain; charset=UTF-8"),
    /** Twilio's TwiML responses, XML-escaped. */
    TWIML("twiml", "application/xml; charset=UTF-8"),
    /** Email: the plain-text body of a mail, unescaped and without a length budget. */
    EMAIL("email", "text/plain; charset=UTF-8");

    private final String folder;
    private final String contentType;

    DeviceProfile(String folder, String contentType) {
        this.folder = folder;
        this.contentType = contentType;
    }

    /** The template folder name, also the profile's id in configuration: {@code html5}, {@code xhtml-mp}, ... */
    public String id() {
        return folder;
    }

    /** The HTTP content type of a rendered answer. */
    public String contentType() {
        return contentType;
    }

    /** Looks a profile up by its {@link #id()}, case-insensitively. */
    public static DeviceProfile fromId(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        for (DeviceProfile profile : values()) {
            if (profile.folder.equals(wanted)) {
                return profile;
            }
        }
        throw new IllegalArgumentException("unknown device profile '" + id + "'");
    }
}
