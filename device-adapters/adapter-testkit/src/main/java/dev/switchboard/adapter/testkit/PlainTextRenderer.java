package dev.switchboard.adapter.testkit;

import dev.switchboard.spi.DeviceProfile;
import dev.switchboard.spi.RenderedReply;
import dev.switchboard.spi.Reply;
import dev.switchboard.spi.ReplyRenderer;

/** A stand-in for the renderers module: the reply's text as it is, in the profile's content type. */
public enum PlainTextRenderer implements ReplyRenderer {
    INSTANCE;

    @Override
    public RenderedReply render(DeviceProfile profile, Reply reply) {
        return new RenderedReply(profile.contentType(), reply.text());
    }
}
