package dev.switchboard.hub.domain;

/** How many agents can take a conversation now, and how many customers wait for one. */
public interface AgentAvailability {

    int agentsOnDuty();

    int customersWaiting();
}
