package dev.switchboard.hub.state;

import com.hazelcast.replicatedmap.ReplicatedMap;
import dev.switchboard.hub.domain.AgentAvailability;

/**
 * Agents on duty and customers waiting, read from replicated maps so that the hot path asks no other
 * node. The agent desktop fills them; until an agent signs in, nobody is on duty.
 */
final class HazelcastAgentAvailability implements AgentAvailability {
    private final ReplicatedMap<String, String> agentsOnDuty;
    private final ReplicatedMap<String, String> customersWaiting;

    HazelcastAgentAvailability(ReplicatedMap<String, String> agentsOnDuty, ReplicatedMap<String, String> customersWaiting) {
        this.agentsOnDuty = agentsOnDuty;
        this.customersWaiting = customersWaiting;
    }

    @Override
    public int agentsOnDuty() {
        return agentsOnDuty.size();
    }

    @Override
    public int customersWaiting() {
        return customersWaiting.size();
    }
}
