package dev.switchboard.adapter.web;

import com.fasterxml.jackson.core.ErrorReportConfiguration;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The one shared, immutable Jackson set-up of the module, and a helper to write a small JSON document. */
final class Json {
    private static final int MAX_QUOTED_TOKEN = 32;

    /**
     * Reads requests: a repeated field is an error, nesting is shallow, and parser messages never quote
     * the request body in their location; they name at most {@value #MAX_QUOTED_TOKEN} characters of an
     * offending token, as the parser's reason the client sees and the log shows.
     */
    static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build())
                    .errorReportConfiguration(ErrorReportConfiguration.builder()
                            .maxErrorTokenLength(MAX_QUOTED_TOKEN).maxRawContentLength(0).build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    /** Writes one JSON document with a streaming generator. */
    @FunctionalInterface
    interface Writer {
        void write(JsonGenerator json) throws IOException;
    }

    private Json() {
    }

    /** The document {@code writer} writes, as UTF-8 bytes. */
    static byte[] write(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (JsonGenerator json = MAPPER.getFactory().createGenerator(bytes)) {
            writer.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write JSON to memory", e);
        }
        return bytes.toByteArray();
    }
}
