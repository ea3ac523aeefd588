package dev.switchboard.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.spi.Channel;
import dev.switchboard.spi.ConversationView;
import dev.switchboard.spi.ThreadMessage;
import dev.switchboard.spi.WebVisitorId;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationJsonTest {

    private static final ObjectMapper READER = new ObjectMapper();

    @Test
    void writesTheThreadOldestFirstWithIsoTimes() throws IOException {
        ConversationView conversation = new ConversationView("c-7", new WebVisitorId("visitor-1234"), List.of(
                new ThreadMessage("m-1", Channel.SMS, ThreadMessage.Direction.INBOUND, "you", "No signal",
                        Instant.parse("2025-11-23T10:15:30Z")),
                new ThreadMessage("m-2", Channel.WEB_CHAT, ThreadMessage.Direction.OUTBOUND, "Anna", "Try this",
                        Instant.parse("2025-11-23T10:16:00.250Z"))));

        assertThat(READER.readTree(ConversationJson.write(conversation))).isEqualTo(READER.readTree("""
                {"conversationId": "c-7", "messages": [
                  {"id": "m-1", "channel": "sms", "direction": "inbound", "author": "you", "text": "No signal",
                   "at": "2025-11-23T10:15:30Z"},
                  {"id": "m-2", "channel": "web-chat", "direction": "outbound", "author": "Anna", "text": "Try this",
                   "at": "2025-11-23T10:16:00.250Z"}],
                 "olderCursor": null, "ratingAsked": false, "readUpTo": null}
                """));
    }

    @Test
    void aPageWithOlderMessagesBeforeItCarriesTheirCursor() throws IOException {
        ConversationView page = new ConversationView("c-7", new WebVisitorId("visitor-1234"), List.of(
                new ThreadMessage("m-41", Channel.WEB_CHAT, ThreadMessage.Direction.INBOUND, "you", "Still there?",
                        Instant.parse("2025-11-23T10:15:30Z"))), "40");

        assertThat(READER.readTree(ConversationJson.write(page)).get("olderCursor").textValue()).isEqualTo("40");
    }

    @Test
    void anEmptyThreadHasAnEmptyList() throws IOException {
        ConversationView conversation = new ConversationView("c-8", new WebVisitorId("visitor-1234"), List.of());

        assertThat(READER.readTree(ConversationJson.write(conversation)).get("messages").isArray()).isTrue();
        assertThat(READER.readTree(ConversationJson.write(conversation)).get("messages").isEmpty()).isTrue();
    }

    @Test
    void saysWhenARatingIsAsked() throws IOException {
        ConversationView asked = new ConversationView("c-8", new WebVisitorId("visitor-1234"), List.of(), null, true);
        assertThat(READER.readTree(ConversationJson.write(asked)).get("ratingAsked").booleanValue()).isTrue();
    }
}
