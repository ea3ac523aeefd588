package dev.switchboard.adapter.twilio;

import dev.switchboard.spi.DeviceProfile;
import dev.switchboard.spi.RenderedReply;
import dev.switchboard.spi.Reply;
import dev.switchboard.spi.ReplyRenderer;

/** A stand-in for the renderers module: the reply's text in a TwiML message, XML-escaped. */
enum TwimlRenderer implements ReplyRenderer {
    INSTANCE;

    @Override
    public RenderedReply render(DeviceProfile profile, Reply reply) {
        String text = reply.text().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return new RenderedReply(profile.contentType(),
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Message>" + text + "</Message></Response>");
    }
}
