package dev.switchboard.smpp.wire;

import java.nio.charset.StandardCharsets;

/**
 * The alphabets of SMPP 3.4's data_coding that texts arrive and leave in: the SMSC default alphabet (GSM
 * 03.38 here), IA5/ASCII, Latin-1 and UCS-2. UCS-2 is read as UTF-16BE, so a character outside the Basic
 * Multilingual Plane sent as a surrogate pair (an emoji) arrives whole.
 */
public enum DataCoding {
    GSM_7BIT((byte) 0x00),
    IA5((byte) 0x01),
    LATIN_1((byte) 0x03),
    UCS2((byte) 0x08);

    private final byte value;

    DataCoding(byte value) {
        this.value = value;
    }

    /** The data_coding octet of a submit_sm in this alphabet. */
    public byte value() {
        return value;
    }

    /**
     * The alphabet of a data_coding octet, including the GSM 03.38 coding groups that carry a message
     * class (0x1x, 0xFx).
     *
     * @throws IllegalArgumentException for 8-bit binary data and codings without a text alphabet
     */
    public static DataCoding of(byte dataCoding) {
        int coding = dataCoding & 0xFF;
        if ((coding & 0xF0) == 0xF0) {
            return (coding & 0x04) == 0 ? GSM_7BIT : rejectBinary(coding);
        }
        if ((coding & 0xC0) == 0x00 && (coding & 0x20) == 0 && (coding & 0x10) != 0) {
            return switch (coding & 0x0C) {
                case 0x00 -> GSM_7BIT;
                case 0x08 -> UCS2;
                default -> rejectBinary(coding);
            };
        }
        return switch (coding) {
            case 0x00 -> GSM_7BIT;
            case 0x01 -> IA5;
            case 0x03 -> LATIN_1;
            case 0x08 -> UCS2;
            case 0x02, 0x04 -> rejectBinary(coding);
            default -> throw new IllegalArgumentException(String.format("data_coding 0x%02X is not a text alphabet", coding));
        };
    }

    private static DataCoding rejectBinary(int coding) {
        throw new IllegalArgumentException(String.format("data_coding 0x%02X is 8-bit binary data, not text", coding));
    }

    /** The alphabet a text is sent in: GSM 03.38 when every character fits, else UCS-2. */
    public static DataCoding forText(CharSequence text) {
        return Gsm7.canEncode(text) ? GSM_7BIT : UCS2;
    }

    public String decode(byte[] bytes, int offset, int length) {
        return switch (this) {
            case GSM_7BIT -> Gsm7.decode(bytes, offset, length);
            case IA5 -> new String(bytes, offset, length, StandardCharsets.US_ASCII);
            case LATIN_1 -> new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
            case UCS2 -> new String(bytes, offset, length - (length % 2), StandardCharsets.UTF_16BE);
        };
    }

    public byte[] encode(CharSequence text) {
        return switch (this) {
            case GSM_7BIT -> Gsm7.encode(text);
            case IA5 -> text.toString().getBytes(StandardCharsets.US_ASCII);
            case LATIN_1 -> text.toString().getBytes(StandardCharsets.ISO_8859_1);
            case UCS2 -> text.toString().getBytes(StandardCharsets.UTF_16BE);
        };
    }

    /** Units of one character in this alphabet: septets for GSM, UTF-16 code units for the others. */
    int units(int codePoint) {
        return this == GSM_7BIT ? Gsm7.septets(codePoint) : Character.charCount(codePoint);
    }

    /** Units one unsplit message carries (160 septets, 140 octets, 70 UCS-2 characters). */
    int singleMessageUnits() {
        return switch (this) {
            case GSM_7BIT -> 160;
            case IA5, LATIN_1 -> 140;
            case UCS2 -> 70;
        };
    }

    /** Units each part of a concatenated message carries, after the 6-octet header. */
    int unitsPerPart() {
        return switch (this) {
            case GSM_7BIT -> 153;
            case IA5, LATIN_1 -> 134;
            case UCS2 -> 67;
        };
    }
}
