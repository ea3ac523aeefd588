package dev.switchboard.adapter.wap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.adapter.wap.testing.WapBrowser;
import dev.switchboard.adapter.wap.testing.WapBrowser.Page;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A phone reads a conversation longer than a page: the newest {@value WapServlet#THREAD_PAGE_SIZE} messages in decks
 * within the budget, then "Older messages" page by page to the thread's start, and "Newest messages" back. Every deck
 * is checked against the WML 1.1 DTD by the browser.
 */
class ConversationPagesOnPhonesTest {
    private static final Pattern LINE = Pattern.compile("(?:Line|Question|Answer to: Question) \\d+");
    private static final String OLDER = "Older messages";
    private static final String NEWEST = "Newest messages";

    private final RecordingPhoneTexter sms = new RecordingPhoneTexter();
    private final MovableClock clock = new MovableClock(WapServer.NOW);
    private WapServer server;
    private WapBrowser phone;

    @BeforeEach
    void start() throws Exception {
        server = new WapServer(Map.of(), clock, sms);
        phone = WapBrowser.wmlPhone(server.origin());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    /** A session whose conversation holds its question and answer and then {@code lines} agents' messages. */
    private Page sessionWithALongThread(int lines) {
        Page answer = phone.submit(phone.open("/wap"), "Send", Map.of("q", "Question 0"));
        String conversation = server.helpDesk.conversationIdOf(server.helpDesk.lastSubmitted().address().key());
        for (int i = 1; i <= lines; i++) {
            server.helpDesk.agentReplies(conversation, "Anna", "Line " + i, WapServer.NOW.plusSeconds(60L * i));
        }
        return answer;
    }

    /** The messages a page of the conversation shows over all its decks, in the order shown, and its last deck. */
    private record Shown(List<String> lines, Page lastDeck) {
    }

    private Shown read(Page first) {
        List<String> lines = new ArrayList<>();
        List<Page> decks = phone.withMorePages(first);
        for (Page deck : decks) {
            assertThat(deck.status()).isEqualTo(200);
            assertThat(deck.body().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1_400);
            Matcher line = LINE.matcher(deck.text());
            while (line.find()) {
                lines.add(line.group());
            }
        }
        for (int i = 0; i < decks.size() - 1; i++) {
            assertThat(decks.get(i).links()).as("Older messages only after the page's last deck").doesNotContainValue(OLDER);
        }
        return new Shown(lines, decks.get(decks.size() - 1));
    }

    private static List<String> newestFirst(List<String> oldestFirst) {
        List<String> reversed = new ArrayList<>(oldestFirst);
        Collections.reverse(reversed);
        return reversed;
    }

    @Test
    void aLongThreadIsReadNewestFirstAPageAtATimeByOlderMessagesToItsStart() {
        Page answer = sessionWithALongThread(33);
        List<String> thread = new ArrayList<>(List.of("Question 0", "Answer to: Question 0"));
        for (int i = 1; i <= 33; i++) {
            thread.add("Line " + i);
        }

        List<List<String>> pages = new ArrayList<>();
        Shown page = read(phone.follow(answer, "Your conversation"));
        assertThat(page.lastDeck().text()).contains(WapServlet.THREAD_TITLE);
        pages.add(page.lines());
        while (page.lastDeck().links().containsValue(OLDER)) {
            assertThat(pages).hasSizeLessThan(10);
            page = read(phone.follow(page.lastDeck(), OLDER));
            assertThat(page.lastDeck().text()).contains(WapServlet.OLDER_TITLE);
            assertThat(page.lastDeck().links()).containsValue(NEWEST);
            pages.add(page.lines());
        }

        assertThat(pages).extracting(List::size).containsExactly(10, 10, 10, 5);
        assertThat(pages.stream().flatMap(List::stream).toList()).as("every message once, newest first")
                .isEqualTo(newestFirst(thread));
    }

    @Test
    void anOlderPageLeadsBackToTheNewestMessages() {
        Page answer = sessionWithALongThread(15);
        Page newest = phone.follow(answer, "Your conversation");
        Page older = read(phone.follow(read(newest).lastDeck(), OLDER)).lastDeck();

        Page back = phone.follow(older, NEWEST);

        assertThat(read(back).lines()).isEqualTo(read(newest).lines()).startsWith("Line 15");
        assertThat(back.links()).doesNotContainValue(NEWEST);
        assertThat(older.link(NEWEST)).isEqualTo(answer.link("Your conversation"));
    }

    @Test
    void aShortThreadHasNoOlderMessagesLink() {
        Page thread = phone.follow(sessionWithALongThread(3), "Your conversation");

        assertThat(read(thread).lines()).containsExactly("Line 3", "Line 2", "Line 1", "Answer to: Question 0", "Question 0");
        assertThat(thread.links().values()).doesNotContain(OLDER, NEWEST);
    }

    @Test
    void aVerifiedPhoneReadsItsNumbersConversationAndTheOneBeforeVerifyingAsOneInTheOrderWritten() {
        Page page = phone.open("/wap");
        List<String> asked = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            clock.advance(Duration.ofMinutes(1));
            page = phone.submit(page, "Send", Map.of("q", "Question " + i));
            asked.add("Question " + i);
            asked.add("Answer to: Question " + i);
        }
        Page codeDeck = phone.submit(phone.follow(page, "Verify my number"), "Text me a code", Map.of("n", "+48605000123"));
        page = phone.submit(codeDeck, "Verify", Map.of("c", sms.lastCode()));
        for (int i = 7; i <= 14; i++) {
            clock.advance(Duration.ofMinutes(1));
            page = phone.submit(page, "Send", Map.of("q", "Question " + i));
            asked.add("Question " + i);
            asked.add("Answer to: Question " + i);
        }
        assertThat(server.helpDesk.lastSubmitted().address().key()).isEqualTo("e164:+48605000123");

        List<String> read = new ArrayList<>();
        Shown shown = read(phone.follow(page, "Your conversation"));
        read.addAll(shown.lines());
        while (shown.lastDeck().links().containsValue(OLDER)) {
            assertThat(read).hasSizeLessThan(100);
            shown = read(phone.follow(shown.lastDeck(), OLDER));
            read.addAll(shown.lines());
        }

        assertThat(read).as("both conversations, every message once, newest first").isEqualTo(newestFirst(asked));
    }

    @Test
    void html5BrowsersGetTheWholePageAndTheSameLinks() {
        WapBrowser browser = new WapBrowser(server.origin());
        Page answer = browser.submitForm(browser.open("/wap?profile=html5"), Map.of("q", "Question 0"));
        String conversation = server.helpDesk.conversationIdOf(server.helpDesk.lastSubmitted().address().key());
        for (int i = 1; i <= 12; i++) {
            server.helpDesk.agentReplies(conversation, "Anna", "Line " + i, WapServer.NOW.plusSeconds(60L * i));
        }

        Page newest = browser.follow(answer, "Your conversation");
        Page older = browser.follow(newest, OLDER);

        assertThat(newest.contentType()).startsWith("text/html");
        assertThat(newest.links()).doesNotContainValue("More");
        assertThat(LINE.matcher(newest.text()).results().count()).isEqualTo(WapServlet.THREAD_PAGE_SIZE);
        assertThat(LINE.matcher(older.text()).results().map(MatchResult::group).toList())
                .containsExactly("Line 2", "Line 1", "Answer to: Question 0", "Question 0");
        assertThat(older.links()).containsValue(NEWEST).doesNotContainValue(OLDER);
    }

    @Test
    void aCursorThatIsNotOneWeGaveGetsAnErrorCardWithAWayBack() {
        Page answer = sessionWithALongThread(15);
        String thread = answer.link("Your conversation");

        for (String cursor : List.of("abc", "12.n", "-", "%3Cb%3E", "9".repeat(101))) {
            Page error = phone.open(thread + "?b=" + cursor);

            assertThat(error.status()).as(cursor).isEqualTo(400);
            assertThat(error.cards()).containsExactly("error");
            assertThat(error.text()).contains("not one we gave");
            assertThat(error.body()).contains("<prev/>");
            assertThat(error.links()).containsValue("Help home");
        }
    }
}
