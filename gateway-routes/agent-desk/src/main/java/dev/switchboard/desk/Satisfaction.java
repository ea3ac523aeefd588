package dev.switchboard.desk;

import dev.switchboard.hub.domain.CustomerRatings;
import dev.switchboard.hub.domain.CustomerTokens;
import dev.switchboard.hub.domain.Ids;
import dev.switchboard.hub.domain.RatingCount;
import dev.switchboard.hub.domain.RatingRecord;
import dev.switchboard.hub.domain.RatingStore;
import dev.switchboard.spi.Rating;
import dev.switchboard.spi.RatingOutcome;
import dev.switchboard.spi.RatingRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The satisfaction question: when an agent finishes a conversation the customer is asked once, on the channel he
 * was last heard on, to rate the help he got from 1 to 5 with an optional comment. His answer is kept as a rating of
 * the conversation and the agent, counted for reports, and told to the agent. A rating counts only while the
 * question is asked: until he answers, for {@link #ASKED_FOR} after it was asked, and while the conversation stays
 * finished (a new message of his queues it anew and the question lapses).
 */
public final class Satisfaction implements CustomerRatings {
    private static final Logger LOG = LoggerFactory.getLogger(Satisfaction.class);
    /** How long a question stays asked. */
    public static final Duration ASKED_FOR = Duration.ofDays(7);
    /** The question in words, as the customer's thread keeps it and text channels send it. */
    static final String QUESTION = "How did %s help you? Reply with a number from 1 (poor) to 5 (very good).";
    /** The most ratings an agent is shown of his own. */
    static final int LATEST_SHOWN = 20;

    private final RatingStore store;
    private final SharedRecords<Assignment> assignments;
    private final AgentReplies replies;
    private final Accounts accounts;
    private final DeskEvents events;
    private final Clock clock;

    public Satisfaction(RatingStore store, SharedRecords<Assignment> assignments, AgentReplies replies,
                        Accounts accounts, DeskEvents events, Clock clock) {
        this.store = store;
        this.assignments = assignments;
        this.replies = replies;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Asks the customer of a conversation just finished, once. A customer who cannot be asked (he never wrote, or
     * no adapter sends on his last channel, such as a phone call's) is not, with a log line: the finish stands.
     */
    public void ask(Assignment finished) {
        String agent = finished.owner();
        String agentName = finished.ownerName() == null ? agent : finished.ownerName();
        try {
            AgentReplies.Sent sent = replies.askRating(finished.conversationId(), QUESTION.formatted(agentName),
                    (threadId, channel) -> {
                        String secret = CustomerTokens.newToken();
                        store.ask(RatingRecord.asked(Ids.next("rt-"), finished.conversationId(), threadId, agent,
                                agentName, channel, clock.instant(), linkHash(secret)));
                        return new RatingRequest(secret, agentName);
                    });
            if (!sent.sent()) {
                LOG.warn("The rating question of conversation {} is in its thread but did not go out: {}",
                        finished.conversationId(), sent.problem());
            }
        } catch (AgentDeskException e) {
            LOG.info("No rating asked for conversation {}: {}", finished.conversationId(), e.getMessage());
        }
    }

    @Override
    public boolean asked(String threadId) {
        return store.latest(threadId).filter(this::open).isPresent();
    }

    @Override
    public boolean takes(String threadId, String key) {
        return store.latest(threadId).filter(question -> takes(question, key)).isPresent();
    }

    @Override
    public RatingOutcome rate(String threadId, String channel, Rating rating, String key) {
        return store.latest(threadId).map(question -> answer(question, channel, rating, key))
                .orElseGet(RatingOutcome::notAsked);
    }

    @Override
    public RatingOutcome rateByLink(String linkToken, String channel, Rating rating, String key) {
        return byLink(linkToken).map(question -> answer(question, channel, rating, key))
                .orElseGet(RatingOutcome::notFound);
    }

    @Override
    public boolean askedByLink(String linkToken) {
        return byLink(linkToken).filter(this::open).isPresent();
    }

    /** The questions and ratings of conversations (a merged group's), oldest first. */
    public List<RatingRecord> ofConversations(List<String> conversationIds) {
        return store.ofConversations(conversationIds);
    }

    /** An agent's latest ratings, newest first. */
    public List<RatingRecord> latestOf(String agent) {
        return store.latestOf(agent, LATEST_SHOWN);
    }

    /** Count and average per agent and channel of the ratings given in [from, to): for managers. */
    public List<RatingCount> counts(AgentAccount by, Instant from, Instant to) {
        if (!by.isManager()) {
            throw new AgentDeskException(AgentDeskException.Kind.FORBIDDEN, "only a manager may read every agent's ratings");
        }
        if (from == null || to == null || !from.isBefore(to)) {
            throw AgentDeskException.invalid("a period needs from before to");
        }
        return store.counts(from, to);
    }

    private RatingOutcome answer(RatingRecord question, String channel, Rating rating, String key) {
        if (!takes(question, key)) {
            return RatingOutcome.notAsked();
        }
        Optional<RatingRecord> answered = store.answer(question.id(), rating, channel, key, clock.instant());
        if (answered.isEmpty()) {
            return RatingOutcome.notAsked();
        }
        Set<String> told = new HashSet<>();
        told.add(question.agent());
        accounts.managers().forEach(manager -> told.add(manager.username()));
        events.publish(new DeskEvent(DeskEvent.Type.RATED, question.conversationId(), told, clock.instant()));
        return RatingOutcome.recorded(answered.get().rating());
    }

    private boolean takes(RatingRecord question, String key) {
        return open(question) || question.status() == RatingRecord.Status.RATED && key != null
                && key.equals(question.answerKey());
    }

    /** Asked, not too long ago, and the conversation not taken up again since. */
    private boolean open(RatingRecord question) {
        return question.status() == RatingRecord.Status.ASKED
                && question.askedAt().isAfter(clock.instant().minus(ASKED_FOR))
                && assignments.get(question.conversationId()).map(a -> a.stage() == Assignment.Stage.FINISHED)
                        .orElse(false);
    }

    private Optional<RatingRecord> byLink(String linkToken) {
        return linkToken == null || linkToken.isBlank() || linkToken.length() > 100 ? Optional.empty()
                : store.byLink(linkHash(linkToken));
    }

    static String linkHash(String secret) {
        return HexFormat.of().formatHex(CustomerTokens.hash(secret));
    }
}
