package dev.switchboard.adapter.wap;

import dev.switchboard.adapter.testkit.RecordingHelpDesk;
import dev.switchboard.adapter.testkit.StandInGateway;
import dev.switchboard.render.VelocityReplyRenderer;
import dev.switchboard.spi.PhoneTexter;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The WAP adapter started the way the gateway starts it, on the test kit's stand-in gateway (a real Jetty on a free
 * port of 127.0.0.1), with the real templates, in front of a {@link RecordingHelpDesk} that answers with
 * {@link DeskAnswers}. Settings are the gateway's defaults with the test's overrides; the shared maps are
 * {@link HookedMap}s.
 */
final class WapServer implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");

    final RecordingHelpDesk helpDesk = new RecordingHelpDesk().answerWith(DeskAnswers::to).withTopics(DeskAnswers.TOPIC);
    final StandInGateway gateway;

    /** The adapter at a fixed time, with no SMS channel on. */
    WapServer(Map<String, String> overrides) throws Exception {
        this(overrides, Clock.fixed(NOW, ZoneOffset.UTC), null);
    }

    /**
     * @param clock  the adapter's clock
     * @param texter the SMS channel's way to text a phone outside any conversation, or {@code null} for none
     */
    WapServer(Map<String, String> overrides, Clock clock, PhoneTexter texter) throws Exception {
        gateway = StandInGateway.builder().helpDesk(helpDesk).renderer(new VelocityReplyRenderer())
                .withGatewayDefaults().settings(overrides).offeringTexter(texter).sharedMapsMadeBy(HookedMap::new)
                .servingHttp().start(new WapAdapter(clock));
    }

    URI origin() {
        return gateway.origin();
    }

    @Override
    public void close() throws Exception {
        gateway.close();
    }

    /**
     * A map in memory that runs a test's hook once, right after the next read: for what another request does
     * between a request's read and its write.
     */
    static final class HookedMap<V> extends ConcurrentHashMap<String, V> {
        volatile Runnable afterNextGet;

        @Override
        public V get(Object key) {
            V value = super.get(key);
            Runnable hook = afterNextGet;
            if (hook != null) {
                afterNextGet = null;
                hook.run();
            }
            return value;
        }
    }
}
