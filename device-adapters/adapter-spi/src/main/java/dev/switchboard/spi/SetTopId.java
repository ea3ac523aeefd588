package dev.switchboard.spi;

/** The persistent id of an interactive-TV set-top box. */
public final class SetTopId extends OpaqueId {
    static final String KIND = "settop";

    public SetTopId(String value) {
        super(KIND, "set-top id", value);
    }
}
