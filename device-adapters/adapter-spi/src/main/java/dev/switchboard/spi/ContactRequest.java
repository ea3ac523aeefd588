package dev.switchboard.spi;

import java.util.Objects;

/**
 * What a customer asks the help desk to do besides answering him where he is: call him back, or text him.
 * An adapter attaches it to the customer's message with {@link Interaction#withRequest}; the message's own
 * text says it in words, for the thread.
 *
 * <p>The hub acts on it once the message is stored: a call back waits for an agent to take the conversation,
 * then the {@link VoiceDialer} (when a voice channel is on) rings the customer and connects him to that
 * agent; a text goes out at once through the adapter that sends the desk's SMS. The reply to the message
 * tells the customer what will happen.
 *
 * @param kind   what to do
 * @param number the phone to call or text, as the customer gave it
 * @param text   for {@link Kind#TEXT_ME}, what to text; {@code null} for the help desk's latest answer in the
 *               thread. Ignored for a call back.
 */
public record ContactRequest(Kind kind, E164Number number, String text) {

    /** The longest text a customer can have texted to him. */
    public static final int MAX_TEXT_LENGTH = 1_600;

    public enum Kind {
        /** Ring the customer and connect him to the agent who takes the conversation. */
        CALL_BACK,
        /** Text the customer's phone. */
        TEXT_ME
    }

    public ContactRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(number, "number");
        if (text != null && text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("a text to send has at most " + MAX_TEXT_LENGTH + " characters");
        }
        if (kind == Kind.CALL_BACK) {
            text = null;
        }
    }

    /** The request in the customer's words, for a message that carries nothing else. */
    public String inWords() {
        return kind == Kind.CALL_BACK ? "Please call me back on " + number.value() + "."
                : "Please text me on " + number.value() + ".";
    }

    public static ContactRequest callBack(E164Number number) {
        return new ContactRequest(Kind.CALL_BACK, number, null);
    }

    /** Texts the help desk's latest answer in the thread to {@code number}. */
    public static ContactRequest textLatestAnswer(E164Number number) {
        return new ContactRequest(Kind.TEXT_ME, number, null);
    }

    public static ContactRequest text(E164Number number, String text) {
        return new ContactRequest(Kind.TEXT_ME, number, Objects.requireNonNull(text, "text"));
    }
}
