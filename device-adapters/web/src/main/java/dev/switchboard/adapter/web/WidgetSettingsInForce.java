package dev.switchboard.adapter.web;

import dev.switchboard.spi.SavedWidgetSettings;
import dev.switchboard.spi.SharedTopic;
import dev.switchboard.spi.WidgetSettings;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat widget's settings in force on this node: the look the managers saved, and the sites allowed, the server's
 * setting's ({@value AllowedOrigins#KEY}, fixed) and the saved ones. It follows each save heard from the agent desk
 * ({@link SavedWidgetSettings}, on every node within a second or so): the CORS check and the loader's Referer check ask
 * it at each request, the loader is served with the new look, and the open streams of pages of a site no longer allowed
 * (availability, a conversation's pushes) are ended at once, so the page's next call is refused.
 */
final class WidgetSettingsInForce implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WidgetSettingsInForce.class);

    private final AllowedOrigins fromServer;
    private final Map<AsyncContext, OpenStream> streams = new ConcurrentHashMap<>();
    private final List<Runnable> lookListeners = new CopyOnWriteArrayList<>();
    private final SharedTopic.Subscription subscription;
    private volatile WidgetSettings look;
    private volatile AllowedOrigins origins;

    WidgetSettingsInForce(AllowedOrigins fromServer, SavedWidgetSettings saved) {
        this.fromServer = fromServer;
        apply(saved.now());
        this.subscription = saved.subscribe(this::saved);
    }

    /** The sites allowed now: the server's setting's and the saved ones. */
    AllowedOrigins origins() {
        return origins;
    }

    /** The sites of the server's setting alone. */
    AllowedOrigins fromServer() {
        return fromServer;
    }

    /** The look saved now (its allowed sites aside). */
    WidgetSettings look() {
        return look;
    }

    /** Calls {@code listener} after each change of the look. */
    void whenLookChanges(Runnable listener) {
        lookListeners.add(listener);
    }

    /**
     * Keeps an eye on a stream a page of {@code origin} opened through {@code host}, to end it when its site is no
     * longer allowed; forgotten once it ends.
     */
    void streamOpened(AsyncContext async, String origin, String scheme, String host) {
        OpenStream stream = new OpenStream(origin, scheme, host);
        streams.put(async, stream);
        try {
            async.addListener(new Forget());
        } catch (IllegalStateException alreadyDone) {
            streams.remove(async);
            return;
        }
        // A save that landed since the stream's CORS check may have swept the streams before this one was listed.
        if (!origins.allows(origin, scheme, host)) {
            end(async, stream);
        }
    }

    /** Open streams watched, for tests. */
    int openStreams() {
        return streams.size();
    }

    private void saved(WidgetSettings settings) {
        apply(settings);
        AllowedOrigins now = origins;
        streams.forEach((async, stream) -> {
            if (!now.allows(stream.origin(), stream.scheme(), stream.host())) {
                end(async, stream);
            }
        });
        for (Runnable listener : lookListeners) {
            listener.run();
        }
    }

    private void end(AsyncContext async, OpenStream stream) {
        if (streams.remove(async) == null) {
            return;
        }
        LOG.info("Stream of a page of {} ended: the site is no longer allowed", stream.origin());
        try {
            async.complete();
        } catch (IllegalStateException alreadyDone) {
            // the container finished it already
        }
    }

    private void apply(WidgetSettings settings) {
        origins = fromServer.plus(settings.allowedOrigins());
        look = settings;
        LOG.info("Widget settings in force: colour {}, sites allowed {}", settings.color(), origins.origins());
    }

    @Override
    public void close() {
        subscription.close();
    }

    /** A page's open stream: its origin and the gateway's address it reached. */
    private record OpenStream(String origin, String scheme, String host) {
    }

    /** Forgets a stream once the container is done with it. */
    private final class Forget implements AsyncListener {
        @Override
        public void onComplete(AsyncEvent event) {
            streams.remove(event.getAsyncContext());
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            streams.remove(event.getAsyncContext());
        }

        @Override
        public void onError(AsyncEvent event) {
            streams.remove(event.getAsyncContext());
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // not restarted
        }
    }
}
