package dev.switchboard.adapter.itv;

import dev.switchboard.spi.E164Number;
import java.util.Locale;

/**
 * What a viewer can ask for with a colour key, and how each request reads in his conversation thread,
 * where agents see it. Yellow and blue also carry a {@link dev.switchboard.spi.ContactRequest} (see
 * {@link TvContactRequests}) on which the hub acts: it texts the answer, or calls back once an agent has him.
 */
enum TvRequestKind {
    /** Green: talk to an agent. */
    AGENT("agent"),
    /** Yellow: text the answer on the screen to the viewer's phone. */
    SEND_TO_PHONE("send-to-phone"),
    /** Blue: call the viewer back. */
    CALL_BACK("call-back"),
    /** The satisfaction question at the end, answered with a colour key. */
    SATISFACTION("satisfaction");

    private final String id;

    TvRequestKind(String id) {
        this.id = id;
    }

    static TvRequestKind fromId(String id) {
        for (TvRequestKind kind : values()) {
            if (kind.id.equals(id)) {
                return kind;
            }
        }
        throw TvApiException.badRequest("invalid-kind",
                "kind must be agent, send-to-phone, call-back or satisfaction, was '" + TvRequestParser.shorten(id) + "'");
    }

    /** The request in words, for the thread. */
    String text(E164Number phone, String about, String rating) {
        return switch (this) {
            case AGENT -> "I would like to talk to an agent." + suffix(about);
            case SEND_TO_PHONE -> "Please send this to my phone " + phone.value() + "." + suffix(about);
            case CALL_BACK -> "Please call me back on " + phone.value() + "." + suffix(about);
            case SATISFACTION -> "Did the help on TV help me? " + rating.toLowerCase(Locale.ROOT) + ".";
        };
    }

    boolean needsPhone() {
        return this == SEND_TO_PHONE || this == CALL_BACK;
    }

    private static String suffix(String about) {
        return about == null ? "" : " About: " + about;
    }
}
