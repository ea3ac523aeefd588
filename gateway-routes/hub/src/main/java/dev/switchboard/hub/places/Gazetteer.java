package dev.switchboard.hub.places;

import dev.switchboard.hub.knowledge.TextAnalyzer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Real places: the nearest one to a position, and the place a customer means by the town or postal code he
 * keys in. Immutable and thread-safe.
 */
public final class Gazetteer {
    private final SpatialIndex<Place> index;
    private final Map<String, List<Place>> byName = new HashMap<>();
    private final Map<String, List<Place>> byAlternateName = new HashMap<>();
    private final PostalCodes postalCodes;

    public Gazetteer(List<Place> places) {
        this(places, PostalCodes.NONE);
    }

    public Gazetteer(List<Place> places, PostalCodes postalCodes) {
        this.postalCodes = postalCodes;
        index = SpatialIndex.of(places, Place::latitude, Place::longitude);
        for (Place place : places) {
            byName.computeIfAbsent(key(place.name()), k -> new ArrayList<>(1)).add(place);
            for (String alternate : place.alternateNames()) {
                byAlternateName.computeIfAbsent(key(alternate), k -> new ArrayList<>(1)).add(place);
            }
        }
    }

    public int size() {
        return index.size();
    }

    /** The place nearest to a position, if the gazetteer has any. */
    public Optional<SpatialIndex.Neighbour<Place>> nearest(double latitude, double longitude) {
        return index.nearest(latitude, longitude, 1).stream().findFirst();
    }

    /**
     * The place a customer means by {@code typed}: its name or one of its other names, compared without
     * case, diacritics or extra spaces. A place in {@code preferredCountry} wins, then a match by main name,
     * then the larger population.
     *
     * @param preferredCountry ISO 3166-1 alpha-2 code, or {@code null}
     */
    public Optional<Place> find(String typed, String preferredCountry) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String key = key(typed);
        String country = preferredCountry == null ? "" : preferredCountry.toUpperCase(Locale.ROOT);
        Comparator<Place> inCountryFirst = Comparator.comparingInt(p -> p.country().equals(country) ? 0 : 1);
        Comparator<Place> best = inCountryFirst.thenComparing(Comparator.comparingLong(Place::population).reversed());
        Optional<Place> byMainName = byName.getOrDefault(key, List.of()).stream().min(best);
        Optional<Place> byOtherName = byAlternateName.getOrDefault(key, List.of()).stream().min(best);
        if (byMainName.isPresent() && byOtherName.isPresent()) {
            // "Warszawa" is only another name of Warsaw, but a main name in the customer's country wins.
            return Optional.of(inCountryFirst.compare(byOtherName.get(), byMainName.get()) < 0
                    ? byOtherName.get() : byMainName.get());
        }
        return byMainName.or(() -> byOtherName);
    }

    /**
     * The postal code a customer means by {@code typed}, in one of its usual written forms
     * ({@code "sw1a 1aa"}, {@code "00950"}, {@code "10001-1234"}); a code of {@code preferredCountry} first.
     */
    public Optional<PostalCode> findPostalCode(String typed, String preferredCountry) {
        return postalCodes.find(typed, preferredCountry);
    }

    public int postalCodeCount() {
        return postalCodes.size();
    }

    private static String key(String name) {
        return TextAnalyzer.canonical(name);
    }
}
