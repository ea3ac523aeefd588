package dev.switchboard.spi;

/**
 * What the viewer is watching when he asks for help on an interactive-TV set-top box.
 *
 * @param service   the TV service (channel) id or name, for example {@code dvb://233a.1004.1044}
 * @param programme the programme on air, or {@code null} when the box does not know
 * @param region    the broadcast region the box is set to (a regional variant of the service, a country
 *                  code), or {@code null} when the box does not know
 */
public record TvContext(String service, String programme, String region) {
    public TvContext {
        if (service == null || service.isBlank()) {
            throw new IllegalArgumentException("TV service is missing");
        }
    }

    /** A context without a region. */
    public TvContext(String service, String programme) {
        this(service, programme, null);
    }
}
