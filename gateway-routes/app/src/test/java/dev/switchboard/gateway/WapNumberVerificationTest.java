package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.switchboard.adapter.wap.testing.WapBrowser;
import dev.switchboard.adapter.wap.testing.WapBrowser.Page;
import dev.switchboard.hub.domain.AddressLink;
import dev.switchboard.hub.domain.Conversation;
import dev.switchboard.hub.domain.Customer;
import dev.switchboard.hub.domain.StoredMessage;
import dev.switchboard.testing.HttpJson;
import dev.switchboard.testing.PhonePage;
import dev.switchboard.testing.TestGateways;
import dev.switchboard.testing.Threads;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A WAP phone that no operator identifies verifies its number by a code the SMS channel texts it, in a whole
 * gateway whose SMS adapter ({@code smpp}) texts through its built-in SMSC simulator; the simulator's phones
 * show what they received. Codes are good for one minute here ({@code switchboard.wap.verify-code-minutes}):
 * a code is asked for first, and the last test keys it in once its minute is over. Every deck the phones see
 * is checked against the WML 1.1 DTD by their browser.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WapNumberVerificationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern CODE = Pattern.compile("help code is ([0-9]{6})");
    private static final String VERIFY = "Verify my number";
    private static final String EXPIRING_NUMBER = "+48605000303";

    private static final ListAppender<ILoggingEvent> LOG = new ListAppender<>();
    private static final List<String> CODES = new ArrayList<>();
    @TempDir
    static Path dataDir;
    private static Gateway gateway;
    private static Page expiringCodeDeck;
    private static Instant expiringCodeTextedAt;

    @BeforeAll
    static void start() throws Exception {
        LOG.start();
        root().addAppender(LOG);
        gateway = TestGateways.start(dataDir, Map.of("switchboard.wap.verify-code-minutes", "1"));
        WapBrowser phone = phone();
        expiringCodeDeck = phone.submit(phone.follow(phone.open("/wap"), VERIFY), "Text me a code",
                Map.of("n", EXPIRING_NUMBER));
        assertThat(expiringCodeDeck.status()).isEqualTo(200);
        JsonNode text = awaitCodeText(EXPIRING_NUMBER, 1);
        expiringCodeTextedAt = Instant.parse(text.path("at").asText());
    }

    @AfterAll
    static void stop() throws Exception {
        root().detachAppender(LOG);
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    @Order(1)
    void aPhoneThatTextedTheDeskVerifiesItsNumberOnWapAndItsQuestionJoinsItsSmsConversation() throws Exception {
        String number = "+48605000301";
        assertThat(PhonePage.text(gateway.baseUri(), number, "What are your opening hours?")).isEqualTo(303);
        await().atMost(WAIT).until(() -> texts(number).size() == 2);
        WapBrowser phone = phone();

        Page entry = phone.open("/wap");
        Page verify = phone.follow(entry, VERIFY);
        Page codeDeck = phone.submit(verify, "Text me a code", Map.of("n", number));
        assertThat(codeDeck.text()).contains("We texted a 6-digit code to " + number);
        String code = codeIn(awaitCodeText(number, 1));
        Page verified = phone.submit(codeDeck, "Verify", Map.of("c", code));
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.text()).contains("we know you as " + number);
        Page answer = phone.submit(verified, "Send", Map.of("q", "Is my parcel on its way?"));
        assertThat(answer.status()).isEqualTo(200);

        List<StoredMessage> thread = Threads.all(gateway.conversations(), conversationOf("e164:" + number).id());
        assertThat(thread).extracting(StoredMessage::text)
                .contains("What are your opening hours?", "Is my parcel on its way?");
        assertThat(thread).filteredOn(message -> message.text().equals("Is my parcel on its way?"))
                .singleElement().satisfies(message -> assertThat(message.channel()).isEqualTo("wap"));
        assertThat(thread).filteredOn(message -> message.text().equals("What are your opening hours?"))
                .singleElement().satisfies(message -> assertThat(message.channel()).isEqualTo("sms"));
        assertNoCodeInAnyThreadOrLogLine();
    }

    @Test
    @Order(2)
    void aCodeKeyedInWrongFiveTimesIsLocked() throws Exception {
        String number = "+48605000302";
        WapBrowser phone = phone();
        Page codeDeck = phone.submit(phone.follow(phone.open("/wap"), VERIFY), "Text me a code", Map.of("n", number));
        String code = codeIn(awaitCodeText(number, 1));
        String wrong = code.equals("111111") ? "222222" : "111111";

        for (int left = 4; left >= 1; left--) {
            Page error = phone.submit(codeDeck, "Verify", Map.of("c", wrong));
            assertThat(error.status()).isEqualTo(400);
            assertThat(error.text()).contains("not the code we texted", String.valueOf(left));
        }
        assertThat(phone.submit(codeDeck, "Verify", Map.of("c", wrong)).text()).contains("no longer taken");
        Page refused = phone.submit(codeDeck, "Verify", Map.of("c", code));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.cards()).containsExactly("error");
        assertThat(refused.text()).contains("no longer taken", "Back", "Help home");
        phone.submit(phone.follow(refused, "Help home"), "Send", Map.of("q", "Who am I?"));
        assertThat(addressLinked("e164:" + number)).as("the number has no conversation").isFalse();
        assertNoCodeInAnyThreadOrLogLine();
    }

    @Test
    @Order(3)
    void aCodeKeyedInAfterItsMinuteIsRefused() throws Exception {
        String code = codeIn(texts(EXPIRING_NUMBER).get(0));
        // The code expires one minute after it was made, which is before the phone received it.
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Instant.now().isAfter(expiringCodeTextedAt.plus(Duration.ofMinutes(1))));

        Page expired = phone().submit(expiringCodeDeck, "Verify", Map.of("c", code));

        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.text()).contains("That code has expired", "Back");
        assertThat(addressLinked("e164:" + EXPIRING_NUMBER)).isFalse();
        assertNoCodeInAnyThreadOrLogLine();
    }

    private static void assertNoCodeInAnyThreadOrLogLine() {
        assertThat(CODES).isNotEmpty();
        List<String> threadTexts = new ArrayList<>();
        for (HazelcastInstance member : members()) {
            for (Object id : member.getMap("conversations").keySet()) {
                Threads.all(gateway.conversations(), (String) id).forEach(message -> threadTexts.add(message.text()));
            }
        }
        assertThat(threadTexts).isNotEmpty();
        List<String> logLines;
        synchronized (LOG) {
            logLines = LOG.list.stream().map(event -> event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : " " + event.getThrowableProxy().getMessage())).toList();
        }
        assertThat(logLines).isNotEmpty();
        for (String code : CODES) {
            Pattern standalone = Pattern.compile("(?<![0-9])" + code + "(?![0-9])");
            assertThat(threadTexts).as("thread messages").noneMatch(text -> standalone.matcher(text).find());
            assertThat(logLines).as("log lines").noneMatch(line -> standalone.matcher(line).find());
        }
    }

    /** Waits for the {@code count}th text from the desk with a code to reach {@code number}'s phone; returns it. */
    private static JsonNode awaitCodeText(String number, int count) throws Exception {
        await().atMost(WAIT).until(() -> codeTexts(number).size() >= count);
        JsonNode text = codeTexts(number).get(count - 1);
        CODES.add(codeIn(text));
        return text;
    }

    private static List<JsonNode> codeTexts(String number) throws Exception {
        return texts(number).stream().filter(text -> text.path("fromDesk").asBoolean()
                && CODE.matcher(text.path("text").asText()).find()).toList();
    }

    private static String codeIn(JsonNode text) {
        Matcher matcher = CODE.matcher(text.path("text").asText());
        assertThat(matcher.find()).as("a code in %s", text).isTrue();
        return matcher.group(1);
    }

    /** What the simulator's phone {@code number} sent and received, oldest first. */
    private static List<JsonNode> texts(String number) throws Exception {
        JsonNode list = new HttpJson(gateway.baseUri())
                .get("/smpp/phone/texts?number=" + URLEncoder.encode(number, StandardCharsets.UTF_8), null).json();
        return StreamSupport.stream(list.spliterator(), false)
                .sorted(Comparator.comparing(text -> text.path("at").asText())).toList();
    }

    private static WapBrowser phone() {
        return WapBrowser.wmlPhone(URI.create("http://127.0.0.1:" + gateway.httpPort()));
    }

    /** The gateway's Hazelcast member: the only one running while this class runs. */
    private static List<HazelcastInstance> members() {
        return List.copyOf(Hazelcast.getAllHazelcastInstances());
    }

    private static boolean addressLinked(String addressKey) {
        return members().stream().anyMatch(member -> member.getMap("address-links").containsKey(addressKey));
    }

    private static Conversation conversationOf(String addressKey) {
        HazelcastInstance member = members().stream()
                .filter(instance -> instance.getMap("address-links").containsKey(addressKey))
                .findFirst().orElseThrow();
        AddressLink link = (AddressLink) member.getMap("address-links").get(addressKey);
        Customer customer = (Customer) member.getMap("customers").get(link.customerId());
        return gateway.conversations().get(customer.conversationId()).orElseThrow();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
