/**
 * Where the customer is and what is near him: the gazetteer of towns and postal codes, service points with
 * their opening hours, and the spatial index that finds the nearest.
 *
 * <p>Plain Java: may depend on the SPI and {@code hub.knowledge} (text folding), nothing else.
 */
package dev.switchboard.hub.places;
