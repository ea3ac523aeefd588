package dev.switchboard.adapter.smpp;

import java.util.List;
import java.util.Locale;

/**
 * The words a customer texts to steer the desk rather than ask it something, each configurable as a list
 * and matched in any case when the whole text (trimmed) is one of them.
 */
record Keywords(List<String> help, List<String> agent, List<String> stop, List<String> start, List<String> more,
                List<String> call) {

    enum Command { HELP, AGENT, STOP, START, MORE, CALL, QUESTION }

    Command commandOf(String text) {
        String word = text.strip().toUpperCase(Locale.ROOT);
        if (stop.contains(word)) {
            return Command.STOP;
        }
        if (start.contains(word)) {
            return Command.START;
        }
        if (help.contains(word)) {
            return Command.HELP;
        }
        if (agent.contains(word)) {
            return Command.AGENT;
        }
        if (more.contains(word)) {
            return Command.MORE;
        }
        if (call.contains(word)) {
            return Command.CALL;
        }
        return Command.QUESTION;
    }

    /** The first word of each list, as the desk names them to customers. */
    String helpWord() {
        return help.isEmpty() ? "HELP" : help.get(0);
    }

    String agentWord() {
        return agent.isEmpty() ? "AGENT" : agent.get(0);
    }

    String stopWord() {
        return stop.isEmpty() ? "STOP" : stop.get(0);
    }

    String startWord() {
        return start.isEmpty() ? "START" : start.get(0);
    }

    /** The first call-back word, or {@code null} when none is configured. */
    String callWord() {
        return call.isEmpty() ? null : call.get(0);
    }

    String moreWord() {
        return more.isEmpty() ? "MORE" : more.get(0);
    }
}
