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
}
