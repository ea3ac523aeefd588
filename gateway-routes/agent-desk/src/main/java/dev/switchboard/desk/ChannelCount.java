package dev.switchboard.desk;

import dev.switchboard.hub.domain.StoredMessage;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many messages of a thread went by one channel, with the label the desktop's toolbar shows for it
 * ({@code web-chat}: {@code WEB CHAT}).
 */
public record ChannelCount(String channel, String label, int count) {

    /** The counts of every channel the thread used, by label (EMAIL, SMS, VOICE, WEB CHAT). */
    public static List<ChannelCount> of(List<StoredMessage> thread) {
        Map<String, Integer> byChannel = new TreeMap<>();
        thread.forEach(message -> byChannel.merge(message.channel(), 1, Integer::sum));
        return byChannel.entrySet().stream()
                .map(entry -> new ChannelCount(entry.getKey(), label(entry.getKey()), entry.getValue()))
                .sorted(Comparator.comparing(ChannelCount::label))
                .toList();
    }

    static String label(String channel) {
        return channel.toUpperCase(Locale.ROOT).replace('-', ' ');
    }
}
