package org.dicomtools.deid.pixel.jpeg;

import java.util.Arrays;

/**
 * One Huffman table of a DHT segment, prepared for both directions: decoding with a 9-bit lookup
 * plus the canonical max-code walk of ITU-T T.81 F.2.2.3, and encoding with the code and length
 * of every symbol (T.81 C.2). Codes are generated from the 16 length counts as in T.81 Annex C.
 */
final class HuffmanTable {
    /** Codes up to this many bits are resolved by one table lookup. */
    static final int LOOKUP_BITS = 9;

    /** Index: the next {@link #LOOKUP_BITS} bits; value: {@code length << 8 | symbol}, or 0. */
    final int[] lookup = new int[1 << LOOKUP_BITS];
    /** Largest code of each length (1..16), -1 where the length has no codes. */
    final int[] maxCode = new int[17];
    /** Added to a code of length l to give its index in {@link #values}. */
    final int[] valueOffset = new int[17];
    final int[] values;
    /** Code of each symbol (right-aligned); meaningful where {@link #lengthOf} is non-zero. */
    final int[] codeOf = new int[256];
    /** Code length of each symbol, 0 where the table has no code for it. */
    final int[] lengthOf = new int[256];

    private HuffmanTable(int[] counts, int[] values) {
        this.values = values;
        int code = 0;
        int k = 0;
        for (int length = 1; length <= 16; length++) {
            int n = counts[length - 1];
            if (n == 0) {
                maxCode[length] = -1;
            } else {
                valueOffset[length] = k - code;
                for (int i = 0; i < n; i++, k++, code++) {
                    int symbol = values[k];
                    codeOf[symbol] = code;
                    lengthOf[symbol] = length;
                    if (length <= LOOKUP_BITS) {
                        int shift = LOOKUP_BITS - length;
                        int first = code << shift;
                        int entry = length << 8 | symbol;
                        for (int j = 0; j < 1 << shift; j++) {
                            lookup[first + j] = entry;
                        }
                    }
                }
                maxCode[length] = code - 1;
            }
            code <<= 1;
        }
    }

    /**
     * Builds a table from a DHT entry (T.81 B.2.4.2).
     *
     * @param data the segment bytes
     * @param countsAt offset of the 16 code-length counts; the symbols follow them
     * @param limit end of the segment
     * @return the table; {@link #symbolCount(byte[], int)} tells how many bytes it used
     * @throws JpegException if the counts describe more codes than fit their lengths, more than
     *     256 symbols, a repeated symbol, or run past the segment end
     */
    static HuffmanTable parse(byte[] data, int countsAt, int limit) throws JpegException {
        if (countsAt + 16 > limit) {
            throw new JpegException("DHT segment ends inside the code-length counts at offset " + countsAt);
        }
        int[] counts = new int[16];
        int total = 0;
        long codeSpace = 0;
        for (int i = 0; i < 16; i++) {
            counts[i] = data[countsAt + i] & 0xFF;
            total += counts[i];
            codeSpace = (codeSpace << 1) + counts[i];
            if (codeSpace > 1L << (i + 1)) {
                throw new JpegException("DHT at offset " + countsAt + " defines more codes of length " + (i + 1)
                        + " than fit");
            }
        }
        if (total > 256) {
            throw new JpegException("DHT at offset " + countsAt + " defines " + total + " symbols (at most 256)");
        }
        if (countsAt + 16 + total > limit) {
            throw new JpegException("DHT segment ends inside the symbol list at offset " + countsAt);
        }
        int[] values = new int[total];
        boolean[] seen = new boolean[256];
        for (int i = 0; i < total; i++) {
            int symbol = data[countsAt + 16 + i] & 0xFF;
            if (seen[symbol]) {
                throw new JpegException("DHT at offset " + countsAt + " lists symbol 0x" + EntropyReader.hex(symbol)
                        + " twice");
            }
            seen[symbol] = true;
            values[i] = symbol;
        }
        return new HuffmanTable(counts, values);
    }

    /** Number of symbols of the DHT entry whose counts start at {@code countsAt}. */
    static int symbolCount(byte[] data, int countsAt) {
        int total = 0;
        for (int i = 0; i < 16; i++) {
            total += data[countsAt + i] & 0xFF;
        }
        return total;
    }

    /**
     * An optimal table for the given symbol frequencies, as a DHT entry (16 code-length counts
     * followed by the symbols), built as in T.81 K.2: Huffman code sizes with one reserved symbol
     * so that no code is all 1-bits, then lengths above 16 folded back (Figure K.3).
     *
     * @param frequencies occurrences of each of the 256 symbols; at least one must be non-zero
     */
    static byte[] optimalSpec(long[] frequencies) {
        if (frequencies.length != 256) {
            throw new IllegalArgumentException("need 256 frequencies, got " + frequencies.length);
        }
        long[] freq = Arrays.copyOf(frequencies, 257);
        freq[256] = 1;
        int[] codeSize = new int[257];
        int[] next = new int[257];
        Arrays.fill(next, -1);
        while (true) {
            int v1 = -1;
            for (int i = 0; i < 257; i++) {
                if (freq[i] > 0 && (v1 < 0 || freq[i] <= freq[v1])) {
                    v1 = i;
                }
            }
            int v2 = -1;
            for (int i = 0; i < 257; i++) {
                if (freq[i] > 0 && i != v1 && (v2 < 0 || freq[i] <= freq[v2])) {
                    v2 = i;
                }
            }
            if (v2 < 0) {
                break;
            }
            freq[v1] += freq[v2];
            freq[v2] = 0;
            int k = v1;
            codeSize[k]++;
            while (next[k] >= 0) {
                k = next[k];
                codeSize[k]++;
            }
            next[k] = v2;
            k = v2;
            codeSize[k]++;
            while (next[k] >= 0) {
                k = next[k];
                codeSize[k]++;
            }
        }
        int[] bits = new int[258];
        int longest = 0;
        for (int i = 0; i < 257; i++) {
            if (codeSize[i] > 0) {
                bits[codeSize[i]]++;
                longest = Math.max(longest, codeSize[i]);
            }
        }
        if (longest == 0) {
            throw new IllegalArgumentException("no symbol has a non-zero frequency");
        }
        for (int i = longest; i > 16; i--) {
            while (bits[i] > 0) {
                int j = i - 2;
                while (bits[j] == 0) {
                    j--;
                }
                bits[i] -= 2;
                bits[i - 1]++;
                bits[j + 1] += 2;
                bits[j]--;
            }
        }
        int last = 16;
        while (bits[last] == 0) {
            last--;
        }
        bits[last]--;
        int symbols = 0;
        for (int i = 1; i <= 16; i++) {
            symbols += bits[i];
        }
        byte[] spec = new byte[16 + symbols];
        for (int i = 1; i <= 16; i++) {
            spec[i - 1] = (byte) bits[i];
        }
        int n = 16;
        for (int size = 1; size <= longest && n < spec.length; size++) {
            for (int symbol = 0; symbol < 256 && n < spec.length; symbol++) {
                if (codeSize[symbol] == size) {
                    spec[n++] = (byte) symbol;
                }
            }
        }
        return spec;
    }
}
