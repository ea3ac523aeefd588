package dev.switchboard.adapter.twilio;

import dev.switchboard.spi.E164Number;
import dev.switchboard.spi.InvalidAddressException;
import java.util.Map;

/**
 * A call to the help number as Twilio's voice webhook describes it.
 *
 * @param callSid Twilio's id of the call, the same in every webhook of the call
 * @param from    the caller's number, or {@code null} when he withheld it ({@code anonymous}, ...)
 */
record IncomingCall(String callSid, E164Number from) {

    /** Reads {@code CallSid} and {@code From}. */
    static IncomingCall parse(Map<String, String> form) throws InvalidCallException {
        String callSid = callSid(form);
        try {
            return new IncomingCall(callSid, new E164Number(form.getOrDefault("From", "").trim()));
        } catch (InvalidAddressException e) {
            return new IncomingCall(callSid, null);
        }
    }

    /** Twilio's {@code CallSid}, checked to be an id. */
    static String callSid(Map<String, String> form) throws InvalidCallException {
        String callSid = form.getOrDefault("CallSid", "").trim();
        if (callSid.isEmpty()) {
            throw new InvalidCallException("CallSid is missing");
        }
        if (callSid.length() > 64 || !callSid.matches("[A-Za-z0-9]+")) {
            throw new InvalidCallException("CallSid is not a Twilio id: '" + callSid + "'");
        }
        return callSid;
    }
}
