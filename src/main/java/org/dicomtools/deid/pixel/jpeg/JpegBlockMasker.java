package org.dicomtools.deid.pixel.jpeg;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Masks rectangles of a JPEG baseline or extended sequential 8-bit Huffman image (the JPEG
 * Baseline and Extended transfer syntaxes, PS3.5 A.4.1) without decoding it to pixels: every 8x8
 * block, per component in that component's sampled grid, that intersects a rectangle gets a
 * flat DC and no AC coefficients; every other block keeps its exact quantised coefficients, so
 * its pixels decode as before. The scans are Huffman re-encoded with the stream's own restart
 * interval and its own Huffman tables (or, with {@link Tables#REBUILD_WHEN_NEEDED}, new optimal
 * ones when the own tables lack a code); quantisation tables, frame and scan headers are kept, so
 * no generation loss occurs and the transfer syntax stays valid.
 *
 * <p>Supported: SOF0 and SOF1 with 8-bit samples, one (grayscale) or three components (YCbCr or
 * RGB) with any sampling factors (4:4:4, 4:2:2, 4:2:0, 4:1:1, ...), one interleaved scan or one
 * non-interleaved scan per component (or any mix in which every component is coded by exactly
 * one scan), image sizes that are not a multiple of the MCU, restart intervals, byte stuffing and
 * fill bytes. Anything else raises {@link JpegException}: progressive, lossless, hierarchical
 * and arithmetic-coded streams, 12-bit samples, two or four components, a height given by DNL,
 * malformed or truncated data, and (with {@link Tables#KEEP}) a re-encoding that needs a Huffman
 * code the stream's optimised tables lack. The caller then decodes the image and masks its
 * pixels instead.
 *
 * <p>Metadata that could carry pixels or text the mask does not reach is not copied: APPn
 * segments other than JFIF (whose thumbnail is removed), ICC_PROFILE and Adobe, COM segments,
 * and bytes after EOI.
 */
public final class JpegBlockMasker {

    private JpegBlockMasker() {
    }

    /**
     * A rectangle in image pixel coordinates (column {@code x}, row {@code y}, from the top left);
     * the parts outside the image are ignored.
     */
    public record Rect(int x, int y, int width, int height) {
        public Rect {
            if (x < 0 || y < 0 || width <= 0 || height <= 0) {
                throw new IllegalArgumentException("rectangle needs x, y >= 0 and a positive size: "
                        + x + "," + y + " " + width + "x" + height);
            }
        }
    }

    /** What masked blocks decode to. */
    public enum Fill {
        /**
         * Level 0. The DC value is rounded away from zero ({@code -ceil(1024 / q0)}) so that
         * decoders clamp the block to exactly 0 whatever the quantiser.
         */
        BLACK,
        /** Level 128: a DC value of 0. */
        MID_GRAY
    }

    /** What to do when the stream's Huffman tables cannot code the masked scan. */
    public enum Tables {
        /** Keep every table; fail with {@link JpegException} when one lacks a needed code. */
        KEEP,
        /**
         * Keep the tables when they suffice; otherwise write new optimal tables (T.81 K.2) before
         * each scan, as {@code jpegtran -optimize} does. Coefficients are still kept exactly; only
         * their Huffman codes change. Optimised tables (DCMTK's default, for example) hold only
         * the DC difference categories that occur in the image, so a black mask next to a bright
         * block often needs a category they lack.
         */
        REBUILD_WHEN_NEEDED
    }

    /**
     * The masked stream and what was done.
     *
     * @param jpeg the rewritten JPEG stream, starting with SOI and ending with EOI
     * @param blocksMasked number of blocks replaced, summed over all components
     * @param width samples per line of the frame
     * @param height lines of the frame
     * @param components number of image components
     * @param tablesRebuilt whether new Huffman tables replaced the stream's own
     */
    public record Result(byte[] jpeg, int blocksMasked, int width, int height, int components,
            boolean tablesRebuilt) {
        public Result {
            jpeg = jpeg.clone();
        }

        @Override
        public byte[] jpeg() {
            return jpeg.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Result r && Arrays.equals(jpeg, r.jpeg) && blocksMasked == r.blocksMasked
                    && width == r.width && height == r.height && components == r.components
                    && tablesRebuilt == r.tablesRebuilt;
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(jpeg), blocksMasked, width, height, components, tablesRebuilt);
        }

        @Override
        public String toString() {
            return "Result[" + jpeg.length + " bytes, blocksMasked=" + blocksMasked + ", " + width + "x" + height
                    + ", components=" + components + ", tablesRebuilt=" + tablesRebuilt + "]";
        }
    }

    /**
     * Blanks every 8x8 block that intersects any of the rectangles, keeping the stream's Huffman
     * tables: {@link #mask(byte[], List, Fill, Tables)} with {@link Tables#KEEP}.
     *
     * @throws JpegException if the stream is not 8-bit Huffman sequential, is malformed or
     *     truncated, or cannot be re-encoded with its own Huffman tables
     */
    public static Result mask(byte[] jpeg, List<Rect> rects, Fill fill) throws JpegException {
        return mask(jpeg, rects, fill, Tables.KEEP);
    }

    /**
     * Blanks every 8x8 block that intersects any of the rectangles, in every component.
     * A block is blanked when the rectangle, mapped to the component's sampled grid (scaled by
     * the component's sampling factor over the largest one, T.81 A.1.1), covers any of its
     * samples; MCU padding blocks outside the image are kept. For YCbCr images only the luminance
     * takes the fill level: chroma blocks get the neutral DC 0 (level 128), so the mask is black
     * or gray rather than tinted. Grayscale and RGB components all take the fill level.
     *
     * @param jpeg one complete JPEG stream (SOI to EOI)
     * @param rects rectangles in image pixel coordinates; may be empty
     * @param fill the level masked blocks decode to
     * @param tables whether new Huffman tables may be written when the stream's own lack a code
     * @return the rewritten stream and counts
     * @throws JpegException if the stream is not 8-bit Huffman sequential, is malformed or
     *     truncated, or (with {@link Tables#KEEP}) cannot be re-encoded with its own tables
     */
    public static Result mask(byte[] jpeg, List<Rect> rects, Fill fill, Tables tables) throws JpegException {
        Objects.requireNonNull(jpeg, "jpeg");
        Objects.requireNonNull(fill, "fill");
        Objects.requireNonNull(tables, "tables");
        Masking masking = new Masking(List.copyOf(rects), fill);
        try {
            return transcode(jpeg, masking, false);
        } catch (MissingCodeException e) {
            if (tables == Tables.KEEP) {
                throw e;
            }
            return transcode(jpeg, masking, true);
        }
    }

    private static Result transcode(byte[] jpeg, Masking masking, boolean rebuildTables) throws JpegException {
        EntropyWriter out = new EntropyWriter(jpeg.length + 1024);
        JpegTranscoder.Outcome outcome = JpegTranscoder.transcode(jpeg, masking, out, rebuildTables);
        JpegFrame frame = outcome.frame();
        return new Result(out.toByteArray(), outcome.blocksChanged(), frame.width, frame.height,
                frame.components.length, rebuildTables);
    }

    /** Quantised DC value that decodes to {@code level} (0 or 128) with DC quantiser {@code q0}. */
    static int fillDc(int level, int q0) {
        if (level == 128) {
            return 0;
        }
        // F(0,0) = 8 * (level - 128) (T.81 A.3.3); rounded away from zero so the decoder clamps to 0.
        return -((1024 + q0 - 1) / q0);
    }

    /** Replaces the blocks under the rectangles, one component at a time. */
    private static final class Masking implements JpegTranscoder.BlockHandler {
        private final List<Rect> rects;
        private final Fill fill;
        /** Per component: block ranges {@code x0, y0, x1, y1} (exclusive ends), four per rectangle. */
        private final int[][] ranges = new int[3][];
        private final int[] dc = new int[3];

        Masking(List<Rect> rects, Fill fill) {
            this.rects = rects;
            this.fill = fill;
        }

        @Override
        public void startScan(JpegFrame frame, JpegFrame.Component[] scanComponents, boolean ycbcr) {
            for (JpegFrame.Component c : scanComponents) {
                boolean chroma = ycbcr && c.index > 0;
                int level = fill == Fill.MID_GRAY || chroma ? 128 : 0;
                dc[c.index] = fillDc(level, c.quant[0]);
                ranges[c.index] = blockRanges(frame, c);
            }
        }

        private int[] blockRanges(JpegFrame frame, JpegFrame.Component c) {
            int[] r = new int[rects.size() * 4];
            int n = 0;
            for (Rect rect : rects) {
                long x0 = rect.x();
                long y0 = rect.y();
                long x1 = Math.min(frame.width, x0 + rect.width());
                long y1 = Math.min(frame.height, y0 + rect.height());
                if (x0 >= x1 || y0 >= y1) {
                    continue;
                }
                long cx0 = x0 * c.h / frame.maxH;
                long cy0 = y0 * c.v / frame.maxV;
                long cx1 = (x1 * c.h + frame.maxH - 1) / frame.maxH;
                long cy1 = (y1 * c.v + frame.maxV - 1) / frame.maxV;
                r[n++] = (int) (cx0 / 8);
                r[n++] = (int) (cy0 / 8);
                r[n++] = (int) ((cx1 + 7) / 8);
                r[n++] = (int) ((cy1 + 7) / 8);
            }
            return Arrays.copyOf(r, n);
        }

        @Override
        public boolean block(JpegFrame.Component component, int row, int column, int[] zigzag) {
            int[] r = ranges[component.index];
            for (int i = 0; i < r.length; i += 4) {
                if (column >= r[i] && row >= r[i + 1] && column < r[i + 2] && row < r[i + 3]) {
                    zigzag[0] = dc[component.index];
                    Arrays.fill(zigzag, 1, 64, 0);
                    return true;
                }
            }
            return false;
        }
    }
}
