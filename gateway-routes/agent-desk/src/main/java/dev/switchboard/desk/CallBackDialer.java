package dev.switchboard.desk;

import dev.switchboard.spi.VoiceDialer;

/** The voice channel as the desk sees it: there is one (an adapter registered a {@link VoiceDialer}) or not. */
public interface CallBackDialer extends VoiceDialer {

    /** Whether a voice channel is on to place call backs; without one, agents call customers by hand. */
    boolean available();
}
