package dev.switchboard.spi;

import java.util.function.Consumer;

/**
 * The {@link WidgetSettings} in force, from {@link AdapterContext#widgetSettings}, and news of each change, for the
 * adapter that serves the chat widget. The gateway's agent desk keeps them in the database; a manager's change on any
 * node reaches the subscribers of every node within a second or so, without a restart.
 */
public interface SavedWidgetSettings {

    /** The settings in force now. */
    WidgetSettings now();

    /**
     * Calls {@code listener} with the new settings each time a manager saves them, from now on, on a thread of the
     * gateway's own: a listener should return quickly.
     *
     * @return closing it stops the calls
     */
    SharedTopic.Subscription subscribe(Consumer<WidgetSettings> listener);

    /** The {@linkplain WidgetSettings#DEFAULTS defaults}, never changed: for an adapter tested alone. */
    SavedWidgetSettings DEFAULTS = new SavedWidgetSettings() {
        @Override
        public WidgetSettings now() {
            return WidgetSettings.DEFAULTS;
        }

        @Override
        public SharedTopic.Subscription subscribe(Consumer<WidgetSettings> listener) {
            return () -> { };
        }
    };
}
