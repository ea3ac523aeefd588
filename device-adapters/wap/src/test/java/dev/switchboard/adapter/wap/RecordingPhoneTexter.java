package dev.switchboard.adapter.wap;

import dev.switchboard.spi.E164Number;
import dev.switchboard.spi.PhoneTexter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An SMS channel's texter that keeps what it was given, and can be made to refuse like a channel that is away. */
final class RecordingPhoneTexter implements PhoneTexter {
    private static final Pattern CODE = Pattern.compile("\\b([0-9]{6})\\b");

    record Text(E164Number to, String text) {
    }

    private final List<Text> texts = new ArrayList<>();
    private volatile boolean away;

    @Override
    public synchronized void text(E164Number to, String text) {
        if (away) {
            throw new IllegalStateException("the SMSC is away");
        }
        texts.add(new Text(to, text));
    }

    void away(boolean away) {
        this.away = away;
    }

    synchronized List<Text> texts() {
        return List.copyOf(texts);
    }

    /** The 6-digit code in the last text. */
    synchronized String lastCode() {
        Matcher matcher = CODE.matcher(texts.get(texts.size() - 1).text());
        if (!matcher.find()) {
            throw new AssertionError("no code in: " + texts.get(texts.size() - 1).text());
        }
        return matcher.group(1);
    }
}
