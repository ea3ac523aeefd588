/**
 * The hub's decisions in plain Java: who the customer is ({@code ResolveCustomer}), what his device tells
 * ({@code EnrichContext}), what the answer is ({@code DecideReply}), and the records and ports they work on
 * (conversations, customers, idempotency, agents' availability, contact requests).
 *
 * <p>May depend on the SPI, {@code hub.knowledge} and {@code hub.places}; never on Camel, Servlet, Hazelcast or
 * JDBC. Storage and the desk implement the ports ({@code ConversationStore}, {@code AgentAvailability}, ...).
 */
package dev.switchboard.hub.domain;
