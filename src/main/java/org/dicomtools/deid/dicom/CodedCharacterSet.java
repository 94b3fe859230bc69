package org.dicomtools.deid.dicom;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The graphic character sets that ISO 2022 code extensions designate into the G0 or G1 code element
 * (PS3.3 Tables C.12-3 and C.12-4, PS3.5 6.1.2.5), each with its escape sequence and the JDK charset
 * that maps its bytes.
 *
 * <p>Byte conventions: a G0 set uses bytes 0x21-0x7E (one byte per character for ISO-IR 6 and 14, two
 * for ISO-IR 87 and 159); a G1 set is invoked into the upper half (0xA0-0xFF, one byte per character
 * for the 96-character sets and ISO-IR 13, two for ISO-IR 149 and 58). The JDK charsets chosen here
 * expect exactly those bytes (GL pairs for {@code x-JIS0208} and {@code JIS_X0212-1990}, GR pairs for
 * {@code EUC-KR} and {@code GB2312}, upper-half bytes for {@code JIS_X0201}, whose lower half
 * (romaji, with the yen sign at 05/12) is not used: see {@link #ISO_IR_14}).
 */
enum CodedCharacterSet {
    /** ISO-IR 6, US-ASCII, G0 (ESC 02/08 04/02). */
    ISO_IR_6(true, 1, StandardCharsets.US_ASCII, 0x28, 0x42),
    /**
     * ISO-IR 14, JIS X 0201 Romaji, G0 (ESC 02/08 04/10). Handled as ASCII: its 05/12 is the yen sign
     * in JIS X 0201, but DICOM uses the byte as the value delimiter (PS3.5 6.4), and readers show it
     * as a backslash.
     */
    ISO_IR_14(true, 1, StandardCharsets.US_ASCII, 0x28, 0x4A),
    /** ISO-IR 13, JIS X 0201 Katakana, G1 (ESC 02/09 04/09): 0xA1-0xDF are U+FF61-U+FF9F. */
    ISO_IR_13(false, 1, Charset.forName("JIS_X0201"), 0x29, 0x49),
    /** ISO-IR 100, Latin alphabet No. 1, G1 (ESC 02/13 04/01). */
    ISO_IR_100(false, 1, StandardCharsets.ISO_8859_1, 0x2D, 0x41),
    /** ISO-IR 101, Latin alphabet No. 2, G1 (ESC 02/13 04/02). */
    ISO_IR_101(false, 1, Charset.forName("ISO-8859-2"), 0x2D, 0x42),
    /** ISO-IR 109, Latin alphabet No. 3, G1 (ESC 02/13 04/03). */
    ISO_IR_109(false, 1, Charset.forName("ISO-8859-3"), 0x2D, 0x43),
    /** ISO-IR 110, Latin alphabet No. 4, G1 (ESC 02/13 04/04). */
    ISO_IR_110(false, 1, Charset.forName("ISO-8859-4"), 0x2D, 0x44),
    /** ISO-IR 144, Cyrillic, G1 (ESC 02/13 04/12). */
    ISO_IR_144(false, 1, Charset.forName("ISO-8859-5"), 0x2D, 0x4C),
    /** ISO-IR 127, Arabic, G1 (ESC 02/13 04/07). */
    ISO_IR_127(false, 1, Charset.forName("ISO-8859-6"), 0x2D, 0x47),
    /** ISO-IR 126, Greek, G1 (ESC 02/13 04/06). */
    ISO_IR_126(false, 1, Charset.forName("ISO-8859-7"), 0x2D, 0x46),
    /** ISO-IR 138, Hebrew, G1 (ESC 02/13 04/08). */
    ISO_IR_138(false, 1, Charset.forName("ISO-8859-8"), 0x2D, 0x48),
    /** ISO-IR 148, Latin alphabet No. 5, G1 (ESC 02/13 04/13). */
    ISO_IR_148(false, 1, Charset.forName("ISO-8859-9"), 0x2D, 0x4D),
    /** ISO-IR 203, Latin alphabet No. 9, G1 (ESC 02/13 06/02). */
    ISO_IR_203(false, 1, Charset.forName("ISO-8859-15"), 0x2D, 0x62),
    /**
     * ISO-IR 166, TIS 620-2533 Thai, G1 (ESC 02/13 05/04). ISO-IR 166 is a 96-character set whose
     * 10/00 is NO-BREAK SPACE, which {@code x-iso-8859-11} maps and {@code TIS-620} does not.
     */
    ISO_IR_166(false, 1, Charset.forName("x-iso-8859-11"), 0x2D, 0x54),
    /** ISO-IR 87, JIS X 0208 Kanji, G0 (ESC 02/04 04/02). */
    ISO_IR_87(true, 2, Charset.forName("x-JIS0208"), 0x24, 0x42),
    /** ISO-IR 159, JIS X 0212 Supplementary Kanji, G0 (ESC 02/04 02/08 04/04). */
    ISO_IR_159(true, 2, Charset.forName("JIS_X0212-1990"), 0x24, 0x28, 0x44),
    /** ISO-IR 149, KS X 1001 Hangul and Hanja, G1 (ESC 02/04 02/09 04/03). */
    ISO_IR_149(false, 2, Charset.forName("EUC-KR"), 0x24, 0x29, 0x43),
    /** ISO-IR 58, GB 2312 Simplified Chinese, G1 (ESC 02/04 02/09 04/01). */
    ISO_IR_58(false, 2, Charset.forName("GB2312"), 0x24, 0x29, 0x41);

    /** The ESC control character that starts every escape sequence. */
    static final int ESC = 0x1B;

    private static final CodedCharacterSet[] ALL = values();

    private final boolean g0;
    private final int bytesPerChar;
    private final Charset charset;
    private final byte[] escape;

    CodedCharacterSet(boolean g0, int bytesPerChar, Charset charset, int... escapeTail) {
        this.g0 = g0;
        this.bytesPerChar = bytesPerChar;
        this.charset = charset;
        this.escape = new byte[escapeTail.length + 1];
        escape[0] = ESC;
        for (int i = 0; i < escapeTail.length; i++) {
            escape[i + 1] = (byte) escapeTail[i];
        }
    }

    /** True for a set designated into G0, false for G1. */
    boolean isG0() {
        return g0;
    }

    /** True for the two-byte sets (ISO-IR 87, 159, 149, 58). */
    boolean isMultiByte() {
        return bytesPerChar == 2;
    }

    /** The JDK charset that maps this set's bytes (see the class comment for the byte ranges). */
    Charset charset() {
        return charset;
    }

    /** Length of the escape sequence that designates this set. */
    int escapeLength() {
        return escape.length;
    }

    /** Appends the escape sequence that designates this set. */
    void writeEscape(ByteArrayOutputStream out) {
        out.write(escape, 0, escape.length);
    }

    /**
     * Returns the set whose escape sequence starts at {@code bytes[pos]} (which is ESC) and ends before
     * {@code end}, or {@code null} when the bytes there are no escape sequence of PS3.3 C.12-3/C.12-4.
     */
    static CodedCharacterSet atEscape(byte[] bytes, int pos, int end) {
        for (CodedCharacterSet set : ALL) {
            byte[] esc = set.escape;
            if (pos + esc.length <= end && matches(bytes, pos, esc)) {
                return set;
            }
        }
        return null;
    }

    private static boolean matches(byte[] bytes, int pos, byte[] esc) {
        for (int i = 1; i < esc.length; i++) {
            if (bytes[pos + i] != esc[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Decodes {@code length} bytes of this set at {@code offset} into {@code out}: GL bytes for a
     * two-byte G0 set, upper-half bytes for a G1 set. A byte that maps to no character becomes
     * U+FFFD.
     */
    void decode(byte[] bytes, int offset, int length, StringBuilder out) {
        out.append(new String(bytes, offset, length, charset));
    }

    /** Creates the per-call encoder state for this set; encoders are not thread-safe, sets are. */
    Encoder newEncoder() {
        return new Encoder(this);
    }

    /** Encodes single characters into this set's bytes; one instance serves one {@code encode} call. */
    static final class Encoder {
        private final CodedCharacterSet set;
        private final CharsetEncoder encoder;
        private final CharBuffer in = CharBuffer.allocate(1);
        private final ByteBuffer out = ByteBuffer.allocate(4);

        private Encoder(CodedCharacterSet set) {
            this.set = set;
            this.encoder = set.charset.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        }

        /**
         * Encodes {@code c} into this set's bytes and returns true, or returns false when the set has no
         * such character; {@link #writeTo} then writes the bytes. Only used for characters outside
         * US-ASCII.
         */
        boolean encode(char c) {
            out.clear();
            in.clear();
            in.put(c).flip();
            encoder.reset();
            encoder.encode(in, out, true);
            encoder.flush(out);
            return !in.hasRemaining() && out.position() == set.bytesPerChar && inRange(out);
        }

        /** Writes the bytes of the character that the last successful {@link #encode} call took. */
        void writeTo(ByteArrayOutputStream sink) {
            sink.write(out.array(), 0, out.position());
        }

        private boolean inRange(ByteBuffer encoded) {
            for (int i = 0; i < encoded.position(); i++) {
                int b = encoded.get(i) & 0xFF;
                boolean ok = set.g0 ? b >= 0x21 && b <= 0x7E : b >= 0x80;
                if (!ok) {
                    return false;
                }
            }
            return true;
        }
    }
}
