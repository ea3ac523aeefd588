package dev.switchboard.spi;

/**
 * The gateway's way to text a phone outside any conversation: a one-time code that proves a customer holds the
 * number, say. Unlike an {@link OutboundMessage}, such a text is in nobody's thread (agents never see it), has
 * no delivery report, and its words are never logged by the gateway or the adapter that carries it.
 *
 * <p>The adapter that sends the desk's SMS registers one with {@link AdapterContext#textsPhonesWith}; any
 * adapter reaches it through {@link AdapterContext#phoneTexter()}. Called from many threads at once.
 */
@FunctionalInterface
public interface PhoneTexter {

    /**
     * Texts {@code text} to {@code to}. Returns once the adapter has taken the text on (sent it, or put it in a
     * durable queue of its own); whether it reached the phone is not reported. A number that asked the channel
     * for no more texts (STOP) may get none.
     *
     * @throws IllegalStateException when the channel cannot take it now; the message says why, without the text
     */
    void text(E164Number to, String text);
}
