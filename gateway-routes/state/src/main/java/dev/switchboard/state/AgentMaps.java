package dev.switchboard.state;

import com.hazelcast.core.HazelcastInstance;
import dev.switchboard.desk.AgentAccount;
import dev.switchboard.desk.AgentSession;
import dev.switchboard.desk.AgentStatus;
import dev.switchboard.desk.Assignment;
import dev.switchboard.desk.PendingCallBack;
import dev.switchboard.desk.OfflineMessage;
import dev.switchboard.desk.PreferredAgent;
import dev.switchboard.desk.QuickText;
import dev.switchboard.desk.RoutingRuleBook;
import dev.switchboard.desk.SharedRecords;
import dev.switchboard.spi.WidgetSettings;
import java.time.Duration;

/**
 * The agent desk's records in the cluster's maps, as the desk's {@link SharedRecords}; {@link SharedMaps} says how
 * each map is kept and which survive a restart.
 */
public final class AgentMaps {
    private final HazelcastInstance instance;

    AgentMaps(HazelcastInstance instance) {
        this.instance = instance;
    }

    public SharedRecords<AgentAccount> accounts() {
        return new HazelcastSharedRecords<>(instance.getMap(SharedMaps.ACCOUNTS));
    }

    public SharedRecords<AgentSession> sessions() {
        return new HazelcastSharedRecords<>(instance.getMap(SharedMaps.SESSIONS));
    }

    public SharedRecords<AgentStatus> statuses() {
        return new HazelcastSharedRecords<>(instance.getMap(SharedMaps.STATUSES));
    }

    public SharedRecords<Assignment> assignments() {
        return new HazelcastSharedRecords<>(instance.getMap(SharedMaps.ASSIGNMENTS), new KeepFinished(SharedMaps.FINISHED_IN_MEMORY));
    }

    /** Desk events of the whole cluster. */
    public HazelcastDeskEvents deskEvents() {
        return new HazelcastDeskEvents(instance.getTopic(SharedMaps.DESK_EVENTS));
    }

    public SharedRecords<QuickText> quickTexts() {
        return new HazelcastSharedRecords<>(instance.getMap(SharedMaps.QUICK_TEXTS));
    }

    /** The chat widget's settings, whose changes every node hears. */
    public SharedRecords<WidgetSettings> widgetSettings() {
        return new HazelcastSharedRecords<>(instance.getMap(SharedMaps.WIDGET_SETTINGS));
    }

    /** Call backs waiting for an agent to take their conversation, by conversation id. */
    public SharedRecords<PendingCallBack> callBacks() {
        return new HazelcastSharedRecords<>(instance.getMap(SharedMaps.CALL_BACKS));
    }

    public SharedRecords<OfflineMessage> offlineMessages() {
        return new HazelcastSharedRecords<>(instance.getMap(SharedMaps.OFFLINE_MESSAGES));
    }

    /** The routing rules, one record under {@link RoutingRuleBook#KEY}. */
    public SharedRecords<RoutingRuleBook> routingRules() {
        return new HazelcastSharedRecords<>(instance.getMap(SharedMaps.ROUTING_RULES));
    }

    public SharedRecords<PreferredAgent> preferredAgents() {
        return new HazelcastSharedRecords<>(instance.getMap(SharedMaps.PREFERRED_AGENTS));
    }

    /**
     * Keeps a finished assignment in memory for {@code seconds}, any other for good. It travels with each change of an
     * assignment, in seconds: Compact has no field kind for a duration.
     */
    record KeepFinished(long seconds) implements HazelcastSharedRecords.Retention<Assignment> {
        KeepFinished(Duration period) {
            this(period.toSeconds());
        }

        @Override
        public Duration keepFor(Assignment assignment) {
            return assignment.stage() == Assignment.Stage.FINISHED ? Duration.ofSeconds(seconds) : null;
        }
    }
}
