package dev.switchboard.spi;

import java.util.Objects;

/**
 * The satisfaction question an {@link OutboundMessage} carries: the help desk asks the customer to rate the help he
 * got once an agent finished his conversation. The message's text asks in words that fit a text channel ("reply with
 * a number from 1 to 5"); an adapter whose device can do better shows the scale (the TV's colour keys, a WAP deck),
 * or, for mail, adds a link to a page with the scale and a comment box.
 *
 * @param linkToken a secret naming this question, 256 random bits: a page an adapter serves at an unguessable
 *                  address hands the customer's answer back with {@link HelpDesk#rateByLink}. Only its hash is stored
 * @param agentName the display name of the agent whose help is rated
 */
public record RatingRequest(String linkToken, String agentName) {
    public RatingRequest {
        Objects.requireNonNull(linkToken, "linkToken");
        Objects.requireNonNull(agentName, "agentName");
    }

    @Override
    public String toString() {
        return "RatingRequest[agentName=" + agentName + "]";
    }
}
