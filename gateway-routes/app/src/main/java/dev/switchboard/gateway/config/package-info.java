/**
 * The gateway's configuration: defaults from {@code switchboard.properties}, an optional file, then
 * {@code SWITCHBOARD_*} environment variables.
 *
 * <p>May depend on the SPI only ({@code AdapterSettings}).
 */
package dev.switchboard.gateway.config;
