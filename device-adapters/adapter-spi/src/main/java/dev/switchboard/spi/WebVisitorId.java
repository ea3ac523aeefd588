package dev.switchboard.spi;

/** A web chat visitor's id, made by the widget and kept in the browser. 8 to 64 URL-safe characters; self-asserted. */
public record WebVisitorId(String value) implements CustomerAddress {
    static final String KIND = "visitor";

    public WebVisitorId {
        value = OpaqueId.check("web visitor id", value);
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
