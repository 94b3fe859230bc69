package org.dicomtools.deid.pixel;

/**
 * The bytes of one native frame with the arithmetic to find and change its samples: where sample
 * {@code s} of pixel (x, y) lies (PS3.5 8.2, PS3.3 C.7.6.3.1.3 for planar configuration,
 * C.7.6.3.1.2 for the 4:2:2 pixel pairs) and how a cell is encoded in the dataset's byte order.
 */
final class FrameBytes {
    private final PixelLayout layout;
    private final byte[] bytes;
    private final int base;
    private final int bps;
    private final int swap;

    /**
     * @param bytes a buffer holding the frame
     * @param base offset of the frame's first byte in {@code bytes}; even when the layout is byte-swapped
     */
    FrameBytes(PixelLayout layout, byte[] bytes, int base) {
        this(layout, bytes, base, layout.byteSwapped8());
    }

    private FrameBytes(PixelLayout layout, byte[] bytes, int base, boolean swapped) {
        this.layout = layout;
        this.bytes = bytes;
        this.base = base;
        this.bps = layout.bytesPerSample();
        this.swap = swapped ? 1 : 0;
    }

    /**
     * Offset (from the frame start) of sample {@code s} of pixel ({@code x}, {@code y}). For 4:2:2 data,
     * sample 0 is the pixel's own luminance and samples 1 and 2 the chrominance its pair shares.
     */
    int offset(int x, int y, int s) {
        int rows = layout.rows();
        int columns = layout.columns();
        if (layout.subsampled()) {
            int pair = y * (columns / 2) + x / 2;
            int within = s == 0 ? x % 2 : s + 1;
            return (pair * 4 + within) * bps;
        }
        if (layout.planarConfiguration() == 1) {
            return (s * rows * columns + y * columns + x) * bps;
        }
        return ((y * columns + x) * layout.samplesPerPixel() + s) * bps;
    }

    /** The cell (BitsAllocated bits, unsigned) at {@code offset}. */
    long cell(int offset) {
        int o = base + offset;
        switch (bps) {
            case 1:
                return bytes[o ^ swap] & 0xFF;
            case 2:
                return layout.bigEndian()
                        ? ((bytes[o] & 0xFF) << 8) | (bytes[o + 1] & 0xFF)
                        : (bytes[o] & 0xFF) | ((bytes[o + 1] & 0xFF) << 8);
            default:
                return (bytes[o] & 0xFFL) | ((bytes[o + 1] & 0xFFL) << 8) | ((bytes[o + 2] & 0xFFL) << 16)
                        | ((bytes[o + 3] & 0xFFL) << 24);
        }
    }

    /** Writes the low BitsAllocated bits of {@code cell} at {@code offset}. */
    void put(int offset, long cell) {
        int o = base + offset;
        switch (bps) {
            case 1:
                bytes[o ^ swap] = (byte) cell;
                break;
            case 2:
                if (layout.bigEndian()) {
                    bytes[o] = (byte) (cell >> 8);
                    bytes[o + 1] = (byte) cell;
                } else {
                    bytes[o] = (byte) cell;
                    bytes[o + 1] = (byte) (cell >> 8);
                }
                break;
            default:
                bytes[o] = (byte) cell;
                bytes[o + 1] = (byte) (cell >> 8);
                bytes[o + 2] = (byte) (cell >> 16);
                bytes[o + 3] = (byte) (cell >> 24);
                break;
        }
    }

    /** The bytes that store {@code cells} one after another, in the dataset's byte order. */
    byte[] encode(long... cells) {
        byte[] b = new byte[cells.length * bps];
        FrameBytes tmp = new FrameBytes(layout, b, 0, false);
        for (int i = 0; i < cells.length; i++) {
            tmp.put(i * bps, cells[i]);
        }
        return b;
    }

    /**
     * Writes {@code pattern} {@code count} times from {@code offset}. Only for layouts without byte
     * swapping, where consecutive units are consecutive bytes.
     */
    void fill(int offset, int count, byte[] pattern) {
        if (swap != 0) {
            throw new IllegalStateException("fill() does not apply to byte-swapped samples");
        }
        int start = base + offset;
        int total = count * pattern.length;
        if (total == 0) {
            return;
        }
        System.arraycopy(pattern, 0, bytes, start, pattern.length);
        for (int done = pattern.length; done < total; done *= 2) {
            System.arraycopy(bytes, start, bytes, start + done, Math.min(done, total - done));
        }
    }

    /** True when samples may be written with {@link #fill}. */
    boolean fillable() {
        return swap == 0;
    }

    /** The value of sample {@code s} of pixel ({@code x}, {@code y}). */
    long value(int x, int y, int s) {
        return layout.valueOf(cell(offset(x, y, s)));
    }
}
