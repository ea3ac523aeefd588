package dev.switchboard.desk;

/**
 * What came of an agent's accept.
 *
 * @param outcome    won, or why not
 * @param assignment the conversation's assignment afterwards, or {@code null} when there is none
 */
public record ClaimResult(Outcome outcome, Assignment assignment) {

    public enum Outcome {
        /** He owns it now. */
        WON,
        /** Another agent was first. */
        TAKEN,
        /** It is not offered to him (never was, or the offer went on to others). */
        NOT_OFFERED,
        /** He has no free capacity. */
        NO_CAPACITY
    }
}
