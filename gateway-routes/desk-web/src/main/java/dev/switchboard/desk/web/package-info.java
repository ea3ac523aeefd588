/**
 * The agent desk on the web: the agent API under {@code /api/agent} (one list of operations, described by
 * {@code /api/openapi.json}), the desktops' live WebSocket, the agent desktop and the manager pages.
 *
 * <p>May depend on the desk's decisions, the hub's domain, the Servlet API, Jetty's WebSocket server and Jackson;
 * never on the state or the application, which mounts {@code DeskWeb}'s servlets on the gateway's port.
 */
package dev.switchboard.desk.web;
