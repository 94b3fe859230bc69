package org.dicomtools.deid.dicom;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The character repertoires that Specific Character Set (0008,0005) declares (PS3.3 C.12.1.1.2), and
 * the decoding and encoding of string values under them (PS3.5 6.1, Annexes H, I, J and K).
 *
 * <p>Three kinds of declaration exist:
 * <ul>
 *   <li>none, or a single term of Table C.12-2 ({@code ISO_IR 100}, {@code ISO_IR 13}, ...): one
 *       single-byte set without code extensions;</li>
 *   <li>terms of Tables C.12-3 and C.12-4 ({@code ISO 2022 IR 100}, {@code \ISO 2022 IR 87}, ...): ISO 2022
 *       code extensions, where escape sequences designate character sets into the G0 and G1 code
 *       elements (PS3.5 6.1.2.5). Value 1 (empty meaning ISO 2022 IR 6) gives the initial designations,
 *       which are restored at the delimiters of PS3.5 6.1.2.5.3;</li>
 *   <li>a term of Table C.12-5 ({@code ISO_IR 192} UTF-8, {@code GB18030}, {@code GBK}): one
 *       multi-byte encoding without code extensions.</li>
 * </ul>
 *
 * <p>Leniency, because real files need it: {@link #of} accepts misspelled terms and records a
 * {@linkplain #warnings() warning} instead of failing; the decoder honours every escape sequence of
 * Tables C.12-3 and C.12-4 even when (0008,0005) does not declare it, keeps an unknown escape sequence as
 * the characters it consists of, maps bytes 0x80-0xFF to ISO 8859-1 characters when no G1 set is
 * designated, and replaces undecodable bytes with U+FFFD. Decoding never throws for bad bytes.
 *
 * <p>Instances are immutable and thread-safe; two instances are equal when their normalised
 * {@linkplain #terms() terms} are.
 */
public final class SpecificCharacterSet {

    /**
     * The default character repertoire, ISO-IR 6, used when (0008,0005) is absent or empty
     * (PS3.5 6.1.2.1). Bytes 0x80-0xFF decode as ISO 8859-1 characters, and those characters encode back
     * to the same bytes, because files without (0008,0005) often carry Latin-1 text.
     */
    public static final SpecificCharacterSet DEFAULT =
            new SpecificCharacterSet(List.of(), List.of());

    private static final int ESC = CodedCharacterSet.ESC;

    private final List<String> terms;
    private final List<String> warnings;
    /** Charset of a Table C.12-5 term; {@code null} when ISO 2022 rules apply. */
    private final Charset standalone;
    private final CodedCharacterSet initialG0;
    /** Set designated into G1 in the initial state; {@code null} when none is (bytes 0x80-0xFF as Latin-1). */
    private final CodedCharacterSet initialG1;
    /** Sets that can encode characters beyond US-ASCII, in declaration order. */
    private final CodedCharacterSet[] extensions;
    /**
     * A charset that decodes a value without escape sequences exactly as the ISO 2022 rules would, or
     * {@code null} when only the full decoder can (JIS X 0201 Katakana in the initial G1).
     */
    private final Charset withoutEscapes;

    private SpecificCharacterSet(List<DefinedTerm> resolved, List<String> warnings) {
        List<String> names = new ArrayList<>(resolved.size());
        for (DefinedTerm term : resolved) {
            names.add(term == null ? "" : term.term());
        }
        this.terms = List.copyOf(names);
        this.warnings = List.copyOf(warnings);
        DefinedTerm first = resolved.isEmpty() ? null : resolved.get(0);
        this.standalone = first == null ? null : first.standalone();
        this.initialG0 = first == null || first.g0() == null ? CodedCharacterSet.ISO_IR_6 : first.g0();
        this.initialG1 = first == null ? null : first.g1();
        List<CodedCharacterSet> sets = new ArrayList<>();
        for (DefinedTerm term : resolved) {
            if (term == null) {
                continue;
            }
            if (term.isMultiByteG0() && !sets.contains(term.g0())) {
                sets.add(term.g0());
            }
            if (term.g1() != null && !sets.contains(term.g1())) {
                sets.add(term.g1());
            }
        }
        this.extensions = sets.toArray(new CodedCharacterSet[0]);
        if (initialG1 == null) {
            this.withoutEscapes = StandardCharsets.ISO_8859_1;
        } else {
            this.withoutEscapes = initialG1 == CodedCharacterSet.ISO_IR_13 ? null : initialG1.charset();
        }
    }

    /**
     * Interprets the values of Specific Character Set (0008,0005) as read from a file: values may carry
     * padding, value 1 may be empty (ISO 2022 IR 6, PS3.3 C.12.1.1.2), and an empty list means the
     * default repertoire. Never throws for bad values; each repair is recorded in {@link #warnings()}:
     * <ul>
     *   <li>misspelled terms such as {@code ISO-IR 100}, {@code ISO_IR100}, {@code ISO IR 100},
     *       {@code ISO 2022 58}, {@code ISO_IR 6}, {@code UTF-8} or {@code GB2312} are read as the term
     *       they evidently mean;</li>
     *   <li>an unknown term is ignored; as value 1 it is replaced by the default repertoire;</li>
     *   <li>{@code ISO 2022 IR 6} as the only value is read as the default repertoire;</li>
     *   <li>a Table C.12-2 term in a multi-valued declaration is read as its ISO 2022 form;</li>
     *   <li>{@code ISO 2022 IR 87} or {@code IR 159} as value 1 is moved behind an empty value 1, since a
     *       two-byte G0 set cannot be the initial designation;</li>
     *   <li>a Table C.12-5 term as value 1 of several makes the others ignored; elsewhere it is
     *       ignored itself (PS3.5 6.1.2.5.4 forbids code extensions with it);</li>
     *   <li>an empty value other than value 1 is ignored.</li>
     * </ul>
     *
     * @param values the values of (0008,0005), in order
     * @return the character set; equal to {@link #DEFAULT} when nothing but the default repertoire is
     *     declared
     */
    public static SpecificCharacterSet of(List<String> values) {
        List<String> copy = List.copyOf(values);
        List<String> warnings = new ArrayList<>();
        List<DefinedTerm> resolved = new ArrayList<>();
        for (int i = 0; i < copy.size(); i++) {
            String value = trim(copy.get(i));
            if (value.isEmpty()) {
                if (i == 0) {
                    resolved.add(null);
                } else {
                    warnings.add("Specific Character Set value " + (i + 1) + " is empty; ignored");
                }
                continue;
            }
            DefinedTerm term = DefinedTerm.exact(value);
            if (term == null) {
                term = DefinedTerm.alias(value);
                if (term != null) {
                    warnings.add("Specific Character Set value '" + value
                            + "' is not a defined term; read as '" + term.term() + "'");
                } else if (i == 0) {
                    warnings.add("Specific Character Set value '" + value
                            + "' is unknown; the default repertoire is used instead,"
                            + " with bytes 0x80-0xFF read as ISO 8859-1");
                } else {
                    warnings.add("Specific Character Set value '" + value + "' is unknown; ignored");
                }
            }
            if (term != null || i == 0) {
                resolved.add(term);
            }
        }
        normalise(resolved, warnings);
        if (resolved.isEmpty() && warnings.isEmpty()) {
            return DEFAULT;
        }
        return new SpecificCharacterSet(resolved, warnings);
    }

    /** Applies the structural repairs listed on {@link #of}; {@code null} stands for an empty value 1. */
    private static void normalise(List<DefinedTerm> resolved, List<String> warnings) {
        if (resolved.size() > 1 && resolved.get(0) != null
                && resolved.get(0).table() == DefinedTerm.Table.STANDALONE) {
            warnings.add("Specific Character Set '" + resolved.get(0).term()
                    + "' does not allow code extensions; the other values are ignored");
            resolved.subList(1, resolved.size()).clear();
        }
        for (int i = resolved.size() - 1; i > 0; i--) {
            DefinedTerm term = resolved.get(i);
            if (term.table() == DefinedTerm.Table.STANDALONE) {
                warnings.add("Specific Character Set '" + term.term()
                        + "' cannot be used as a code extension; ignored");
                resolved.remove(i);
            }
        }
        DefinedTerm first = resolved.isEmpty() ? null : resolved.get(0);
        if (first != null && first.isMultiByteG0()) {
            warnings.add("Specific Character Set '" + first.term()
                    + "' cannot be the initial G0 designation; value 1 is taken as empty (ISO 2022 IR 6)");
            resolved.add(0, null);
        }
        if (resolved.size() == 1 && first == DefinedTerm.ISO_2022_IR_6) {
            warnings.add("Specific Character Set 'ISO 2022 IR 6' as the only value declares no"
                    + " extension; read as the default repertoire");
            resolved.clear();
        }
        if (resolved.size() > 1) {
            for (int i = 0; i < resolved.size(); i++) {
                DefinedTerm term = resolved.get(i);
                if (term != null && term.table() == DefinedTerm.Table.SINGLE_BYTE) {
                    DefinedTerm extended = term.withCodeExtensions();
                    warnings.add("Specific Character Set '" + term.term()
                            + "' does not allow code extensions; read as '" + extended.term() + "'");
                    resolved.set(i, extended);
                }
            }
        }
        if (resolved.size() == 1 && resolved.get(0) == null) {
            resolved.clear();
        }
    }

    private static String trim(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && value.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && value.charAt(end - 1) <= ' ') {
            end--;
        }
        return value.substring(start, end);
    }

    /**
     * The normalised defined terms, in order: what {@link #of} made of its input. Empty for the default
     * repertoire; an empty string stands for an empty value 1.
     */
    public List<String> terms() {
        return terms;
    }

    /** What {@link #of} had to repair or ignore, one sentence each; empty for a valid declaration. */
    public List<String> warnings() {
        return warnings;
    }

    /** True when ISO 2022 escape sequences are interpreted, that is for every term not in Table C.12-5. */
    public boolean usesCodeExtensions() {
        return standalone == null;
    }

    /**
     * Decodes a whole value; see {@link #decode(byte[], int, int, VR)}.
     *
     * @param value the value bytes, padding included
     * @param vr a text VR
     * @return the characters
     */
    public String decode(byte[] value, VR vr) {
        return decode(value, 0, value.length, vr);
    }

    /**
     * Decodes the bytes of a string value. Values of default-repertoire VRs (AE, AS, CS, DA, DS, DT, IS,
     * TM, UI, UR) decode as ISO 8859-1 whatever the declaration (PS3.5 6.1.2.3). For the others, under
     * ISO 2022 rules, escape sequences switch the G0 and G1 designations and are not part of the
     * result, and the initial designations come back at every control character and, outside a
     * two-byte G0 set, at {@code \} in multi-valued VRs and at {@code ^} and {@code =} in PN
     * (PS3.5 6.1.2.5.3). Padding is not removed.
     *
     * @param value the bytes
     * @param offset where the value starts in {@code value}
     * @param length the length of the value in bytes
     * @param vr a text VR
     * @return the characters; bytes that map to no character become U+FFFD
     * @throws IllegalArgumentException when {@code vr} is not a text VR
     */
    public String decode(byte[] value, int offset, int length, VR vr) {
        Objects.checkFromIndexSize(offset, length, value.length);
        if (isDefaultRepertoire(vr)) {
            return new String(value, offset, length, StandardCharsets.ISO_8859_1);
        }
        if (standalone != null) {
            return new String(value, offset, length, standalone);
        }
        int end = offset + length;
        int i = offset;
        while (i < end && value[i] >= 0 && value[i] != ESC) {
            i++;
        }
        if (i == end) {
            return new String(value, offset, length, StandardCharsets.ISO_8859_1);
        }
        if (withoutEscapes != null && indexOfEscape(value, i, end) < 0) {
            return new String(value, offset, length, withoutEscapes);
        }
        return decodeWithCodeExtensions(value, offset, end, vr);
    }

    private static int indexOfEscape(byte[] value, int from, int end) {
        for (int i = from; i < end; i++) {
            if (value[i] == ESC) {
                return i;
            }
        }
        return -1;
    }

    private String decodeWithCodeExtensions(byte[] value, int start, int end, VR vr) {
        StringBuilder out = new StringBuilder(end - start);
        CodedCharacterSet g0 = initialG0;
        CodedCharacterSet g1 = initialG1;
        int i = start;
        while (i < end) {
            int b = value[i] & 0xFF;
            if (b == ESC) {
                CodedCharacterSet set = CodedCharacterSet.atEscape(value, i, end);
                if (set == null) {
                    // Not an escape sequence of C.12-3/C.12-4: keep ESC, decode what follows as text.
                    out.append((char) ESC);
                    i++;
                } else {
                    if (set.isG0()) {
                        g0 = set;
                    } else {
                        g1 = set;
                    }
                    i += set.escapeLength();
                }
            } else if (b >= 0x80) {
                int runEnd = i + 1;
                while (runEnd < end && value[runEnd] < 0) {
                    runEnd++;
                }
                if (g1 == null) {
                    for (int k = i; k < runEnd; k++) {
                        out.append((char) (value[k] & 0xFF));
                    }
                } else {
                    g1.decode(value, i, runEnd - i, out);
                }
                i = runEnd;
            } else if (g0.isMultiByte() && isGraphicLeft(b)) {
                int runEnd = i + 1;
                while (runEnd < end && isGraphicLeft(value[runEnd])) {
                    runEnd++;
                }
                g0.decode(value, i, runEnd - i, out);
                i = runEnd;
            } else {
                if (resetsDesignations(b, vr)) {
                    g0 = initialG0;
                    g1 = initialG1;
                }
                out.append((char) b);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean isGraphicLeft(int b) {
        return b >= 0x21 && b <= 0x7E;
    }

    /**
     * True for the characters before which the initial designations must be active again
     * (PS3.5 6.1.2.5.3): control characters (CR, LF, FF, TAB, ...), the value delimiter {@code \} of
     * multi-valued VRs and the component and group delimiters {@code ^ =} of PN.
     */
    private static boolean resetsDesignations(int c, VR vr) {
        if (c < 0x20) {
            return true;
        }
        if (c == '\\') {
            return !vr.isSingleValuedText();
        }
        return (c == '^' || c == '=') && vr == VR.PN;
    }

    /**
     * Encodes a string value, the inverse of {@link #decode(byte[], VR)}. Default-repertoire VRs encode
     * as ISO 8859-1. Under ISO 2022 rules each character goes into the first set that has it, trying
     * the current G1 and G0 designations first and then the declared sets in order; an escape sequence
     * precedes each change of designation, and the initial G0 set is designated again before each
     * delimiter and at the end of the value (PS3.5 6.1.2.5.3, Annex H). The value is not padded.
     *
     * @param value the characters, without padding
     * @param vr a text VR
     * @return the bytes
     * @throws IllegalArgumentException when {@code vr} is not a text VR, or when a character of
     *     {@code value} is in none of the declared character sets (the message names it); ESC (U+001B)
     *     is refused under ISO 2022 rules because a decoder would read it as an escape sequence
     */
    public byte[] encode(String value, VR vr) {
        Objects.requireNonNull(value, "value");
        if (isDefaultRepertoire(vr)) {
            return encodeLatin1(value);
        }
        if (standalone != null) {
            return encodeStandalone(value);
        }
        boolean plain = true;
        for (int i = 0; i < value.length() && plain; i++) {
            char c = value.charAt(i);
            plain = c < 0x80 && c != ESC;
        }
        if (plain) {
            return value.getBytes(StandardCharsets.ISO_8859_1);
        }
        return encodeWithCodeExtensions(value, vr);
    }

    private byte[] encodeWithCodeExtensions(String value, VR vr) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length() * 2 + 8);
        CodedCharacterSet.Encoder[] encoders = new CodedCharacterSet.Encoder[CodedCharacterSet.values().length];
        CodedCharacterSet g0 = initialG0;
        CodedCharacterSet g1 = initialG1;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                if (c == ESC) {
                    throw unencodable(value, i, "ESC would start an escape sequence");
                }
                boolean delimiter = resetsDesignations(c, vr);
                if (g0.isMultiByte() || delimiter && g0 != initialG0) {
                    initialG0.writeEscape(out);
                    g0 = initialG0;
                }
                if (delimiter) {
                    g1 = initialG1;
                }
                out.write(c);
                continue;
            }
            CodedCharacterSet chosen = null;
            if (g0.isMultiByte() && encoder(encoders, g0).encode(c)) {
                chosen = g0;
            } else if (g1 != null && encoder(encoders, g1).encode(c)) {
                chosen = g1;
            } else {
                for (CodedCharacterSet set : extensions) {
                    if (set != g0 && set != g1 && encoder(encoders, set).encode(c)) {
                        chosen = set;
                        break;
                    }
                }
            }
            if (chosen == null) {
                if (extensions.length == 0 && g1 == null && c <= 0xFF) {
                    // Default repertoire: the lenient Latin-1 reading of the decoder, in reverse.
                    out.write(c);
                    continue;
                }
                throw unencodable(value, i, "it is in none of the declared character sets");
            }
            if (!chosen.isG0() && g0.isMultiByte()) {
                // G1 bytes could follow a two-byte G0 set directly (ISO 2022 keeps GL and GR apart),
                // but readers that decode each escape-delimited run with one charset cannot mix them.
                initialG0.writeEscape(out);
                g0 = initialG0;
            }
            if (chosen != g0 && chosen != g1) {
                chosen.writeEscape(out);
                if (chosen.isG0()) {
                    g0 = chosen;
                } else {
                    g1 = chosen;
                }
            }
            encoders[chosen.ordinal()].writeTo(out);
        }
        if (g0 != initialG0) {
            initialG0.writeEscape(out);
        }
        return out.toByteArray();
    }

    private static CodedCharacterSet.Encoder encoder(CodedCharacterSet.Encoder[] encoders, CodedCharacterSet set) {
        CodedCharacterSet.Encoder encoder = encoders[set.ordinal()];
        if (encoder == null) {
            encoder = set.newEncoder();
            encoders[set.ordinal()] = encoder;
        }
        return encoder;
    }

    private byte[] encodeStandalone(String value) {
        CharsetEncoder encoder = standalone.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            ByteBuffer bytes = encoder.encode(CharBuffer.wrap(value));
            return Arrays.copyOfRange(bytes.array(), bytes.arrayOffset() + bytes.position(),
                    bytes.arrayOffset() + bytes.limit());
        } catch (CharacterCodingException e) {
            int bad = firstUnencodable(value, standalone.newEncoder());
            IllegalArgumentException failure = unencodable(value, bad, "it has no " + standalone.name() + " encoding");
            failure.initCause(e);
            throw failure;
        }
    }

    private byte[] encodeLatin1(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) > 0xFF) {
                throw unencodable(value, i, "a default-repertoire VR holds ISO 8859-1 characters only");
            }
        }
        return value.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static int firstUnencodable(String value, CharsetEncoder encoder) {
        for (int i = 0; i < value.length(); i += Character.charCount(value.codePointAt(i))) {
            int end = i + Character.charCount(value.codePointAt(i));
            if (!encoder.canEncode(value.subSequence(i, end))) {
                return i;
            }
        }
        return 0;
    }

    private IllegalArgumentException unencodable(String value, int index, String reason) {
        int cp = value.codePointAt(index);
        boolean printable = !Character.isISOControl(cp) && Character.getType(cp) != Character.SURROGATE;
        String shown = printable ? "'" + new String(Character.toChars(cp)) + "' " : "";
        return new IllegalArgumentException(String.format(
                "cannot encode character %s(U+%04X) at index %d with Specific Character Set %s: %s",
                shown, cp, index, describeTerms(), reason));
    }

    /** True for AE, AS, CS, DA, DS, DT, IS, TM, UI and UR; false for the other text VRs; throws for the rest. */
    private static boolean isDefaultRepertoire(VR vr) {
        if (!vr.isText()) {
            throw new IllegalArgumentException("not a text VR: " + vr);
        }
        return vr.kind() == VR.Kind.TEXT_DEFAULT;
    }

    private String describeTerms() {
        return terms.isEmpty() ? "(default repertoire)" : "'" + String.join("\\", terms) + "'";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpecificCharacterSet && terms.equals(((SpecificCharacterSet) o).terms);
    }

    @Override
    public int hashCode() {
        return terms.hashCode();
    }

    @Override
    public String toString() {
        return "SpecificCharacterSet[" + String.join("\\", terms) + "]";
    }
}
