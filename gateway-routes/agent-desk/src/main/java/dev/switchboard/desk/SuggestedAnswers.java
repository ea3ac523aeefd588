package dev.switchboard.desk;

import dev.switchboard.hub.domain.Conversation;
import dev.switchboard.hub.domain.ConversationStore;
import dev.switchboard.hub.domain.CustomerContext;
import dev.switchboard.hub.domain.StoredMessage;
import dev.switchboard.hub.knowledge.KnowledgeBase;
import dev.switchboard.hub.knowledge.KnowledgeMatch;
import dev.switchboard.spi.ThreadMessage.Direction;
import dev.switchboard.spi.ThreadPage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Suggested answers beside an agent's reply box: the knowledge-base articles that best match the customer's last
 * message, whether or not agents are on duty, and the agent's choice of one, kept so that articles agents choose
 * rank higher ({@link KnowledgeBase#bestMatches}).
 *
 * <p>The times each article was chosen are read from the store at most once per {@link #REFRESH} on each node, and
 * at once after a choice on this node: one small grouped query instead of a read per suggestion, so another node's
 * choices reach this node's ranking within {@link #REFRESH}, which a ranking hint can afford.
 */
public final class SuggestedAnswers {
    /** How many suggestions an agent is shown. */
    public static final int SHOWN = 3;
    /** How long a node ranks by the counts it read last. */
    public static final Duration REFRESH = Duration.ofSeconds(30);

    private final KnowledgeBase knowledgeBase;
    private final ConversationStore conversations;
    private final CustomerMerging merging;
    private final SuggestionChoices choices;
    private final Clock clock;
    private volatile Counts counts;

    public SuggestedAnswers(KnowledgeBase knowledgeBase, ConversationStore conversations, CustomerMerging merging,
                            SuggestionChoices choices, Clock clock) {
        this.knowledgeBase = knowledgeBase;
        this.conversations = conversations;
        this.merging = merging;
        this.choices = choices;
        this.clock = clock;
    }

    /**
     * Up to {@link #SHOWN} articles for the customer's last message in the conversation's thread (his merged
     * customers' messages too), best first; none before he wrote or when nothing matches. The caller has checked
     * that the agent may see the conversation.
     */
    public List<KnowledgeMatch> forConversation(String conversationId) {
        Conversation conversation = conversations.get(conversationId).orElseThrow(() ->
                AgentDeskException.notFound("no conversation " + conversationId));
        Optional<StoredMessage> last = lastFromCustomer(conversation);
        if (last.isEmpty()) {
            return List.of();
        }
        CustomerContext context = conversation.context();
        Locale locale = context.locale() == null ? null : Locale.forLanguageTag(context.locale());
        return knowledgeBase.bestMatches(last.get().text(), locale, context.tvService(), context.tvProgramme(), SHOWN,
                timesChosen());
    }

    /**
     * Keeps that an agent inserted an article into his reply to a conversation; a repeat of the same choice counts
     * once ({@link SuggestionChoices#record}). The caller has checked that the agent takes part in it.
     *
     * @return whether this call counted it
     * @throws AgentDeskException NOT_FOUND for an article the knowledge base does not hold
     */
    public boolean chosen(AgentAccount agent, String conversationId, String articleId) {
        boolean known = knowledgeBase.articles().stream().anyMatch(article -> article.id().equals(articleId));
        if (!known) {
            throw AgentDeskException.notFound("no knowledge-base article " + articleId);
        }
        boolean counted = choices.record(new SuggestionChoice(articleId, conversationId, agent.username(),
                clock.instant()));
        if (counted) {
            counts = null;
        }
        return counted;
    }

    private Optional<StoredMessage> lastFromCustomer(Conversation conversation) {
        List<StoredMessage> newest = merging.thread(conversation, ThreadPage.newest()).messages();
        for (int i = newest.size() - 1; i >= 0; i--) {
            StoredMessage message = newest.get(i);
            if (message.direction() == Direction.INBOUND && !message.text().isBlank()) {
                return Optional.of(message);
            }
        }
        return Optional.empty();
    }

    private Map<String, Integer> timesChosen() {
        Counts read = counts;
        Instant now = clock.instant();
        if (read == null || !now.isBefore(read.readAt().plus(REFRESH))) {
            read = new Counts(choices.timesChosen(), now);
            counts = read;
        }
        return read.byArticle();
    }

    /** The times each article was chosen, as read at one moment. */
    private record Counts(Map<String, Integer> byArticle, Instant readAt) {
    }
}
