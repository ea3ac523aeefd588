package dev.switchboard.smpp.wire;

import java.io.ByteArrayOutputStream;

/**
 * The GSM 03.38 default alphabet, one septet per octet as SMPP carries it (unpacked), with the extension
 * table reached through the escape septet 0x1B ({@code ^ { } \ [ ~ ] |}, {@code €} and form feed cost two
 * septets each).
 */
public final class Gsm7 {
    private static final char ESCAPE = 0x1B;
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** Extension table: septet after the escape, and the character it stands for. */
    private static final String EXTENSION_SEPTETS = "\n\u0014()/<=>@e";
    private static final String EXTENSION_CHARS = "\f^{}\\[~]|€";

    private Gsm7() {
    }

    /** Septets {@code c} costs: 1 in the basic table, 2 in the extension table, 0 when it is not GSM. */
    public static int septets(int codePoint) {
        if (codePoint != ESCAPE && codePoint < 0x10000 && BASIC.indexOf(codePoint) >= 0) {
            return 1;
        }
        return codePoint < 0x10000 && EXTENSION_CHARS.indexOf(codePoint) >= 0 ? 2 : 0;
    }

    /** Whether every character of {@code text} is in the alphabet or its extension. */
    public static boolean canEncode(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (septets(text.charAt(i)) == 0) {
                return false;
            }
        }
        return true;
    }

    /** The text as unpacked septets. */
    public static byte[] encode(CharSequence text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int basic = c == ESCAPE ? -1 : BASIC.indexOf(c);
            if (basic >= 0) {
                out.write(basic);
                continue;
            }
            int extension = EXTENSION_CHARS.indexOf(c);
            if (extension < 0) {
                throw new IllegalArgumentException("'" + c + "' is not in the GSM 03.38 alphabet");
            }
            out.write(ESCAPE);
            out.write(EXTENSION_SEPTETS.charAt(extension));
        }
        return out.toByteArray();
    }

    /**
     * Unpacked septets as text. An escape before a septet the extension table does not know stands for
     * the basic character (as 03.38 says a receiver should show it); a septet above 0x7F is read without
     * its top bit.
     */
    public static String decode(byte[] septets, int offset, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = offset; i < offset + length; i++) {
            int septet = septets[i] & 0x7F;
            if (septet == ESCAPE && i + 1 < offset + length) {
                int next = septets[++i] & 0x7F;
                int extension = EXTENSION_SEPTETS.indexOf(next);
                text.append(extension >= 0 ? EXTENSION_CHARS.charAt(extension) : BASIC.charAt(next));
            } else if (septet == ESCAPE) {
                text.append(' ');
            } else {
                text.append(BASIC.charAt(septet));
            }
        }
        return text.toString();
    }
}
