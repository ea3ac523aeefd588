package dev.switchboard.desk;

import dev.switchboard.spi.CustomerAddress;
import dev.switchboard.hub.domain.OfflineMessages;
import dev.switchboard.hub.domain.StoredMessage;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The offline message box, telling the managers' pages each message left or resolved as it happens. */
public final class OfflineMessageNews implements OfflineMessages {
    private final OfflineMessageBox box;
    private final Accounts accounts;
    private final DeskEvents events;
    private final Clock clock;

    public OfflineMessageNews(OfflineMessageBox box, Accounts accounts, DeskEvents events, Clock clock) {
        this.box = box;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void leave(String conversationId, String customerId, CustomerAddress from, StoredMessage message) {
        box.leave(conversationId, customerId, from, message);
        tellManagers();
    }

    public List<OfflineMessage> list(AgentAccount by, OfflineMessage.Status status) {
        return box.list(by, status);
    }

    public OfflineMessage resolve(AgentAccount by, String id, String note) {
        OfflineMessage resolved = box.resolve(by, id, note);
        tellManagers();
        return resolved;
    }

    private void tellManagers() {
        Set<String> managers = accounts.managers().stream().map(AgentAccount::username).collect(Collectors.toSet());
        if (!managers.isEmpty()) {
            events.publish(new DeskEvent(DeskEvent.Type.OFFLINE_MESSAGE, null, managers, clock.instant()));
        }
    }
}
