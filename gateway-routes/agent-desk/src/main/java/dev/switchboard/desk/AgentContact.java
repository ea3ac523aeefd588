package dev.switchboard.desk;

import dev.switchboard.spi.E164Number;
import dev.switchboard.spi.EmailAddress;
import dev.switchboard.spi.InvalidAddressException;
import java.util.Optional;

/**
 * How the help desk reaches an agent away from the desktop: his phone, where customers' call backs are
 * connected, and his email, where notices go. Either may be missing.
 *
 * @param phone E.164, or {@code null}
 * @param email or {@code null}
 */
public record AgentContact(String phone, String email) {
    public static final AgentContact NONE = new AgentContact(null, null);

    public AgentContact {
        phone = blankToNull(phone);
        email = blankToNull(email);
        try {
            phone = phone == null ? null : new E164Number(phone).value();
            email = email == null ? null : new EmailAddress(email).value();
        } catch (InvalidAddressException e) {
            throw AgentDeskException.invalid(e.getMessage());
        }
    }

    public Optional<E164Number> phoneNumber() {
        return Optional.ofNullable(phone).map(E164Number::new);
    }

    /** This contact with each given part replaced; {@code null} keeps a part, an empty text removes it. */
    AgentContact with(String newPhone, String newEmail) {
        return new AgentContact(newPhone == null ? phone : newPhone, newEmail == null ? email : newEmail);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
