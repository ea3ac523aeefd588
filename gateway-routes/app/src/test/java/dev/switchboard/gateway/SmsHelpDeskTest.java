package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.smsc.simulator.PhoneText;
import dev.switchboard.smsc.simulator.SmscSimulator;
import dev.switchboard.testing.PhonePage;
import dev.switchboard.testing.Chromium;
import dev.switchboard.testing.HttpJson;
import dev.switchboard.testing.TestGateways;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SMS help desk in a whole gateway: texts over real SMPP, answered by the hub from the knowledge base. */
class SmsHelpDeskTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aNewcomerTextsTheDeskFromThePhonePageAndSeesTheAnswer(@TempDir Path dataDir, @TempDir Path profile)
            throws Exception {
        try (Gateway gateway = TestGateways.start(dataDir)) {
            HttpJson http = new HttpJson(gateway.baseUri());
            JsonNode health = http.get("/health", null).json();
            assertThat(health.path("components").path("adapters").path("smpp").path("detail").asText())
                    .contains("bound as transceiver to 127.0.0.1:");

            assertThat(PhonePage.text(gateway.baseUri(), "+48605000001", "What are your opening hours?")).isEqualTo(303);
            assertThat(PhonePage.text(gateway.baseUri(), "+48605000001", "<b>bold</b> & more")).isEqualTo(303);
            await().atMost(WAIT).until(() -> http.get("/smpp/phone/texts?number=%2B48605000001", null).json().size() == 4);

            String page = Chromium.dumpDom(gateway.baseUri() + "smpp/phone?number=%2B48605000001", profile);
            assertThat(page).contains("<li class=\"me\">What are your opening hours?</li>");
            assertThat(page).contains("service points are open Mon-Fri 9:00-20:00");
            assertThat(page).contains("&lt;b&gt;bold&lt;/b&gt; &amp; more").doesNotContain("<b>bold</b>");
            String start = Chromium.dumpDom(gateway.baseUri().toString(), profile);
            assertThat(start).contains("href=\"/smpp/phone\"");
        }
    }

    @Test
    void aPolishTextToAConfiguredSmscIsAnsweredInPolishAndEmojiPassThrough(@TempDir Path dataDir) throws Exception {
        try (SmscSimulator smsc = SmscSimulator.start(0, "desk", "s3cret");
             Gateway gateway = TestGateways.start(dataDir, Map.of("switchboard.smpp.host", "127.0.0.1",
                     "switchboard.smpp.port", String.valueOf(smsc.port()), "switchboard.smpp.system-id", "desk",
                     "switchboard.smpp.password", "s3cret"))) {
            await().atMost(WAIT).until(smsc::hasReceiver);

            smsc.text("+48605000002", "4357", "Jakie są godziny otwarcia?");
            smsc.text("+48605000003", "4357", "Dzięki 👍");

            await().atMost(WAIT).until(() -> smsc.receivedByAll().size() == 2);
            assertThat(smsc.received("+48605000002")).extracting(PhoneText::text).singleElement()
                    .satisfies(answer -> assertThat(answer).startsWith("Punkty obsługi Switchboard są czynne"));
            assertThat(smsc.received("+48605000003")).hasSize(1);
            assertThat(new HttpJson(gateway.baseUri()).get("/health", null).status()).isEqualTo(200);
        }
    }

}
