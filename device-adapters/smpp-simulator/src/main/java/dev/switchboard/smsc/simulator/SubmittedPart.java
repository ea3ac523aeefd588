package dev.switchboard.smsc.simulator;

/**
 * One submit_sm as the simulated SMSC received it, for tests that look at the wire.
 *
 * @param messageId    the id the simulator gave it
 * @param destination  the destination address as sent (digits)
 * @param esmClass     esm_class
 * @param dataCoding   data_coding
 * @param registeredDelivery registered_delivery
 * @param shortMessage the short_message octets, user data header included
 */
public record SubmittedPart(String messageId, String destination, byte esmClass, byte dataCoding,
                            byte registeredDelivery, byte[] shortMessage) {

    /** Whether the user data header indicator is set. */
    public boolean udhi() {
        return (esmClass & 0x40) != 0;
    }
}
