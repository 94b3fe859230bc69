package org.dicomtools.deid.pixel.jpeg;

/**
 * Bit reader over an entropy-coded segment (T.81 F.2.2.5): removes the stuffed zero byte after
 * each 0xFF data byte and stops at the first marker. When a decoder asks for bits past the
 * marker (or past the end of the input) it gets zeros, so that look-ahead is harmless; if those
 * zeros are actually consumed the data is corrupt or truncated, which {@link #checkNotOverrun()}
 * reports.
 */
final class EntropyReader {
    private final byte[] data;
    private int pos;
    /** Valid bits are the low {@link #bits} bits. */
    private long buffer;
    private int bits;
    /** Zero bits appended after the marker (or end of input); they sit at the tail of the buffer. */
    private int padding;
    private boolean atMarker;

    EntropyReader(byte[] data, int start) {
        this.data = data;
        this.pos = start;
    }

    private void fill() {
        while (bits <= 56) {
            int b;
            if (atMarker) {
                b = 0;
                padding += 8;
            } else if (pos >= data.length) {
                atMarker = true;
                continue;
            } else {
                b = data[pos] & 0xFF;
                if (b == 0xFF) {
                    if (pos + 1 < data.length && data[pos + 1] == 0) {
                        pos += 2;
                    } else {
                        atMarker = true;
                        continue;
                    }
                } else {
                    pos++;
                }
            }
            buffer = buffer << 8 | b;
            bits += 8;
        }
    }

    /** Decodes one Huffman symbol (T.81 F.2.2.3). */
    int decode(HuffmanTable table) throws JpegException {
        if (bits < 16) {
            fill();
        }
        int entry = table.lookup[(int) (buffer >>> (bits - HuffmanTable.LOOKUP_BITS)) & ((1 << HuffmanTable.LOOKUP_BITS) - 1)];
        if (entry != 0) {
            bits -= entry >>> 8;
            return entry & 0xFF;
        }
        for (int length = HuffmanTable.LOOKUP_BITS + 1; length <= 16; length++) {
            int code = (int) (buffer >>> (bits - length)) & ((1 << length) - 1);
            if (code <= table.maxCode[length]) {
                bits -= length;
                return table.values[code + table.valueOffset[length]];
            }
        }
        throw corrupt("no Huffman code matches");
    }

    /**
     * An exception for undecodable data; reported as truncation or as running into the marker
     * when the bits looked at (up to 16) reach past the real data, since that is the likely cause.
     */
    JpegException corrupt(String what) {
        if (atMarker && bits - padding < 16) {
            return overrun();
        }
        return new JpegException("corrupt entropy-coded data before offset " + pos + ": " + what);
    }

    private JpegException overrun() {
        return new JpegException(pos >= data.length
                ? "JPEG data is truncated inside the entropy-coded segment"
                : "corrupt entropy-coded data: a block runs into the marker at offset " + pos);
    }

    /** Reads {@code size} (1..16) magnitude bits and extends them to a signed value (T.81 F.2.2.1). */
    int receiveExtend(int size) {
        if (bits < size) {
            fill();
        }
        int v = (int) (buffer >>> (bits - size)) & ((1 << size) - 1);
        bits -= size;
        return v < 1 << (size - 1) ? v - (1 << size) + 1 : v;
    }

    /** Fails if the bits consumed so far run into the marker or past the end of the input. */
    void checkNotOverrun() throws JpegException {
        if (bits < padding) {
            throw overrun();
        }
    }

    /**
     * Ends a restart interval or the scan: drops the padding bits of the last byte and returns the
     * offset of the marker that must follow (the first of any 0xFF fill bytes before it), or the
     * input length if the input ends there.
     *
     * @throws JpegException if whole data bytes remain before the marker
     */
    int finishSegment() throws JpegException {
        int wholeBits = bits - (bits & 7) - padding;
        if (wholeBits > 0) {
            throw new JpegException("corrupt entropy-coded data: " + (wholeBits / 8)
                    + " unused byte(s) before offset " + pos);
        }
        if (!atMarker && pos < data.length && (data[pos] & 0xFF) != 0xFF) {
            throw new JpegException("corrupt entropy-coded data: unused bytes at offset " + pos);
        }
        if (!atMarker && pos + 1 < data.length && data[pos + 1] == 0) {
            throw new JpegException("corrupt entropy-coded data: unused bytes at offset " + pos);
        }
        return pos;
    }

    /**
     * Consumes the restart marker RSTn expected at the end of an interval (T.81 E.1.4) and resets
     * the bit buffer for the next interval.
     */
    void restart(int n) throws JpegException {
        int at = finishSegment();
        int p = at;
        while (p < data.length && (data[p] & 0xFF) == 0xFF) {
            p++;
        }
        if (p >= data.length) {
            throw new JpegException("JPEG data is truncated: it ends where restart marker RST" + n + " is expected");
        }
        int code = data[p] & 0xFF;
        if (code != 0xD0 + n) {
            throw new JpegException("expected restart marker RST" + n + " at offset " + at + " but found 0xFF"
                    + hex(code));
        }
        pos = p + 1;
        buffer = 0;
        bits = 0;
        padding = 0;
        atMarker = false;
    }

    static String hex(int code) {
        return String.format("%02X", code);
    }
}
