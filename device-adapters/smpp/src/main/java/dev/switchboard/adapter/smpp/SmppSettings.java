package dev.switchboard.adapter.smpp;

import dev.switchboard.spi.AdapterSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The adapter's configuration, read once at start. The defaults are in the gateway's
 * {@code switchboard.properties}; a key missing there is a packaging error and stops the start.
 *
 * @param host              the SMSC's host; empty runs the built-in SMSC simulator
 * @param port              the SMSC's port
 * @param simulatorPort     the simulator's port when it runs (0: any free port)
 * @param bindMode          one transceiver bind, or a transmitter and a receiver
 * @param singleBind        whether the operator allows one bind per account: then one node of the cluster binds,
 *                          the one holding the bind's lease
 * @param legacyStateDir    where an older version kept the adapter's journal, looked at only to say it is ignored
 */
record SmppSettings(
        String host, int port, int simulatorPort, String systemId, String password, String systemType,
        BindMode bindMode, String sourceAddr, byte sourceTon, byte sourceNpi, byte destTon, byte destNpi,
        String countryCode, Duration enquireLink, Duration reconnectMin, Duration reconnectMax, int window,
        int sendRate, int maxSegments, Duration redeliveryWindow, Keywords keywords, boolean singleBind,
        Path legacyStateDir) {

    enum BindMode { TRANSCEIVER, TRANSMITTER_RECEIVER }

    static final String PREFIX = "switchboard.smpp.";

    static SmppSettings from(AdapterSettings settings) {
        return new SmppSettings(
                text(settings, "host"),
                number(settings, "port"),
                Integer.parseInt(required(settings, "switchboard.smsc.sim.port").trim()),
                text(settings, "system-id"),
                text(settings, "password"),
                text(settings, "system-type"),
                bindMode(text(settings, "bind-mode")),
                text(settings, "source-addr"),
                (byte) number(settings, "source-ton"),
                (byte) number(settings, "source-npi"),
                (byte) number(settings, "dest-ton"),
                (byte) number(settings, "dest-npi"),
                text(settings, "country-code"),
                Duration.ofSeconds(number(settings, "enquire-link-seconds")),
                Duration.ofMillis(number(settings, "reconnect-min-millis")),
                Duration.ofMillis(number(settings, "reconnect-max-millis")),
                atLeastOne(settings, "window"),
                number(settings, "send-rate"),
                atLeastOne(settings, "max-segments"),
                Duration.ofSeconds(number(settings, "redelivery-window-seconds")),
                new Keywords(words(settings, "keywords.help"), words(settings, "keywords.agent"),
                        words(settings, "keywords.stop"), words(settings, "keywords.start"),
                        words(settings, "keywords.more"), words(settings, "keywords.call")),
                bool(settings, "single-bind"),
                Path.of(required(settings, "switchboard.data.dir").trim()).resolve("smpp"));
    }

    boolean simulated() {
        return host.isBlank();
    }

    private static String required(AdapterSettings settings, String key) {
        return settings.get(key).orElseThrow(() -> new IllegalStateException(
                "setting " + key + " is missing: it belongs in switchboard.properties"));
    }

    private static String text(AdapterSettings settings, String name) {
        return required(settings, PREFIX + name).trim();
    }

    private static int number(AdapterSettings settings, String name) {
        String value = text(settings, name);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + PREFIX + name + " must be a whole number, was '" + value + "'");
        }
    }

    private static boolean bool(AdapterSettings settings, String name) {
        String value = text(settings, name).toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("setting " + PREFIX + name + " must be true or false, was '" + value + "'");
        };
    }

    private static int atLeastOne(AdapterSettings settings, String name) {
        int value = number(settings, name);
        if (value < 1) {
            throw new IllegalArgumentException("setting " + PREFIX + name + " must be 1 or more, was " + value);
        }
        return value;
    }

    private static List<String> words(AdapterSettings settings, String name) {
        return Arrays.stream(text(settings, name).split(","))
                .map(String::trim).filter(w -> !w.isEmpty()).map(w -> w.toUpperCase(Locale.ROOT)).toList();
    }

    private static BindMode bindMode(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "transceiver" -> BindMode.TRANSCEIVER;
            case "transmitter-receiver" -> BindMode.TRANSMITTER_RECEIVER;
            default -> throw new IllegalArgumentException(
                    "setting " + PREFIX + "bind-mode must be 'transceiver' or 'transmitter-receiver', was '" + value + "'");
        };
    }
}
