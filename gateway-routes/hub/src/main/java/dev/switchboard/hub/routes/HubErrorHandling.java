package dev.switchboard.hub.routes;

import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * Error handling of every hub route, written once. The hub answers its caller synchronously, so nothing is
 * retried and nothing is swallowed: the exception goes back to the adapter, which answers its client in
 * the client's own format, logs it once (a client's mistake as a warning, anything else as an error with
 * its stack trace), and may be retried with the same idempotency key.
 */
public final class HubErrorHandling extends RouteConfigurationBuilder {
    public static final String ID = "hub-error-handling";

    @Override
    public void configuration() {
        routeConfiguration(ID).errorHandler(defaultErrorHandler().maximumRedeliveries(0).logExhausted(false));
    }
}
