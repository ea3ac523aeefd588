package dev.switchboard.hub.domain;

import dev.switchboard.spi.Interaction;

/**
 * Idempotency keys are scoped to the channel and the sender: a key one client chose never matches another
 * sender's message, so nobody can fetch someone else's outcome by guessing a key.
 */
public final class IdempotencyScope {
    private IdempotencyScope() {
    }

    public static String of(Interaction interaction) {
        return interaction.channel().id() + "|" + interaction.address().key() + "|" + interaction.idempotencyKey();
    }
}
