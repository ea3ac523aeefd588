package dev.switchboard.hub.routes;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;

/**
 * The hub's route chain: intake -> deduplicate -> identify -> enrich -> thread -> decide -> render ->
 * deliver. Every step is its own route, so each can be tested and timed on its own. A repeated
 * idempotency key is identified too (a self-asserted address still needs its token) and answered with
 * the recorded reply, without being processed again. A contact only to be kept in the thread ({@code note})
 * is enriched and threaded, then stored without a reply.
 */
public final class HubRoutes extends RouteBuilder {
    public static final String INTAKE = "direct:intake";
    static final String DEDUPLICATE = "direct:deduplicate";
    static final String IDENTIFY = "direct:identify";
    static final String ENRICH = "direct:enrich";
    static final String THREAD = "direct:thread";
    static final String DECIDE = "direct:decide";
    static final String RENDER = "direct:render";
    static final String DELIVER = "direct:deliver";
    static final String NOTE = "direct:note";

    private final HubSteps steps;
    private final MeterRegistry meters;
    private final Map<String, Counter> interactions = new ConcurrentHashMap<>();

    public HubRoutes(HubSteps steps, MeterRegistry meters) {
        this.steps = steps;
        this.meters = meters;
    }

    @Override
    public void configure() {
        from(INTAKE).routeId("intake").routeConfigurationId(HubErrorHandling.ID)
                .process(step(handling -> interactions.computeIfAbsent(handling.interaction().channel().id(),
                        channel -> meters.counter("switchboard.interactions", "channel", channel)).increment()))
                .process(step(steps::checkLimits))
                .to(DEDUPLICATE, IDENTIFY)
                .choice()
                    .when(exchange -> exchange.getIn().getBody(Handling.class).isDuplicate())
                        .process(step(steps::recall))
                        .to(RENDER)
                        .process(step(steps::answerDuplicate))
                    .when(exchange -> exchange.getIn().getBody(Handling.class).isNote())
                        .to(ENRICH, THREAD, NOTE)
                    .otherwise()
                        .to(ENRICH, THREAD, DECIDE, RENDER, DELIVER)
                .end();

        stepRoute(DEDUPLICATE, "deduplicate", steps::deduplicate);
        stepRoute(IDENTIFY, "identify", steps::identify);
        stepRoute(ENRICH, "enrich", steps::enrich);
        stepRoute(THREAD, "thread", steps::thread);
        stepRoute(DECIDE, "decide", steps::decide);
        stepRoute(RENDER, "render", steps::render);
        stepRoute(DELIVER, "deliver", steps::deliver);
        stepRoute(NOTE, "note", steps::note);
    }

    private void stepRoute(String endpoint, String routeId, Consumer<Handling> step) {
        from(endpoint).routeId(routeId).routeConfigurationId(HubErrorHandling.ID).process(step(step));
    }

    // A plain processor, not .bean(): Camel's bean binding looks the method up by reflection on every call.
    private static Processor step(Consumer<Handling> step) {
        return exchange -> step.accept(exchange.getIn().getBody(Handling.class));
    }
}
