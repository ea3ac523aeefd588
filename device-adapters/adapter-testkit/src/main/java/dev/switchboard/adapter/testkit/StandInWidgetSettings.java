package dev.switchboard.adapter.testkit;

import dev.switchboard.spi.SavedWidgetSettings;
import dev.switchboard.spi.SharedTopic;
import dev.switchboard.spi.WidgetSettings;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The chat widget's settings as a test saves them by hand ({@link #save}); subscribers hear each change at once. */
public final class StandInWidgetSettings implements SavedWidgetSettings {
    private final List<Consumer<WidgetSettings>> listeners = new CopyOnWriteArrayList<>();
    private volatile WidgetSettings settings = WidgetSettings.DEFAULTS;

    /** A manager saved {@code saved}. */
    public void save(WidgetSettings saved) {
        settings = saved;
        listeners.forEach(listener -> listener.accept(saved));
    }

    @Override
    public WidgetSettings now() {
        return settings;
    }

    @Override
    public SharedTopic.Subscription subscribe(Consumer<WidgetSettings> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
