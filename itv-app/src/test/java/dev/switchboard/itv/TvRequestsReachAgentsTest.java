package dev.switchboard.itv;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.testing.AgentClient;
import dev.switchboard.testing.HttpJson;
import dev.switchboard.testing.TestGateways;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a viewer asks for with the colour keys reaches the agents through the hub's routing: offered to an
 * agent on duty in the team of the box's broadcast region, who claims it and sees the request and what the
 * box watches in the thread.
 */
class TvRequestsReachAgentsTest {
    private static final String BOSS_PASSWORD = "correct horse battery";
    private static final String BOX = "\"setTopId\": \"stb-agent-0001\", "
            + "\"tv\": {\"service\": \"dvb://233a.1004.1044\", \"programme\": \"Evening News\", \"region\": \"London\"}";

    @Test
    void greenAndBlueAreOfferedToTheRegionsTeamWhoseAgentClaimsTheViewer(@TempDir Path dir) throws Exception {
        Map<String, String> desk = Map.of("switchboard.accounts.first-manager", "boss",
                "switchboard.accounts.first-manager-password", BOSS_PASSWORD,
                "switchboard.accounts.password-hash-cost", "4", "switchboard.agents.tick-millis", "100");
        try (Gateway gateway = TestGateways.start(dir, desk)) {
            AgentClient boss = new AgentClient(gateway.baseUri()).signedIn("boss", BOSS_PASSWORD);
            boss.postOk("/api/agent/accounts", "{\"username\": \"ann\", \"displayName\": \"Ann\", \"password\":"
                    + " \"ann long password\", \"skills\": [\"general\"], \"teams\": [\"london\"], \"capacity\": 2}");
            AgentClient ann = new AgentClient(gateway.baseUri()).signedIn("ann", "ann long password");
            ann.postOk("/api/agent/presence", "{\"presence\": \"available\"}");
            boss.postOk("/api/agent/accounts", "{\"username\": \"bob\", \"displayName\": \"Bob\", \"password\":"
                    + " \"bob long password\", \"skills\": [\"general\"], \"teams\": [\"wales\"], \"capacity\": 2}");
            AgentClient bob = new AgentClient(gateway.baseUri()).signedIn("bob", "bob long password");
            bob.postOk("/api/agent/presence", "{\"presence\": \"available\"}");
            HttpJson box = new HttpJson(gateway.baseUri());

            JsonNode opened = box.postJson("/tv/api/help", "{" + BOX + ", \"text\": \"\"}", null).json();
            String token = opened.path("customerToken").asText();
            String conversationId = opened.path("conversationId").asText();
            assertThat(ann.getOk("/api/agent/offers").path("offers")).as("opening the overlay asks nobody").isEmpty();

            JsonNode green = box.postJson("/tv/api/requests", "{" + BOX + ", \"kind\": \"agent\", \"about\":"
                    + " \"Evening News: watch again\"}", token).json();
            assertThat(green.path("reply").path("view").asText()).isEqualTo("queue-status");
            JsonNode offers = ann.getOk("/api/agent/offers").path("offers");
            assertThat(offers).hasSize(1);
            assertThat(offers.get(0).path("conversationId").asText()).isEqualTo(conversationId);
            assertThat(bob.getOk("/api/agent/offers").path("offers")).as("the box is in London: London's team only").isEmpty();

            ann.postOk("/api/agent/conversations/" + conversationId + "/claim", "{}");
            JsonNode blue = box.postJson("/tv/api/requests", "{" + BOX + ", \"kind\": \"call-back\", \"phone\":"
                    + " \"+447700900456\"}", token).json();
            assertThat(blue.path("reply").path("text").asText()).isEqualTo("Ann will call you back on +447700900456.");

            JsonNode thread = ann.getOk("/api/agent/conversations/" + conversationId);
            assertThat(thread.toString()).contains("I would like to talk to an agent. About: Evening News: watch again",
                    "Please call me back on +447700900456.", "dvb://233a.1004.1044", "Evening News");
            assertThat(thread.path("context").path("region").asText()).isEqualTo("London");
        }
    }
}
