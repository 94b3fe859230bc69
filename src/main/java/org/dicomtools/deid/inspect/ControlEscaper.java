package org.dicomtools.deid.inspect;

import java.util.List;

/**
 * Makes text safe for a log line: every character that could break the line, move the cursor or
 * reorder what a terminal shows is replaced by a visible escape. A backslash doubles, so that the
 * backslash that separates DICOM values stays unambiguous.
 *
 * <ul>
 * <li>LF, CR and TAB become {@code \n}, {@code \r}, {@code \t};</li>
 * <li>other C0 controls, DEL and C1 controls become {@code \xHH} (so ESC is {@code \x1B});</li>
 * <li>format characters (bidirectional overrides, zero-width characters), line and paragraph
 *     separators and unpaired surrogates become <code>&#92;uHHHH</code>, or <code>&#92;U00HHHHHH</code> beyond the
 *     Basic Multilingual Plane.</li>
 * </ul>
 * Everything else, non-ASCII letters included, is kept as it is.
 */
final class ControlEscaper {
    private static final char ELLIPSIS = '\u2026';
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final int maxLength;

    /**
     * @param maxLength the most code points a result may have, the ellipsis that marks a cut
     *     included; 0 for no limit
     */
    ControlEscaper(int maxLength) {
        if (maxLength < 0) {
            throw new IllegalArgumentException("maxLength must be 0 (no limit) or positive: " + maxLength);
        }
        this.maxLength = maxLength;
    }

    /** Escapes without a length limit. */
    static String escape(String s) {
        return new ControlEscaper(0).apply(List.of(s), false);
    }

    /**
     * Escapes each value, joins them with single backslashes and cuts the result to the length limit,
     * ending it with {@code …} when something was cut or when {@code more} says that the values are
     * only the beginning of a longer value. An escape sequence is never split.
     */
    String apply(List<String> values, boolean more) {
        boolean limited = maxLength > 0;
        StringBuilder out = new StringBuilder(64);
        StringBuilder piece = new StringBuilder(12);
        int shown = 0;
        int cut = -1;
        for (int v = 0; v < values.size(); v++) {
            String s = values.get(v);
            // Position -1 stands for the backslash that precedes every value after the first.
            for (int i = v == 0 ? 0 : -1; i < s.length(); ) {
                piece.setLength(0);
                if (i < 0) {
                    piece.append('\\');
                    i = 0;
                } else {
                    int cp = s.codePointAt(i);
                    i += Character.charCount(cp);
                    escape(cp, piece);
                }
                int width = piece.codePointCount(0, piece.length());
                if (limited && cut < 0 && shown + width > maxLength - 1) {
                    // The longest prefix that still leaves room for the ellipsis ends here.
                    cut = out.length();
                }
                out.append(piece);
                shown += width;
                if (limited && shown > maxLength) {
                    out.setLength(cut);
                    return out.append(ELLIPSIS).toString();
                }
            }
        }
        if (more) {
            if (cut >= 0) {
                out.setLength(cut);
            }
            out.append(ELLIPSIS);
        }
        return out.toString();
    }

    private static void escape(int cp, StringBuilder out) {
        switch (cp) {
            case '\\' -> out.append("\\\\");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            default -> {
                if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) {
                    out.append("\\x").append(HEX[cp >> 4]).append(HEX[cp & 0xF]);
                } else if (needsEscape(cp)) {
                    if (cp <= 0xFFFF) {
                        out.append("\\u");
                        hex(cp, 4, out);
                    } else {
                        out.append("\\U");
                        hex(cp, 8, out);
                    }
                } else {
                    out.appendCodePoint(cp);
                }
            }
        }
    }

    private static boolean needsEscape(int cp) {
        int type = Character.getType(cp);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE
                || type == Character.CONTROL;
    }

    private static void hex(int value, int digits, StringBuilder out) {
        for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) {
            out.append(HEX[(value >>> shift) & 0xF]);
        }
    }
}
