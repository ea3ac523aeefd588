package dev.switchboard.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.hub.domain.Conversation;
import dev.switchboard.hub.domain.Customer;
import dev.switchboard.hub.domain.StoredMessage;
import dev.switchboard.hub.knowledge.KnowledgeArticle;
import dev.switchboard.hub.knowledge.KnowledgeBase;
import dev.switchboard.hub.knowledge.KnowledgeMatch;
import dev.switchboard.spi.ThreadMessage.Direction;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SuggestedAnswersTest {
    private final MovingClock clock = new MovingClock();
    private final InMemoryConversations store = new InMemoryConversations();
    private final InMemoryCustomers customers = new InMemoryCustomers();
    private final CustomerMerging merging = new CustomerMerging(customers, customers, store, new InMemoryRecords<>(),
            clock);
    private final KeptChoices kept = new KeptChoices();
    private final KnowledgeBase knowledgeBase = new KnowledgeBase(List.of(
            new KnowledgeArticle("alpha", "When are you open?", List.of(), "From 9 to 5.", "Alpha", List.of()),
            new KnowledgeArticle("beta", "When are you open?", List.of(), "Nine to five.", "Beta", List.of()),
            new KnowledgeArticle("gamma", "How do I reset my password?", List.of(), "Press reset.", "Gamma",
                    List.of())));
    private final SuggestedAnswers suggestions = new SuggestedAnswers(knowledgeBase, store, merging, kept, clock);
    private final AgentAccount ann = new AgentAccount("ann", "Ann", Role.AGENT, "$2a$04$x", false, Set.of(), Set.of(), 2,
            Instant.EPOCH);

    private void conversation(String id, StoredMessage... messages) {
        customers.save(new Customer("k-" + id, id, Instant.EPOCH));
        store.put(Conversation.open(id, "k-" + id, "x:" + id, new byte[32], Instant.EPOCH), messages);
    }

    private static StoredMessage message(Direction direction, String text, int second) {
        return new StoredMessage("m" + second, "sms", direction, direction == Direction.INBOUND ? "you" : "Ann", text,
                Instant.EPOCH.plusSeconds(second), "k" + second);
    }

    private List<String> ids(String conversationId) {
        return suggestions.forConversation(conversationId).stream().map(m -> m.article().id()).toList();
    }

    @Test
    void matchTheCustomersLastMessageNotTheAgentsAnswers() {
        conversation("cv-1", message(Direction.INBOUND, "I forgot my password", 1),
                message(Direction.INBOUND, "and when are you open?", 2),
                message(Direction.OUTBOUND, "reset password, you say?", 3));

        assertThat(ids("cv-1")).containsExactly("alpha", "beta");
    }

    @Test
    void noneBeforeTheCustomerWrote() {
        conversation("cv-1", message(Direction.OUTBOUND, "when are you open", 1));

        assertThat(suggestions.forConversation("cv-1")).isEmpty();
    }

    @Test
    void aChoiceCountsOnceAndRaisesItsArticleAtOnceOnThisNode() {
        conversation("cv-1", message(Direction.INBOUND, "when are you open", 1));
        assertThat(ids("cv-1")).containsExactly("alpha", "beta");

        assertThat(suggestions.chosen(ann, "cv-1", "beta")).isTrue();
        assertThat(suggestions.chosen(ann, "cv-1", "beta")).as("a double click").isFalse();

        assertThat(kept.chosen).hasSize(1);
        assertThat(ids("cv-1")).containsExactly("beta", "alpha");
    }

    @Test
    void anotherNodesChoicesAreReadAfterTheRefresh() {
        conversation("cv-1", message(Direction.INBOUND, "when are you open", 1));
        assertThat(ids("cv-1")).containsExactly("alpha", "beta");

        kept.record(new SuggestionChoice("beta", "cv-9", "bob", Instant.EPOCH));
        assertThat(ids("cv-1")).as("within the refresh").containsExactly("alpha", "beta");

        clock.advance(SuggestedAnswers.REFRESH.plus(Duration.ofSeconds(1)));
        assertThat(ids("cv-1")).containsExactly("beta", "alpha");
    }

    @Test
    void anUnknownArticleIsNotFound() {
        conversation("cv-1", message(Direction.INBOUND, "when are you open", 1));

        assertThatThrownBy(() -> suggestions.chosen(ann, "cv-1", "no-such-article"))
                .isInstanceOfSatisfying(AgentDeskException.class,
                        e -> assertThat(e.kind()).isEqualTo(AgentDeskException.Kind.NOT_FOUND));
        assertThat(kept.chosen).isEmpty();
    }

    @Test
    void scoresAreTheKnowledgeBasesOwn() {
        conversation("cv-1", message(Direction.INBOUND, "when are you open", 1));

        assertThat(suggestions.forConversation("cv-1")).extracting(KnowledgeMatch::score)
                .containsExactlyElementsOf(knowledgeBase.bestMatches("when are you open", null, null, null, 3,
                        Map.of()).stream().map(KnowledgeMatch::score).toList());
    }

    /** Choices kept in memory, once per agent, conversation and article, as the table keeps them. */
    private static final class KeptChoices implements SuggestionChoices {
        final Set<List<String>> chosen = new HashSet<>();

        @Override
        public synchronized boolean record(SuggestionChoice choice) {
            return chosen.add(List.of(choice.agent(), choice.conversationId(), choice.articleId()));
        }

        @Override
        public synchronized Map<String, Integer> timesChosen() {
            Map<String, Integer> times = new HashMap<>();
            chosen.forEach(key -> times.merge(key.get(2), 1, Integer::sum));
            return times;
        }
    }
}
