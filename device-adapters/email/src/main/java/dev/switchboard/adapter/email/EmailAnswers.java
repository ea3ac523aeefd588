package dev.switchboard.adapter.email;

import dev.switchboard.spi.DeviceProfile;
import dev.switchboard.spi.EmailAddress;
import dev.switchboard.spi.OutboundMessage;
import dev.switchboard.spi.OutboundSender;
import dev.switchboard.spi.ReplyRenderer;

/**
 * Mails the help desk's own messages on the email channel (an agent's answer) into the customer's mail thread; the
 * satisfaction question with a link to its page ({@link RatingLinks}), besides "reply with a number".
 */
final class EmailAnswers implements OutboundSender {
    private final SmtpMailer mailer;
    private final MailThreads threads;
    private final ReplyRenderer renderer;
    private final RatingLinks ratingLinks;

    EmailAnswers(SmtpMailer mailer, MailThreads threads, ReplyRenderer renderer, RatingLinks ratingLinks) {
        this.mailer = mailer;
        this.threads = threads;
        this.renderer = renderer;
        this.ratingLinks = ratingLinks;
    }

    @Override
    public void send(OutboundMessage message) {
        if (!(message.address() instanceof EmailAddress to)) {
            throw new IllegalArgumentException("the customer has no email address on this conversation (his address is a "
                    + message.address().kind() + ")");
        }
        String body = renderer.render(DeviceProfile.EMAIL, message.reply()).body();
        if (message.asksForRating()) {
            body = body.stripTrailing() + "\n\n" + ratingLinks.invitation(message.rating()) + "\n";
        }
        mailer.send(threads.answer(to, body));
    }
}
