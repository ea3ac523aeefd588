package com.example.pager;

import dev.switchboard.spi.Channel;
import dev.switchboard.spi.CustomerTokenRequiredException;
import dev.switchboard.spi.DeviceContext;
import dev.switchboard.spi.DeviceProfile;
import dev.switchboard.spi.E164Number;
import dev.switchboard.spi.HelpDesk;
import dev.switchboard.spi.Interaction;
import dev.switchboard.spi.Outcome;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers one line of the pager protocol (see {@link PagerAdapter}) with one line. Thread-safe. */
final class PagerProtocol {
    static final Channel CHANNEL = Channel.of(PagerAdapter.ID);

    private static final Logger LOG = LoggerFactory.getLogger(PagerProtocol.class);
    private static final Pattern MSG = Pattern.compile("MSG (\\S+) FROM (\\S+)(?: (.*))?");
    private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final String USAGE = "MSG <message-id> FROM <number> <text>";

    private final HelpDesk helpDesk;
    private final Clock clock;

    PagerProtocol(HelpDesk helpDesk, Clock clock) {
        this.helpDesk = helpDesk;
        this.clock = clock;
    }

    /** The answer line, without its line break, to one line the pager sent. */
    String answer(String line) {
        String command = line.isBlank() ? "" : line.strip().split(" ", 2)[0];
        if (!"MSG".equals(command)) {
            return refuse(line, command.isEmpty()
                    ? "empty line; send " + USAGE
                    : "unknown command '" + clip(command) + "'; send " + USAGE);
        }
        Matcher msg = MSG.matcher(line);
        if (!msg.matches()) {
            return refuse(line, "expected " + USAGE);
        }
        String messageId = msg.group(1);
        if (!MESSAGE_ID.matcher(messageId).matches()) {
            return refuse(line, "message id must be 1 to 64 letters, digits, '.', '_', ':' or '-'");
        }
        String text = msg.group(3) == null ? "" : msg.group(3).strip();
        if (text.isEmpty()) {
            return refuse(line, "message " + messageId + " has no text; send " + USAGE);
        }
        try {
            Interaction interaction = new Interaction(messageId, CHANNEL, DeviceProfile.SMS,
                    new E164Number(msg.group(2)), text, DeviceContext.EMPTY.withNetwork("pager"), clock.instant());
            Outcome outcome = helpDesk.submit(interaction, null);
            return "REPLY " + messageId + " " + outcome.conversationId() + " "
                    + (outcome.customerToken() == null ? "-" : outcome.customerToken()) + " "
                    + escape(outcome.rendered().body());
        } catch (CustomerTokenRequiredException | IllegalArgumentException e) {
            return refuse(line, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("the help desk failed on pager message {}", messageId, e);
            return "ERROR the help desk could not take message " + messageId + " now; send it again";
        }
    }

    /** A reply on one line: backslashes doubled, line breaks as {@code \n}, carriage returns dropped. */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\r", "").replace("\n", "\\n");
    }

    private static String refuse(String line, String reason) {
        LOG.warn("pager line refused: {} (line: '{}')", reason, clip(line));
        return "ERROR " + reason;
    }

    private static String clip(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
