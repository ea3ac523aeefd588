package dev.switchboard.adapter.wap;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The fields of a WAP request (query or posted form), each checked, with a sentence the customer can act
 * on when it is wrong. Parameter names are short because every byte of a deck counts.
 *
 * <pre>
 *   q    the question                       w   a town or postcode the customer keyed in
 *   k    the idempotency key of the form     p   a page number
 *   r    the reply a "more" link belongs to  n   a phone number, how  "text" or "call"
 *   c    a code texted to verify the number  b   the cursor of an older page of the conversation
 * </pre>
 */
final class WapForm {
    static final String QUESTION = "q";
    static final String PLACE = "w";
    static final String KEY = "k";
    static final String PAGE = "p";
    static final String REPLY = "r";
    static final String NUMBER = "n";
    static final String HOW = "how";
    static final String CODE = "c";
    static final String BEFORE = "b";

    static final int MAX_PLACE_LENGTH = 40;
    static final int MAX_PAGE = 999;
    static final int MAX_CURSOR_LENGTH = 100;
    private static final Pattern KEY_FORM = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final Pattern PLACE_FORM = Pattern.compile("[\\p{L}\\p{N} .,'/-]+");

    /** How the customer wants to be contacted. */
    enum Contact { TEXT, CALL }

    private final HttpServletRequest request;

    WapForm(HttpServletRequest request) {
        this.request = request;
    }

    /** The trimmed value of a field sent at most once, or {@code null} when absent or blank. */
    String optional(String name) {
        String[] values;
        try {
            values = request.getParameterValues(name);
        } catch (RuntimeException e) {
            // Jetty throws for bad percent-encoding, a bad charset or a form over its size limit.
            throw BadWapRequest.badInput("your phone sent a form we could not read (" + e.getMessage() + ")");
        }
        if (values == null) {
            return null;
        }
        if (values.length > 1) {
            throw BadWapRequest.badInput("the field " + name + " was sent more than once");
        }
        String value = values[0].strip();
        return value.isEmpty() ? null : value;
    }

    String question(int maxLength) {
        String text = optional(QUESTION);
        if (text == null) {
            throw BadWapRequest.badInput("your question was empty. Please write it and send it again.");
        }
        return readableText(text, maxLength, "question");
    }

    String place() {
        String place = optional(PLACE);
        if (place == null) {
            return null;
        }
        if (place.codePointCount(0, place.length()) > MAX_PLACE_LENGTH || !PLACE_FORM.matcher(place).matches()) {
            throw BadWapRequest.badInput("a town or postcode is up to " + MAX_PLACE_LENGTH
                    + " letters, digits, spaces and - ' . , /");
        }
        return place;
    }

    /** The form's idempotency key, or {@code null} when it has none. */
    String key() {
        String key = optional(KEY);
        if (key != null && !KEY_FORM.matcher(key).matches()) {
            throw BadWapRequest.badInput("the form's key is malformed. Please go back and send it again.");
        }
        return key;
    }

    int page() {
        String page = optional(PAGE);
        if (page == null) {
            return 1;
        }
        try {
            int number = Integer.parseInt(page);
            if (number >= 1 && number <= MAX_PAGE) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw BadWapRequest.badInput("there is no page '" + page + "'");
    }

    /** The cursor of an older page of the conversation, checked by its reader, or {@code null} for the newest page. */
    String cursor() {
        String cursor = optional(BEFORE);
        if (cursor != null && cursor.length() > MAX_CURSOR_LENGTH) {
            throw BadWapRequest.badInput("that link to your older messages is not one we gave. Open your conversation again.");
        }
        return cursor;
    }

    Contact contact() {
        String how = optional(HOW);
        String lower = how == null ? "" : how.toLowerCase(Locale.ROOT);
        if (lower.startsWith("text")) {
            return Contact.TEXT;
        }
        if (lower.startsWith("call")) {
            return Contact.CALL;
        }
        throw BadWapRequest.badInput("choose Text me or Call me back");
    }

    /** The phone number keyed in, unchecked, or {@code null}. */
    String number() {
        String number = optional(NUMBER);
        return number == null ? null : readableText(number, 32, "number");
    }

    /**
     * The code keyed in to verify a number: exactly {@value NumberCheck#DIGITS} digits. What was keyed in is
     * never repeated in the error, which is logged.
     */
    String code() {
        String code = optional(CODE);
        if (code == null) {
            throw BadWapRequest.badInput("please key in the " + NumberCheck.DIGITS + "-digit code we texted you");
        }
        if (!NumberCheck.CODE_FORM.matcher(code).matches()) {
            throw BadWapRequest.badInput("the code is the " + NumberCheck.DIGITS
                    + " digits we texted you. Please key it in again.");
        }
        return code;
    }

    private static String readableText(String text, int maxLength, String what) {
        if (text.codePointCount(0, text.length()) > maxLength) {
            throw BadWapRequest.badInput("your " + what + " is longer than " + maxLength + " characters. Please shorten it.");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') || c == '\uFFFD'
                    || (Character.isSurrogate(c) && !validPair(text, i))) {
                throw BadWapRequest.badInput("your " + what + " has characters we cannot read. Please type it again.");
            }
            if (Character.isHighSurrogate(c)) {
                i++;
            }
        }
        return text;
    }

    private static boolean validPair(String text, int i) {
        return Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1));
    }
}
