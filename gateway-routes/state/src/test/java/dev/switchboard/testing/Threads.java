package dev.switchboard.testing;

import dev.switchboard.hub.domain.ConversationStore;
import dev.switchboard.hub.domain.StoredMessage;
import dev.switchboard.spi.ThreadPage;
import java.util.ArrayList;
import java.util.List;

/** Whole threads read back page by page, for tests that look at everything a thread holds. */
public final class Threads {
    private Threads() {
    }

    /** Every message of a conversation, oldest first. */
    public static List<StoredMessage> all(ConversationStore store, String conversationId) {
        List<StoredMessage> all = new ArrayList<>();
        String before = null;
        do {
            ConversationStore.MessagePage page = store.page(conversationId, new ThreadPage(before, ThreadPage.MAX_LIMIT));
            all.addAll(0, page.messages());
            before = page.olderCursor();
        } while (before != null);
        return all;
    }
}
