package dev.switchboard.hub.knowledge;

/**
 * How much agents' past choices raise an article among the suggestions: a factor that multiplies the article's
 * textual score. It grows with the logarithm of the times chosen, so the first choices count most, and stops at
 * {@link #MAX_FACTOR} once an article was chosen {@link #SATURATION} times: a well-liked article can overtake one
 * that matches up to a fifth better, never one that matches far better, and an article that does not match the text
 * (score 0, or below the suggestion floor) is never offered at all.
 *
 * <p>Examples: never chosen 1.0; once about 1.057; 5 times about 1.147; 20 times or more 1.25.
 */
public final class ChoiceBoost {
    /** The largest factor, reached at {@link #SATURATION} choices. */
    public static final double MAX_FACTOR = 1.25;
    /** The number of choices beyond which more choices raise an article no further. */
    public static final int SATURATION = 20;

    private ChoiceBoost() {
    }

    /**
     * The factor for an article chosen {@code timesChosen} times: {@code 1 + 0.25 * ln(1 + n) / ln(1 + 20)}, with
     * {@code n} capped at {@link #SATURATION}.
     *
     * @throws IllegalArgumentException for a negative count
     */
    public static double factor(int timesChosen) {
        if (timesChosen < 0) {
            throw new IllegalArgumentException("times chosen cannot be negative, was " + timesChosen);
        }
        int counted = Math.min(timesChosen, SATURATION);
        return 1.0 + (MAX_FACTOR - 1.0) * Math.log1p(counted) / Math.log1p(SATURATION);
    }
}
