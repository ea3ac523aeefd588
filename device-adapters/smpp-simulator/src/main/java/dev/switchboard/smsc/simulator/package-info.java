/**
 * An SMSC simulator, for running the help desk's SMS channel without an operator and for tests and benchmarks:
 * {@link dev.switchboard.smsc.simulator.SmscSimulator} takes an ESME's bind on loopback, passes simulated phones'
 * texts to it and keeps what it sends them ({@link dev.switchboard.smsc.simulator.PhoneText}, and each
 * {@link dev.switchboard.smsc.simulator.SubmittedPart} as it came over the wire);
 * {@link dev.switchboard.smsc.simulator.PhoneServlet} is a phone in the browser on top of it. The SMPP adapter starts
 * one when no SMSC is configured; nothing here knows the adapter or the help desk.
 */
package dev.switchboard.smsc.simulator;
