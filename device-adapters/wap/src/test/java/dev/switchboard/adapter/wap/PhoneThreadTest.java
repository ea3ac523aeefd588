package dev.switchboard.adapter.wap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.adapter.testkit.RecordingHelpDesk;
import dev.switchboard.spi.Channel;
import dev.switchboard.spi.ConversationView;
import dev.switchboard.spi.DeviceProfile;
import dev.switchboard.spi.Interaction;
import dev.switchboard.spi.Outcome;
import dev.switchboard.spi.ThreadMessage;
import dev.switchboard.spi.ThreadPage;
import dev.switchboard.spi.WebVisitorId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A phone's conversation read a page at a time: one conversation, or two merged in the order written. */
class PhoneThreadTest {
    private static final Instant START = Instant.parse("2026-11-20T09:00:00Z");

    private final RecordingHelpDesk helpDesk = new RecordingHelpDesk();

    /** A conversation the desk holds, opened with a question and its answer at {@code at}, {@code at} + 1 ms. */
    private record Opened(String id, String token) {
    }

    private Opened open(String visitor, Instant at) {
        Outcome outcome = helpDesk.submit(new Interaction("k-" + visitor, Channel.WAP, DeviceProfile.WML,
                new WebVisitorId(visitor), "Hello from " + visitor, null, at), null);
        return new Opened(outcome.conversationId(), outcome.customerToken());
    }

    private PhoneThread.Conversation reading(Opened conversation) {
        return page -> helpDesk.conversation(conversation.id(), conversation.token(), page);
    }

    private List<String> whole(Opened conversation) {
        return helpDesk.conversation(conversation.id(), conversation.token(), new ThreadPage(null, ThreadPage.MAX_LIMIT))
                .orElseThrow().messages().stream().map(ThreadMessage::id).toList();
    }

    /** Every page from the newest to the thread's start, each as read. */
    private static List<PhoneThread.Page> allPages(PhoneThread thread) {
        List<PhoneThread.Page> pages = new ArrayList<>(List.of(thread.page(null)));
        while (pages.get(pages.size() - 1).olderCursor() != null) {
            assertThat(pages).hasSizeLessThan(50);
            pages.add(thread.page(pages.get(pages.size() - 1).olderCursor()));
        }
        return pages;
    }

    /** The pages' messages from the thread's start to its newest end. */
    private static List<ThreadMessage> oldestFirst(List<PhoneThread.Page> pages) {
        List<ThreadMessage> messages = new ArrayList<>();
        for (int i = pages.size() - 1; i >= 0; i--) {
            messages.addAll(pages.get(i).messages());
        }
        return messages;
    }

    private static List<String> ids(List<ThreadMessage> messages) {
        return messages.stream().map(ThreadMessage::id).toList();
    }

    @Test
    void oneConversationComesInPagesOfTheSizeNewestFirstToItsStart() {
        Opened conversation = open("visitor-one-conversation", START);
        for (int i = 1; i <= 23; i++) {
            helpDesk.agentReplies(conversation.id(), "Anna", "Reply " + i, START.plusSeconds(i));
        }

        List<PhoneThread.Page> pages = allPages(new PhoneThread(List.of(reading(conversation)), 10));

        assertThat(pages).extracting(page -> page.messages().size()).containsExactly(10, 10, 5);
        assertThat(ids(oldestFirst(pages))).isEqualTo(whole(conversation));
        assertThat(pages.get(0).olderCursor()).as("one conversation: its own cursor").matches("[0-9]+");
    }

    @Test
    void twoConversationsWrittenInTurnAreMergedInTheOrderWrittenEachMessageOnce() {
        Opened number = open("visitor-the-number", START);
        Opened earlier = open("visitor-anonymous", START.plusMillis(500));
        for (int i = 1; i <= 14; i++) {
            helpDesk.agentReplies(i % 3 == 0 ? earlier.id() : number.id(), "Anna", "Reply " + i, START.plusSeconds(i));
        }

        List<PhoneThread.Page> pages = allPages(new PhoneThread(List.of(reading(number), reading(earlier)), 6));

        List<ThreadMessage> read = oldestFirst(pages);
        List<String> both = new ArrayList<>(whole(number));
        both.addAll(whole(earlier));
        assertThat(read).hasSize(18);
        assertThat(ids(read)).as("every message of both once").containsExactlyInAnyOrderElementsOf(both);
        assertThat(read).as("in the order written")
                .isSortedAccordingTo((a, b) -> a.at().compareTo(b.at()));
        assertThat(pages).extracting(page -> page.messages().size()).containsExactly(6, 6, 6);
        assertThat(pages.get(0).olderCursor()).contains(".");
    }

    @Test
    void anEarlierConversationOlderThanAllOfTheOtherFollowsItsStart() {
        Opened earlier = open("visitor-anonymous", START);
        Opened number = open("visitor-the-number", START.plusSeconds(60));
        for (int i = 1; i <= 12; i++) {
            helpDesk.agentReplies(number.id(), "Anna", "Reply " + i, START.plusSeconds(60 + i));
        }

        List<PhoneThread.Page> pages = allPages(new PhoneThread(List.of(reading(number), reading(earlier)), 10));

        List<String> expected = new ArrayList<>(whole(earlier));
        expected.addAll(whole(number));
        assertThat(ids(oldestFirst(pages))).isEqualTo(expected);
        assertThat(pages.get(0).olderCursor()).as("none of the earlier one read yet").endsWith(".n");
    }

    @Test
    void aMessageStoredWhileThePagesAreReadIsOnTheNextNewestPageNotAnOlderOne() {
        Opened number = open("visitor-the-number", START);
        Opened earlier = open("visitor-anonymous", START.plusMillis(500));
        for (int i = 1; i <= 10; i++) {
            helpDesk.agentReplies(i % 2 == 0 ? earlier.id() : number.id(), "Anna", "Reply " + i, START.plusSeconds(i));
        }
        PhoneThread thread = new PhoneThread(List.of(reading(number), reading(earlier)), 5);

        PhoneThread.Page newest = thread.page(null);
        helpDesk.agentReplies(number.id(), "Anna", "Late reply", START.plusSeconds(100));
        List<ThreadMessage> read = new ArrayList<>(newest.messages());
        for (PhoneThread.Page page = newest; page.olderCursor() != null; ) {
            page = thread.page(page.olderCursor());
            read.addAll(page.messages());
        }

        assertThat(read).hasSize(14).extracting(ThreadMessage::text).doesNotContain("Late reply").doesNotHaveDuplicates();
        assertThat(thread.page(null).messages()).last().extracting(ThreadMessage::text).isEqualTo("Late reply");
    }

    @Test
    void aMessageStoredBetweenTheTwoReadsOfAPageIsNeitherLostNorDoubled() {
        Opened number = open("visitor-the-number", START);
        Opened earlier = open("visitor-anonymous", START.plusMillis(500));
        for (int i = 1; i <= 10; i++) {
            helpDesk.agentReplies(i % 2 == 0 ? earlier.id() : number.id(), "Anna", "Reply " + i, START.plusSeconds(i));
        }
        AtomicBoolean stored = new AtomicBoolean();
        PhoneThread.Conversation racing = page -> {
            var view = reading(number).read(page);
            if (stored.compareAndSet(false, true)) {
                helpDesk.agentReplies(number.id(), "Anna", "Between the reads", START.plusSeconds(100));
            }
            return view;
        };

        List<PhoneThread.Page> pages = allPages(new PhoneThread(List.of(racing, reading(earlier)), 5));

        List<String> expected = new ArrayList<>(whole(number));
        expected.remove(expected.size() - 1); // the message stored after the newest page was read
        expected.addAll(whole(earlier));
        assertThat(ids(oldestFirst(pages))).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aCursorThatIsNotOneOfThisThreadsPagesIsRefused() {
        Opened number = open("visitor-the-number", START);
        Opened earlier = open("visitor-anonymous", START.plusMillis(500));
        PhoneThread one = new PhoneThread(List.of(reading(number)), 10);
        PhoneThread two = new PhoneThread(List.of(reading(number), reading(earlier)), 10);
        PhoneThread none = new PhoneThread(List.of(), 10);

        for (Runnable refused : List.<Runnable>of(() -> one.page("abc"), () -> one.page("1.2"), () -> one.page("-"),
                () -> one.page(""), () -> two.page("4"), () -> two.page("-.-"), () -> two.page("x.n"),
                () -> none.page("3"))) {
            assertThatThrownBy(refused::run).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(none.page(null)).isEqualTo(new PhoneThread.Page(List.of(), null));
        assertThat(one.page(null).olderCursor()).isNull();
    }

    @Test
    void aConversationThatCannotBeReadAnyMoreIsLeftOut() {
        Opened number = open("visitor-the-number", START);
        PhoneThread.Conversation gone = page -> java.util.Optional.<ConversationView>empty();

        PhoneThread.Page page = new PhoneThread(List.of(reading(number), gone), 10).page(null);

        assertThat(ids(page.messages())).isEqualTo(whole(number));
        assertThat(page.olderCursor()).isNull();
    }
}
