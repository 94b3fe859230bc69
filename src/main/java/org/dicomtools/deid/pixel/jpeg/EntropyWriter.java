package org.dicomtools.deid.pixel.jpeg;

import java.util.Arrays;

/**
 * Growable output for the rewritten JPEG stream: copies marker segments verbatim and writes
 * entropy-coded bits with a zero byte stuffed after every 0xFF (T.81 F.1.2.3) and 1-bits padding
 * before each marker (T.81 F.1.2.3, E.1.4).
 */
final class EntropyWriter {
    private byte[] out;
    private int size;
    /** Pending bits are the low {@link #bits} bits. */
    private long buffer;
    private int bits;

    EntropyWriter(int initialCapacity) {
        out = new byte[Math.max(initialCapacity, 64)];
    }

    private void ensure(int more) {
        if (size + more > out.length) {
            long wanted = Math.max((long) out.length * 2, (long) size + more);
            if (wanted > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("JPEG output exceeds 2 GiB");
            }
            out = Arrays.copyOf(out, (int) wanted);
        }
    }

    /** Appends {@code length} (0..31) low bits of {@code value}. */
    void bits(int value, int length) {
        buffer = buffer << length | (value & ((1L << length) - 1));
        bits += length;
        if (bits >= 32) {
            drain();
        }
    }

    private void drain() {
        ensure(bits / 4 + 2);
        while (bits >= 8) {
            int b = (int) (buffer >>> (bits - 8)) & 0xFF;
            out[size++] = (byte) b;
            if (b == 0xFF) {
                out[size++] = 0;
            }
            bits -= 8;
        }
    }

    /** Pads the last byte with 1-bits and flushes all pending bits. */
    void flushBits() {
        int pad = (8 - (bits & 7)) & 7;
        buffer = buffer << pad | ((1 << pad) - 1);
        bits += pad;
        drain();
    }

    /** Flushes pending bits and writes the two-byte marker {@code 0xFF code}. */
    void marker(int code) {
        flushBits();
        ensure(2);
        out[size++] = (byte) 0xFF;
        out[size++] = (byte) code;
    }

    /** Copies bytes verbatim; only valid when no bits are pending. */
    void copy(byte[] src, int offset, int length) {
        if (bits != 0) {
            throw new IllegalStateException("entropy-coded bits pending");
        }
        ensure(length);
        System.arraycopy(src, offset, out, size, length);
        size += length;
    }

    /** Writes one byte verbatim; only valid when no bits are pending. */
    void write(int b) {
        if (bits != 0) {
            throw new IllegalStateException("entropy-coded bits pending");
        }
        ensure(1);
        out[size++] = (byte) b;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(out, size);
    }
}
