package org.dicomtools.deid.dicom;

/**
 * Operations on tags held as {@code int} values {@code 0xGGGGEEEE} (group in the high 16 bits).
 * Named tag constants are in the generated {@link org.dicomtools.deid.dicom.dict.Tag}.
 */
public final class Tags {
    /** (FFFE,E000) Item. */
    public static final int ITEM = 0xFFFEE000;
    /** (FFFE,E00D) Item Delimitation Item. */
    public static final int ITEM_DELIMITATION = 0xFFFEE00D;
    /** (FFFE,E0DD) Sequence Delimitation Item. */
    public static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;
    /** (FFFC,FFFC) Data Set Trailing Padding. */
    public static final int TRAILING_PADDING = 0xFFFCFFFC;

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Tags() {
    }

    public static int of(int group, int element) {
        return (group << 16) | (element & 0xFFFF);
    }

    public static int group(int tag) {
        return tag >>> 16;
    }

    public static int element(int tag) {
        return tag & 0xFFFF;
    }

    /** True for elements of odd groups other than 0001, 0003, 0005, 0007 and FFFF (PS3.5 7.8.1). */
    public static boolean isPrivate(int tag) {
        int group = group(tag);
        return (group & 1) == 1 && group > 0x0007 && group != 0xFFFF;
    }

    /** True for (gggg,0010-00FF) in a private group: the elements that hold private creator names. */
    public static boolean isPrivateCreator(int tag) {
        int element = element(tag);
        return isPrivate(tag) && element >= 0x0010 && element <= 0x00FF;
    }

    /**
     * True for a private data element (gggg,xxee) with xx in 10-FF: an element that belongs to the
     * block reserved by the creator (gggg,00xx).
     */
    public static boolean isPrivateData(int tag) {
        return isPrivate(tag) && element(tag) >= 0x1000;
    }

    /** For a private data element, the tag of the creator element that reserves its block. */
    public static int creatorOf(int tag) {
        return (tag & 0xFFFF0000) | (element(tag) >>> 8);
    }

    /** True for (gggg,0000) group length elements. */
    public static boolean isGroupLength(int tag) {
        return element(tag) == 0;
    }

    /** True for the three (FFFE,xxxx) item and delimiter tags. */
    public static boolean isDelimiter(int tag) {
        return tag == ITEM || tag == ITEM_DELIMITATION || tag == SEQUENCE_DELIMITATION;
    }

    /** Formats as {@code (GGGG,EEEE)} with upper-case hex digits. */
    public static String toString(int tag) {
        char[] c = new char[11];
        c[0] = '(';
        c[5] = ',';
        c[10] = ')';
        for (int i = 0; i < 4; i++) {
            c[4 - i] = HEX[(tag >>> (16 + 4 * i)) & 0xF];
            c[9 - i] = HEX[(tag >>> (4 * i)) & 0xF];
        }
        return new String(c);
    }

    /** Formats as eight upper-case hex digits {@code GGGGEEEE}, the form used by the standard's tables. */
    public static String toHex(int tag) {
        char[] c = new char[8];
        for (int i = 0; i < 8; i++) {
            c[7 - i] = HEX[(tag >>> (4 * i)) & 0xF];
        }
        return new String(c);
    }

    /**
     * Parses {@code (GGGG,EEEE)}, {@code GGGG,EEEE} or {@code GGGGEEEE} (hex, any case).
     *
     * @throws IllegalArgumentException if the text is not a tag
     */
    public static int parse(String text) {
        String s = text.trim();
        if (s.startsWith("(") && s.endsWith(")")) {
            s = s.substring(1, s.length() - 1);
        }
        s = s.replace(",", "");
        if (s.length() != 8) {
            throw new IllegalArgumentException("not a tag: " + text);
        }
        try {
            return (int) Long.parseLong(s, 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a tag: " + text, e);
        }
    }
}
