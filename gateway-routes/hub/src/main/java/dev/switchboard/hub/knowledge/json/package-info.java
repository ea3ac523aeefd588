/**
 * Reads the knowledge base from its JSON file (on the class path or the file system) with Jackson, and says
 * where a broken file is wrong.
 *
 * <p>May depend on {@code hub.knowledge} and Jackson only.
 */
package dev.switchboard.hub.knowledge.json;
