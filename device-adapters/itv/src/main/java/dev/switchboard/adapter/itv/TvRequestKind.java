package dev.switchboard.adapter.itv;

import dev.switchboard.spi.E164Number;

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
    /** The answer to the satisfaction question, given with a colour key: a rating ({@link TvSatisfaction}), no message. */
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

    String id() {
        return id;
    }

    /** The request in words, for the thread; a satisfaction answer is a rating and has none. */
    String text(E164Number phone, String about) {
        return switch (this) {
            case AGENT -> "I would like to talk to an agent." + suffix(about);
            case SEND_TO_PHONE -> "Please send this to my phone " + phone.value() + "." + suffix(about);
            case CALL_BACK -> "Please call me back on " + phone.value() + "." + suffix(about);
            case SATISFACTION -> throw new IllegalStateException("a satisfaction answer is a rating, not a message");
        };
    }

    boolean needsPhone() {
        return this == SEND_TO_PHONE || this == CALL_BACK;
    }

    private static String suffix(String about) {
        return about == null ? "" : " About: " + about;
    }
}
