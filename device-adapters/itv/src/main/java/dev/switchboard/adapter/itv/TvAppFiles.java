package dev.switchboard.adapter.itv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The files of the TV app, read once from the class path ({@code itv-app/} in this module's jar). Only
 * these names are ever served, so a request path cannot reach anything else.
 */
final class TvAppFiles {
    static final String PAGE = "index.xhtml";
    private static final Map<String, String> TYPES = Map.of(
            PAGE, "", "app.js", "text/javascript; charset=UTF-8", "app.css", "text/css; charset=UTF-8");

    /** One file and its content type; the page's type depends on the browser, so it has none here. */
    record File(String name, byte[] bytes, String contentType) {
    }

    private final Map<String, File> files;

    private TvAppFiles(Map<String, File> files) {
        this.files = Map.copyOf(files);
    }

    static TvAppFiles fromClasspath() {
        Map<String, File> files = new LinkedHashMap<>();
        for (Map.Entry<String, String> type : TYPES.entrySet()) {
            String resource = "itv-app/" + type.getKey();
            try (InputStream in = TvAppFiles.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("the TV app file " + resource + " is not on the class path");
                }
                files.put(type.getKey(), new File(type.getKey(), in.readAllBytes(), type.getValue()));
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + resource, e);
            }
        }
        return new TvAppFiles(files);
    }

    Optional<File> named(String name) {
        return Optional.ofNullable(files.get(name));
    }

    int count() {
        return files.size();
    }

    long totalBytes() {
        return files.values().stream().mapToLong(file -> file.bytes().length).sum();
    }
}
