package dev.switchboard.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonRequestBodyTest {

    private static final String JSON = "application/json";

    /** An endless chunked body of spaces that counts how many bytes were taken from it. */
    private static final class EndlessBody extends InputStream {
        long taken;

        @Override
        public int read() {
            taken++;
            return ' ';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            int chunk = Math.min(length, 1000);
            Arrays.fill(buffer, offset, offset + chunk, (byte) ' ');
            taken += chunk;
            return chunk;
        }
    }

    private static String text(JsonRequestBody body) {
        return new String(body.bytes(), 0, body.length(), StandardCharsets.UTF_8);
    }

    @Test
    void readsABodyOfKnownLength() throws IOException {
        byte[] json = "{\"text\": \"zażółć\"}".getBytes(StandardCharsets.UTF_8);

        JsonRequestBody body = JsonRequestBody.read(JSON, json.length, new ByteArrayInputStream(json));

        assertThat(text(body)).isEqualTo("{\"text\": \"zażółć\"}");
    }

    @Test
    void readsAChunkedBodyOfExactlyTheLimit() throws IOException {
        byte[] json = new byte[JsonRequestBody.MAX_BYTES];
        Arrays.fill(json, (byte) ' ');

        JsonRequestBody body = JsonRequestBody.read(JSON, -1, new ByteArrayInputStream(json));

        assertThat(body.length()).isEqualTo(65_536);
    }

    @Test
    void refusesAChunkedBodyOverTheLimitAndDropsAtMostAMebibyteMoreSoTheClientGetsTheAnswer() {
        EndlessBody endless = new EndlessBody();

        assertThatThrownBy(() -> JsonRequestBody.read(JSON, -1, endless))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(413);
                    assertThat(e.code()).isEqualTo(JsonErrors.BODY_TOO_LARGE);
                })
                .hasMessage("the request body is larger than 65536 bytes (64 KiB)");
        assertThat(endless.taken).isBetween(65_537L + 1024 * 1024, 65_537L + 1024 * 1024 + 8 * 1024);
    }

    @Test
    void stopsReadingABodyThatIsLongerThanItsContentLengthSaid() {
        EndlessBody endless = new EndlessBody();

        assertThatThrownBy(() -> JsonRequestBody.read(JSON, 100, endless))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(413));
        assertThat(endless.taken).isBetween(65_537L + 1024 * 1024, 65_537L + 1024 * 1024 + 8 * 1024);
    }

    @Test
    void refusesADeclaredLengthOverTheLimitWithoutKeepingIt() {
        byte[] declared = new byte[65_537];

        ByteArrayInputStream body = new ByteArrayInputStream(declared);
        assertThatThrownBy(() -> JsonRequestBody.read(JSON, declared.length, body))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(413));
        assertThat(body.available()).as("the rest was read and dropped, so the client's upload ends").isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "Application/JSON;Charset=\"UTF-8\"",
            "application/json;charset=UTF8"})
    void acceptsJsonInUtf8(String contentType) throws IOException {
        assertThat(JsonRequestBody.read(contentType, 2, new ByteArrayInputStream("{}".getBytes())).length()).isEqualTo(2);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/json; charset=iso-8859-1",
            "application/jsonp", "multipart/form-data; boundary=x"})
    void refusesOtherContentTypesWith415(String contentType) {
        EndlessBody endless = new EndlessBody();

        assertThatThrownBy(() -> JsonRequestBody.read(contentType, 2, endless))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(415);
                    assertThat(e.code()).isEqualTo(JsonErrors.UNSUPPORTED_MEDIA_TYPE);
                });
        assertThat(endless.taken).isZero();
    }
}
