package dev.switchboard.render;

import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.context.Context;

/**
 * Escapes every value a template writes through a {@code $reference}, with the escaping of the
 * template's format. Template authors write {@code $text}, never an escaping call, and cannot forget it.
 * Stateless and thread-safe.
 */
final class EscapingInsertionHandler implements ReferenceInsertionEventHandler {
    private final OutputEscaping escaping;

    EscapingInsertionHandler(OutputEscaping escaping) {
        this.escaping = escaping;
    }

    @Override
    public Object referenceInsert(Context context, String reference, Object value) {
        return value == null ? null : escaping.escape(value.toString());
    }

    OutputEscaping escaping() {
        return escaping;
    }
}
