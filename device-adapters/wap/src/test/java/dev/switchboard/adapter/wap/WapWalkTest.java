package dev.switchboard.adapter.wap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.adapter.wap.testing.WapBrowser;
import dev.switchboard.adapter.wap.testing.WapBrowser.Page;
import dev.switchboard.spi.Channel;
import dev.switchboard.spi.ContactRequest;
import dev.switchboard.spi.DeviceProfile;
import dev.switchboard.spi.E164Number;
import dev.switchboard.spi.Interaction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A WML phone walks the decks: entry, a topic, a question, more pages, the conversation with an agent's reply. */
class WapWalkTest {
    private WapServer server;
    private WapBrowser phone;

    @BeforeEach
    void start() throws Exception {
        server = new WapServer(Map.of());
        phone = WapBrowser.wmlPhone(server.origin());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void theEntryDeckOffersTheConfiguredTopicsAndAQuestionCard() {
        Page entry = phone.open("/wap");

        assertThat(entry.status()).isEqualTo(200);
        assertThat(entry.contentType()).startsWith("text/vnd.wap.wml");
        assertThat(entry.cards()).containsExactly("main", "ask");
        assertThat(entry.text()).contains(WapServlet.WELCOME);
        assertThat(entry.links().values()).contains("Opening hours", "Store locations", "Top up prepaid",
                "Ask a question", "Text me or call me back");
        assertThat(server.helpDesk.submitted()).isEmpty();
    }

    @Test
    void aPhoneWalksFromTheEntryDeckToAnAnswerAndOnToTheConversationWithAnAgentsReply() {
        Page entry = phone.open("/wap");

        Page topicAnswer = phone.follow(entry, "Opening hours");
        assertThat(topicAnswer.text()).contains("Answer to: Opening hours");
        String sessionHome = topicAnswer.link("Help home");
        assertThat(sessionHome).matches("/wap/s/[A-Za-z0-9_-]{22}/");

        Page answer = phone.submit(topicAnswer, "Send", Map.of("q", "Where is my parcel, $5 extra?"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("Answer to: Where is my parcel, $$5 extra?");
        assertThat(answer.link("Help home")).isEqualTo(sessionHome);

        Interaction question = server.helpDesk.lastSubmitted();
        assertThat(question.channel()).isEqualTo(Channel.WAP);
        assertThat(question.profile()).isEqualTo(DeviceProfile.WML);
        assertThat(question.text()).isEqualTo("Where is my parcel, $5 extra?");
        assertThat(question.address().key()).isEqualTo(server.helpDesk.submitted().get(0).address().key());
        assertThat(question.context().userAgent()).isEqualTo(WapBrowser.WML_USER_AGENT);

        String conversationId = server.helpDesk.conversationIdOf(question.address().key());
        server.helpDesk.agentReplies(conversationId, "Anna", "Your parcel arrives at 14:00.", WapServer.NOW.plusSeconds(300));
        Page thread = phone.follow(answer, "Your conversation");

        String text = thread.text();
        assertThat(text).contains(WapServlet.THREAD_TITLE, "Anna", "Your parcel arrives at 14:00.");
        assertThat(text.indexOf("Your parcel arrives")).isLessThan(text.indexOf("Answer to: Where is my parcel"));
        assertThat(text.indexOf("Answer to: Where is my parcel")).isLessThan(text.indexOf("Where is my parcel, $5 extra?"));
        Page older = thread.links().containsValue("More") ? phone.follow(thread, "More") : thread;
        assertThat(older.text()).contains("Answer to: Opening hours");
    }

    @Test
    void aLongAnswerComesInDecksWithinTheBudgetLinkedByMore() {
        Page first = phone.submit(phone.open("/wap"), "Send", Map.of("q", "long question"));

        List<Page> decks = phone.withMorePages(first);

        assertThat(decks).hasSizeGreaterThan(2);
        StringBuilder shown = new StringBuilder();
        for (Page deck : decks) {
            assertThat(deck.status()).isEqualTo(200);
            assertThat(deck.body().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1_400);
            String firstParagraph = deck.document().getElementsByTagName("p").item(0).getTextContent().strip();
            if (!firstParagraph.startsWith("You can also ask about")) {
                shown.append(firstParagraph).append(' ');
            }
        }
        assertThat(shown.toString().strip()).isEqualTo(DeskAnswers.LONG_ANSWER);
        assertThat(decks.get(decks.size() - 1).links()).containsValue("Opening hours");
        assertThat(server.helpDesk.submitted()).hasSize(1);
    }

    @Test
    void aMoreLinkOfAnEarlierAnswerGetsAnErrorCardWithAWayBack() {
        Page longAnswer = phone.submit(phone.open("/wap"), "Send", Map.of("q", "long question"));
        String staleMore = longAnswer.link("More");
        phone.submit(longAnswer, "Send", Map.of("q", "another question"));

        Page stale = phone.open(staleMore);

        assertThat(stale.status()).isEqualTo(404);
        assertThat(stale.cards()).containsExactly("error");
        assertThat(stale.text()).contains("earlier answer");
        assertThat(stale.body()).contains("<prev/>");
        assertThat(stale.links().keySet()).containsExactly(longAnswer.link("Help home"));
    }

    @Test
    void sendingTheSameFormTwiceIsAnsweredOnce() {
        Page entry = phone.submit(phone.open("/wap"), "Send", Map.of("q", "first"));

        Page once = phone.submit(entry, "Send", Map.of("q", "Is the shop open?"));
        Page again = phone.submit(entry, "Send", Map.of("q", "Is the shop open?"));

        assertThat(again.text()).contains("Answer to: Is the shop open?");
        assertThat(once.text()).contains("Answer to: Is the shop open?");
        assertThat(server.helpDesk.submitted()).extracting(Interaction::text).containsExactly("first", "Is the shop open?");
    }

    @Test
    void noCustomerTokenEverReachesAPageOrAnAddress() {
        Page answer = phone.submit(phone.open("/wap"), "Send", Map.of("q", "hello"));
        Page thread = phone.follow(answer, "Your conversation");

        assertThat(server.helpDesk.tokens()).isNotEmpty().allSatisfy(token -> {
            assertThat(answer.body()).doesNotContain(token);
            assertThat(thread.body()).doesNotContain(token);
        });
    }

    @Test
    void aPlaceKeyedInReachesTheInteractionAndStaysForTheNextQuestion() {
        Page answer = phone.submit(phone.open("/wap"), "Send", Map.of("q", "Nearest shop?", "w", "Kraków 30-001"));
        assertThat(server.helpDesk.lastSubmitted().context().placeName()).isEqualTo("Kraków 30-001");

        phone.submit(answer, "Send", Map.of("q", "And opening hours?"));

        assertThat(server.helpDesk.lastSubmitted().context().placeName()).isEqualTo("Kraków 30-001");
        assertThat(server.helpDesk.lastSubmitted().context().location()).isNull();
    }

    @Test
    void textMeAndCallMeBackAreRequestsForTheHubAndWordsInTheCustomersThread() {
        Page answer = phone.submit(phone.open("/wap"), "Send", Map.of("q", "My bill is wrong"));
        Page contact = phone.follow(answer, "Text me or call me back");
        assertThat(contact.cards()).containsExactly("main", "callback");

        Page textMe = phone.submit(contact, "Text me", Map.of("n", "+48 600 100 200"));
        assertThat(textMe.status()).isEqualTo(200);
        assertThat(textMe.text()).as("the help desk's reply").contains("Answer to: Please text me at +48600100200.");
        assertThat(server.helpDesk.lastSubmitted().text()).isEqualTo("Please text me at +48600100200.");
        assertThat(server.helpDesk.lastSubmitted().request())
                .isEqualTo(ContactRequest.textLatestAnswer(new E164Number("+48600100200")));

        Page callMe = phone.submit(contact, "Call me back", Map.of("n", "0044 7700 900123"));
        assertThat(callMe.text()).contains("Answer to: Please call me back at +447700900123.");
        assertThat(server.helpDesk.lastSubmitted().text()).isEqualTo("Please call me back at +447700900123.");
        assertThat(server.helpDesk.lastSubmitted().request()).isEqualTo(ContactRequest.callBack(new E164Number("+447700900123")));
        assertThat(server.helpDesk.submitted()).extracting(interaction -> interaction.address().key()).containsOnly(
                server.helpDesk.submitted().get(0).address().key());

        Page thread = phone.follow(callMe, "Your conversation");
        assertThat(thread.text()).contains("Please call me back at +447700900123.", "Please text me at +48600100200.");
    }

    @Test
    void aNumberThatIsNotInternationalGetsAnErrorCard() {
        Page contact = phone.open("/wap/contact");

        Page refused = phone.submit(contact, "Text me", Map.of("n", "600 100 200"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("'600 100 200' is not a phone number in international form");
        assertThat(server.helpDesk.submitted()).isEmpty();
    }
}
