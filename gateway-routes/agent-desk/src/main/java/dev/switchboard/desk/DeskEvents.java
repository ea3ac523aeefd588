package dev.switchboard.desk;

/** Tells every node's desktops what happened; a node keeps what it hears in its {@link RecentEvents}. */
public interface DeskEvents {

    void publish(DeskEvent event);

    /** Tells nobody: for tests of one piece. */
    DeskEvents NONE = event -> { };
}
