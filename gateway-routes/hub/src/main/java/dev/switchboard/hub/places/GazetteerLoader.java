package dev.switchboard.hub.places;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

/**
 * Reads the gazetteer shipped in the jar, two gzipped tab-separated extracts of GeoNames (CC BY 4.0); lines
 * starting with {@code #} are comments.
 * <ul>
 *   <li>{@value #RESOURCE}, made by {@code scripts/make-gazetteer.mjs}: name, country, region, latitude,
 *       longitude, population, alternate names separated by {@code |};</li>
 *   <li>{@value #POSTAL_CODES}, made by {@code scripts/make-postcodes.mjs}: country, postal code, latitude,
 *       longitude.</li>
 * </ul>
 */
public final class GazetteerLoader {
    public static final String RESOURCE = "gazetteer/places.tsv.gz";
    public static final String POSTAL_CODES = "gazetteer/postcodes.tsv.gz";

    private GazetteerLoader() {
    }

    /** Read once per class loader: it is immutable, and every gateway in a test JVM shares it. */
    private static final class Shipped {
        static final Gazetteer GAZETTEER = new Gazetteer(readResource(RESOURCE, GazetteerLoader::read),
                new PostalCodes(readResource(POSTAL_CODES, GazetteerLoader::readPostalCodes)));
    }

    /** The gazetteer shipped in the jar. */
    public static Gazetteer shipped() {
        return Shipped.GAZETTEER;
    }

    private interface Reader<T> {
        List<T> read(InputStream in) throws IOException;
    }

    private static <T> List<T> readResource(String resource, Reader<T> reader) {
        InputStream in = GazetteerLoader.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("the gazetteer " + resource + " is not on the class path");
        }
        try (in) {
            return reader.read(new GZIPInputStream(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the gazetteer " + resource, e);
        }
    }

    static List<Place> read(InputStream in) throws IOException {
        return readRows(in, "gazetteer", 7, 40_000, f -> new Place(f[0], f[1], f[2], Double.parseDouble(f[3]),
                Double.parseDouble(f[4]), Long.parseLong(f[5]),
                f[6].isEmpty() ? List.of() : Arrays.asList(f[6].split("\\|"))));
    }

    static List<PostalCode> readPostalCodes(InputStream in) throws IOException {
        return readRows(in, "postal code", 4, 45_000, f -> new PostalCode(f[0].intern(), f[1],
                Double.parseDouble(f[2]), Double.parseDouble(f[3])));
    }

    private static <T> List<T> readRows(InputStream in, String what, int columns, int expected,
                                        Function<String[], T> row) throws IOException {
        List<T> rows = new ArrayList<>(expected);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != columns) {
                throw new IllegalStateException(what + " line " + lineNumber + " has " + f.length
                        + " columns instead of " + columns);
            }
            rows.add(row.apply(f));
        }
        return rows;
    }
}
