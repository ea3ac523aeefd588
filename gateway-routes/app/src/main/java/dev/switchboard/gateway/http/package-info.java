/**
 * The gateway's one HTTP port: the Jetty server, {@code ServletMounts} (the one place every path is handed out),
 * and the gateway's own pages ({@code /}, {@code /health}, {@code /metrics}).
 *
 * <p>May depend on Jetty, the Servlet API and the SPI.
 */
package dev.switchboard.gateway.http;
