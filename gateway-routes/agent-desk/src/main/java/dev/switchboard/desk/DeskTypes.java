package dev.switchboard.desk;

import dev.switchboard.spi.WidgetSettings;
import java.util.List;

/**
 * Every class of the desk that travels between nodes: the records its {@link SharedRecords} hold and its
 * {@link DeskEvents} carry, and each {@link SharedRecords.Change} and {@link SharedRecords.Filter}, which run where
 * the records live. The state module registers them, so that every node carries them in one form; a new change,
 * filter or record held is added here (a test finds the changes and filters missing).
 *
 * <p>Each is a record of plain fields: strings, numbers, booleans, enums, instants, sets and lists of these, or
 * other records listed here. None is {@link java.io.Serializable}: Java serialization of the gateway's classes is
 * refused.
 */
public final class DeskTypes {
    private DeskTypes() {
    }

    /** The records held and told. */
    public static final List<Class<?>> RECORDS = List.of(AgentAccount.class, AgentContact.class, AgentSession.class,
            AgentStatus.class, Assignment.class, Assignment.HandoverNote.class, Assignment.RoutedBy.class,
            DeskEvent.class, OfflineMessage.class, PendingCallBack.class, PreferredAgent.class, QuickText.class,
            RoutingRuleBook.class, RoutingRule.class, RuleConditions.class, RuleActions.class,
            WidgetSettings.class, WidgetSettings.Texts.class, WidgetSettings.Invitation.class);

    /** The changes, which run on the node holding the record. */
    public static final List<Class<?>> CHANGES = List.of(
            Accounts.CreateIfAbsent.class, Accounts.SetPassword.class, Accounts.SetWork.class,
            AgentPresence.SetPresence.class, AgentPresence.Seen.class, AgentPresence.AwayIfSilent.class,
            AgentSessions.Touch.class, AgentSessions.End.class, AgentSessions.EndIfIdle.class,
            ContactRequests.Take.class,
            ConversationRouting.Enqueue.class, ConversationRouting.Offer.class, ConversationRouting.Claim.class,
            Handover.Transfer.class, Handover.Invite.class, Handover.Join.class, Handover.Leave.class,
            Handover.Suspend.class, Handover.Resume.class, Handover.Finish.class,
            OfflineMessageBox.Resolve.class, QuickTexts.Remove.class, Seats.Take.class, Seats.Release.class);

    /** The filters, which run on every node. */
    public static final List<Class<?>> FILTERS = List.of(
            Accounts.Everyone.class, Accounts.Managers.class,
            AgentPresence.SilentSince.class, AgentPresence.AnyStatus.class, AgentSessions.IdleSince.class,
            ConversationRouting.Queued.class, ConversationRouting.OfferedTo.class, ConversationRouting.InvitedTo.class,
            ConversationRouting.HeldBy.class, OfflineMessageBox.WithStatus.class, QuickTexts.OwnedBy.class);
}
