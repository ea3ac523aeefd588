package dev.switchboard.adapter.mobile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.adapter.testkit.StandInGateway;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adapter as the gateway starts it, on the test kit's stand-in gateway: a real Jetty on a loopback port. */
class MobileAppAdapterTest {
    @TempDir
    Path folder;
    private final MobileAppAdapter adapter = new MobileAppAdapter();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private StandInGateway gateway;

    private void start(Path appDir) throws Exception {
        gateway = StandInGateway.builder().settings(Map.of(MobileAppAdapter.APP_DIR_KEY, appDir.toString()))
                .servingHttp().start(adapter);
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(gateway.uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTheBuiltAppWithItsContentTypes() throws Exception {
        Path www = Files.createDirectories(folder.resolve("www/js"));
        Files.writeString(folder.resolve("www/index.html"), "<!DOCTYPE html><title>App</title>");
        Files.writeString(www.resolve("app.js"), "console.log('hi');");
        start(folder.resolve("www"));

        assertThat(get("/app/").body()).contains("<title>App</title>");
        assertThat(get("/app/index.html").headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
        assertThat(get("/app/js/app.js").headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/javascript"));
        assertThat(get("/app").statusCode()).isEqualTo(302);
        assertThat(get("/app/missing.js").statusCode()).isEqualTo(404);
        assertThat(get("/api/app/conversations/c-1/events").statusCode()).as("no token").isEqualTo(404);
        assertThat(adapter.health().up()).isTrue();
        assertThat(adapter.frontEnds()).singleElement().satisfies(f -> assertThat(f.path()).isEqualTo("/app/"));
    }

    @Test
    void nothingOutsideTheFolderIsServed() throws Exception {
        Files.createDirectories(folder.resolve("www"));
        Files.writeString(folder.resolve("www/index.html"), "app");
        Files.writeString(folder.resolve("secret.txt"), "secret");
        start(folder.resolve("www"));

        assertThat(rawGet("/app/../secret.txt")).doesNotContain("secret\n").doesNotEndWith("secret");
        assertThat(rawGet("/app/%2e%2e/secret.txt")).doesNotEndWith("secret");
        StaticFilesServlet servlet = new StaticFilesServlet(folder.resolve("www"), "/app/");
        assertThat(servlet.resolve("/../secret.txt")).isNull();
        assertThat(servlet.resolve("/..\\secret.txt")).isNull();
        assertThat(servlet.resolve("/")).isEqualTo(folder.resolve("www/index.html").toAbsolutePath().normalize());
    }

    @Test
    void saysHowToBuildTheAppWhileItIsNotBuilt() throws Exception {
        start(folder.resolve("not-built"));

        HttpResponse<String> page = get("/app/");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("The mobile app is not built yet", "mvn -pl mobile-app -am verify");
        assertThat(adapter.health().up()).isTrue();
        assertThat(adapter.health().detail()).contains("not built");
    }

    /** A request exactly as written, without the client normalizing the path first. */
    private String rawGet(String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", gateway.origin().getPort())) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
