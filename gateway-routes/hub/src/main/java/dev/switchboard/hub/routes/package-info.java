/**
 * The hub's Camel routes: intake, deduplicate, identify, enrich, thread, decide, render and deliver, each step
 * a call into {@code hub.domain}; the error handling written once; the route timers; and {@code CamelHelpDesk},
 * the {@code HelpDesk} the adapters see.
 *
 * <p>May depend on Camel, Micrometer, the SPI and {@code hub.domain}; never on Hazelcast or JDBC (they sit behind
 * the domain's ports).
 */
package dev.switchboard.hub.routes;
