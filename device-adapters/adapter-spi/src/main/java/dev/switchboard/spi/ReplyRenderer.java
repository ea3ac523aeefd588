package dev.switchboard.spi;

/** Renders a {@link Reply} with the templates of a device profile. Thread-safe. */
public interface ReplyRenderer {
    RenderedReply render(DeviceProfile profile, Reply reply);

    /**
     * Renders as {@link #render} does but keeps the whole text where {@link #render} trims it to the
     * device's budget (SMS), for an adapter that pages a long answer itself ("reply MORE").
     */
    default RenderedReply renderUntrimmed(DeviceProfile profile, Reply reply) {
        return render(profile, reply);
    }

    /**
     * Renders {@code reply} as a whole page a browser shows by itself, with the links and forms of
     * {@code navigation}, split into pages of at most {@link PageNavigation#byteBudget()} bytes.
     * Profiles that browse have page templates: {@link DeviceProfile#WML}, {@link DeviceProfile#XHTML_MP}
     * and {@link DeviceProfile#HTML5}.
     *
     * @throws PageNotFoundException         when the reply has fewer pages than {@link PageNavigation#page()}
     * @throws UnsupportedOperationException for a profile without page templates
     */
    default RenderedReply renderPage(DeviceProfile profile, Reply reply, PageNavigation navigation) {
        throw new UnsupportedOperationException("this renderer has no page templates");
    }
}
