package dev.switchboard.adapter.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.spi.DeliveryStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusCallbackTest {

    static Map<String, String> callback(String messageSid, String status, String errorCode) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", TestSettings.ACCOUNT_SID);
        form.put("From", TestSettings.FROM);
        form.put("To", "+447700900123");
        form.put("MessageSid", messageSid);
        form.put("SmsSid", messageSid);
        form.put("MessageStatus", status);
        form.put("SmsStatus", status);
        form.put("ApiVersion", "2010-04-01");
        if (errorCode != null) {
            form.put("ErrorCode", errorCode);
        }
        return form;
    }

    @Test
    void readsWhichMessageAndHowFarItGot() throws Exception {
        StatusCallback delivered = StatusCallback.parse(callback("SM100", "delivered", null), Map.of());
        assertThat(delivered.messageSid()).isEqualTo("SM100");
        assertThat(delivered.status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(delivered.status().delivery()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(delivered.failureDetail()).isNull();

        assertThat(StatusCallback.parse(callback("SM100", "sent", null), Map.of()).status().delivery())
                .isEqualTo(DeliveryStatus.SENT);
        assertThat(StatusCallback.parse(callback("SM100", "queued", null), Map.of()).status().delivery())
                .isEqualTo(DeliveryStatus.QUEUED);
    }

    @Test
    void aFailureCarriesTwiliosErrorCode() throws Exception {
        StatusCallback undelivered = StatusCallback.parse(callback("SM101", "undelivered", "30003"), Map.of());

        assertThat(undelivered.status().delivery()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(undelivered.errorCode()).isEqualTo("30003");
        assertThat(undelivered.failureDetail()).isEqualTo("undelivered, Twilio error 30003");
    }

    @Test
    void theThreadMessageComesFromTheSignedUrlsQuery() throws Exception {
        OutgoingMessage which = new OutgoingMessage("cv-1 &x", "m-2");
        Map<String, String> query = FormBody.parse(which.statusCallbackQuery());

        assertThat(StatusCallback.parse(callback("SM105", "delivered", null), query).message()).isEqualTo(which);
        assertThat(StatusCallback.parse(callback("SM105", "delivered", null), Map.of()).message()).isNull();
        assertThatThrownBy(() -> StatusCallback.parse(callback("SM106", "sent", null), Map.of("conversation", "cv-1")))
                .hasMessageContaining("both a conversation and a message");
    }

    @Test
    void aCallbackWithoutMessageOrWithAnUnknownStatusIsRefusedWithTheReason() {
        Map<String, String> noSid = callback("SM102", "sent", null);
        noSid.remove("MessageSid");
        noSid.remove("SmsSid");
        assertThatThrownBy(() -> StatusCallback.parse(noSid, Map.of())).hasMessage("MessageSid is missing");
        assertThatThrownBy(() -> StatusCallback.parse(callback("SM103", "teleported", null), Map.of()))
                .hasMessageContaining("'teleported'");
        assertThatThrownBy(() -> StatusCallback.parse(callback("SM104", "failed", "30003; DROP"), Map.of()))
                .hasMessageContaining("ErrorCode");
    }
}
