package dev.switchboard.spi;

/** A web chat visitor's id, made by the widget and kept in the browser. */
public final class WebVisitorId extends OpaqueId {
    static final String KIND = "visitor";

    public WebVisitorId(String value) {
        super(KIND, "web visitor id", value);
    }
}
