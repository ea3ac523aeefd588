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
import java.util.zip.GZIPInputStream;

/**
 * Reads the gazetteer shipped in the jar: {@value #RESOURCE}, a gzipped tab-separated extract of GeoNames
 * (CC BY 4.0) made by {@code scripts/make-gazetteer.mjs}. Columns: name, country, region, latitude,
 * longitude, population, alternate names separated by {@code |}. Lines starting with {@code #} are comments.
 */
public final class GazetteerLoader {
    public static final String RESOURCE = "gazetteer/places.tsv.gz";

    private GazetteerLoader() {
    }

    /** Read once per class loader: it is immutable, and every gateway in a test JVM shares it. */
    private static final class Shipped {
        static final Gazetteer GAZETTEER = load();
    }

    /** The gazetteer shipped in the jar. */
    public static Gazetteer shipped() {
        return Shipped.GAZETTEER;
    }

    private static Gazetteer load() {
        InputStream in = GazetteerLoader.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("the gazetteer " + RESOURCE + " is not on the class path");
        }
        try (in) {
            return new Gazetteer(read(new GZIPInputStream(in)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the gazetteer " + RESOURCE, e);
        }
    }

    static List<Place> read(InputStream in) throws IOException {
        List<Place> places = new ArrayList<>(40_000);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 7) {
                throw new IllegalStateException(
                        "gazetteer line " + lineNumber + " has " + f.length + " columns instead of 7");
            }
            places.add(new Place(f[0], f[1], f[2], Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                    Long.parseLong(f[5]), f[6].isEmpty() ? List.of() : Arrays.asList(f[6].split("\\|"))));
        }
        return places;
    }
}
