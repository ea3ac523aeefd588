package dev.switchboard.adapter.wap;

import dev.switchboard.spi.CustomerAddress;
import dev.switchboard.spi.DeviceProfile;
import java.io.Serializable;

/**
 * One phone's visit, kept in a cluster-wide map under an unguessable id that travels in the URL (WAP
 * browsers keep no cookies). The customer token stays here, on the server: it never appears in a URL.
 *
 * @param addressKey       the customer address the session writes as ({@link CustomerAddress#key()})
 * @param customerToken    the token of the customer's conversation, or {@code null} when unknown
 * @param conversationId   the customer's conversation
 * @param operatorVerified whether the address is a number the operator's gateway vouched for; every later
 *                         request of the session must then come with the same number
 * @param profileId        the profile the phone asked for explicitly, or {@code null}
 * @param placeName        the town or postcode the customer keyed in last, or {@code null}
 * @param lastReply        the reply shown last, for its "more" pages
 */
record WapSession(String addressKey, String customerToken, String conversationId, boolean operatorVerified,
                  String profileId, String placeName, ShownReply lastReply) implements Serializable {

    CustomerAddress address() {
        return CustomerAddress.parse(addressKey);
    }

    DeviceProfile profile() {
        return profileId == null ? null : DeviceProfile.fromId(profileId);
    }

    WapSession answered(String token, String conversation, String place, ShownReply reply) {
        return new WapSession(addressKey, token, conversation, operatorVerified, profileId, place, reply);
    }

    @Override
    public String toString() {
        return "WapSession[" + addressKey + ", conversation " + conversationId + ", token "
                + (customerToken == null ? "unknown" : "(hidden)") + "]";
    }
}
