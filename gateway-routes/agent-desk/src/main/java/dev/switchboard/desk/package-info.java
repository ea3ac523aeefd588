/**
 * The agent desk's decisions in plain Java: accounts and sign-in sessions, presence, routing and the
 * first-to-accept claim, handover (transfer, consult, invite), agents' replies on any channel, merges and address
 * links, call backs, offline messages, quick texts and the chat widget's settings; the records they keep and the
 * desk's events.
 *
 * <p>May depend on the SPI and the hub's domain; records are kept through {@code SharedRecords}, implemented by
 * the state module. Never on Camel, Servlet, Hazelcast or JDBC.
 */
package dev.switchboard.desk;
