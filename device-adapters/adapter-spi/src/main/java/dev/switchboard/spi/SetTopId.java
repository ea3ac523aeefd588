package dev.switchboard.spi;

/** The persistent id of an interactive-TV set-top box. 8 to 64 URL-safe characters; self-asserted. */
public record SetTopId(String value) implements CustomerAddress {
    static final String KIND = "settop";

    public SetTopId {
        value = OpaqueId.check("set-top id", value);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public boolean selfAsserted() {
        return true;
    }
}
