package dev.switchboard.render;

import dev.switchboard.spi.DeviceProfile;

/**
 * The escaping of one output format: the single place where reply data is made safe for that format.
 * {@link VelocityReplyRenderer} applies it to every {@code $reference} a template writes.
 *
 * <ul>
 *   <li>{@link #XML}: {@code & < > " '} as entities; characters that XML 1.0 forbids (control characters
 *       other than tab, line feed and carriage return, unpaired surrogates, U+FFFE, U+FFFF) removed.</li>
 *   <li>{@link #WML}: as {@link #XML}, and {@code $} doubled to {@code $$} so that a WML browser shows a
 *       dollar sign instead of substituting a deck variable.</li>
 *   <li>{@link #HTML}: as {@link #XML} (the HTML5 fragments are XHTML-compatible), plus the backtick,
 *       which some browsers took as an attribute quote.</li>
 *   <li>{@link #NONE}: the text unchanged, for plain-text SMS and email.</li>
 * </ul>
 */
public enum OutputEscaping {
    HTML, XML, WML, NONE;

    /** The escaping of a device profile's format. */
    public static OutputEscaping forProfile(DeviceProfile profile) {
        return switch (profile) {
            case HTML5 -> HTML;
            case XHTML_MP, HBBTV, TWIML -> XML;
            case WML -> WML;
            case SMS, EMAIL -> NONE;
        };
    }

    /** Escapes {@code text} for this format; returns the same string when nothing needs changing. */
    public String escape(String text) {
        if (this == NONE || text.isEmpty()) {
            return text;
        }
        int first = firstToChange(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        out.append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '`' -> out.append(this == HTML ? "&#96;" : "`");
                case '$' -> out.append(this == WML ? "$$" : "$");
                default -> {
                    if (Character.isSurrogate(c)) {
                        if (Character.isHighSurrogate(c) && i + 1 < text.length()
                                && Character.isLowSurrogate(text.charAt(i + 1))) {
                            out.append(c).append(text.charAt(++i));
                        }
                    } else if (isXmlChar(c)) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private int firstToChange(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&', '<', '>', '"', '\'' -> {
                    return i;
                }
                case '`' -> {
                    if (this == HTML) {
                        return i;
                    }
                }
                case '$' -> {
                    if (this == WML) {
                        return i;
                    }
                }
                default -> {
                    if (Character.isSurrogate(c)) {
                        if (Character.isHighSurrogate(c) && i + 1 < text.length()
                                && Character.isLowSurrogate(text.charAt(i + 1))) {
                            i++;
                        } else {
                            return i;
                        }
                    } else if (!isXmlChar(c)) {
                        return i;
                    }
                }
            }
        }
        return -1;
    }

    /** Whether a BMP character that is not a surrogate may appear in an XML 1.0 document. */
    private static boolean isXmlChar(char c) {
        return c >= 0x20 ? c != 0xFFFE && c != 0xFFFF : c == '\t' || c == '\n' || c == '\r';
    }
}
