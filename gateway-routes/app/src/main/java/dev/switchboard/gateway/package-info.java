/**
 * The application: {@code SwitchboardMain} ({@code java -jar switchboard.jar}) and {@code Gateway}, the one place
 * where every part is made and joined, started in order and stopped in reverse.
 *
 * <p>May depend on every module; no other module depends on it.
 */
package dev.switchboard.gateway;
