package dev.switchboard.gateway.desk;

import static dev.switchboard.gateway.desk.AgentRoutingApiTest.BOSS_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.gateway.Gateway;
import dev.switchboard.gateway.config.SwitchboardConfig;
import dev.switchboard.testing.AgentClient;
import dev.switchboard.testing.NodeScript;
import dev.switchboard.testing.ShopSite;
import dev.switchboard.testing.TestMailServer;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat widget embedded in a demo shop's pages, served by a Jetty of their own (another origin than the gateway's),
 * driven in Debian's Chromium by playwright-core (src/test/playwright/widget.mjs): availability switching live, the
 * invitation once, a whole chat with the agent desktop, a network loss and a gateway restart during the chat with
 * nothing lost or doubled, the agent's finish showing the rating scale and the visitor's rating reaching the agent
 * desktop, an offline message on the manager page and in the agents' mail (GreenMail), a site not allowed getting
 * nothing, a gateway down or hanging leaving the page as it is, axe-core. It measures the widget's size budget and
 * the button's paint time after the load event (budget 100 ms, checked in the script) and prints them.
 */
class WidgetInChromiumTest {
    private static final Logger LOG = LoggerFactory.getLogger(WidgetInChromiumTest.class);
    private static final Path SCRIPT = Path.of("src/test/playwright/widget.mjs").toAbsolutePath();
    private static final int LOADER_BUDGET = 15 * 1024;
    private static final int CHAT_BUDGET = 60 * 1024;
    private static final Duration RUN = Duration.ofSeconds(240);

    @Test
    void aShopPageEmbedsTheWidgetAndAVisitorChatsWithAnAgentThroughOutagesAndLeavesAnOfflineMessage(@TempDir Path dir)
            throws Exception {
        assertThat(SCRIPT.resolveSibling("node_modules/axe-core")).as("npm ci in src/test/playwright").isDirectory();
        try (TestMailServer mail = new TestMailServer(); ShopSite shop = new ShopSite(); ShopSite stranger = new ShopSite()) {
            Map<String, String> settings = new HashMap<>(mail.gatewaySettings());
            settings.put("switchboard.widget.allowed-origins", shop.origin() + ",https://localhost");
            Gateway gateway = AgentRoutingApiTest.gateway(dir.resolve("data"), settings);
            try {
                URI base = gateway.baseUri();
                settings.put(SwitchboardConfig.HTTP_PORT, String.valueOf(gateway.httpPort()));
                AgentClient boss = new AgentClient(base).signedIn("boss", BOSS_PASSWORD);
                boss.postOk("/api/agent/accounts", "{\"username\": \"ann\", \"displayName\": \"Ann\", \"password\": "
                        + "\"ann long password\", \"skills\": [\"general\"], \"capacity\": 2, \"email\": \"ann@staff.example\"}");
                String widget = base + "widget.js";
                shop.page("/", page(widget, "lang=\"en\"", ""))
                        .page("/pl", page(widget, "lang=\"pl\"", ""))
                        .page("/invite", page(widget, "lang=\"en\"", "data-invite-after=\"1\" data-invite-pages=\"^/invite\" "
                                + "data-invite-text=\"Need a hand with your order?\""))
                        .page("/dead", page("http://127.0.0.1:9/widget.js", "lang=\"en\"", ""))
                        .page("/bare", page(shop.origin() + "/bare.js", "lang=\"en\"", ""))
                        .script("/bare.js", BARE_BUTTON)
                        .page("/slow", page(shop.origin() + ShopSite.STALLED + "widget.js", "lang=\"en\"", ""))
                        .script(ShopSite.STALLED + "widget.js", new String(plain(base.resolve("/widget.js")),
                                StandardCharsets.UTF_8));
                stranger.page("/", page(widget, "lang=\"en\"", ""));

                long loader = gzippedBytes(base.resolve("/widget.js"));
                long chat = gzippedBytes(base.resolve("/widget/chat.js"));
                LOG.info("FIGURES widget sizes: loader {} bytes gzipped (budget {}), chat {} bytes gzipped (budget {})",
                        loader, LOADER_BUDGET, chat, CHAT_BUDGET);
                assertThat(loader).isLessThanOrEqualTo(LOADER_BUDGET);
                assertThat(chat).isLessThanOrEqualTo(CHAT_BUDGET);

                Path work = Files.createDirectories(dir.resolve("work"));
                Path shots = Files.createDirectories(Path.of("target/screenshots"));
                Path log = dir.resolve("playwright.log");
                Process node = NodeScript.start(SCRIPT, log, base.toString(), shop.origin(), stranger.origin(),
                        work.toString(), shots.toAbsolutePath().toString(), BOSS_PASSWORD);
                try {
                    await().atMost(RUN).until(() -> Files.exists(work.resolve("stop.request")) || !node.isAlive());
                    if (node.isAlive()) {
                        gateway.close();
                        Files.writeString(work.resolve("stopped"), "");
                        await().atMost(RUN).until(() -> Files.exists(work.resolve("start.request")) || !node.isAlive());
                        gateway = AgentRoutingApiTest.gateway(dir.resolve("data"), settings);
                        Files.writeString(work.resolve("started"), "");
                    }
                    assertThat(node.waitFor(RUN.toSeconds(), TimeUnit.SECONDS)).as("the script finished").isTrue();
                } finally {
                    node.destroyForcibly();
                }
                String output = Files.readString(log, StandardCharsets.UTF_8);
                LOG.info("Playwright script:\n{}", output);
                assertThat(node.exitValue()).as(output).isZero();
                assertThat(output).contains("PASS widget");
                await().atMost(Duration.ofSeconds(30)).until(() -> mail.mailsTo("ann@staff.example").stream()
                        .anyMatch(notice -> notice.text().contains("What are your opening hours for zorblax repairs?")));
            } finally {
                gateway.close();
            }
        }
    }

    /**
     * The paint floor: a deferred script from the shop itself that draws the button as the loader does (a host, its
     * shadow root, the button), with no gateway.
     */
    private static final String BARE_BUTTON = """
            const host = document.createElement('div');
            host.setAttribute('data-switchboard-widget', '');
            host.style.cssText = 'position:fixed;bottom:16px;right:16px;';
            const button = document.createElement('button');
            button.className = 'open';
            button.textContent = 'Nobody is available - leave a message';
            host.attachShadow({ mode: 'open' }).append(button);
            document.body.append(host);
            """;

    /** A shop page with a button of its own, the load event and the widget's first paint timed, and the widget's tag. */
    private static String page(String widgetSrc, String lang, String attributes) {
        return """
                <!doctype html>
                <html %s><head><meta charset="utf-8"><title>Demo shop</title>
                <script>
                  addEventListener('load', () => { window.loadAt = performance.now(); });
                  new MutationObserver((changes, observer) => {
                    if (document.querySelector('[data-switchboard-widget]')) {
                      observer.disconnect();
                      requestAnimationFrame(() => requestAnimationFrame(() => { window.paintAt = performance.now(); }));
                    }
                  }).observe(document.documentElement, { childList: true, subtree: true });
                </script>
                <script src="%s" defer %s></script>
                </head><body><main><h1>Demo shop</h1>
                <p>Basket: <span id="count">0</span></p>
                <button id="basket" type="button" onclick="count.textContent = String(Number(count.textContent) + 1)">Add to basket</button>
                </main></body></html>
                """.formatted(lang, widgetSrc, attributes);
    }

    private static byte[] plain(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    private static long gzippedBytes(URI uri) throws Exception {
        byte[] plain = plain(uri);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(plain);
        }
        return bytes.size();
    }
}
