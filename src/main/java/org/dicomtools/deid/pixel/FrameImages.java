package org.dicomtools.deid.pixel;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.util.Arrays;

import org.dicomtools.deid.dicom.Dataset;
import org.dicomtools.deid.dicom.DicomElement;
import org.dicomtools.deid.dicom.dict.Tag;

/**
 * 8-bit display renderings of native frames, for thumbnails and for the text detector. They are
 * meant for looking at and for finding text, not for diagnosis: no Modality LUT, VOI LUT or
 * presentation state is applied.
 *
 * <ul>
 * <li>MONOCHROME2 with at most 8 unsigned stored bits: the value scaled to 0-255
 *     ({@code v * 255 / (2^BitsStored - 1)}, rounded).</li>
 * <li>Other MONOCHROME2 (more bits, or signed): a window from the frame's 1st to its 99th percentile
 *     (nearest rank), so that burned-in text at the extreme values stays white and the body of the
 *     image keeps its contrast; a frame whose percentiles coincide uses its minimum and maximum, and a
 *     flat frame renders black.</li>
 * <li>MONOCHROME1: the same, inverted.</li>
 * <li>RGB: each sample scaled to 8 bits. YBR_FULL, YBR_FULL_422 and YBR_PARTIAL_422: converted to RGB
 *     with the equations of PS3.3 C.7.6.3.1.2.</li>
 * <li>PALETTE COLOR: through the palette when it can be read (see the masker), otherwise the stored
 *     value scaled to gray.</li>
 * </ul>
 * Monochrome frames give {@link BufferedImage#TYPE_BYTE_GRAY} images (raster value = display gray
 * level), colour frames {@link BufferedImage#TYPE_INT_RGB}.
 */
public final class FrameImages {

    private FrameImages() {
    }

    /** Number of frames of the native Pixel Data of {@code ds}. */
    public static int frameCount(Dataset ds) throws PixelDataException {
        return PixelLayout.of(ds).frames();
    }

    /**
     * Renders frame {@code frame} (0-based) of the native Pixel Data of {@code ds}.
     *
     * @throws PixelDataException when there is no native Pixel Data, its layout is not supported, or it
     *     is too short for the frame
     * @throws IllegalArgumentException when {@code frame} is not a frame of the image
     */
    public static BufferedImage fromNative(Dataset ds, int frame) throws PixelDataException, IOException {
        DicomElement pixels = ds.get(Tag.PixelData);
        if (pixels == null) {
            throw new PixelDataException("no Pixel Data (7FE0,0010) to render");
        }
        if (!pixels.isInline() && !pixels.isBulk()) {
            throw new PixelDataException("Pixel Data is encapsulated (compressed); decode it before rendering");
        }
        PixelLayout layout = PixelLayout.of(ds);
        if (frame < 0 || frame >= layout.frames()) {
            throw new IllegalArgumentException("frame " + frame + " of an image with " + layout.frames() + " frames");
        }
        FrameBytes bytes = new FrameBytes(layout, PixelSource.frame(pixels, layout, frame), 0);
        switch (layout.photometric()) {
            case "MONOCHROME1":
            case "MONOCHROME2":
                return monochrome(layout, bytes);
            case "PALETTE COLOR":
                return palette(ds, layout, bytes);
            default:
                return color(layout, bytes);
        }
    }

    private static BufferedImage monochrome(PixelLayout layout, FrameBytes bytes) {
        int w = layout.columns();
        int h = layout.rows();
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        boolean invert = layout.photometric().equals("MONOCHROME1");
        long lo;
        long hi;
        if (!layout.signed() && layout.bitsStored() <= 8) {
            lo = 0;
            hi = layout.maxValue();
        } else {
            long[] window = window(layout, bytes);
            lo = window[0];
            hi = window[1];
        }
        long range = hi - lo;
        for (int y = 0, i = 0; y < h; y++) {
            for (int x = 0; x < w; x++, i++) {
                int g = 0;
                if (range > 0) {
                    long v = Math.max(lo, Math.min(hi, bytes.value(x, y, 0)));
                    g = (int) (((v - lo) * 255 + range / 2) / range);
                }
                out[i] = (byte) (invert ? 255 - g : g);
            }
        }
        return img;
    }

    /**
     * The 1st and 99th percentiles (nearest rank) of a monochrome frame, or its minimum and maximum
     * when they coincide. A histogram serves up to 16 stored bits; wider samples are sorted.
     */
    static long[] window(PixelLayout layout, FrameBytes bytes) {
        int w = layout.columns();
        int h = layout.rows();
        long n = (long) w * h;
        long loRank = Math.max(1, (long) Math.ceil(n * 0.01));
        long hiRank = Math.max(1, (long) Math.ceil(n * 0.99));
        long lo;
        long hi;
        long min;
        long max;
        if (layout.bitsStored() <= 16) {
            long base = layout.minValue();
            int[] counts = new int[(int) (layout.maxValue() - base + 1)];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    counts[(int) (bytes.value(x, y, 0) - base)]++;
                }
            }
            lo = Long.MIN_VALUE;
            hi = Long.MIN_VALUE;
            min = Long.MIN_VALUE;
            max = 0;
            long seen = 0;
            for (int v = 0; v < counts.length; v++) {
                if (counts[v] == 0) {
                    continue;
                }
                if (min == Long.MIN_VALUE) {
                    min = v + base;
                }
                max = v + base;
                seen += counts[v];
                if (lo == Long.MIN_VALUE && seen >= loRank) {
                    lo = v + base;
                }
                if (hi == Long.MIN_VALUE && seen >= hiRank) {
                    hi = v + base;
                }
            }
        } else {
            long[] sorted = new long[(int) n];
            for (int y = 0, i = 0; y < h; y++) {
                for (int x = 0; x < w; x++, i++) {
                    sorted[i] = bytes.value(x, y, 0);
                }
            }
            Arrays.sort(sorted);
            lo = sorted[(int) loRank - 1];
            hi = sorted[(int) hiRank - 1];
            min = sorted[0];
            max = sorted[sorted.length - 1];
        }
        return hi > lo ? new long[] {lo, hi} : new long[] {min, max};
    }

    private static BufferedImage palette(Dataset ds, PixelLayout layout, FrameBytes bytes) throws IOException {
        PaletteLut lut = PaletteLut.of(ds, layout.signed());
        int w = layout.columns();
        int h = layout.rows();
        if (lut == null) {
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
            byte[] out = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
            long min = layout.minValue();
            long span = layout.maxValue() - min;
            for (int y = 0, i = 0; y < h; y++) {
                for (int x = 0; x < w; x++, i++) {
                    out[i] = (byte) (((bytes.value(x, y, 0) - min) * 255 + span / 2) / span);
                }
            }
            return img;
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] out = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        for (int y = 0, i = 0; y < h; y++) {
            for (int x = 0; x < w; x++, i++) {
                out[i] = lut.rgb(bytes.value(x, y, 0));
            }
        }
        return img;
    }

    private static BufferedImage color(PixelLayout layout, FrameBytes bytes) {
        int w = layout.columns();
        int h = layout.rows();
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] out = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        long max = layout.maxValue();
        String pi = layout.photometric();
        for (int y = 0, i = 0; y < h; y++) {
            for (int x = 0; x < w; x++, i++) {
                double a = to8(bytes.value(x, y, 0), max);
                double b = to8(bytes.value(x, y, 1), max);
                double c = to8(bytes.value(x, y, 2), max);
                double r;
                double g;
                double bl;
                if (pi.equals("RGB")) {
                    r = a;
                    g = b;
                    bl = c;
                } else if (pi.equals("YBR_PARTIAL_422")) {
                    double yy = 1.1644 * (a - 16);
                    r = yy + 1.5960 * (c - 128);
                    g = yy - 0.3918 * (b - 128) - 0.8130 * (c - 128);
                    bl = yy + 2.0172 * (b - 128);
                } else {
                    r = a + 1.402 * (c - 128);
                    g = a - 0.344136 * (b - 128) - 0.714136 * (c - 128);
                    bl = a + 1.772 * (b - 128);
                }
                out[i] = (clamp(r) << 16) | (clamp(g) << 8) | clamp(bl);
            }
        }
        return img;
    }

    private static double to8(long v, long max) {
        return max == 255 ? v : v * 255.0 / max;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    /**
     * The luminance of every pixel, row by row, 0-255: the raster value of a gray image, else the
     * Rec. 601 luma {@code (299 R + 587 G + 114 B) / 1000}, rounded.
     */
    public static int[] luminance(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] out = new int[w * h];
        if (img.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            img.getRaster().getSamples(0, 0, w, h, 0, out);
            return out;
        }
        int[] rgb = img.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < out.length; i++) {
            int p = rgb[i];
            out[i] = (299 * ((p >> 16) & 0xFF) + 587 * ((p >> 8) & 0xFF) + 114 * (p & 0xFF) + 500) / 1000;
        }
        return out;
    }
}
