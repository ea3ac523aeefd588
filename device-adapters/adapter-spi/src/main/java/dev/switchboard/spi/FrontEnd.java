package dev.switchboard.spi;

/**
 * A page a person can open in a browser, listed on the gateway's start page.
 *
 * @param path        the path on the gateway's HTTP port, starting with {@code /}
 * @param title       a short title
 * @param description one sentence on who it is for
 */
public record FrontEnd(String path, String title, String description) {
    public FrontEnd {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("a front-end path must start with '/': " + path);
        }
    }
}
