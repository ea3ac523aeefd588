package dev.switchboard.spi;

import java.util.function.Consumer;

/**
 * Whether an agent who can take a customer's chat is available right now, from {@link AdapterContext#agentsAvailable},
 * for an adapter that shows it before the customer writes (a web page's chat button). The gateway follows its agents'
 * presence on every node; a change reaches the subscribers within a second or so of the first agent arriving or the
 * last one leaving.
 */
public interface AgentsAvailable {

    /** Whether at least one agent is available now. */
    boolean now();

    /**
     * Calls {@code listener} with the new answer each time it changes, from now on, on a thread of the gateway's own:
     * a listener should return quickly.
     *
     * @return closing it stops the calls
     */
    SharedTopic.Subscription subscribe(Consumer<Boolean> listener);

    /** Nobody, ever: for a context that has no agents (an adapter tested alone). */
    AgentsAvailable NOBODY = new AgentsAvailable() {
        @Override
        public boolean now() {
            return false;
        }

        @Override
        public SharedTopic.Subscription subscribe(Consumer<Boolean> listener) {
            return () -> { };
        }
    };
}
