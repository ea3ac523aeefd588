package dev.switchboard.desk;

import java.time.Instant;

/**
 * A text an agent inserts by typing its shortcut ({@code /hours}).
 *
 * @param owner     the agent whose own it is, or {@link #SHARED} for everyone's
 * @param shortcut  the word after the slash
 * @param text      what it inserts
 * @param updatedAt when it was last saved
 */
public record QuickText(String owner, String shortcut, String text, Instant updatedAt) {
    public static final String SHARED = "*";

    public boolean shared() {
        return SHARED.equals(owner);
    }

    /** The key of a quick text: owner and shortcut. */
    static String key(String owner, String shortcut) {
        return owner + "/" + shortcut;
    }
}
