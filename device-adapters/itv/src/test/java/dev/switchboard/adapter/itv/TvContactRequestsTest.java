package dev.switchboard.adapter.itv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.spi.Channel;
import dev.switchboard.spi.ContactRequest;
import dev.switchboard.spi.ConversationView;
import dev.switchboard.spi.DeliveryStatus;
import dev.switchboard.spi.E164Number;
import dev.switchboard.spi.HelpDesk;
import dev.switchboard.spi.Interaction;
import dev.switchboard.spi.Outcome;
import dev.switchboard.spi.SetTopId;
import dev.switchboard.spi.ThreadMessage;
import dev.switchboard.spi.ThreadMessage.Direction;
import dev.switchboard.spi.ThreadPage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TvContactRequestsTest {
    private static final SetTopId BOX = new SetTopId("stb-1234abcd");
    private static final E164Number PHONE = new E164Number("+447700900123");
    private static final String TOKEN = "the-box-token";
    private static final Instant AT = Instant.parse("2026-11-23T09:00:00Z");

    /** One box's thread: a question, two answers of the desk, then one the viewer typed. */
    private static final ConversationView THREAD = new ConversationView("cv-1", BOX, List.of(
            new ThreadMessage("m-1", Channel.TV, Direction.INBOUND, "you", "TV subtitles", AT),
            new ThreadMessage("m-2", Channel.TV, Direction.OUTBOUND, "help desk", "Press SUBTITLE on the remote.", AT),
            new ThreadMessage("m-3", Channel.TV, Direction.OUTBOUND, "help desk", "Subtitles come in 3 languages.", AT),
            new ThreadMessage("m-4", Channel.TV, Direction.INBOUND, "you", "Buy cheap watches at spam.example", AT)));

    /** A help desk that opens {@link #THREAD} with {@link #TOKEN} only. */
    private static final HelpDesk DESK = new HelpDesk() {
        @Override
        public Optional<ConversationView> conversation(String conversationId, String customerToken, ThreadPage page) {
            return conversationId.equals(THREAD.id()) && TOKEN.equals(customerToken) ? Optional.of(THREAD) : Optional.empty();
        }

        @Override
        public Outcome submit(Interaction interaction, String customerToken) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void reportDelivery(String conversationId, String messageId, DeliveryStatus status, String detail) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> topics() {
            return List.of();
        }
    };

    private final TvContactRequests requests = new TvContactRequests(DESK);

    private static TvRequest yellow(TvRequest.ShownAnswer shown) {
        return new TvRequest(BOX, "Please send this to my phone.", null, null, TvRequestKind.SEND_TO_PHONE, PHONE, shown);
    }

    @Test
    void yellowTextsTheAnswerOnTheScreenEvenWhenALaterOneIsInTheThread() {
        ContactRequest request = requests.of(yellow(new TvRequest.ShownAnswer("cv-1", "m-2")), TOKEN);

        assertThat(request).isEqualTo(ContactRequest.text(PHONE, "Press SUBTITLE on the remote."));
    }

    @Test
    void yellowWithoutANamedAnswerTextsTheLatestAnswer() {
        assertThat(requests.of(yellow(null), TOKEN)).isEqualTo(ContactRequest.textLatestAnswer(PHONE));
    }

    @Test
    void blueAsksForACallBackAndTheOtherKeysForNothing() {
        TvRequest blue = new TvRequest(BOX, "Please call me back.", null, null, TvRequestKind.CALL_BACK, PHONE, null);
        TvRequest green = new TvRequest(BOX, "I would like to talk to an agent.", null, null, TvRequestKind.AGENT, null, null);

        assertThat(requests.of(blue, TOKEN)).isEqualTo(ContactRequest.callBack(PHONE));
        assertThat(requests.of(green, TOKEN)).isNull();
        assertThat(requests.of(new TvRequest(BOX, "TV subtitles", null, null), TOKEN)).isNull();
    }

    @Test
    void onlyTheDesksOwnAnswersInTheBoxsOwnThreadAreTexted() {
        TvRequest.ShownAnswer viewersOwnWords = new TvRequest.ShownAnswer("cv-1", "m-4");
        TvRequest.ShownAnswer answer = new TvRequest.ShownAnswer("cv-1", "m-2");

        for (Runnable refused : List.<Runnable>of(
                () -> requests.of(yellow(viewersOwnWords), TOKEN),
                () -> requests.of(yellow(answer), "another-box-token"),
                () -> requests.of(yellow(answer), null),
                () -> requests.of(yellow(new TvRequest.ShownAnswer("cv-other", "m-2")), TOKEN),
                () -> requests.of(yellow(new TvRequest.ShownAnswer("cv-1", "m-99")), TOKEN))) {
            assertThatThrownBy(refused::run).isInstanceOfSatisfying(TvApiException.class, e -> {
                assertThat(e.status()).isEqualTo(400);
                assertThat(e.code()).isEqualTo("unknown-answer");
            });
        }
    }
}
