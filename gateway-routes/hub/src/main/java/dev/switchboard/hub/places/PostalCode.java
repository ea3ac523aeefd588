package dev.switchboard.hub.places;

import java.util.Objects;

/**
 * A postal code and the position its data source gives it (GeoNames: the centre of the code's area).
 *
 * @param country ISO 3166-1 alpha-2 code
 * @param code    in its country's written form: {@code 10001}, {@code 00-950}, {@code SW1A}
 */
public record PostalCode(String country, String code, double latitude, double longitude) {
    public PostalCode {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(code, "code");
    }
}
