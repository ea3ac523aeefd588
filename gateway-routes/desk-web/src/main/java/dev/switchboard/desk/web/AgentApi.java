package dev.switchboard.desk.web;

import dev.switchboard.desk.Accounts;
import dev.switchboard.desk.AddressLinking;
import dev.switchboard.desk.AgentAccount;
import dev.switchboard.desk.AgentContact;
import dev.switchboard.desk.AgentDeskException;
import dev.switchboard.desk.AgentDesk;
import dev.switchboard.desk.AgentPresence;
import dev.switchboard.desk.AgentReplies;
import dev.switchboard.desk.AgentSessions;
import dev.switchboard.desk.AgentStatus;
import dev.switchboard.desk.Assignment;
import dev.switchboard.desk.ChannelCount;
import dev.switchboard.desk.ClaimResult;
import dev.switchboard.desk.ContactRequests;
import dev.switchboard.desk.ConversationRouting;
import dev.switchboard.desk.CustomerMerging;
import dev.switchboard.desk.Handover;
import dev.switchboard.desk.NewAccount;
import dev.switchboard.desk.OfflineMessage;
import dev.switchboard.desk.Presence;
import dev.switchboard.desk.QuickText;
import dev.switchboard.desk.Satisfaction;
import dev.switchboard.desk.SuggestedAnswers;
import dev.switchboard.desk.QuickTexts;
import dev.switchboard.desk.OfflineMessageNews;
import dev.switchboard.desk.RecentEvents;
import dev.switchboard.desk.Role;
import dev.switchboard.desk.WidgetSetup;
import dev.switchboard.desk.RoutingRules;
import dev.switchboard.hub.domain.Conversation;
import dev.switchboard.hub.domain.ConversationStore;
import dev.switchboard.spi.ThreadPage;
import dev.switchboard.hub.domain.CustomerMerge;
import dev.switchboard.hub.domain.StoredMessage;
import dev.switchboard.hub.knowledge.KnowledgeMatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The agent API's operations, the one list of every path it serves ({@code /api/openapi.json} describes the
 * same list; a test keeps the two in agreement). Each operation reads its call and asks the desk's use cases.
 */
final class AgentApi {
    static final String PREFIX = "/api/agent";
    static final String SIGN_IN = PREFIX + "/login";
    static final String SIGN_OUT = PREFIX + "/logout";
    static final String ME = PREFIX + "/me";
    static final String PASSWORD = PREFIX + "/password";
    static final String ACCOUNTS = PREFIX + "/accounts";
    static final String CONVERSATION = PREFIX + "/conversations/{id}";
    static final String QUICK_TEXTS = PREFIX + "/quick-texts";
    static final String OFFLINE_MESSAGES = PREFIX + "/offline-messages";
    static final String RATINGS = PREFIX + "/ratings";
    static final String WIDGET_SETTINGS = PREFIX + "/widget-settings";
    static final String ROUTING_RULES = PREFIX + "/routing-rules";
    /** The desktop's live connection: a WebSocket upgrade ({@link LiveDesktopUpgrade}); a plain GET is told so. */
    static final String LIVE = PREFIX + "/live";

    /** The page of a thread an agent asks for ({@code before}, {@code limit}); a bad one is the API's 400. */
    private static ThreadPage threadPage(ApiCall call) {
        try {
            return ThreadPage.of(call.query().get("before"), call.query().get("limit"));
        } catch (IllegalArgumentException e) {
            throw new AgentDeskException(AgentDeskException.Kind.INVALID, e.getMessage());
        }
    }

    private final Accounts accounts;
    private final AgentSessions sessions;
    private final AgentPresence presence;
    private final ConversationRouting routing;
    private final Handover handover;
    private final AgentReplies replies;
    private final ContactRequests contactRequests;
    private final CustomerMerging merging;
    private final AddressLinking linking;
    private final QuickTexts quickTexts;
    private final ConversationStore conversations;
    private final RecentEvents recent;
    private final OfflineMessageNews offlineMessages;
    private final Satisfaction satisfaction;
    private final WidgetSetup widgetSetup;
    private final SuggestedAnswers suggestions;
    private final List<Operation> operations = new ArrayList<>();

    AgentApi(AgentDesk desk, ConversationStore conversations) {
        this.accounts = desk.accounts();
        this.sessions = desk.sessions();
        this.presence = desk.presence();
        this.routing = desk.routing();
        this.handover = desk.handover();
        this.replies = desk.replies();
        this.contactRequests = desk.contactRequests();
        this.merging = desk.merging();
        this.linking = desk.linking();
        this.quickTexts = desk.quickTexts();
        this.conversations = conversations;
        this.recent = desk.recentEvents();
        this.offlineMessages = desk.offlineMessages();
        this.satisfaction = desk.satisfaction();
        this.widgetSetup = desk.widgetSetup();
        this.suggestions = desk.suggestions();
        accountOperations();
        presenceOperations();
        routingOperations();
        handoverOperations();
        quickTextOperations();
        offlineMessageOperations();
        ratingOperations();
        widgetOperations();
        routingRuleOperations();
        suggestionOperations();
        add("POST", CONVERSATION + "/messages", call -> {
            AgentReplies.Sent sent = replies.send(call.account(), call.parameter("id"), call.text("text"),
                    call.text("channel"), call.text("idempotencyKey"));
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("message", MessageView.of(sent.message()));
            view.put("sent", sent.sent());
            view.put("problem", sent.problem());
            return new Operation.Answer(sent.sent() ? 201 : 502, view);
        });
        add("POST", CONVERSATION + "/typing", call -> {
            replies.typing(call.account(), call.parameter("id"));
            return Map.of("conversationId", call.parameter("id"));
        });
        add("POST", CONVERSATION + "/read", call -> Map.of("conversationId", call.parameter("id"),
                "moved", replies.read(call.account(), call.parameter("id"), call.requiredText("messageId"))));
    }

    List<Operation> operations() {
        return List.copyOf(operations);
    }

    private void add(String method, String path, Operation.Handler handler) {
        operations.add(new Operation(method, path, false, handler));
    }

    private void accountOperations() {
        operations.add(new Operation("POST", SIGN_IN, true, call -> {
            AgentAccount account = accounts.authenticate(call.text("username"), call.text("password"))
                    .orElseThrow(() -> new AgentDeskException(AgentDeskException.Kind.UNAUTHORIZED,
                            "the user name or the password is wrong"));
            AgentSessions.Opened opened = sessions.open(account);
            return new AgentApiServlet.SignedIn(opened.token(), signedIn(account, opened.session().csrfToken()));
        }));
        add("POST", SIGN_OUT, call -> {
            presence.set(call.account(), Presence.OFFLINE);
            sessions.close(call.sessionToken());
            return Map.of("signedOut", true);
        });
        add("GET", ME, call -> signedIn(call.account(), call.session().csrfToken()));
        add("POST", PASSWORD, call -> {
            accounts.changePassword(call.account().username(), call.text("current"), call.text("password"));
            return Map.of("changed", true);
        });
        add("GET", ACCOUNTS, call -> {
            requireManager(call);
            return Map.of("accounts", accounts.all().stream().map(AccountView::of).toList());
        });
        add("POST", ACCOUNTS, call -> {
            NewAccount request = new NewAccount(call.requiredText("username"), call.text("displayName"),
                    role(call.text("role")), call.text("password"), orEmpty(call.names("skills")),
                    orEmpty(call.names("teams")), call.integer("capacity", 1),
                    new AgentContact(call.text("phone"), call.text("email")));
            return new Operation.Answer(201, AccountView.of(accounts.create(call.account(), request)));
        });
        add("POST", ACCOUNTS + "/{username}", call -> {
            requireManager(call);
            AgentAccount before = accounts.find(call.parameter("username")).orElseThrow(() ->
                    new AgentDeskException(AgentDeskException.Kind.NOT_FOUND, "no account named " + call.parameter("username")));
            Set<String> skills = call.names("skills");
            Set<String> teams = call.names("teams");
            return AccountView.of(accounts.setWork(call.account(), before.username(), call.text("displayName"),
                    skills == null ? before.skills() : skills, teams == null ? before.teams() : teams,
                    call.integer("capacity", before.capacity()), call.text("phone"), call.text("email")));
        });
    }

    private void presenceOperations() {
        add("POST", PREFIX + "/presence", call -> {
            String text = call.requiredText("presence");
            Presence chosen;
            try {
                chosen = Presence.valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new AgentDeskException(AgentDeskException.Kind.INVALID,
                        "presence is available, away or offline, was '" + text + "'");
            }
            return StatusView.of(presence.set(call.account(), chosen));
        });
        add("GET", PREFIX + "/events", call -> {
            long after = call.query("after");
            List<Map<String, Object>> events = new ArrayList<>();
            long last = recent.last();
            for (RecentEvents.Numbered numbered : recent.after(after, call.account().username())) {
                Map<String, Object> view = new LinkedHashMap<>();
                view.put("seq", numbered.seq());
                view.put("type", numbered.event().type());
                view.put("conversationId", numbered.event().conversationId());
                view.put("at", numbered.event().at());
                events.add(view);
            }
            return Map.of("events", events, "last", last);
        });
        add("GET", LIVE, call -> new Operation.Answer(426, Map.of("error", "upgrade_required",
                "message", "this is the desktop's live connection: open it as a WebSocket")));
        add("GET", PREFIX + "/agents", call ->
                Map.of("agents", presence.everyone().stream().map(StatusView::of).toList()));
    }

    private void routingOperations() {
        add("GET", PREFIX + "/queue", call -> {
            List<Assignment> queue = routing.queue();
            List<Map<String, Object>> waiting = new ArrayList<>();
            for (int i = 0; i < queue.size(); i++) {
                Map<String, Object> view = assignmentView(queue.get(i));
                view.put("position", i + 1);
                view.put("estimatedWaitSeconds", routing.estimatedWait(i + 1).toSeconds());
                waiting.add(view);
            }
            return Map.of("waiting", waiting);
        });
        add("GET", PREFIX + "/offers", call -> Map.of("offers",
                routing.offersFor(call.account().username()).stream().map(AgentApi::assignmentView).toList()));
        add("GET", PREFIX + "/conversations", call -> Map.of(
                "conversations", routing.heldBy(call.account().username()).stream().map(AgentApi::assignmentView).toList(),
                "invitations", routing.invitationsFor(call.account().username()).stream().map(AgentApi::assignmentView).toList()));
        add("GET", CONVERSATION, call -> {
            Assignment assignment = visibleAssignment(call);
            Conversation conversation = conversations.get(assignment.conversationId()).orElseThrow(() ->
                    notFound(assignment.conversationId()));
            Map<String, Object> view = assignmentView(assignment);
            view.put("context", conversation.context());
            ConversationStore.MessagePage page = merging.thread(conversation, threadPage(call));
            view.put("messages", page.messages().stream().map(MessageView::of).toList());
            view.put("older", page.olderCursor());
            view.put("customerReadUpTo", conversation.customerReadUpTo());
            view.put("agentsReadUpTo", conversation.agentsReadUpTo());
            view.put("channelCounts", ChannelCount.of(page.messages()));
            view.put("merged", merging.mergedInto(conversation).stream().map(MergedView::of).toList());
            view.put("ratings", satisfaction.ofConversations(List.of(assignment.conversationId())).stream()
                    .map(RatingViews.RatingView::of).toList());
            return view;
        });
        add("POST", CONVERSATION + "/merge", call -> {
            Assignment assignment = participating(call);
            CustomerMerge merge = merging.merge(call.account(), assignment.conversationId(),
                    call.requiredText("conversation"));
            return Map.of("conversationId", assignment.conversationId(), "merged",
                    MergedView.of(new CustomerMerging.MergedCustomer(call.requiredText("conversation"), merge)));
        });
        add("POST", CONVERSATION + "/addresses", call -> {
            Assignment assignment = participating(call);
            AddressLinking.Linked linked = linking.link(call.account(), assignment.conversationId(),
                    call.text("channel"), call.text("address"));
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("conversationId", assignment.conversationId());
            view.put("address", linked.address());
            view.put("channel", linked.link().source());
            view.put("linkedAt", linked.link().linkedAt());
            view.put("merged", linked.addressConversationId());
            return new Operation.Answer(201, view);
        });
        add("POST", CONVERSATION + "/unmerge", call -> {
            Assignment assignment = participating(call);
            CustomerMerge undone = merging.undo(assignment.conversationId(), call.requiredText("conversation"));
            return Map.of("conversationId", assignment.conversationId(), "unmerged", call.requiredText("conversation"),
                    "mergedBy", undone.mergedBy());
        });
        add("POST", CONVERSATION + "/claim", call -> {
            String id = call.parameter("id");
            AgentStatus status = presence.status(call.account().username()).orElse(null);
            ClaimResult result = status == null ? new ClaimResult(ClaimResult.Outcome.NOT_OFFERED, null)
                    : routing.claim(status, id);
            if (result.outcome() == ClaimResult.Outcome.WON) {
                replies.greet(call.account(), id);
                contactRequests.agentTookOver(call.account(), id);
            }
            return switch (result.outcome()) {
                case WON -> assignmentView(result.assignment());
                case TAKEN -> new Operation.Answer(409, Map.of("error", "taken",
                        "message", "another agent took this conversation first"));
                case NOT_OFFERED -> new Operation.Answer(409, Map.of("error", "not_offered",
                        "message", "this conversation is not offered to you (any more)"));
                case NO_CAPACITY -> new Operation.Answer(409, Map.of("error", "no_capacity",
                        "message", "you hold as many conversations as your capacity allows"));
            };
        });
        add("POST", CONVERSATION + "/preferred", call -> {
            Assignment assignment = participating(call);
            routing.markPreferred(call.account().username(), assignment);
            return Map.of("preferredAgent", call.account().username());
        });
    }

    private void handoverOperations() {
        add("POST", CONVERSATION + "/transfer", call -> {
            String toAgent = call.text("toAgent");
            String toTeam = call.text("toTeam");
            if ((toAgent == null) == (toTeam == null)) {
                throw new AgentDeskException(AgentDeskException.Kind.INVALID, "give either 'toAgent' or 'toTeam'");
            }
            return assignmentView(toAgent != null
                    ? handover.transferToAgent(call.account(), call.parameter("id"), toAgent, call.text("note"))
                    : handover.transferToTeam(call.account(), call.parameter("id"), toTeam, call.text("note")));
        });
        add("POST", CONVERSATION + "/invite", call -> assignmentView(handover.invite(call.account(),
                call.parameter("id"), call.requiredText("agent"), call.text("note"))));
        add("POST", CONVERSATION + "/join", call -> {
            AgentStatus status = presence.status(call.account().username()).orElseThrow(() ->
                    new AgentDeskException(AgentDeskException.Kind.CONFLICT, "set your presence first"));
            return assignmentView(handover.join(status, call.parameter("id")));
        });
        add("POST", CONVERSATION + "/leave", call -> assignmentView(handover.leave(call.account(), call.parameter("id"))));
        add("POST", CONVERSATION + "/suspend", call ->
                assignmentView(handover.suspend(call.account(), call.parameter("id"))));
        add("POST", CONVERSATION + "/resume", call ->
                assignmentView(handover.resume(call.account(), call.parameter("id"))));
        add("POST", CONVERSATION + "/finish", call ->
                assignmentView(handover.finish(call.account(), call.parameter("id"), call.text("wrapUp"))));
    }

    private void quickTextOperations() {
        add("GET", QUICK_TEXTS, call -> Map.of("quickTexts", quickTexts.forAgent(call.account().username()).stream()
                .map(q -> Map.of("shortcut", q.shortcut(), "text", q.text(), "shared", q.shared())).toList()));
        add("POST", QUICK_TEXTS, call -> {
            QuickText saved = quickTexts.save(call.account(), call.requiredText("shortcut"), call.text("text"),
                    call.bool("shared"));
            return new Operation.Answer(201, Map.of("shortcut", saved.shortcut(), "text", saved.text(),
                    "shared", saved.shared()));
        });
        add("POST", QUICK_TEXTS + "/delete", call -> {
            quickTexts.delete(call.account(), call.requiredText("shortcut"), call.bool("shared"));
            return Map.of("deleted", true);
        });
    }

    private void offlineMessageOperations() {
        add("GET", OFFLINE_MESSAGES, call -> {
            String status = call.query().get("status");
            OfflineMessage.Status wanted = null;
            if (status != null && !status.isEmpty()) {
                try {
                    wanted = OfflineMessage.Status.valueOf(status.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new AgentDeskException(AgentDeskException.Kind.INVALID,
                            "status is open or resolved, was '" + status + "'");
                }
            }
            return Map.of("offlineMessages",
                    offlineMessages.list(call.account(), wanted).stream().map(OfflineMessageView::of).toList());
        });
        add("POST", OFFLINE_MESSAGES + "/{id}/resolve", call -> OfflineMessageView.of(
                offlineMessages.resolve(call.account(), call.parameter("id"), call.text("note"))));
    }

    private void ratingOperations() {
        add("GET", RATINGS, call -> Map.of("ratings", satisfaction.latestOf(call.account().username()).stream()
                .map(RatingViews.RatingView::of).toList()));
        add("GET", RATINGS + "/counts", call -> {
            Instant from = instant(call, "from");
            Instant to = instant(call, "to");
            return Map.of("from", from, "to", to, "counts", satisfaction.counts(call.account(), from, to).stream()
                    .map(RatingViews.CountView::of).toList());
        });
    }

    /** The manager page "Embed the button": the chat widget's settings, in force on every node once saved. */
    private void widgetOperations() {
        add("GET", WIDGET_SETTINGS, call -> {
            requireManager(call);
            return WidgetSettingsJson.view(widgetSetup.now(), widgetSetup);
        });
        add("PUT", WIDGET_SETTINGS, call -> {
            requireManager(call);
            return WidgetSettingsJson.view(widgetSetup.save(call.account(), WidgetSettingsJson.read(call.body())),
                    widgetSetup);
        });
    }

    /** The routing rules: managers read them and replace the whole ordered list (see {@link RoutingRuleJson}). */
    private void routingRuleOperations() {
        add("GET", ROUTING_RULES, call -> {
            requireManager(call);
            return Map.of("rules", routingRules().list());
        });
        add("PUT", ROUTING_RULES, call -> Map.of("rules",
                routingRules().replace(call.account(), RoutingRuleJson.rules(call.body()))));
    }

    private RoutingRules routingRules() {
        if (routing.rules() == null) {
            throw new AgentDeskException(AgentDeskException.Kind.NOT_FOUND, "this desk keeps no routing rules");
        }
        return routing.rules();
    }

    /**
     * Suggested answers for the conversation's last customer message, and an agent's choice of one. A choice counts
     * once per agent, conversation and article, so a double click (or a repeated request) answers alike and counts
     * once: {@code counted} tells whether this call counted it.
     */
    private void suggestionOperations() {
        add("GET", CONVERSATION + "/suggestions", call -> {
            Assignment assignment = participating(call);
            return Map.of("conversationId", assignment.conversationId(), "suggestions",
                    suggestions.forConversation(assignment.conversationId()).stream().map(SuggestionView::of).toList());
        });
        add("POST", CONVERSATION + "/suggestions/{articleId}/chosen", call -> {
            Assignment assignment = participating(call);
            boolean counted = suggestions.chosen(call.account(), assignment.conversationId(), call.parameter("articleId"));
            return Map.of("conversationId", assignment.conversationId(), "articleId", call.parameter("articleId"),
                    "counted", counted);
        });
    }

    private static Instant instant(ApiCall call, String name) {
        String value = call.query().get(name);
        if (value == null || value.isBlank()) {
            throw new AgentDeskException(AgentDeskException.Kind.INVALID, name + " is missing: an ISO-8601 instant such as 2026-12-01T00:00:00Z");
        }
        try {
            return Instant.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new AgentDeskException(AgentDeskException.Kind.INVALID, name + " is not an ISO-8601 instant such as 2026-12-01T00:00:00Z: '" + value + "'");
        }
    }

    /** The assignment, when the caller takes part, owns it, is invited, is offered it, or is a manager. */
    private Assignment visibleAssignment(ApiCall call) {
        String id = call.parameter("id");
        String me = call.account().username();
        return routing.assignment(id)
                .filter(a -> call.account().isManager() || a.participants().contains(me) || me.equals(a.owner())
                        || a.invited().contains(me) || a.offeredTo().contains(me))
                .orElseThrow(() -> notFound(id));
    }

    /** The assignment, when the caller takes part in it. */
    private Assignment participating(ApiCall call) {
        String id = call.parameter("id");
        return routing.assignment(id)
                .filter(a -> a.participants().contains(call.account().username()))
                .orElseThrow(() -> notFound(id));
    }

    private static AgentDeskException notFound(String conversationId) {
        return new AgentDeskException(AgentDeskException.Kind.NOT_FOUND,
                "no conversation " + conversationId + " that you take part in, are invited to or are offered");
    }

    static Map<String, Object> assignmentView(Assignment a) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("conversationId", a.conversationId());
        view.put("stage", a.stage());
        view.put("owner", a.owner());
        view.put("ownerName", a.ownerName());
        view.put("participants", a.participants());
        view.put("invited", a.invited());
        view.put("offeredTo", a.offeredTo());
        view.put("queuedAt", a.queuedAt());
        view.put("offerExpiresAt", a.offerExpiresAt());
        view.put("skill", a.skill());
        view.put("team", a.team());
        view.put("reservedFor", a.reservedFor());
        view.put("notes", a.notes());
        view.put("wrapUp", a.wrapUp());
        view.put("routingRule", a.routingRule());
        view.put("priority", a.priority());
        view.put("tags", a.tags());
        return view;
    }

    private static void requireManager(ApiCall call) {
        if (!call.account().isManager()) {
            throw new AgentDeskException(AgentDeskException.Kind.FORBIDDEN, "only a manager may do this");
        }
    }

    private static Role role(String text) {
        if (text == null) {
            return Role.AGENT;
        }
        try {
            return Role.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new AgentDeskException(AgentDeskException.Kind.INVALID, "role is MANAGER or AGENT, was '" + text + "'");
        }
    }

    private static Set<String> orEmpty(Set<String> names) {
        return names == null ? Set.of() : names;
    }

    private static Map<String, Object> signedIn(AgentAccount account, String csrfToken) {
        return Map.of("account", AccountView.of(account), "csrfToken", csrfToken,
                "passwordChangeRequired", account.mustChangePassword());
    }

    /** An agent's presence and load. */
    record StatusView(String username, String displayName, Presence presence, Set<String> skills, Set<String> teams,
                      int capacity, int load, Instant lastSeen) {
        static StatusView of(AgentStatus s) {
            return new StatusView(s.username(), s.displayName(), s.presence(), new TreeSet<>(s.skills()),
                    new TreeSet<>(s.teams()), s.capacity(),
                    s.conversations().size(), s.lastSeen());
        }
    }

    /** One message of the thread as agents see it. */
    record MessageView(String id, String channel, String direction, String author, String text, Instant at) {
        static MessageView of(StoredMessage m) {
            return new MessageView(m.id(), m.channel(), m.direction().name(), m.author(), m.text(), m.at());
        }
    }

    /** A knowledge-base article suggested for an agent's reply, with its score (boosted by agents' choices). */
    record SuggestionView(String articleId, String topic, String question, String answer, double score) {
        static SuggestionView of(KnowledgeMatch match) {
            return new SuggestionView(match.article().id(), match.article().topic(), match.article().question(),
                    match.article().answer(), match.score());
        }
    }

    /** A customer merged into the conversation's customer, by his own conversation. */
    record MergedView(String conversationId, String mergedBy, Instant mergedAt) {
        static MergedView of(CustomerMerging.MergedCustomer m) {
            return new MergedView(m.conversationId(), m.merge().mergedBy(), m.merge().mergedAt());
        }
    }

    /** An offline message as managers see it. */
    record OfflineMessageView(String id, String conversationId, String from, String channel, String text, Instant at,
                              String status, String resolvedBy, Instant resolvedAt, String note) {
        static OfflineMessageView of(OfflineMessage m) {
            String from = m.from().substring(m.from().indexOf(':') + 1);
            return new OfflineMessageView(m.id(), m.conversationId(), from, m.channel(), m.text(), m.at(),
                    m.status().name().toLowerCase(Locale.ROOT), m.resolvedBy(), m.resolvedAt(), m.note());
        }
    }

    /** An account as the API shows it: never the password hash. */
    record AccountView(String username, String displayName, Role role, Set<String> skills, Set<String> teams,
                       int capacity, String phone, String email) {
        static AccountView of(AgentAccount a) {
            return new AccountView(a.username(), a.displayName(), a.role(), new TreeSet<>(a.skills()),
                    new TreeSet<>(a.teams()), a.capacity(), a.contact().phone(), a.contact().email());
        }
    }
}
