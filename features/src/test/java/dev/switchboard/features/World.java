package dev.switchboard.features;

import dev.switchboard.adapter.wap.testing.WapBrowser;
import dev.switchboard.testing.AgentClient;
import dev.switchboard.testing.HttpJson;
import dev.switchboard.testing.TestMailServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one scenario knows, shared by the step classes of its actors. cucumber-picocontainer is not
 * published for this Cucumber version, so there is no constructor injection: the world is a static holder
 * that {@link Hooks} replaces before every scenario. Scenarios run one after another.
 */
final class World {
    private static final AtomicInteger NUMBERS = new AtomicInteger();
    private static World current = new World();

    /** The web visitor of the scenario. */
    final WebVisitor visitor = new WebVisitor();
    /** The pager of the scenario, once connected. */
    PagerClient pager;
    /** The pager's number, a fresh one each scenario so that each pager is a new customer. */
    final String pagerNumber = String.format("+4477009%05d", NUMBERS.incrementAndGet());
    /** The text of every message the pager sent, by message id. */
    final Map<String, String> pagerTexts = new HashMap<>();
    /** Every answer line the pager got, oldest first. */
    final List<PagerClient.Answer> pagerAnswers = new ArrayList<>();
    /** The SMS customer's phone number, a fresh one each scenario so that each phone is a new customer. */
    final String phoneNumber = String.format("+4879%07d", NUMBERS.incrementAndGet());
    /** How many texts from the desk the phone had when its owner last texted. */
    int phoneAnswersSeen;
    /** The WAP phone of the scenario, once it has one. */
    WapPhone phone;
    /** The agents the scenario put on duty, by display name, signed in at their desktops; signed out at its end. */
    final Map<String, AgentClient> agents = new LinkedHashMap<>();
    /** A scenario's own suffix for agents' user names: each scenario's agents are new accounts. */
    final String agentSuffix = "-" + NUMBERS.incrementAndGet();
    /** The conversation the scenario's agents work on, once one was offered. */
    String conversationId;
    /** The suggested answer an agent inserted into her reply box, and its score before she chose it. */
    String insertedAnswer;
    double insertedScore;
    /** The call the scenario's customer made to the help number, once he called. */
    String callSid;
    /** The latest mail from the help desk the scenario's customer read. */
    TestMailServer.Received mailFromDesk;
    /** The address the scenario's customer reads his mail at, once he read some. */
    String mailbox;
    /** Whether the scenario's manager saved the chat widget's settings (put back to the defaults at its end). */
    boolean widgetSettingsSaved;
    /** The agent API's latest answer to the scenario's manager. */
    HttpJson.Response managerAnswer;

    static final class WapPhone {
        final WapBrowser browser;
        /** The number its operator's gateway gives, or {@code null}. */
        final String number;
        /** Every page it received, oldest first; each was checked for its format when it arrived. */
        final List<WapBrowser.Page> pages = new ArrayList<>();

        WapPhone(WapBrowser browser, String number) {
            this.browser = browser;
            this.number = number;
        }

        WapBrowser.Page shown() {
            if (pages.isEmpty()) {
                throw new AssertionError("the phone has not opened a page yet");
            }
            return pages.get(pages.size() - 1);
        }

        WapBrowser.Page received(WapBrowser.Page page) {
            pages.add(page);
            return page;
        }
    }

    /** A fresh phone number for a WAP subscriber, so that each scenario's phone is a new customer. */
    static String newSubscriberNumber() {
        return String.format("+4860100%04d", NUMBERS.incrementAndGet());
    }

    /** The phone of the scenario's SMS customer, a fresh number each scenario, and what Twilio got back. */
    final TextingCustomer texter = new TextingCustomer(String.format("+4477019%05d", NUMBERS.incrementAndGet()));

    static final class TextingCustomer {
        final String number;
        /** Each webhook Twilio posted for him, as posted, and the answers, oldest first. */
        final List<Map<String, String>> webhooks = new ArrayList<>();
        final List<HttpJson.Response> answers = new ArrayList<>();

        TextingCustomer(String number) {
            this.number = number;
        }
    }

    /** The shop page of the scenario: its origin, and the lines its open streams received. */
    final ShopPage shop = new ShopPage();

    static final class ShopPage {
        String origin;
        final List<String> availability = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<String> chat = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.net.http.HttpResponse<String> refused;
        private final List<java.util.stream.Stream<String>> open = new java.util.concurrent.CopyOnWriteArrayList<>();
        /** The line lists whose stream the gateway ended. */
        final java.util.Set<List<String>> ended = java.util.concurrent.ConcurrentHashMap.newKeySet();

        /** Reads a stream's lines into {@code lines} on a thread of its own, until the scenario ends. */
        void follow(java.util.stream.Stream<String> stream, List<String> lines) {
            open.add(stream);
            Thread reader = new Thread(() -> {
                try {
                    stream.forEach(lines::add);
                    ended.add(lines);
                } catch (RuntimeException closed) {
                    // the scenario ended
                }
            }, "shop-page-stream");
            reader.setDaemon(true);
            reader.start();
        }

        /** The last availability the button was told ("true" or "false"), or null before the first. */
        String available() {
            String last = null;
            for (String line : availability) {
                if (line.startsWith("data: ")) {
                    last = line.contains("true") ? "true" : "false";
                }
            }
            return last;
        }

        void close() {
            open.forEach(java.util.stream.Stream::close);
            open.clear();
        }
    }

    static final class WebVisitor {
        final String id = "visitor-" + UUID.randomUUID();
        String question;
        HttpJson.Response answer;
    }

    static World current() {
        return current;
    }

    static void reset() {
        current.close();
        current = new World();
    }

    RunningGateway gateway() {
        return RunningGateway.get();
    }

    /** The pager's latest answer line. */
    PagerClient.Answer lastPagerAnswer() {
        if (pagerAnswers.isEmpty()) {
            throw new AssertionError("the pager has not been answered yet");
        }
        return pagerAnswers.get(pagerAnswers.size() - 1);
    }

    void close() {
        // Agents leave the desk, so that the next scenario's customers find nobody on duty unless it says so.
        agents.values().forEach(agent -> agent.post("/api/agent/logout", "{}"));
        agents.clear();
        shop.close();
        if (pager != null) {
            pager.close();
            pager = null;
        }
    }
}
