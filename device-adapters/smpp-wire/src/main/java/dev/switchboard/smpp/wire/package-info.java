/**
 * What both ends of an SMPP bind share, the gateway's SMPP adapter (the ESME) and the SMSC simulator: how a text
 * travels in short messages ({@link dev.switchboard.smpp.wire.DataCoding}, {@link dev.switchboard.smpp.wire.Gsm7},
 * {@link dev.switchboard.smpp.wire.Segments} for the parts of a long text, {@link dev.switchboard.smpp.wire.UserData}
 * and {@link dev.switchboard.smpp.wire.Concatenation} for reading them back) and the connections a bind runs on
 * ({@link dev.switchboard.smpp.wire.NoDelayConnections}). Nothing here knows the help desk.
 */
package dev.switchboard.smpp.wire;
