package dev.switchboard.spi;

/** The id of one installation of the mobile app. */
public final class AppInstallId extends OpaqueId {
    static final String KIND = "app";

    public AppInstallId(String value) {
        super(KIND, "app install id", value);
    }
}
