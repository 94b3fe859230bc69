package org.dicomtools.deid.pixel.text;

import java.util.Arrays;

/**
 * Grey-level erosion and dilation of 8-bit images with a square structuring element, in time
 * independent of its size: the van Herk / Gil-Werman method (running extremes within blocks of
 * the window length, combined from both ends), along rows, then along columns a whole row at a
 * time so that memory is read in order. Pixels outside the image do not take part: the window is
 * clipped at the border.
 */
final class Morphology {

    private Morphology() {
    }

    /** Minimum over the {@code (2r+1) x (2r+1)} window around each pixel. */
    static byte[] erode(byte[] src, int width, int height, int r) {
        return filter(src, width, height, r, true);
    }

    /** Maximum over the {@code (2r+1) x (2r+1)} window around each pixel. */
    static byte[] dilate(byte[] src, int width, int height, int r) {
        return filter(src, width, height, r, false);
    }

    private static byte[] filter(byte[] src, int width, int height, int r, boolean min) {
        if (r < 0) {
            throw new IllegalArgumentException("radius is " + r + ", must not be negative");
        }
        if (width < 1 || height < 1 || src.length != width * height) {
            throw new IllegalArgumentException("image has " + src.length + " pixels, expected " + width + "x" + height);
        }
        if (r == 0) {
            return src.clone();
        }
        byte[] across = rows(src, width, height, r, min);
        return columns(across, width, height, r, min);
    }

    /** Extremes along each row. */
    private static byte[] rows(byte[] src, int width, int height, int r, boolean min) {
        int k = 2 * r + 1;
        int padded = (width + 2 * r + k - 1) / k * k;
        int neutral = min ? 255 : 0;
        int[] line = new int[padded];
        int[] prefix = new int[padded];
        int[] suffix = new int[padded];
        byte[] out = new byte[src.length];
        for (int y = 0; y < height; y++) {
            int base = y * width;
            Arrays.fill(line, neutral);
            for (int x = 0; x < width; x++) {
                line[x + r] = src[base + x] & 0xFF;
            }
            for (int b = 0; b < padded; b += k) {
                int end = b + k;
                prefix[b] = line[b];
                suffix[end - 1] = line[end - 1];
                if (min) {
                    for (int i = b + 1; i < end; i++) {
                        prefix[i] = Math.min(prefix[i - 1], line[i]);
                    }
                    for (int i = end - 2; i >= b; i--) {
                        suffix[i] = Math.min(suffix[i + 1], line[i]);
                    }
                } else {
                    for (int i = b + 1; i < end; i++) {
                        prefix[i] = Math.max(prefix[i - 1], line[i]);
                    }
                    for (int i = end - 2; i >= b; i--) {
                        suffix[i] = Math.max(suffix[i + 1], line[i]);
                    }
                }
            }
            for (int x = 0; x < width; x++) {
                out[base + x] = (byte) (min ? Math.min(suffix[x], prefix[x + k - 1])
                        : Math.max(suffix[x], prefix[x + k - 1]));
            }
        }
        return out;
    }

    /** Extremes along each column, computed one whole row at a time. */
    private static byte[] columns(byte[] src, int width, int height, int r, boolean min) {
        int k = 2 * r + 1;
        int padded = (height + 2 * r + k - 1) / k * k;
        byte neutral = (byte) (min ? 255 : 0);
        byte[] prefix = new byte[padded * width];
        byte[] suffix = new byte[padded * width];
        for (int b = 0; b < padded; b += k) {
            int end = b + k;
            copyRow(src, width, height, r, b, prefix, neutral);
            for (int i = b + 1; i < end; i++) {
                copyRow(src, width, height, r, i, prefix, neutral);
                combine(prefix, (i - 1) * width, i * width, width, min);
            }
            copyRow(src, width, height, r, end - 1, suffix, neutral);
            for (int i = end - 2; i >= b; i--) {
                copyRow(src, width, height, r, i, suffix, neutral);
                combine(suffix, (i + 1) * width, i * width, width, min);
            }
        }
        byte[] out = new byte[src.length];
        for (int y = 0; y < height; y++) {
            int s = y * width;
            int p = (y + k - 1) * width;
            int o = y * width;
            for (int x = 0; x < width; x++) {
                int a = suffix[s + x] & 0xFF;
                int c = prefix[p + x] & 0xFF;
                out[o + x] = (byte) (min ? Math.min(a, c) : Math.max(a, c));
            }
        }
        return out;
    }

    /** Row {@code i} of the padded column space: source row {@code i - r}, or neutral. */
    private static void copyRow(byte[] src, int width, int height, int r, int i, byte[] dst, byte neutral) {
        int y = i - r;
        if (y >= 0 && y < height) {
            System.arraycopy(src, y * width, dst, i * width, width);
        } else {
            Arrays.fill(dst, i * width, (i + 1) * width, neutral);
        }
    }

    /** {@code buf[to..] = extreme(buf[from..], buf[to..])} over one row. */
    private static void combine(byte[] buf, int from, int to, int width, boolean min) {
        if (min) {
            for (int x = 0; x < width; x++) {
                buf[to + x] = (byte) Math.min(buf[from + x] & 0xFF, buf[to + x] & 0xFF);
            }
        } else {
            for (int x = 0; x < width; x++) {
                buf[to + x] = (byte) Math.max(buf[from + x] & 0xFF, buf[to + x] & 0xFF);
            }
        }
    }
}
