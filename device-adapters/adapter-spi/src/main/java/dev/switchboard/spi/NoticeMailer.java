package dev.switchboard.spi;

/**
 * An adapter's way to mail the help desk's notices to its own people (an agent told that a customer left a
 * message while nobody was on duty). Registered with {@link AdapterContext#mailsNoticesWith}. Called from
 * many threads at once.
 */
@FunctionalInterface
public interface NoticeMailer {

    /**
     * Sends one plain-text mail from the help desk's address.
     *
     * @throws IllegalStateException when the mail server did not take it; the message says why
     */
    void send(EmailAddress to, String subject, String text);
}
