package dev.switchboard.spi;

/** Text made safe to put in an HTML page, in an element or a quoted attribute: for pages an adapter writes itself. */
public final class HtmlText {
    private HtmlText() {
    }

    /** {@code text} with {@code < > & " '} escaped; {@code null} becomes the empty string. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
