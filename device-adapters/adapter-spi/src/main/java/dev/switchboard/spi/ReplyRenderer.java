package dev.switchboard.spi;

/** Renders a {@link Reply} with the templates of a device profile. Thread-safe. */
public interface ReplyRenderer {
    RenderedReply render(DeviceProfile profile, Reply reply);
}
