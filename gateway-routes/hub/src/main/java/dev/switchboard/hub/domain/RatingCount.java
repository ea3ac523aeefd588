package dev.switchboard.hub.domain;

/**
 * How one agent was rated on one channel over a period, for reports.
 *
 * @param agent   the agent's user name
 * @param channel the channel id the ratings came by
 * @param count   how many ratings
 * @param sum     the sum of their scores
 */
public record RatingCount(String agent, String channel, long count, long sum) {

    /** The average score, or 0 for none. */
    public double average() {
        return count == 0 ? 0 : (double) sum / count;
    }
}
