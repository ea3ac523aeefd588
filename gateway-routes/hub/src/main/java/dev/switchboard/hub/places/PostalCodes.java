package dev.switchboard.hub.places;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The postal codes a customer may key in instead of a town. What he types is read in the usual written
 * forms ({@link #writtenForms}) and looked up by each; a code of the customer's country wins when two
 * countries share one. Immutable and thread-safe.
 */
public final class PostalCodes {
    public static final PostalCodes NONE = new PostalCodes(List.of());

    /** A US ZIP code, with or without its ZIP+4 extension: {@code 10001}, {@code 10001-1234}. */
    private static final Pattern US_ZIP = Pattern.compile("(\\d{5})(?:[- ]?\\d{4})?");
    /** A Polish postal code, with or without its hyphen: {@code 00-950}, {@code 00950}. */
    private static final Pattern POLISH = Pattern.compile("(\\d{2})[- ]?(\\d{3})");
    /** A UK postcode or just its outward code (the district): {@code SW1A 1AA}, {@code SW1A1AA}, {@code M1}. */
    private static final Pattern UK = Pattern.compile("([A-Z]{1,2}\\d[A-Z\\d]?) ?(?:\\d[A-Z]{2})?");

    private final Map<String, List<PostalCode>> byCode = new HashMap<>();

    public PostalCodes(List<PostalCode> codes) {
        for (PostalCode code : codes) {
            byCode.computeIfAbsent(code.code(), k -> new ArrayList<>(1)).add(code);
        }
    }

    public int size() {
        return byCode.values().stream().mapToInt(List::size).sum();
    }

    /**
     * The postal code a customer means by {@code typed}, in any of its usual written forms.
     *
     * @param preferredCountry ISO 3166-1 alpha-2 code, or {@code null}
     */
    public Optional<PostalCode> find(String typed, String preferredCountry) {
        String country = preferredCountry == null ? "" : preferredCountry.toUpperCase(Locale.ROOT);
        Comparator<PostalCode> inCountryFirst = Comparator.comparingInt(c -> c.country().equals(country) ? 0 : 1);
        return writtenForms(typed).stream()
                .flatMap(form -> byCode.getOrDefault(form, List.of()).stream())
                .min(inCountryFirst);
    }

    /**
     * The forms {@code typed} can stand for, as the data writes them: {@code "sw1a 1aa"} is the UK district
     * {@code SW1A}, {@code "10001-1234"} the ZIP code {@code 10001}, {@code "00950"} both the ZIP code
     * {@code 00950} and the Polish {@code 00-950}. Empty when it cannot be a postal code.
     */
    static List<String> writtenForms(String typed) {
        if (typed == null) {
            return List.of();
        }
        String text = typed.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        List<String> forms = new ArrayList<>(2);
        Matcher zip = US_ZIP.matcher(text);
        if (zip.matches()) {
            forms.add(zip.group(1));
        }
        Matcher polish = POLISH.matcher(text);
        if (polish.matches()) {
            forms.add(polish.group(1) + "-" + polish.group(2));
        }
        Matcher uk = UK.matcher(text);
        if (uk.matches()) {
            forms.add(uk.group(1));
        }
        return forms;
    }
}
