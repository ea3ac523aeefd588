package dev.switchboard.adapter.wap;

import dev.switchboard.spi.CustomerAddress;
import dev.switchboard.spi.DeviceProfile;
import dev.switchboard.spi.E164Number;

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
 * @param lastReply        the reply shown last, for its "more" pages, or {@code null} before the first
 * @param numberCheck      the code texted last to verify the customer's number, or {@code null}
 * @param codesSent        how many codes the session has had texted
 */
record WapSession(String addressKey, String customerToken, String conversationId, boolean operatorVerified,
                  String profileId, String placeName, ShownReply lastReply, NumberCheck numberCheck, int codesSent,
                  Earlier earlier) {

    /**
     * The anonymous conversation the session wrote in before it verified its number, and the token that reads it:
     * its questions stay there (another customer, until an agent merges the two), and the phone still shows them.
     */
    record Earlier(String conversationId, String customerToken) {
    }

    /** A session that has sent nothing yet, opened to verify the customer's number first. */
    static WapSession anonymous(CustomerAddress address, String profileId) {
        return new WapSession(address.key(), null, null, false, profileId, null, null, null, 0, null);
    }

    CustomerAddress address() {
        return CustomerAddress.parse(addressKey);
    }

    DeviceProfile profile() {
        return profileId == null ? null : DeviceProfile.fromId(profileId);
    }

    /** Whether the session writes as a phone number, given by the operator or verified by a code. */
    boolean identified() {
        return address() instanceof E164Number;
    }

    WapSession answered(String token, String conversation, String place, ShownReply reply) {
        return new WapSession(addressKey, token, conversation, operatorVerified, profileId, place, reply, numberCheck,
                codesSent, earlier);
    }

    WapSession codeSent(NumberCheck check) {
        return new WapSession(addressKey, customerToken, conversationId, operatorVerified, profileId, placeName,
                lastReply, check, codesSent + 1, earlier);
    }

    WapSession codeTried(NumberCheck after) {
        return new WapSession(addressKey, customerToken, conversationId, operatorVerified, profileId, placeName,
                lastReply, after, codesSent, earlier);
    }

    /**
     * The session writing as {@code number} from now on, with the customer token the adapter knows for it (or
     * none); its conversation is the number's, learnt with the next message. The anonymous one it wrote in so far
     * is kept as {@link #earlier()}.
     */
    WapSession verifiedAs(E164Number number, String token) {
        Earlier before = conversationId != null && customerToken != null && !identified()
                ? new Earlier(conversationId, customerToken) : earlier;
        return new WapSession(number.key(), token, null, false, profileId, placeName, lastReply, null, codesSent,
                before);
    }

    @Override
    public String toString() {
        return "WapSession[" + addressKey + ", conversation " + conversationId + ", token "
                + (customerToken == null ? "unknown" : "(hidden)") + (earlier == null ? "" : ", earlier conversation "
                + earlier.conversationId()) + "]";
    }
}
