package org.dicomtools.deid.pixel.jpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HuffmanTableTest {

    private static byte[] spec(int[] counts, int... symbols) {
        byte[] spec = new byte[16 + symbols.length];
        for (int i = 0; i < counts.length; i++) {
            spec[i] = (byte) counts[i];
        }
        for (int i = 0; i < symbols.length; i++) {
            spec[16 + i] = (byte) symbols[i];
        }
        return spec;
    }

    @Test
    void canonicalCodesFollowTheLengthCounts() throws JpegException {
        // T.81 Table K.3 (luminance DC): 0 -> 00, 1 -> 010, 2 -> 011, ..., 5 -> 110, 6 -> 1110.
        byte[] spec = spec(new int[] {0, 1, 5, 1, 1, 1, 1, 1, 1}, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        HuffmanTable table = HuffmanTable.parse(spec, 0, spec.length);

        assertEquals(0b00, table.codeOf[0]);
        assertEquals(2, table.lengthOf[0]);
        assertEquals(0b010, table.codeOf[1]);
        assertEquals(0b110, table.codeOf[5]);
        assertEquals(3, table.lengthOf[5]);
        assertEquals(0b1110, table.codeOf[6]);
        assertEquals(0b111111110, table.codeOf[11]);
        assertEquals(9, table.lengthOf[11]);
        assertEquals(0, table.lengthOf[12]);
    }

    @Test
    void overSubscribedLengthsAreRejected() {
        byte[] spec = spec(new int[] {3}, 0, 1, 2);

        JpegException e = assertThrows(JpegException.class, () -> HuffmanTable.parse(spec, 0, spec.length));

        assertEquals("DHT at offset 0 defines more codes of length 1 than fit", e.getMessage());
    }

    @Test
    void repeatedSymbolIsRejected() {
        byte[] spec = spec(new int[] {0, 2}, 7, 7);

        JpegException e = assertThrows(JpegException.class, () -> HuffmanTable.parse(spec, 0, spec.length));

        assertEquals("DHT at offset 0 lists symbol 0x07 twice", e.getMessage());
    }

    @Test
    void symbolListPastTheSegmentEndIsRejected() {
        byte[] spec = spec(new int[] {0, 2}, 1, 2);

        assertThrows(JpegException.class, () -> HuffmanTable.parse(spec, 0, spec.length - 1));
    }

    @Test
    void optimalTableOfOneSymbolHasOneOneBitCode() {
        long[] frequencies = new long[256];
        frequencies[0] = 1;

        assertArrayEquals(spec(new int[] {1}, 0), HuffmanTable.optimalSpec(frequencies));
    }

    @Test
    void optimalTableGivesShorterCodesToFrequentSymbolsAndReservesTheAllOnesCode() {
        long[] frequencies = new long[256];
        frequencies[0] = 5;
        frequencies[1] = 3;
        frequencies[2] = 1;

        // 0 -> 0, 1 -> 10, 2 -> 110; 111 is the reserved code (T.81 K.2).
        assertArrayEquals(spec(new int[] {1, 1, 1}, 0, 1, 2), HuffmanTable.optimalSpec(frequencies));
    }

    @Test
    void optimalTableFoldsCodesLongerThanSixteenBits() throws JpegException {
        long[] frequencies = new long[256];
        long a = 1;
        long b = 1;
        for (int symbol = 0; symbol < 30; symbol++) {
            frequencies[symbol] = a;
            long c = a + b;
            a = b;
            b = c;
        }
        byte[] spec = HuffmanTable.optimalSpec(frequencies);
        HuffmanTable table = HuffmanTable.parse(spec, 0, spec.length);

        assertEquals(16 + 30, spec.length);
        long space = 0;
        for (int symbol = 0; symbol < 30; symbol++) {
            int length = table.lengthOf[symbol];
            assertTrue(length >= 1 && length <= 16, "symbol " + symbol + " length " + length);
            space += 1L << (16 - length);
        }
        assertTrue(space < 1L << 16, "the all-ones code stays unused");
        // Symbols 0 and 1 are equally rare; from there on each is more frequent than the last.
        for (int symbol = 2; symbol < 30; symbol++) {
            assertTrue(table.lengthOf[symbol] <= table.lengthOf[symbol - 1], "symbol " + symbol);
        }
        assertEquals(16, Math.max(table.lengthOf[0], table.lengthOf[1]));
    }
}
