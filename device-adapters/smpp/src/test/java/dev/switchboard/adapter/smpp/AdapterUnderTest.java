package dev.switchboard.adapter.smpp;

import dev.switchboard.adapter.testkit.InMemoryRecords;
import dev.switchboard.adapter.testkit.RecordingHelpDesk;
import dev.switchboard.adapter.testkit.StandInGateway;
import dev.switchboard.spi.HelpDesk;
import dev.switchboard.spi.PhoneTexter;
import dev.switchboard.spi.Reply;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SMPP adapter started as the gateway starts it, on the test kit's stand-in gateway: with the gateway's own
 * defaults, reconnects and sends that do not wait long, and the test's overrides, bound to an SMSC on loopback.
 */
final class AdapterUnderTest implements AutoCloseable {
    final SmppAdapter adapter = new SmppAdapter();
    private final StandInGateway gateway;

    private AdapterUnderTest(HelpDesk helpDesk, InMemoryRecords records, Map<String, String> settings) throws Exception {
        gateway = StandInGateway.builder().helpDesk(helpDesk).records(records).withGatewayDefaults().settings(settings)
                .start(adapter);
    }

    /** A help desk that answers each text with "You said: " and it, and offers three topics. */
    static RecordingHelpDesk helpDesk() {
        return new RecordingHelpDesk().answerWith(asked -> answer("You said: " + asked.text()))
                .withTopics("Opening hours", "Reset password", "Roaming abroad");
    }

    /** {@code text} as the knowledge base's answer. */
    static Reply answer(String text) {
        return Reply.answer(text, Reply.Source.KNOWLEDGE_BASE, List.of());
    }

    /** Starts the adapter bound to the SMSC on 127.0.0.1:{@code smscPort}, its records its own. */
    static AdapterUnderTest start(HelpDesk helpDesk, Path dataDir, int smscPort, Map<String, String> overrides)
            throws Exception {
        return start(helpDesk, new InMemoryRecords(), dataDir, smscPort, overrides);
    }

    /**
     * Starts the adapter bound to the SMSC on 127.0.0.1:{@code smscPort}, its records in {@code records} (shared with
     * an adapter started before it, or beside it), its data directory {@code dataDir}.
     */
    static AdapterUnderTest start(HelpDesk helpDesk, InMemoryRecords records, Path dataDir, int smscPort,
                                  Map<String, String> overrides) throws Exception {
        Map<String, String> values = new HashMap<>();
        values.put("switchboard.data.dir", dataDir.toString());
        values.put("switchboard.smpp.reconnect-min-millis", "100");
        values.put("switchboard.smpp.reconnect-max-millis", "400");
        values.put("switchboard.smpp.send-rate", "0");
        values.put("switchboard.smpp.host", "127.0.0.1");
        values.put("switchboard.smpp.port", String.valueOf(smscPort));
        values.putAll(overrides);
        return new AdapterUnderTest(helpDesk, records, values);
    }

    /** What the adapter registered to text phones outside any conversation. */
    Optional<PhoneTexter> registeredTexter() {
        return gateway.registeredTexter();
    }

    @Override
    public void close() {
        gateway.close();
    }
}
