package dev.switchboard.smsc.simulator;

import java.time.Instant;

/**
 * One text on a simulated phone, as its owner sees it.
 *
 * @param number   the phone's number, E.164
 * @param fromDesk whether the desk sent it (else the phone's owner did)
 * @param text     the whole text, parts joined
 * @param parts    how many SMS it took
 * @param at       when the simulator passed it on
 */
public record PhoneText(String number, boolean fromDesk, String text, int parts, Instant at) {
}
