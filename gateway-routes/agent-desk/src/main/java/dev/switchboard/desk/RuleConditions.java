package dev.switchboard.desk;

import dev.switchboard.hub.domain.FirstMessage;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * When a routing rule applies to a conversation's first message. Every condition is optional (an empty list, a
 * {@code null} time); every one given must hold.
 *
 * @param channels  the channel ids it came by ({@code email}, {@code sms}, ...), any of them
 * @param senders   patterns of the address it came from, any of them: {@code *} stands for any characters
 *                  ({@code *@bigcorp.example}, {@code +4860*}); a pattern starting with {@code @} is a domain
 * @param writtenTo patterns of the address it was written to (for an email, the desk's mailbox it reached), any
 * @param words     words or phrases, any of them, found as whole words in its text, whatever their case
 * @param languages the customer's language ({@code pl}, {@code en}), any of them, from his device's locale
 * @param from      the time of day it may arrive from, {@code HH:mm} in the desk's time zone, with {@code until}
 * @param until     the time it must arrive before; earlier than {@code from}: the range runs over midnight
 * @param days      the days of the week ({@code MON} ... {@code SUN}) it may arrive on, in the desk's time zone
 * @param regions   the customer's region, any of them, whatever the case and accents ({@code Lesser Poland})
 */
public record RuleConditions(List<String> channels, List<String> senders, List<String> writtenTo, List<String> words,
                             List<String> languages, String from, String until, List<String> days,
                             List<String> regions) {

    /** The channels a rule may name: those the gateway ships with. */
    static final Set<String> CHANNELS = Set.of("web-chat", "mobile-app", "wap", "sms", "tv", "email", "voice");
    static final List<String> DAYS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");
    private static final int MAX_ITEMS = 50;
    private static final int MAX_ITEM_LENGTH = 100;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

    /** No condition: matches every message. */
    public static final RuleConditions ANY = new RuleConditions(List.of(), List.of(), List.of(), List.of(), List.of(),
            null, null, List.of(), List.of());

    /**
     * Lists default to empty (a record read from an older form has them {@code null}), their entries stripped; channels
     * and languages in lower case, days in upper case; blank times are none.
     */
    public RuleConditions {
        channels = listOf(channels).stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
        senders = listOf(senders);
        writtenTo = listOf(writtenTo);
        words = listOf(words);
        languages = listOf(languages).stream().map(l -> l.toLowerCase(Locale.ROOT)).toList();
        from = from == null || from.isBlank() ? null : from.strip();
        until = until == null || until.isBlank() ? null : until.strip();
        days = listOf(days).stream().map(d -> d.toUpperCase(Locale.ROOT)).toList();
        regions = listOf(regions);
    }

    /** Whether every condition given holds for {@code message}, which arrived at local {@code at}. */
    boolean matches(FirstMessage message, ZonedDateTime at) {
        return (channels.isEmpty() || channels.contains(message.channel()))
                && (senders.isEmpty() || senders.stream().anyMatch(p -> addressMatches(p, message.from())))
                && (writtenTo.isEmpty() || writtenTo.stream().anyMatch(p -> addressMatches(p, message.writtenTo())))
                && (words.isEmpty() || words.stream().anyMatch(w -> hasWord(message.text(), w)))
                && (languages.isEmpty() || languages.contains(languageOf(message.locale())))
                && (from == null || within(at.toLocalTime()))
                && (days.isEmpty() || days.contains(DAYS.get(at.getDayOfWeek().getValue() - 1)))
                && (regions.isEmpty() || message.region() != null && regions.stream()
                        .anyMatch(r -> ConversationRouting.teamNameOf(r).equals(ConversationRouting.teamNameOf(message.region()))));
    }

    private boolean within(LocalTime time) {
        LocalTime start = LocalTime.parse(from);
        LocalTime end = LocalTime.parse(until);
        return start.isBefore(end) ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
    }

    /** An address against a pattern with {@code *} wildcards, whatever the case; {@code @domain} is a domain. */
    static boolean addressMatches(String pattern, String address) {
        if (address == null) {
            return false;
        }
        String glob = pattern.startsWith("@") ? "*" + pattern : pattern;
        String regex = Arrays.stream(glob.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                .matcher(address).matches();
    }

    /** Whether {@code text} holds {@code word} (or phrase) as whole words, whatever the case. */
    static boolean hasWord(String text, String word) {
        return text != null && Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text).find();
    }

    private static String languageOf(String locale) {
        return locale == null ? null : Locale.forLanguageTag(locale.replace('_', '-')).getLanguage();
    }

    /** Checks every condition, naming the rule and the field that is wrong; returns them tidied. */
    RuleConditions checked(String rule) {
        for (String channel : channels) {
            if (!CHANNELS.contains(channel)) {
                throw RoutingRule.invalid(rule, "channels", "'" + channel + "' is not a channel of this gateway "
                        + CHANNELS.stream().sorted().toList());
            }
        }
        checkItems(rule, "channels", channels);
        checkItems(rule, "senders", senders);
        checkItems(rule, "writtenTo", writtenTo);
        checkItems(rule, "words", words);
        for (String language : languages) {
            if (!LANGUAGE.matcher(language).matches()) {
                throw RoutingRule.invalid(rule, "languages", "'" + language
                        + "' is not a language code of 2 or 3 lower-case letters (en, pl)");
            }
        }
        checkTimes(rule);
        for (String day : days) {
            if (!DAYS.contains(day)) {
                throw RoutingRule.invalid(rule, "days", "'" + day + "' is not one of " + DAYS);
            }
        }
        checkItems(rule, "regions", regions);
        return this;
    }

    private void checkTimes(String rule) {
        if ((from == null) != (until == null)) {
            throw RoutingRule.invalid(rule, from == null ? "from" : "until",
                    "a time of day range needs both from and until (HH:mm)");
        }
        if (from == null) {
            return;
        }
        for (String[] time : new String[][] {{"from", from}, {"until", until}}) {
            if (!TIME.matcher(time[1]).matches()) {
                throw RoutingRule.invalid(rule, time[0], "'" + time[1] + "' is not a time of day HH:mm (00:00 to 23:59)");
            }
        }
        try {
            if (LocalTime.parse(from).equals(LocalTime.parse(until))) {
                throw RoutingRule.invalid(rule, "until", "the time range " + from + "-" + until + " is empty");
            }
        } catch (DateTimeParseException e) {
            throw RoutingRule.invalid(rule, "from", "not a time of day: " + e.getParsedString());
        }
    }

    private static void checkItems(String rule, String field, List<String> items) {
        if (items.size() > MAX_ITEMS) {
            throw RoutingRule.invalid(rule, field, "at most " + MAX_ITEMS + " entries");
        }
        for (String item : items) {
            if (item.isBlank() || item.length() > MAX_ITEM_LENGTH) {
                throw RoutingRule.invalid(rule, field, "each entry has 1 to " + MAX_ITEM_LENGTH + " characters");
            }
        }
    }

    private static List<String> listOf(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null).map(String::strip).toList();
    }
}
