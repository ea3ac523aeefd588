package dev.switchboard.adapter.wap;

import dev.switchboard.spi.AdapterSettings;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The WAP adapter's configuration, read from the {@code switchboard.wap.*} settings (defaults in the
 * gateway's {@code switchboard.properties}).
 *
 * @param deckBudgetBytes  the most bytes a WML deck or XHTML-MP page may take; longer replies get "more" pages
 * @param maxTextLength    the longest question or number form accepted, in characters
 * @param msisdnHeaders    the request headers an operator's gateway puts the subscriber's number in
 * @param trustedGateways  the addresses whose operator headers are believed
 * @param locationHeader   the header an operator's gateway puts the subscriber's position in ({@code lat,lon[,metres]})
 * @param sessionTimeToLive how long a WAP session lives after its last question
 * @param subscriberMemory how long the customer token of an operator-identified subscriber is kept for his next session
 * @param topics           the topics the entry deck offers
 * @param verifyCodeLifetime how long a code texted to verify a customer's number is taken
 */
record WapSettings(int deckBudgetBytes, int maxTextLength, List<String> msisdnHeaders, List<CidrRange> trustedGateways,
                   String locationHeader, Duration sessionTimeToLive, Duration subscriberMemory, List<String> topics,
                   Duration verifyCodeLifetime) {
    static final String DECK_BUDGET = "switchboard.wap.deck-budget-bytes";
    static final String MAX_TEXT_LENGTH = "switchboard.wap.max-text-length";
    static final String MSISDN_HEADERS = "switchboard.wap.msisdn-headers";
    static final String TRUSTED_GATEWAYS = "switchboard.wap.trusted-gateways";
    static final String LOCATION_HEADER = "switchboard.wap.location-header";
    static final String SESSION_MINUTES = "switchboard.wap.session-minutes";
    static final String SUBSCRIBER_DAYS = "switchboard.wap.subscriber-days";
    static final String TOPICS = "switchboard.wap.topics";
    static final String VERIFY_CODE_MINUTES = "switchboard.wap.verify-code-minutes";
    static final int MIN_DECK_BUDGET = 1_000;

    WapSettings {
        if (deckBudgetBytes < MIN_DECK_BUDGET) {
            throw new IllegalArgumentException("setting " + DECK_BUDGET + " must be at least " + MIN_DECK_BUDGET
                    + " bytes (a deck's links and question card take most of that), was " + deckBudgetBytes);
        }
        if (maxTextLength < 1) {
            throw new IllegalArgumentException("setting " + MAX_TEXT_LENGTH + " must be at least 1, was " + maxTextLength);
        }
        msisdnHeaders = List.copyOf(msisdnHeaders);
        trustedGateways = List.copyOf(trustedGateways);
        topics = List.copyOf(topics);
    }

    /** @throws IllegalArgumentException when a setting is missing or not a valid value */
    static WapSettings from(AdapterSettings settings) {
        return new WapSettings(
                number(settings, DECK_BUDGET),
                number(settings, MAX_TEXT_LENGTH),
                list(settings, MSISDN_HEADERS),
                list(settings, TRUSTED_GATEWAYS).stream().map(range -> CidrRange.parse(TRUSTED_GATEWAYS, range)).toList(),
                required(settings, LOCATION_HEADER).trim(),
                Duration.ofMinutes(positive(settings, SESSION_MINUTES)),
                Duration.ofDays(positive(settings, SUBSCRIBER_DAYS)),
                list(settings, TOPICS),
                Duration.ofMinutes(positive(settings, VERIFY_CODE_MINUTES)));
    }

    private static String required(AdapterSettings settings, String key) {
        return settings.get(key).orElseThrow(() -> new IllegalArgumentException("setting " + key + " is missing"));
    }

    private static int number(AdapterSettings settings, String key) {
        required(settings, key);
        return settings.getInt(key, 0);
    }

    private static int positive(AdapterSettings settings, String key) {
        int value = number(settings, key);
        if (value < 1) {
            throw new IllegalArgumentException("setting " + key + " must be at least 1, was " + value);
        }
        return value;
    }

    private static List<String> list(AdapterSettings settings, String key) {
        return Arrays.stream(required(settings, key).split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }
}
