package dev.switchboard.adapter.twilio;

import com.twilio.http.HttpClient;
import com.twilio.http.TwilioRestClient;
import dev.switchboard.spi.AdapterSettings;
import dev.switchboard.spi.E164Number;
import dev.switchboard.spi.InvalidAddressException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Twilio channel's configuration. Defaults live in the gateway's {@code switchboard.properties}.
 *
 * @param accountSid the account's SID ({@code AC} and 32 hexadecimal digits), {@value #ACCOUNT_SID}
 * @param authToken  the account's auth token: signs Twilio's webhooks and authenticates our API calls, {@value #AUTH_TOKEN}
 * @param from       the Twilio number answers are sent from, {@value #FROM}
 * @param apiBaseUrl where Twilio's REST API is, {@value #API_BASE_URL}
 * @param publicUrl  the gateway's address as Twilio reaches it (behind a proxy, the proxy's), without a trailing
 *                   slash; Twilio signs the URL it called, so signatures are checked against this, {@value #PUBLIC_URL}
 * @param voice      the voice channel's settings
 */
record TwilioSettings(String accountSid, String authToken, E164Number from, URI apiBaseUrl, String publicUrl,
                      Voice voice) {
    static final String ACCOUNT_SID = "switchboard.twilio.account-sid";
    static final String AUTH_TOKEN = "switchboard.twilio.auth-token";
    static final String FROM = "switchboard.twilio.from";
    static final String API_BASE_URL = "switchboard.twilio.api-base-url";
    static final String PUBLIC_URL = "switchboard.public-url";
    static final String VOICE_QUEUE = "switchboard.twilio.voice.queue";
    static final String VOICE_LINK_PATH = "switchboard.twilio.voice.link-path";
    static final String CALL_KEYWORDS = "switchboard.twilio.keywords.call";

    /** Twilio's limit on a queue's name. */
    private static final int MAX_QUEUE_NAME = 64;

    /**
     * Calls: the queue callers wait in for an agent, the link a caller can have texted to him, and the words a
     * texter asks for a call back with.
     *
     * @param queue     the Twilio queue's name, {@value #VOICE_QUEUE}
     * @param helpLink  the help desk's address for phones, the public URL plus {@value #VOICE_LINK_PATH}
     * @param callWords the SMS keywords that ask for a call back, upper case, {@value #CALL_KEYWORDS}
     */
    record Voice(String queue, String helpLink, List<String> callWords) {
        /** Whether a text is one of the keywords asking for a call back (the whole text, in any case). */
        boolean asksForCallBack(String text) {
            return callWords.contains(text.strip().toUpperCase(Locale.ROOT));
        }
    }

    private static final Pattern ACCOUNT_SID_FORM = Pattern.compile("AC[0-9a-fA-F]{32}");

    /**
     * The channel's settings, or empty when none of the Twilio account settings is given (the channel is off).
     *
     * @throws IllegalArgumentException when some are given but not all, or one is malformed; the message names
     *                                  the environment variables to fix
     */
    static Optional<TwilioSettings> from(AdapterSettings settings) {
        String accountSid = value(settings, ACCOUNT_SID);
        String authToken = value(settings, AUTH_TOKEN);
        String from = value(settings, FROM);
        if (accountSid.isEmpty() && authToken.isEmpty() && from.isEmpty()) {
            return Optional.empty();
        }
        List<String> missing = new ArrayList<>();
        for (String key : List.of(ACCOUNT_SID, AUTH_TOKEN, FROM, API_BASE_URL, PUBLIC_URL, VOICE_QUEUE,
                VOICE_LINK_PATH)) {
            if (value(settings, key).isEmpty()) {
                missing.add(variable(key));
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the Twilio channel is half configured: set " + String.join(", ", missing)
                    + " too, or none of " + variable(ACCOUNT_SID) + ", " + variable(AUTH_TOKEN) + ", " + variable(FROM)
                    + " to leave it off");
        }
        if (!ACCOUNT_SID_FORM.matcher(accountSid).matches()) {
            throw new IllegalArgumentException(variable(ACCOUNT_SID) + " must be AC followed by 32 hexadecimal digits");
        }
        E164Number fromNumber;
        try {
            fromNumber = new E164Number(from);
        } catch (InvalidAddressException e) {
            throw new IllegalArgumentException(variable(FROM) + ": " + e.getMessage(), e);
        }
        String publicUrl = httpUrl(PUBLIC_URL, value(settings, PUBLIC_URL));
        return Optional.of(new TwilioSettings(accountSid, authToken, fromNumber,
                URI.create(httpUrl(API_BASE_URL, value(settings, API_BASE_URL))), publicUrl,
                new Voice(queueName(value(settings, VOICE_QUEUE)), publicUrl + path(value(settings, VOICE_LINK_PATH)),
                        words(value(settings, CALL_KEYWORDS)))));
    }

    /** A client of Twilio's REST API for this account, sending through {@code http}. */
    TwilioRestClient restClient(HttpClient http) {
        return new TwilioRestClient.Builder(accountSid, authToken).accountSid(accountSid).httpClient(http).build();
    }

    /** A client of Twilio's REST API for this account at {@link #apiBaseUrl}. */
    TwilioRestClient restClient() {
        return restClient(BaseUrlHttpClient.forBase(apiBaseUrl));
    }

    private static String queueName(String name) {
        if (name.length() > MAX_QUEUE_NAME || !name.matches("[A-Za-z0-9 _.-]+")) {
            throw new IllegalArgumentException(variable(VOICE_QUEUE) + " must be 1 to " + MAX_QUEUE_NAME
                    + " letters, digits, spaces, dots, hyphens or underscores, was '" + name + "'");
        }
        return name;
    }

    private static String path(String path) {
        if (!path.startsWith("/") || !path.matches("/[A-Za-z0-9/._~-]*")) {
            throw new IllegalArgumentException(variable(VOICE_LINK_PATH) + " must be a path such as /wap, was '"
                    + path + "'");
        }
        return path;
    }

    private static List<String> words(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(word -> !word.isEmpty())
                .map(word -> word.toUpperCase(Locale.ROOT)).toList();
    }

    /** The address Twilio calls for {@code path} (which starts with {@code /}). */
    String publicAddress(String path) {
        return publicUrl + path;
    }

    /** The environment variable of a key, as the gateway reads it. */
    static String variable(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static String value(AdapterSettings settings, String key) {
        return settings.get(key).map(String::trim).orElse("");
    }

    /** An absolute http(s) URL without query, fragment or trailing slash. */
    private static String httpUrl(String key, String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new URISyntaxException(value, "not an http(s) address without query");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(variable(key) + " must be an http:// or https:// address such as"
                    + " https://help.example.com, was '" + value + "'", e);
        }
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    @Override
    public String toString() {
        // never the auth token
        return "TwilioSettings[accountSid=" + accountSid + ", from=" + from.value() + ", apiBaseUrl=" + apiBaseUrl
                + ", publicUrl=" + publicUrl + ", " + voice + "]";
    }
}
