package dev.switchboard.desk;

import dev.switchboard.spi.SavedWidgetSettings;
import dev.switchboard.spi.SharedTopic;
import dev.switchboard.spi.WidgetSettings;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The manager page "Embed the button": a manager saves the chat widget's {@link WidgetSettings} (checked by
 * {@link WidgetSettingsRules}), kept as one shared record written through to the database; every node follows each
 * change through the records' news and tells its subscribers (the web adapter), so a change is in force everywhere
 * within a second or so. The sites of the server's setting are fixed: shown beside the saved ones, never saved.
 */
public final class WidgetSetup implements SavedWidgetSettings, AutoCloseable {
    /** The key of the one record. */
    static final String KEY = "site";
    private static final Logger LOG = LoggerFactory.getLogger(WidgetSetup.class);

    private final SharedRecords<WidgetSettings> records;
    private final List<String> serverOrigins;
    private final Clock clock;
    private final List<Consumer<WidgetSettings>> listeners = new CopyOnWriteArrayList<>();
    private final AutoCloseable news;
    private volatile WidgetSettings current;

    /**
     * @param serverOrigins the sites the server's setting allows, shown read-only beside the saved ones
     */
    public WidgetSetup(SharedRecords<WidgetSettings> records, List<String> serverOrigins, Clock clock) {
        this.records = records;
        this.serverOrigins = List.copyOf(serverOrigins);
        this.clock = clock;
        this.news = records.whenChanged((key, settings) -> {
            if (KEY.equals(key)) {
                changed(settings == null ? WidgetSettings.DEFAULTS : settings);
            }
        });
        this.current = records.get(KEY).orElse(WidgetSettings.DEFAULTS);
    }

    @Override
    public WidgetSettings now() {
        return current;
    }

    @Override
    public SharedTopic.Subscription subscribe(Consumer<WidgetSettings> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** The sites of the server's setting, which no manager changes here. */
    public List<String> serverOrigins() {
        return serverOrigins;
    }

    /**
     * Saves the settings (managers only), in force on every node at once.
     *
     * @return what was saved: texts stripped, origins in their one form, each once
     * @throws AgentDeskException naming the field when one breaks its rule
     */
    public WidgetSettings save(AgentAccount by, WidgetSettings proposed) {
        Accounts.requireManager(by);
        WidgetSettings checked = WidgetSettingsRules.check(proposed);
        Set<String> saved = new LinkedHashSet<>(checked.allowedOrigins());
        WidgetSettings settings = new WidgetSettings(checked.color(), checked.position(), checked.language(),
                checked.english(), checked.polish(), checked.invitation(), List.copyOf(saved), by.username(),
                clock.instant());
        records.put(KEY, settings);
        changed(settings);
        LOG.info("Widget settings saved by {}: colour {}, {} site(s) allowed beside the server's", by.username(),
                settings.color(), settings.allowedOrigins().size());
        return settings;
    }

    /** The settings a change on any node left, told once to the subscribers of this node. */
    private synchronized void changed(WidgetSettings settings) {
        if (settings.equals(current)) {
            return;
        }
        current = settings;
        for (Consumer<WidgetSettings> listener : listeners) {
            try {
                listener.accept(settings);
            } catch (RuntimeException e) {
                LOG.warn("A listener of the widget settings failed: {}", e.toString());
            }
        }
    }

    /** Stops following the changes. */
    @Override
    public void close() throws Exception {
        news.close();
    }
}
