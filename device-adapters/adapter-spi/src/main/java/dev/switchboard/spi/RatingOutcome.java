package dev.switchboard.spi;

/**
 * What became of a rating handed to {@link HelpDesk#rate} or {@link HelpDesk#rateByLink}.
 *
 * @param status what happened
 * @param rating the rating stored, for {@link Status#RECORDED}; otherwise {@code null}
 */
public record RatingOutcome(Status status, Rating rating) {

    public enum Status {
        /** Stored now, or earlier by the same idempotency key (a retry): the stored rating is returned. */
        RECORDED,
        /** No rating is asked of this conversation: none was, it was answered, or it is too old. Nothing stored. */
        NOT_ASKED,
        /** No such conversation for this token (or no question for this link): the same answer for every case. */
        NOT_FOUND
    }

    public static RatingOutcome recorded(Rating rating) {
        return new RatingOutcome(Status.RECORDED, rating);
    }

    public static RatingOutcome notAsked() {
        return new RatingOutcome(Status.NOT_ASKED, null);
    }

    public static RatingOutcome notFound() {
        return new RatingOutcome(Status.NOT_FOUND, null);
    }
}
