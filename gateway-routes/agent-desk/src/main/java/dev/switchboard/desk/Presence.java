package dev.switchboard.desk;

/** Whether an agent takes conversations now. */
public enum Presence {
    /** Offered new conversations while he has free capacity. */
    AVAILABLE,
    /** Signed in but offered nothing; keeps the conversations he has. Also where a silent desktop ends up. */
    AWAY,
    /** Signed out. */
    OFFLINE
}
