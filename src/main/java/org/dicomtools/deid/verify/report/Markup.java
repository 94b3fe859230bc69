package org.dicomtools.deid.verify.report;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Escaping for the XML and HTML reports and percent-encoding for the URIs they and the SARIF report
 * carry. Finding messages come from DICOM files, so they may hold anything: markup characters, C0
 * controls, unpaired surrogates. Everything that goes into markup passes through here.
 */
final class Markup {
    private static final Map<Integer, String> XML_TEXT = Map.of((int) '&', "&amp;", (int) '<', "&lt;",
            (int) '>', "&gt;", (int) '\r', "&#13;");
    private static final Map<Integer, String> XML_ATTRIBUTE = Map.of((int) '&', "&amp;", (int) '<', "&lt;",
            (int) '>', "&gt;", (int) '"', "&quot;", (int) '\'', "&apos;", (int) '\t', "&#9;", (int) '\n', "&#10;",
            (int) '\r', "&#13;");
    private static final Map<Integer, String> HTML = Map.of((int) '&', "&amp;", (int) '<', "&lt;", (int) '>', "&gt;",
            (int) '"', "&quot;", (int) '\'', "&#39;");

    private Markup() {
    }

    /**
     * Escapes text for XML 1.0 element content: {@code & < >} become entity references, a carriage
     * return becomes {@code &#13;} (a parser would otherwise fold it into a line feed), and characters
     * that XML 1.0 does not allow at all (XML 1.0 section 2.2: C0 controls other than tab, line feed
     * and carriage return, U+FFFE, U+FFFF, unpaired surrogates) are dropped.
     */
    static String xmlText(String s) {
        return escape(s, false, XML_TEXT);
    }

    /**
     * Escapes text for a double-quoted XML 1.0 attribute value: as {@link #xmlText} and in addition
     * {@code "} and {@code '}, and tab, line feed and carriage return as character references so that
     * attribute-value normalisation (XML 1.0 section 3.3.3) does not turn them into spaces.
     */
    static String xmlAttribute(String s) {
        return escape(s, false, XML_ATTRIBUTE);
    }

    /**
     * Escapes text for HTML element content or a double-quoted attribute value: {@code & < > " '}
     * become character references, and controls that HTML treats as parse errors (C0 other than tab,
     * line feed, carriage return and form feed; DEL and C1), noncharacters U+FFFE/U+FFFF and unpaired
     * surrogates are dropped.
     */
    static String html(String s) {
        return escape(s, true, HTML);
    }

    /** Drops what the markup does not allow and replaces the code points of {@code refs}. */
    private static String escape(String s, boolean html, Map<Integer, String> refs) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        forEachLegal(s, html, cp -> {
            String ref = refs.get(cp);
            if (ref == null) {
                b.appendCodePoint(cp);
            } else {
                b.append(ref);
            }
        });
        return b.toString();
    }

    /**
     * Percent-encodes a relative path for use as a URI reference (RFC 3986 section 2.1): every byte
     * of the UTF-8 form except the unreserved characters and the {@code /} separators becomes
     * {@code %XX}. A {@code :} is encoded too, so the result can never be read as a URI scheme such
     * as {@code javascript:}. Backslashes are treated as separators.
     */
    static String uriPath(String path) {
        StringBuilder b = new StringBuilder(path.length() + 16);
        for (byte x : path.replace('\\', '/').getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xFF;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_' || c == '~' || c == '/') {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return b.toString();
    }

    private static void forEachLegal(String s, boolean html, IntConsumer sink) {
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int cp;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                cp = Character.toCodePoint(c, s.charAt(i + 1));
                i += 2;
            } else {
                cp = c;
                i++;
                if (Character.isSurrogate(c)) {
                    continue;
                }
            }
            if (allowed(cp, html)) {
                sink.accept(cp);
            }
        }
    }

    private static boolean allowed(int cp, boolean html) {
        if (cp < 0x20) {
            return cp == '\t' || cp == '\n' || cp == '\r' || html && cp == '\f';
        }
        if (html && cp >= 0x7F && cp <= 0x9F) {
            return false;
        }
        return cp != 0xFFFE && cp != 0xFFFF;
    }
}
