package dev.switchboard.gateway.adapters;

import dev.switchboard.desk.CallBackDialer;
import dev.switchboard.spi.VoiceDialer;

/** The adapter that places the help desk's call backs: at most one per gateway. */
public final class VoiceDialers implements CallBackDialer {
    private final SoleProvider<VoiceDialer> dialer = new SoleProvider<>("call backs");

    void register(String adapterId, VoiceDialer voiceDialer) {
        dialer.register(adapterId, voiceDialer);
    }

    @Override
    public boolean available() {
        return dialer.current().isPresent();
    }

    @Override
    public String dial(CallBack call) {
        return dialer.current()
                .orElseThrow(() -> new IllegalStateException("no voice channel is on to place call backs"))
                .dial(call);
    }
}
