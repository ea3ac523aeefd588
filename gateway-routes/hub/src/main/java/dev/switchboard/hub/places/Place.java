package dev.switchboard.hub.places;

import java.util.List;
import java.util.Objects;

/**
 * A populated place of the gazetteer.
 *
 * @param name           its name as the gazetteer gives it (GeoNames' preferred name)
 * @param country        ISO 3166-1 alpha-2 code
 * @param region         the first-level administrative division (a Polish voivodeship, a UK nation, a US
 *                       state), or empty when the data has none
 * @param population     0 when unknown
 * @param alternateNames other names it is known by, e.g. {@code Warszawa} for Warsaw
 */
public record Place(String name, String country, String region, double latitude, double longitude, long population,
                    List<String> alternateNames) {
    public Place {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(country, "country");
        region = region == null ? "" : region;
        alternateNames = alternateNames == null ? List.of() : List.copyOf(alternateNames);
    }
}
