package dev.switchboard.desk;

import dev.switchboard.spi.EmailAddress;

/** Notices to agents away from the desktop, by email. Sending may happen later; a notice that fails is logged. */
public interface AgentNotices {
    /** Sends nothing: for a desk without mail. */
    AgentNotices NONE = (to, subject, text) -> { };

    void tell(EmailAddress to, String subject, String text);
}
