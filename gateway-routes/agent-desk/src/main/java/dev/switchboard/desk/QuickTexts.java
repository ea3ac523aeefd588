package dev.switchboard.desk;

import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Quick texts: every agent keeps his own, managers keep the shared ones. An agent sees the shared ones and
 * his own; his own wins where both have a shortcut.
 */
public final class QuickTexts {
    static final int MAX_TEXT_LENGTH = 4000;

    private final SharedRecords<QuickText> texts;
    private final Clock clock;

    public QuickTexts(SharedRecords<QuickText> texts, Clock clock) {
        this.texts = texts;
        this.clock = clock;
    }

    /** What this agent can insert, by shortcut. */
    public List<QuickText> forAgent(String username) {
        Map<String, QuickText> byShortcut = new LinkedHashMap<>();
        List<QuickText> visible = texts.matching(new OwnedBy(username)).stream()
                .sorted(Comparator.comparing(QuickText::shared).reversed().thenComparing(QuickText::shortcut))
                .toList();
        visible.forEach(text -> byShortcut.put(text.shortcut(), text));
        return byShortcut.values().stream().sorted(Comparator.comparing(QuickText::shortcut)).toList();
    }

    /** Saves one of his own, or a shared one (managers only). */
    public QuickText save(AgentAccount by, String shortcut, String text, boolean shared) {
        if (shared) {
            Accounts.requireManager(by);
        }
        NewAccount.checkName("shortcut", shortcut);
        if (text == null || text.isBlank() || text.length() > MAX_TEXT_LENGTH) {
            throw AgentDeskException.invalid("a quick text has 1 to " + MAX_TEXT_LENGTH + " characters");
        }
        QuickText quickText = new QuickText(shared ? QuickText.SHARED : by.username(), shortcut, text.strip(),
                clock.instant());
        texts.put(QuickText.key(quickText.owner(), shortcut), quickText);
        return quickText;
    }

    /** Deletes one of his own, or a shared one (managers only). */
    public void delete(AgentAccount by, String shortcut, boolean shared) {
        if (shared) {
            Accounts.requireManager(by);
        }
        String key = QuickText.key(shared ? QuickText.SHARED : by.username(), shortcut == null ? "" : shortcut);
        if (texts.change(key, new Remove()).before() == null) {
            throw AgentDeskException.notFound("no quick text /" + shortcut);
        }
    }

    record OwnedBy(String username) implements SharedRecords.Filter<QuickText> {
        @Override
        public boolean test(QuickText value) {
            return value.shared() || value.owner().equals(username);
        }
    }

    record Remove() implements SharedRecords.Change<QuickText> {
        @Override
        public QuickText apply(QuickText before) {
            return null;
        }
    }
}
