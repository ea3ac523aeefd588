package dev.switchboard.spi;

/**
 * The fate of an outgoing message on a channel that tells it (an SMSC's delivery receipts, a push
 * service's answer). Shown in the thread beside the message.
 */
public enum DeliveryStatus {
    /** Waiting to be sent (the channel is away, or the message waits its turn). */
    QUEUED,
    /** Handed to the network, which accepted it. */
    SENT,
    /** The network reports it reached the device. */
    DELIVERED,
    /** The network reports it could not be delivered; the detail says why. */
    FAILED
}
