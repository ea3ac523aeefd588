/**
 * What the tests of the device adapters share, so that each adapter's tests keep only what is its own:
 * {@link dev.switchboard.adapter.testkit.LogCapture} for the log lines a test checks.
 *
 * <p>Adapters depend on this module with test scope; nothing here runs in the gateway.
 */
package dev.switchboard.adapter.testkit;
