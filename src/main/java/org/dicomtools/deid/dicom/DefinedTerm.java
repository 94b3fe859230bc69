package org.dicomtools.deid.dicom;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The defined terms of Specific Character Set (0008,0005), PS3.3 C.12.1.1.2 Tables C.12-2 to C.12-5,
 * with the character sets each one brings into G0 and G1, and the aliases that real files use instead.
 */
enum DefinedTerm {
    ISO_IR_100("ISO_IR 100", Table.SINGLE_BYTE, null, CodedCharacterSet.ISO_IR_100),
    ISO_IR_101("ISO_IR 101", Table.SINGLE_BYTE, null, CodedCharacterSet.ISO_IR_101),
    ISO_IR_109("ISO_IR 109", Table.SINGLE_BYTE, null, CodedCharacterSet.ISO_IR_109),
    ISO_IR_110("ISO_IR 110", Table.SINGLE_BYTE, null, CodedCharacterSet.ISO_IR_110),
    ISO_IR_144("ISO_IR 144", Table.SINGLE_BYTE, null, CodedCharacterSet.ISO_IR_144),
    ISO_IR_127("ISO_IR 127", Table.SINGLE_BYTE, null, CodedCharacterSet.ISO_IR_127),
    ISO_IR_126("ISO_IR 126", Table.SINGLE_BYTE, null, CodedCharacterSet.ISO_IR_126),
    ISO_IR_138("ISO_IR 138", Table.SINGLE_BYTE, null, CodedCharacterSet.ISO_IR_138),
    ISO_IR_148("ISO_IR 148", Table.SINGLE_BYTE, null, CodedCharacterSet.ISO_IR_148),
    ISO_IR_203("ISO_IR 203", Table.SINGLE_BYTE, null, CodedCharacterSet.ISO_IR_203),
    ISO_IR_13("ISO_IR 13", Table.SINGLE_BYTE, CodedCharacterSet.ISO_IR_14, CodedCharacterSet.ISO_IR_13),
    ISO_IR_166("ISO_IR 166", Table.SINGLE_BYTE, null, CodedCharacterSet.ISO_IR_166),
    ISO_2022_IR_6("ISO 2022 IR 6", Table.SINGLE_BYTE_EXTENSIONS, CodedCharacterSet.ISO_IR_6, null),
    ISO_2022_IR_100("ISO 2022 IR 100", Table.SINGLE_BYTE_EXTENSIONS, null, CodedCharacterSet.ISO_IR_100),
    ISO_2022_IR_101("ISO 2022 IR 101", Table.SINGLE_BYTE_EXTENSIONS, null, CodedCharacterSet.ISO_IR_101),
    ISO_2022_IR_109("ISO 2022 IR 109", Table.SINGLE_BYTE_EXTENSIONS, null, CodedCharacterSet.ISO_IR_109),
    ISO_2022_IR_110("ISO 2022 IR 110", Table.SINGLE_BYTE_EXTENSIONS, null, CodedCharacterSet.ISO_IR_110),
    ISO_2022_IR_144("ISO 2022 IR 144", Table.SINGLE_BYTE_EXTENSIONS, null, CodedCharacterSet.ISO_IR_144),
    ISO_2022_IR_127("ISO 2022 IR 127", Table.SINGLE_BYTE_EXTENSIONS, null, CodedCharacterSet.ISO_IR_127),
    ISO_2022_IR_126("ISO 2022 IR 126", Table.SINGLE_BYTE_EXTENSIONS, null, CodedCharacterSet.ISO_IR_126),
    ISO_2022_IR_138("ISO 2022 IR 138", Table.SINGLE_BYTE_EXTENSIONS, null, CodedCharacterSet.ISO_IR_138),
    ISO_2022_IR_148("ISO 2022 IR 148", Table.SINGLE_BYTE_EXTENSIONS, null, CodedCharacterSet.ISO_IR_148),
    ISO_2022_IR_203("ISO 2022 IR 203", Table.SINGLE_BYTE_EXTENSIONS, null, CodedCharacterSet.ISO_IR_203),
    ISO_2022_IR_13("ISO 2022 IR 13", Table.SINGLE_BYTE_EXTENSIONS,
            CodedCharacterSet.ISO_IR_14, CodedCharacterSet.ISO_IR_13),
    ISO_2022_IR_166("ISO 2022 IR 166", Table.SINGLE_BYTE_EXTENSIONS, null, CodedCharacterSet.ISO_IR_166),
    ISO_2022_IR_87("ISO 2022 IR 87", Table.MULTI_BYTE_EXTENSIONS, CodedCharacterSet.ISO_IR_87, null),
    ISO_2022_IR_159("ISO 2022 IR 159", Table.MULTI_BYTE_EXTENSIONS, CodedCharacterSet.ISO_IR_159, null),
    ISO_2022_IR_149("ISO 2022 IR 149", Table.MULTI_BYTE_EXTENSIONS, null, CodedCharacterSet.ISO_IR_149),
    ISO_2022_IR_58("ISO 2022 IR 58", Table.MULTI_BYTE_EXTENSIONS, null, CodedCharacterSet.ISO_IR_58),
    ISO_IR_192("ISO_IR 192", StandardCharsets.UTF_8),
    GB18030("GB18030", Charset.forName("GB18030")),
    GBK("GBK", Charset.forName("GBK"));

    /** The table of PS3.3 C.12.1.1.2 that defines a term. */
    enum Table {
        /** C.12-2: single-byte character sets without code extensions. */
        SINGLE_BYTE,
        /** C.12-3: single-byte character sets with code extensions. */
        SINGLE_BYTE_EXTENSIONS,
        /** C.12-4: multi-byte character sets with code extensions. */
        MULTI_BYTE_EXTENSIONS,
        /** C.12-5: multi-byte character sets without code extensions (UTF-8, GB18030, GBK). */
        STANDALONE
    }

    private static final Map<String, DefinedTerm> BY_TERM = byTerm();
    /** Key: the spelling upper-cased with everything but letters and digits removed. */
    private static final Map<String, DefinedTerm> BY_SQUEEZED = bySqueezedSpelling();
    private static final Pattern ISO_8859 = Pattern.compile("ISO8859(\\d{1,2})");
    private static final Pattern NUMBERED = Pattern.compile("ISO(2022)?IR(\\d{1,3})|ISO2022(\\d{1,3})");

    private final String term;
    private final Table table;
    private final CodedCharacterSet g0;
    private final CodedCharacterSet g1;
    private final Charset standalone;

    DefinedTerm(String term, Table table, CodedCharacterSet g0, CodedCharacterSet g1) {
        this.term = term;
        this.table = table;
        this.g0 = g0;
        this.g1 = g1;
        this.standalone = null;
    }

    DefinedTerm(String term, Charset standalone) {
        this.term = term;
        this.table = Table.STANDALONE;
        this.g0 = null;
        this.g1 = null;
        this.standalone = standalone;
    }

    private static Map<String, DefinedTerm> byTerm() {
        Map<String, DefinedTerm> map = new HashMap<>();
        for (DefinedTerm term : values()) {
            map.put(term.term, term);
        }
        return map;
    }

    private static Map<String, DefinedTerm> bySqueezedSpelling() {
        Map<String, DefinedTerm> map = new HashMap<>();
        for (DefinedTerm term : values()) {
            map.put(squeeze(term.term), term);
        }
        map.put("UTF8", ISO_IR_192);
        map.put("GB2312", ISO_2022_IR_58);
        map.put("EUCCN", ISO_2022_IR_58);
        map.put("EUCKR", ISO_2022_IR_149);
        map.put("ISO2022GBK", GBK);
        map.put("LATIN1", ISO_IR_100);
        return map;
    }

    /** The defined term exactly as the standard spells it. */
    String term() {
        return term;
    }

    Table table() {
        return table;
    }

    /** The set this term designates into G0 (ISO-IR 6, 14, 87 or 159), or {@code null}. */
    CodedCharacterSet g0() {
        return g0;
    }

    /** The set this term designates into G1, or {@code null}. */
    CodedCharacterSet g1() {
        return g1;
    }

    /** The charset of a C.12-5 term, {@code null} for the others. */
    Charset standalone() {
        return standalone;
    }

    /** True for a C.12-4 term that designates a two-byte set into G0 (ISO 2022 IR 87 and IR 159). */
    boolean isMultiByteG0() {
        return g0 != null && g0.isMultiByte();
    }

    /** The C.12-3 term with code extensions for the same character set as this C.12-2 term. */
    DefinedTerm withCodeExtensions() {
        if (table != Table.SINGLE_BYTE) {
            return this;
        }
        return BY_TERM.get("ISO 2022 IR " + term.substring("ISO_IR ".length()));
    }

    /** The term spelled exactly as {@code value}, or {@code null}. */
    static DefinedTerm exact(String value) {
        return BY_TERM.get(value);
    }

    /**
     * The term that a misspelled value most likely means ({@code ISO-IR 100}, {@code ISO_IR100},
     * {@code iso 2022 ir 87}, {@code ISO 2022 58}, {@code UTF-8}, {@code ISO-8859-5}, {@code GB2312}),
     * or {@code null}. {@code ISO_IR 6} and its variants give {@link #ISO_2022_IR_6}.
     */
    static DefinedTerm alias(String value) {
        String squeezed = squeeze(value);
        DefinedTerm term = BY_SQUEEZED.get(squeezed);
        if (term != null) {
            return term;
        }
        Matcher iso8859 = ISO_8859.matcher(squeezed);
        if (iso8859.matches()) {
            return iso8859Part(Integer.parseInt(iso8859.group(1)));
        }
        Matcher numbered = NUMBERED.matcher(squeezed);
        if (!numbered.matches()) {
            return null;
        }
        boolean extensions = numbered.group(1) != null || numbered.group(3) != null;
        String number = numbered.group(2) != null ? numbered.group(2) : numbered.group(3);
        if (number.equals("6")) {
            return ISO_2022_IR_6;
        }
        DefinedTerm withoutExtensions = BY_TERM.get("ISO_IR " + number);
        DefinedTerm withExtensions = BY_TERM.get("ISO 2022 IR " + number);
        if (number.equals("192")) {
            return ISO_IR_192;
        }
        if (extensions || withoutExtensions == null) {
            return withExtensions;
        }
        return withoutExtensions;
    }

    private static DefinedTerm iso8859Part(int part) {
        return switch (part) {
            case 1 -> ISO_IR_100;
            case 2 -> ISO_IR_101;
            case 3 -> ISO_IR_109;
            case 4 -> ISO_IR_110;
            case 5 -> ISO_IR_144;
            case 6 -> ISO_IR_127;
            case 7 -> ISO_IR_126;
            case 8 -> ISO_IR_138;
            case 9 -> ISO_IR_148;
            case 11 -> ISO_IR_166;
            case 15 -> ISO_IR_203;
            default -> null;
        };
    }

    private static String squeeze(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x80 && Character.isLetterOrDigit(c)) {
                sb.append(c);
            }
        }
        return sb.toString().toUpperCase(Locale.ROOT);
    }
}
