package dev.switchboard.adapter.email;

import dev.switchboard.spi.AdapterSettings;
import dev.switchboard.spi.EmailAddress;
import dev.switchboard.spi.InvalidAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The email channel's configuration. Defaults live in the gateway's {@code switchboard.properties}.
 *
 * @param imap         the help desk's mailbox, where customers' mails arrive
 * @param folder       the mailbox folder read, {@value #IMAP_FOLDER}
 * @param setAside     the folder a mail that cannot be taken is moved to, {@value #SET_ASIDE_FOLDER}
 * @param pollInterval how long between two looks into the mailbox, {@value #POLL_SECONDS}
 * @param maxBytes     the largest mail taken; a larger one is set aside, {@value #MAX_BYTES}
 * @param smtp         the server answers leave through
 * @param startTls     whether SMTP must switch to TLS before authenticating, {@value #SMTP_STARTTLS}
 * @param deskAddress  the help desk's address: answers come from it, {@value #ADDRESS}
 * @param subject      the subject of a mail that answers none of the customer's, {@value #SUBJECT}
 */
record EmailSettings(Server imap, boolean imapSsl, String folder, String setAside, Duration pollInterval, int maxBytes,
                     Server smtp, boolean startTls, EmailAddress deskAddress, String subject) {
    static final String IMAP_HOST = "switchboard.email.imap.host";
    static final String IMAP_PORT = "switchboard.email.imap.port";
    static final String IMAP_USER = "switchboard.email.imap.user";
    static final String IMAP_PASSWORD = "switchboard.email.imap.password";
    static final String IMAP_SSL = "switchboard.email.imap.ssl";
    static final String IMAP_FOLDER = "switchboard.email.imap.folder";
    static final String SET_ASIDE_FOLDER = "switchboard.email.set-aside-folder";
    static final String POLL_SECONDS = "switchboard.email.poll-seconds";
    static final String MAX_BYTES = "switchboard.email.max-bytes";
    static final String SMTP_HOST = "switchboard.email.smtp.host";
    static final String SMTP_PORT = "switchboard.email.smtp.port";
    static final String SMTP_USER = "switchboard.email.smtp.user";
    static final String SMTP_PASSWORD = "switchboard.email.smtp.password";
    static final String SMTP_STARTTLS = "switchboard.email.smtp.starttls";
    static final String ADDRESS = "switchboard.email.address";
    static final String SUBJECT = "switchboard.email.subject";

    /** A mail server: where it is and who we are there ({@code user} empty: no login). Never prints the password. */
    record Server(String host, int port, String user, String password) {
        boolean authenticates() {
            return !user.isEmpty();
        }

        @Override
        public String toString() {
            return (user.isEmpty() ? "" : user + "@") + host + ":" + port;
        }
    }

    /**
     * The channel's settings, or empty when neither mailbox, SMTP server nor the desk's address is given
     * (the channel is off).
     *
     * @throws IllegalArgumentException when some are given but not all, or one is malformed; the message names
     *                                  the environment variables to fix
     */
    static Optional<EmailSettings> from(AdapterSettings settings) {
        if (value(settings, IMAP_HOST).isEmpty() && value(settings, SMTP_HOST).isEmpty()
                && value(settings, ADDRESS).isEmpty()) {
            return Optional.empty();
        }
        List<String> missing = new ArrayList<>();
        for (String key : List.of(IMAP_HOST, IMAP_USER, IMAP_PASSWORD, IMAP_FOLDER, SET_ASIDE_FOLDER, SMTP_HOST,
                ADDRESS, SUBJECT)) {
            if (value(settings, key).isEmpty()) {
                missing.add(variable(key));
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the email channel is half configured: set " + String.join(", ", missing)
                    + " too, or none of " + variable(IMAP_HOST) + ", " + variable(SMTP_HOST) + ", " + variable(ADDRESS)
                    + " to leave it off");
        }
        EmailAddress desk;
        try {
            desk = new EmailAddress(value(settings, ADDRESS));
        } catch (InvalidAddressException e) {
            throw new IllegalArgumentException(variable(ADDRESS) + ": " + e.getMessage(), e);
        }
        if (value(settings, IMAP_FOLDER).equalsIgnoreCase(value(settings, SET_ASIDE_FOLDER))) {
            throw new IllegalArgumentException(variable(SET_ASIDE_FOLDER) + " must be another folder than "
                    + variable(IMAP_FOLDER));
        }
        Server imap = new Server(value(settings, IMAP_HOST), port(settings, IMAP_PORT), value(settings, IMAP_USER),
                value(settings, IMAP_PASSWORD));
        Server smtp = new Server(value(settings, SMTP_HOST), port(settings, SMTP_PORT), value(settings, SMTP_USER),
                value(settings, SMTP_PASSWORD));
        return Optional.of(new EmailSettings(imap, bool(settings, IMAP_SSL), value(settings, IMAP_FOLDER),
                value(settings, SET_ASIDE_FOLDER), Duration.ofSeconds(positive(settings, POLL_SECONDS)),
                positive(settings, MAX_BYTES), smtp, bool(settings, SMTP_STARTTLS), desk, value(settings, SUBJECT)));
    }

    /** The environment variable of a key, as the gateway reads it. */
    static String variable(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static String value(AdapterSettings settings, String key) {
        return settings.get(key).map(String::trim).orElse("");
    }

    private static int port(AdapterSettings settings, String key) {
        int port = settings.getInt(key, 0);
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException(variable(key) + " must be a port from 1 to 65535");
        }
        return port;
    }

    private static int positive(AdapterSettings settings, String key) {
        int value = settings.getInt(key, 0);
        if (value < 1) {
            throw new IllegalArgumentException(variable(key) + " must be a whole number above 0");
        }
        return value;
    }

    private static boolean bool(AdapterSettings settings, String key) {
        String text = value(settings, key).toLowerCase(Locale.ROOT);
        if (!text.equals("true") && !text.equals("false")) {
            throw new IllegalArgumentException(variable(key) + " must be true or false, was '" + text + "'");
        }
        return text.equals("true");
    }
}
