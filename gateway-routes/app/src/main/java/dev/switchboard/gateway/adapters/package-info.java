/**
 * The device adapters as the gateway sees them: found through {@code ServiceLoader} ({@code AdapterRegistry}),
 * given their {@code AdapterContext}, and the services one adapter provides to the others (outbound senders,
 * voice dialers, notice mailers, texts outside conversations).
 *
 * <p>May depend on the SPI, the state (shared maps and topics) and the HTTP mounts; never on an adapter's classes.
 */
package dev.switchboard.gateway.adapters;
