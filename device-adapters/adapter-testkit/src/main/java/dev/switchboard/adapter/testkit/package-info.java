/**
 * What the tests of the device adapters share, so that each adapter's tests keep only what is its own.
 *
 * <ul>
 *   <li>{@link dev.switchboard.adapter.testkit.StandInGateway}: the gateway as one adapter sees it, an
 *       {@link dev.switchboard.spi.AdapterContext} that takes settings, records what the adapter registers and,
 *       when asked, serves the mounted servlets on a real Jetty on a free loopback port;</li>
 *   <li>{@link dev.switchboard.adapter.testkit.RecordingHelpDesk}: a help desk in memory that keeps the hub's
 *       rules an adapter relies on and records what it was given;</li>
 *   <li>{@link dev.switchboard.adapter.testkit.GatewayDefaults}: the settings the gateway starts adapters with;</li>
 *   <li>{@link dev.switchboard.adapter.testkit.LogCapture}: the log lines a test checks;</li>
 *   <li>{@link dev.switchboard.adapter.testkit.PlainTextRenderer}: a renderer that writes a reply's text as it is.</li>
 * </ul>
 *
 * <p>Adapters depend on this module with test scope; nothing here runs in the gateway.
 */
package dev.switchboard.adapter.testkit;
