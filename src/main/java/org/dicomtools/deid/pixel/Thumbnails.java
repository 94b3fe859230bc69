package org.dicomtools.deid.pixel;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import javax.imageio.ImageIO;

import org.dicomtools.deid.dicom.Dataset;

/**
 * PNG contact sheets for the review workflow: every frame of an image in a grid, each frame scaled
 * to fit a tile of at most {@value #MAX_TILE} pixels, with the regions the text detector found
 * outlined in {@link #DETECTED_COLOR red} and the masks that were applied outlined in
 * {@link #MASKED_COLOR cyan} (two-pixel outlines, masks drawn first). No text is drawn, so the
 * sheets are made the same way on a headless machine without fonts.
 *
 * <p>Layout: {@code ceil(sqrt(n))} columns; tiles shrink (down to {@value #MIN_TILE} pixels) to keep
 * the sheet at most about {@value #MAX_SHEET} pixels wide for long cine loops; tiles are separated
 * by {@value #GAP} pixels of dark gray ({@code #202020}). Up to about 3,500 frames a sheet therefore
 * needs at most 36 MB of heap (3072 x 3072 x 4 bytes) besides one frame; beyond that the minimum
 * tile lets it grow. The cell size comes from the first frame's
 * scaled size; frames are scaled by box averaging when shrunk and by pixel replication when
 * enlarged, then centred in their cell. Scaling and drawing are done here, not by Java2D, so the
 * output is the same on every JDK.
 */
public final class Thumbnails {

    /** Largest tile edge in pixels. */
    public static final int MAX_TILE = 256;
    /** Smallest tile edge in pixels, reached only with more than 256 frames. */
    public static final int MIN_TILE = 48;
    /** Width the sheet is kept under, as long as tiles can shrink. */
    public static final int MAX_SHEET = 3072;
    /** Pixels between tiles and around the sheet. */
    public static final int GAP = 4;
    /** Outline colour of detected text regions ({@code 0xRRGGBB}). */
    public static final int DETECTED_COLOR = 0xFF3030;
    /** Outline colour of applied masks ({@code 0xRRGGBB}). */
    public static final int MASKED_COLOR = 0x00C8FF;
    private static final int BACKGROUND = 0x202020;

    private Thumbnails() {
    }

    /** Supplies frames one at a time, so that a long multi-frame image is never held whole in memory. */
    @FunctionalInterface
    public interface FrameSource {
        /** Frame {@code index} (0-based) as an image. */
        BufferedImage frame(int index) throws IOException, PixelDataException;
    }

    /**
     * Writes a contact sheet of {@code frames}.
     *
     * @param detected boxes found per frame: one list per frame, or a single list for every frame, or
     *     empty (or null) for none
     * @param masked masks applied per frame, in the same form; usually one list for every frame
     * @param png the file to write (parent folders are created)
     */
    public static void contactSheet(List<BufferedImage> frames, List<List<Rect>> detected, List<List<Rect>> masked,
            Path png) throws IOException {
        try {
            write(sheet(frames.size(), frames::get, detected, masked), png);
        } catch (PixelDataException e) {
            throw new IllegalStateException("frames in memory cannot fail to decode", e);
        }
    }

    /**
     * Writes a contact sheet of every frame of the native Pixel Data of {@code ds}, rendered by
     * {@link FrameImages#fromNative}.
     */
    public static void contactSheet(Dataset ds, List<List<Rect>> detected, List<List<Rect>> masked, Path png)
            throws IOException, PixelDataException {
        write(sheet(FrameImages.frameCount(ds), i -> FrameImages.fromNative(ds, i), detected, masked), png);
    }

    /** Writes {@code sheet} as a PNG file. */
    public static void write(BufferedImage sheet, Path png) throws IOException {
        Path parent = png.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(sheet, "png", png.toFile())) {
            throw new IOException("no PNG writer in this Java runtime");
        }
    }

    /**
     * Builds the contact sheet image ({@link BufferedImage#TYPE_INT_RGB}) of {@code count} frames.
     *
     * @throws IllegalArgumentException when {@code count} is not positive
     */
    public static BufferedImage sheet(int count, FrameSource frames, List<List<Rect>> detected,
            List<List<Rect>> masked) throws IOException, PixelDataException {
        if (count < 1) {
            throw new IllegalArgumentException("a contact sheet needs at least one frame");
        }
        Objects.requireNonNull(frames, "frames");
        int columns = (int) Math.ceil(Math.sqrt(count));
        int gridRows = (count + columns - 1) / columns;
        int tile = Math.max(MIN_TILE, Math.min(MAX_TILE, (MAX_SHEET - GAP) / columns - GAP));

        BufferedImage first = frames.frame(0);
        double s0 = Math.min((double) tile / first.getWidth(), (double) tile / first.getHeight());
        int cellW = Math.max(1, (int) Math.round(first.getWidth() * s0));
        int cellH = Math.max(1, (int) Math.round(first.getHeight() * s0));

        int width = columns * cellW + (columns + 1) * GAP;
        int height = gridRows * cellH + (gridRows + 1) * GAP;
        BufferedImage sheet = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] out = ((DataBufferInt) sheet.getRaster().getDataBuffer()).getData();
        Arrays.fill(out, BACKGROUND);

        for (int i = 0; i < count; i++) {
            BufferedImage frame = i == 0 ? first : frames.frame(i);
            int fw = frame.getWidth();
            int fh = frame.getHeight();
            double s = Math.min((double) cellW / fw, (double) cellH / fh);
            int tw = Math.max(1, Math.min(cellW, (int) Math.round(fw * s)));
            int th = Math.max(1, Math.min(cellH, (int) Math.round(fh * s)));
            int ox = GAP + (i % columns) * (cellW + GAP) + (cellW - tw) / 2;
            int oy = GAP + (i / columns) * (cellH + GAP) + (cellH - th) / 2;
            drawScaled(frame, out, width, ox, oy, tw, th);
            for (Rect r : boxes(masked, i)) {
                outline(out, width, ox, oy, tw, th, fw, fh, r, MASKED_COLOR);
            }
            for (Rect r : boxes(detected, i)) {
                outline(out, width, ox, oy, tw, th, fw, fh, r, DETECTED_COLOR);
            }
        }
        return sheet;
    }

    private static List<Rect> boxes(List<List<Rect>> perFrame, int frame) {
        if (perFrame == null || perFrame.isEmpty()) {
            return List.of();
        }
        if (perFrame.size() == 1) {
            return perFrame.get(0);
        }
        return frame < perFrame.size() && perFrame.get(frame) != null ? perFrame.get(frame) : List.of();
    }

    /** Box-averages (or replicates) {@code src} into a {@code tw} x {@code th} area of the sheet at (ox, oy). */
    private static void drawScaled(BufferedImage src, int[] out, int stride, int ox, int oy, int tw, int th) {
        int w = src.getWidth();
        int h = src.getHeight();
        int[] rgb = rgb(src);
        for (int ty = 0; ty < th; ty++) {
            int y0 = (int) ((long) ty * h / th);
            int y1 = Math.max(y0 + 1, (int) ((long) (ty + 1) * h / th));
            for (int tx = 0; tx < tw; tx++) {
                int x0 = (int) ((long) tx * w / tw);
                int x1 = Math.max(x0 + 1, (int) ((long) (tx + 1) * w / tw));
                long r = 0;
                long g = 0;
                long b = 0;
                for (int y = y0; y < y1; y++) {
                    for (int x = x0; x < x1; x++) {
                        int p = rgb[y * w + x];
                        r += (p >> 16) & 0xFF;
                        g += (p >> 8) & 0xFF;
                        b += p & 0xFF;
                    }
                }
                long n = (long) (y1 - y0) * (x1 - x0);
                out[(oy + ty) * stride + ox + tx] = (int) ((r + n / 2) / n) << 16 | (int) ((g + n / 2) / n) << 8
                        | (int) ((b + n / 2) / n);
            }
        }
    }

    /** The pixels as {@code 0xRRGGBB}; a gray image's raster values are taken as gray levels as they are. */
    private static int[] rgb(BufferedImage src) {
        int w = src.getWidth();
        int h = src.getHeight();
        if (src.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            int[] g = src.getRaster().getSamples(0, 0, w, h, 0, new int[w * h]);
            for (int i = 0; i < g.length; i++) {
                g[i] = g[i] << 16 | g[i] << 8 | g[i];
            }
            return g;
        }
        return src.getRGB(0, 0, w, h, null, 0, w);
    }

    /**
     * Draws the outline of frame rectangle {@code r} (frame size fw x fh) scaled into the tile at
     * (ox, oy) of size tw x th: two pixels wide, inside the scaled rectangle, clipped to the tile.
     */
    private static void outline(int[] out, int stride, int ox, int oy, int tw, int th, int fw, int fh, Rect r,
            int color) {
        Rect c = r.clip(fw, fh);
        if (c.isEmpty()) {
            return;
        }
        int x0 = (int) ((long) c.x() * tw / fw);
        int y0 = (int) ((long) c.y() * th / fh);
        int x1 = Math.max(x0, (int) ((c.right() * tw + fw - 1) / fw) - 1);
        int y1 = Math.max(y0, (int) ((c.bottom() * th + fh - 1) / fh) - 1);
        x1 = Math.min(x1, tw - 1);
        y1 = Math.min(y1, th - 1);
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                boolean edge = x <= x0 + 1 || x >= x1 - 1 || y <= y0 + 1 || y >= y1 - 1;
                if (edge) {
                    out[(oy + y) * stride + ox + x] = color;
                }
            }
        }
    }
}
