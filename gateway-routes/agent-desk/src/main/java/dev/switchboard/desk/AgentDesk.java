package dev.switchboard.desk;

/**
 * The agent desk's use cases of one node, made once by the application and handed to whoever serves them
 * (the agent API) or asks them (the hub's decide step asks {@link #routing()}, offline messages are left with
 * {@link #offlineMessages()}, and ratings answered with {@link #satisfaction()}; the web adapter follows {@link #widgetSetup()});
 * {@link #suggestions()} offers agents knowledge-base articles for their replies.
 */
public record AgentDesk(Accounts accounts, AgentSessions sessions, AgentPresence presence, ConversationRouting routing,
                        Handover handover, AgentReplies replies, ContactRequests contactRequests,
                        CustomerMerging merging, AddressLinking linking, QuickTexts quickTexts,
                        OfflineMessageNews offlineMessages, RecentEvents recentEvents, Satisfaction satisfaction,
                        WidgetSetup widgetSetup, SuggestedAnswers suggestions) {
}
