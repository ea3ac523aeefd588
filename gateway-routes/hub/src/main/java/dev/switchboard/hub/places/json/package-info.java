/**
 * Reads the list of service points from JSON with Jackson.
 *
 * <p>May depend on {@code hub.places} and Jackson only.
 */
package dev.switchboard.hub.places.json;
