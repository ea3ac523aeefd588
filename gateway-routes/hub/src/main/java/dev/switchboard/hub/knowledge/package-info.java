/**
 * The self-service knowledge base: articles, how a question is matched to them, and the topics offered.
 *
 * <p>Plain Java with no dependency but the JDK; loading it from JSON lives in {@code hub.knowledge.json}.
 */
package dev.switchboard.hub.knowledge;
