package dev.switchboard.smpp.wire;

/**
 * Where one part belongs in a long message: the sender's reference, how many parts there are and which
 * one this is (1-based).
 */
public record Concatenation(int reference, int total, int number) {
    public Concatenation {
        if (total < 1 || number < 1 || number > total) {
            throw new IllegalArgumentException("part " + number + " of " + total + " is not a valid part of a long message");
        }
    }
}
