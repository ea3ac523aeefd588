package dev.switchboard.smpp.wire;

import java.util.Arrays;

/**
 * The text octets of a short message, with its concatenation information when it is one part of a long
 * message: from a user data header (information element 0x00, 8-bit reference, or 0x08, 16-bit reference)
 * when the UDHI bit of esm_class is set, else from the SAR TLVs.
 *
 * @param octets        the text in the message's alphabet, without the header
 * @param concatenation where the part belongs, or {@code null} for a whole message
 */
public record UserData(byte[] octets, Concatenation concatenation) {

    /**
     * @param shortMessage the short_message field, or message_payload when that was used
     * @param udhi         whether esm_class says a user data header is there
     * @param sar          the concatenation from the SAR TLVs, or {@code null}
     * @throws IllegalArgumentException when the header is malformed
     */
    public static UserData read(byte[] shortMessage, boolean udhi, Concatenation sar) {
        if (!udhi) {
            return new UserData(shortMessage, sar);
        }
        if (shortMessage.length == 0) {
            throw new IllegalArgumentException("the user data header indicator is set but the message is empty");
        }
        int headerLength = shortMessage[0] & 0xFF;
        if (1 + headerLength > shortMessage.length) {
            throw new IllegalArgumentException("the user data header is longer (" + headerLength
                    + " octets) than the message (" + shortMessage.length + ")");
        }
        Concatenation concatenation = sar;
        int i = 1;
        while (i + 1 < 1 + headerLength) {
            int element = shortMessage[i] & 0xFF;
            int length = shortMessage[i + 1] & 0xFF;
            int value = i + 2;
            if (value + length > 1 + headerLength) {
                throw new IllegalArgumentException("user data header element 0x" + Integer.toHexString(element)
                        + " runs past the header");
            }
            if (element == 0x00 && length == 3) {
                concatenation = new Concatenation(shortMessage[value] & 0xFF,
                        shortMessage[value + 1] & 0xFF, shortMessage[value + 2] & 0xFF);
            } else if (element == 0x08 && length == 4) {
                concatenation = new Concatenation(((shortMessage[value] & 0xFF) << 8) | (shortMessage[value + 1] & 0xFF),
                        shortMessage[value + 2] & 0xFF, shortMessage[value + 3] & 0xFF);
            }
            i = value + length;
        }
        return new UserData(Arrays.copyOfRange(shortMessage, 1 + headerLength, shortMessage.length), concatenation);
    }
}
