package dev.switchboard.adapter.twilio;

import com.twilio.exception.ApiException;
import com.twilio.http.HttpClient;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import dev.switchboard.spi.E164Number;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends texts through Twilio's REST API with the SDK ({@code Message.creator(to, from, body)}), for answers
 * that leave later than the webhook that asked (an agent's reply). Each message asks Twilio for status
 * callbacks at our {@code /twilio/status}. Thread-safe.
 */
final class TwilioMessages {
    private static final Logger LOG = LoggerFactory.getLogger(TwilioMessages.class);

    private final TwilioRestClient client;
    private final E164Number from;
    private final String statusCallback;

    TwilioMessages(TwilioSettings settings) {
        this(settings, BaseUrlHttpClient.forBase(settings.apiBaseUrl()));
    }

    TwilioMessages(TwilioSettings settings, HttpClient http) {
        this.client = settings.restClient(http);
        this.from = settings.from();
        this.statusCallback = settings.publicAddress(StatusCallbackServlet.PATH);
    }

    /** Twilio refused or could not be reached; the message says why, with Twilio's error code when it gave one. */
    static final class SendFailedException extends Exception {
        SendFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Sends {@code body} to {@code to} from the configured number; Twilio's status callbacks for it will name
     * {@code which}.
     *
     * @param which the thread message this text is, or {@code null} when it is none
     * @return Twilio's MessageSid of the new message
     */
    String send(E164Number to, String body, OutgoingMessage which) throws SendFailedException {
        URI callback = URI.create(which == null ? statusCallback : statusCallback + "?" + which.statusCallbackQuery());
        try {
            Message message = Message.creator(new PhoneNumber(to.value()), new PhoneNumber(from.value()), body)
                    .setStatusCallback(callback)
                    .create(client);
            LOG.info("Sent text {} through Twilio, status {}", message.getSid(), message.getStatus());
            return message.getSid();
        } catch (ApiException e) {
            throw new SendFailedException("Twilio did not take the text: " + TwilioRefusal.reason(e), e);
        }
    }
}
