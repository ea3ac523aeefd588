package dev.switchboard.hub.routes;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;

/**
 * Times every route into the timer {@code switchboard.route} tagged with its {@code routeId}, shown by
 * {@code /metrics}. Camel's own Micrometer route policy did the same at a cost the hub felt: it formats
 * its meter names and looks its meters up on every exchange of every route; here each route's timer is
 * found once. No percentiles: keeping them costs every exchange more than the rest of the timing.
 */
public final class RouteTimers implements RoutePolicyFactory {
    private final MeterRegistry meters;

    public RouteTimers(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        return new Timed(Timer.builder("switchboard.route")
                .description("Time an exchange spends in a hub route, the routes it calls included")
                .tag("routeId", routeId)
                .register(meters), "switchboard.route.started." + routeId);
    }

    private static final class Timed extends RoutePolicySupport {
        private final Timer timer;
        private final String startedProperty;

        Timed(Timer timer, String startedProperty) {
            this.timer = timer;
            this.startedProperty = startedProperty;
        }

        @Override
        public void onExchangeBegin(Route route, Exchange exchange) {
            exchange.setProperty(startedProperty, System.nanoTime());
        }

        @Override
        public void onExchangeDone(Route route, Exchange exchange) {
            Long started = exchange.getProperty(startedProperty, Long.class);
            if (started != null) {
                timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            }
        }
    }
}
