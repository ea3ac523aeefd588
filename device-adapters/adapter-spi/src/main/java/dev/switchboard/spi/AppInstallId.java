package dev.switchboard.spi;

/** The id of one installation of the mobile app. 8 to 64 URL-safe characters; self-asserted. */
public record AppInstallId(String value) implements CustomerAddress {
    static final String KIND = "app";

    public AppInstallId {
        value = OpaqueId.check("app install id", value);
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
