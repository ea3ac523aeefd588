package dev.switchboard.adapter.itv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.spi.Channel;
import dev.switchboard.spi.ConversationView;
import dev.switchboard.spi.SetTopId;
import dev.switchboard.spi.ThreadMessage;
import dev.switchboard.spi.ThreadMessage.Direction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TvJsonTest {
    private static final Instant AT = Instant.parse("2026-11-23T07:00:00Z");

    @Test
    void onlyWhatAPersonAtTheHelpDeskWroteIsMarkedAsTheAgentsReply() {
        ConversationView thread = new ConversationView("c-1", new SetTopId("stb-1234abcd"), List.of(
                new ThreadMessage("m1", Channel.TV, Direction.INBOUND, "you", "I would like to talk to an agent.", AT),
                new ThreadMessage("m2", Channel.TV, Direction.OUTBOUND, TvJson.HUB_AUTHOR, "No agent is on duty", AT),
                new ThreadMessage("m3", Channel.TV, Direction.OUTBOUND, "Anna", "Hello, <Anna> here", AT)));

        String json = new String(TvJson.conversation(thread), StandardCharsets.UTF_8);

        assertThat(json).contains("\"id\":\"m1\",\"direction\":\"inbound\",\"author\":\"you\"")
                .contains("\"text\":\"I would like to talk to an agent.\",\"at\":\"2026-11-23T07:00:00Z\",\"fromAgent\":false")
                .contains("\"text\":\"No agent is on duty\",\"at\":\"2026-11-23T07:00:00Z\",\"fromAgent\":false")
                .contains("\"author\":\"Anna\",\"text\":\"Hello, <Anna> here\",\"at\":\"2026-11-23T07:00:00Z\",\"fromAgent\":true");
    }

    @Test
    void aPageNamesTheCursorOfTheMessagesBeforeItOrNullAtTheThreadsStart() {
        List<ThreadMessage> one = List.of(new ThreadMessage("m9", Channel.TV, Direction.INBOUND, "you", "Hi", AT));

        assertThat(new String(TvJson.conversation(new ConversationView("c-1", new SetTopId("stb-1234abcd"), one, "8")),
                StandardCharsets.UTF_8)).endsWith("],\"olderCursor\":\"8\",\"ratingAsked\":false}");
        assertThat(new String(TvJson.conversation(new ConversationView("c-1", new SetTopId("stb-1234abcd"), one)),
                StandardCharsets.UTF_8)).endsWith("],\"olderCursor\":null,\"ratingAsked\":false}");
        assertThat(new String(TvJson.conversation(new ConversationView("c-1", new SetTopId("stb-1234abcd"), one, null, true)),
                StandardCharsets.UTF_8)).as("a rating asked").endsWith(",\"ratingAsked\":true}");
    }
}
