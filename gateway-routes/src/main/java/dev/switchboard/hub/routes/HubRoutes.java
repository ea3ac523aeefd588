package dev.switchboard.hub.routes;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.builder.RouteBuilder;

/**
 * The hub's route chain: intake -> deduplicate -> identify -> enrich -> thread -> decide -> render ->
 * deliver. Every step is its own route, so each can be tested and timed on its own. A repeated
 * idempotency key is identified too (a self-asserted address still needs its token) and answered with
 * the recorded reply, without being processed again.
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

    private final HubSteps steps;
    private final MeterRegistry meters;

    public HubRoutes(HubSteps steps, MeterRegistry meters) {
        this.steps = steps;
        this.meters = meters;
    }

    @Override
    public void configure() {
        from(INTAKE).routeId("intake").routeConfigurationId(HubErrorHandling.ID)
                .process(exchange -> meters.counter("switchboard.interactions",
                        "channel", exchange.getIn().getBody(Handling.class).interaction().channel().id()).increment())
                .bean(steps, "checkLimits")
                .to(DEDUPLICATE, IDENTIFY)
                .choice()
                    .when(exchange -> exchange.getIn().getBody(Handling.class).isDuplicate())
                        .bean(steps, "recall")
                        .to(RENDER)
                        .bean(steps, "answerDuplicate")
                    .otherwise()
                        .to(ENRICH, THREAD, DECIDE, RENDER, DELIVER)
                .end();

        step(DEDUPLICATE, "deduplicate");
        step(IDENTIFY, "identify");
        step(ENRICH, "enrich");
        step(THREAD, "thread");
        step(DECIDE, "decide");
        step(RENDER, "render");
        step(DELIVER, "deliver");
    }

    private void step(String endpoint, String method) {
        from(endpoint).routeId(method).routeConfigurationId(HubErrorHandling.ID).bean(steps, method);
    }
}
