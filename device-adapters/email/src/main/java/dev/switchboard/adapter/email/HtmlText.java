package dev.switchboard.adapter.email;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of an HTML mail body, for mails without a plain-text part: blocks become lines, quoted history
 * ({@code <blockquote>}, Gmail's and Outlook's quote containers) and everything invisible (head, scripts,
 * styles, comments) is dropped, character references are decoded.
 */
final class HtmlText {
    private static final Pattern INVISIBLE = Pattern.compile(
            "(?is)<!--.*?-->|<(head|script|style|title)\\b.*?</\\1\\s*>|<blockquote\\b.*?</blockquote\\s*>"
                    + "|<div[^>]*class=\"?[^\">]*(gmail_quote|moz-cite-prefix)[^>]*>.*\\z"
                    + "|<div[^>]*id=\"?(divRplyFwdMsg|appendonsend)[^>]*>.*\\z");
    private static final Pattern LINE_BREAK = Pattern.compile("(?i)<br\\s*/?>|</?(p|div|li|tr|h[1-6]|table|ul|ol)\\b[^>]*>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern REFERENCE = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Map<String, String> NAMED = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"",
            "apos", "'", "nbsp", " ");

    private HtmlText() {
    }

    static String toText(String html) {
        String visible = INVISIBLE.matcher(html).replaceAll("");
        String lines = LINE_BREAK.matcher(visible).replaceAll("\n");
        String text = decode(TAG.matcher(lines).replaceAll(""));
        StringBuilder out = new StringBuilder();
        boolean blank = true;
        for (String line : text.split("\n")) {
            String tidy = line.replaceAll("[ \\t\\u00A0]+", " ").strip();
            if (tidy.isEmpty()) {
                if (!blank) {
                    out.append('\n');
                }
                blank = true;
            } else {
                out.append(tidy).append('\n');
                blank = false;
            }
        }
        return out.toString().strip();
    }

    private static String decode(String text) {
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String replacement;
            if (name.startsWith("#")) {
                boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
                int codePoint = Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10);
                replacement = Character.isValidCodePoint(codePoint) && codePoint != 0
                        ? new String(Character.toChars(codePoint)) : "";
            } else {
                replacement = NAMED.getOrDefault(name.toLowerCase(Locale.ROOT), matcher.group());
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
