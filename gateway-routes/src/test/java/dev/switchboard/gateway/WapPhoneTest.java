package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.switchboard.adapter.wap.testing.WapBrowser;
import dev.switchboard.adapter.wap.testing.WapBrowser.Page;
import dev.switchboard.hub.domain.AddressLink;
import dev.switchboard.hub.domain.Conversation;
import dev.switchboard.hub.domain.Customer;
import dev.switchboard.testing.HttpJson;
import dev.switchboard.testing.Ports;
import dev.switchboard.testing.TestGateways;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A WAP phone behind its operator's gateway uses a whole gateway (hub, Hazelcast, H2, knowledge base) on a
 * free port; every deck it sees is checked against the WML 1.1 DTD by its browser.
 */
class WapPhoneTest {
    private static final String TRUST_LOOPBACK = "127.0.0.1/32";
    private static final String MSISDN = "48601234567";

    @Test
    void aPhoneWalksFromTheEntryDeckToKnowledgeBaseAnswersAndItsConversation(@TempDir Path dataDir) throws Exception {
        try (Gateway gateway = TestGateways.start(dataDir, Map.of("switchboard.wap.trusted-gateways", TRUST_LOOPBACK))) {
            WapBrowser phone = WapBrowser.wmlPhone(origin(gateway))
                    .header("X-MSISDN", MSISDN).header("X-Location", "50.0614,19.9366,300");

            Page entry = phone.open("/wap");
            Page hours = phone.follow(entry, "Opening hours");
            assertThat(hours.text()).contains("Switchboard service points are open");

            Page password = phone.submit(hours, "Send", Map.of("q", "I forgot my password", "w", "Kraków"));
            assertThat(password.text()).contains("switchboard.example/reset");

            Page callMe = phone.submit(phone.follow(password, "Text me or call me back"), "Call me back", Map.of());
            assertThat(callMe.text()).contains("call you back on +" + MSISDN);

            String text = wholeConversation(phone, phone.follow(callMe, "Your conversation"));
            assertThat(text).contains("Please call me back at +" + MSISDN + " (this phone's number, given by the operator).");
            assertThat(text.indexOf("Please call me back")).isLessThan(text.indexOf("I forgot my password"));
            assertThat(text.indexOf("switchboard.example/reset")).isLessThan(text.indexOf("I forgot my password"));

            Conversation stored = conversationOf("e164:+" + MSISDN);
            assertThat(stored.context().latitude()).isEqualTo(50.0614);
            assertThat(stored.context().longitude()).isEqualTo(19.9366);
            assertThat(stored.context().locationSource()).isEqualTo("operator");
            assertThat(stored.messages()).anySatisfy(message -> assertThat(message.channel()).isEqualTo("wap"));
            assertThat(new HttpJson(gateway.baseUri()).get("/", null).body()).contains("/wap");
        }
    }

    @Test
    void aSessionOpenedOnOneNodeContinuesOnTheOther(@TempDir Path dirA, @TempDir Path dirB) throws Exception {
        int portA = Ports.free();
        int portB = Ports.free();
        String cluster = "wap-two-nodes-" + System.nanoTime();
        CompletableFuture<Gateway> startingA = CompletableFuture.supplyAsync(() -> TestGateways.clusterNode(dirA, cluster, portA, portB));
        CompletableFuture<Gateway> startingB = CompletableFuture.supplyAsync(() -> TestGateways.clusterNode(dirB, cluster, portB, portA));
        try (Gateway a = startingA.get(); Gateway b = startingB.get()) {
            HttpJson nodeB = new HttpJson(b.baseUri());
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    nodeB.get("/health", null).json().path("components").path("hazelcast").path("detail").asText()
                            .startsWith("2 "));
            WapBrowser viaA = WapBrowser.wmlPhone(origin(a));
            WapBrowser viaB = WapBrowser.wmlPhone(origin(b));

            Page answer = viaA.submit(viaA.open("/wap"), "Send", Map.of("q", "What are your opening hours?"));
            Page threadOnB = viaB.follow(answer, "Your conversation");

            assertThat(threadOnB.status()).isEqualTo(200);
            assertThat(threadOnB.text()).contains("What are your opening hours?", "Switchboard service points are open");
        }
    }

    /** The text of the conversation deck and of every older deck its "More" links lead to. */
    private static String wholeConversation(WapBrowser phone, Page first) {
        StringBuilder text = new StringBuilder(first.text());
        Page page = first;
        for (int more = 0; page.links().containsValue("More"); more++) {
            assertThat(more).isLessThan(10);
            page = phone.follow(page, "More");
            text.append(' ').append(page.text());
        }
        return text.toString();
    }

    private static Conversation conversationOf(String addressKey) {
        HazelcastInstance member = Hazelcast.getAllHazelcastInstances().stream()
                .filter(instance -> instance.getMap("address-links").containsKey(addressKey))
                .findFirst().orElseThrow();
        AddressLink link = (AddressLink) member.getMap("address-links").get(addressKey);
        Customer customer = (Customer) member.getMap("customers").get(link.customerId());
        return (Conversation) member.getMap("conversations").get(customer.conversationId());
    }

    private static URI origin(Gateway gateway) {
        return URI.create("http://127.0.0.1:" + gateway.httpPort());
    }
}
