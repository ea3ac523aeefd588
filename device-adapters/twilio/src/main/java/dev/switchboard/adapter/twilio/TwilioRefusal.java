package dev.switchboard.adapter.twilio;

import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;

/** Why Twilio's REST API did not do what we asked, in words an agent or an operator can act on. */
final class TwilioRefusal {
    private TwilioRefusal() {
    }

    /** Twilio's error code, HTTP status and message when it answered; the SDK's message when it could not be reached. */
    static String reason(TwilioException e) {
        if (e instanceof ApiException api && api.getCode() != null) {
            return "Twilio error " + api.getCode() + " (HTTP " + api.getStatusCode() + "): " + api.getMessage();
        }
        return e.getMessage();
    }
}
