package org.dicomtools.deid.pixel.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Finds lines of text burned into a grey image: patient names, dates and IDs written into the
 * pixels by a scanner, a workstation or a screen capture.
 *
 * <p>Method, per image:
 * <ol>
 *   <li><b>Normalise.</b> The 0.5th and 99.5th percentiles of the samples are mapped to 0 and 255
 *       (the minimum and maximum when those coincide), so 8-, 12- and 16-bit, signed and unsigned
 *       data look alike and a few extreme pixels do not compress the range.
 *   <li><b>Contrast maps.</b> A white top-hat (image minus its opening) keeps bright structures
 *       narrower than the structuring element, a black top-hat (closing minus image) dark ones.
 *       The square element is wider than the thickest stroke expected for
 *       {@link Settings#maxCharHeight()} (side about two fifths of it), so text strokes survive
 *       while smooth gradients, organs and the step edges between regions vanish. Bright text on
 *       dark (ultrasound, CT overlays) and dark text on bright (radiograph labels) are handled
 *       alike; dark text is treated as bright text on the inverted image.
 *   <li><b>Components at several cuts.</b> Each map is cut at {@code t}, {@code 2t}, {@code 3t}
 *       and {@code 4t} (at most 240), {@code t} being {@link Settings#minContrast()} of the
 *       range. The higher cuts separate bright text from the speckle or texture it is drawn
 *       over, which merges with it at the lower ones. The 8-connected components of each cut
 *       are found run by run and measured: box, fill, median stroke width (the shorter of the
 *       horizontal and vertical run through each pixel), longest horizontal run, grey level, and
 *       evenness (the share of its row and column runs whose highest contrast reaches halfway
 *       from the cut to the component's peak: a stroke drawn in one colour keeps a ridge of even
 *       height along its length, also when compression or blur soften it across; a speckle grain
 *       is a peak whose outer runs stay low).
 *       Pieces one above the other with the same level (an i and its dot, a glyph broken by a
 *       slant) are joined.
 *   <li><b>Glyphs.</b> A component is a glyph when its height is within the settings, its stroke
 *       width is at most 0.45 of its height, its fill at least 12 %, its evenness at least 0.55,
 *       and it is at most 2.2 times as wide as high, or wider with no horizontal run longer than
 *       1.3 heights (touching letters of a word; a ruler or a frame has a long straight run).
 *   <li><b>Lines.</b> Glyphs are chained left to right into lines with a common band, height
 *       and stroke width and gaps of at most 1.3 heights; smaller marks of the same level inside
 *       the band (punctuation, lower-case letters below the minimum height) extend a line;
 *       lines on one band, baseline and grey level within 2.5 heights and three glyph widths of
 *       each other (words) are joined.
 *   <li><b>Score.</b> The share of the line's characters that agree with it on baseline, stroke
 *       width and grey level and have an evenness of 0.75 or more; times a shape factor that
 *       falls to 0 when more than half of the characters are bars or blobs (tick marks, dots);
 *       times an isolation factor that falls from 1 to 0 as the share of character-sized and
 *       smaller components around the line that belong to no member grows from 30 % to 60 % (a
 *       pattern picked out of texture has more of the same around it; frame and grid lines do
 *       not count); times a separation factor that falls from 1 to 0 as the characters' level
 *       above the brightest tenth of the ground between them drops from {@code t} to
 *       {@code t/2} (text is drawn to be read). Lines with fewer than
 *       {@link Settings#minCharsPerLine()} agreeing characters are scaled below 0.45.
 *   <li><b>Merge.</b> Boxes of both polarities and all cuts scoring at least
 *       {@link Settings#minScore()} are merged when one overlaps the other by half of the smaller
 *       or when they touch on one band; the merged box keeps the higher score.
 * </ol>
 *
 * <p>What the scores mean with the defaults: a line of three or more consistent characters on a
 * plain ground scores 0.5 to 1 and is reported. Isolated letters such as the orientation markers
 * {@code L} and {@code R}, and two-letter groups, score at most 0.3 and are reported only when
 * {@link Settings#minScore()} is lowered (to 0.1, say, to mask initials too, at the price of
 * masking markers). Tick marks, ruler scales and dotted lines are rows of bars or dots and score
 * 0; a ruler drawn in one piece has a long straight run and is no glyph at all. Anatomy edges
 * leave no response in the top-hat maps; thin bright anatomy (vessels, cortical bone) is rarely
 * character-sized, even and baseline-aligned at once.
 *
 * <p>Limits: text is expected horizontal (a few degrees of slant or italic shear are fine);
 * vertical text is not found. Text touching a frame line, a caliper or another structure merges
 * with it and may be lost. A line made only of bars ({@code "III"}, {@code "---"}) scores like a
 * ruler. Text with less contrast than {@link Settings#minContrast()} against its ground, or
 * hardly brighter than the texture it is drawn over, is missed. Boxes are tight around the
 * pixels found; a caller that masks should add a margin.
 *
 * <p>Instances are immutable and thread-safe. An image costs a few passes over its pixels plus
 * work proportional to the components found: measured on one core, 6 to 11 ms for 512x512 and
 * 25 to 65 ms for 1024x1024, the upper ends for images filled with ultrasound speckle.
 */
public final class TextDetector {

    /**
     * What the detector looks for.
     *
     * @param minCharHeight smallest character height in pixels (capital letters and digits), at
     *     least 4; smaller marks are only attached to lines found from larger characters
     * @param maxCharHeight largest character height in pixels, at least {@code minCharHeight}
     * @param minContrast least contrast of text against its surroundings, as a share of the
     *     image's robust range (0.5th to 99.5th percentile), in {@code (0, 1)}
     * @param minCharsPerLine characters a line needs to score 0.5 or more, at least 1
     * @param minScore boxes scoring lower are not reported, in {@code 0..1}
     */
    public record Settings(int minCharHeight, int maxCharHeight, double minContrast, int minCharsPerLine,
            double minScore) {

        /** Characters 6 to 48 pixels high, 20 % contrast, lines of 3 characters, score 0.5. */
        public static final Settings DEFAULT = new Settings(6, 48, 0.2, 3, 0.5);

        public Settings {
            if (minCharHeight < 4 || maxCharHeight < minCharHeight) {
                throw new IllegalArgumentException(
                        "character heights " + minCharHeight + ".." + maxCharHeight + " must start at 4 or more");
            }
            if (!(minContrast > 0 && minContrast < 1)) {
                throw new IllegalArgumentException("minContrast is " + minContrast + ", outside (0, 1)");
            }
            if (minCharsPerLine < 1) {
                throw new IllegalArgumentException("minCharsPerLine is " + minCharsPerLine + ", must be positive");
            }
            if (!(minScore >= 0 && minScore <= 1)) {
                throw new IllegalArgumentException("minScore is " + minScore + ", outside 0..1");
            }
        }

        /** The same settings with another score threshold. */
        public Settings withMinScore(double score) {
            return new Settings(minCharHeight, maxCharHeight, minContrast, minCharsPerLine, score);
        }

        /** The same settings with another character height range. */
        public Settings withCharHeights(int min, int max) {
            return new Settings(min, max, minContrast, minCharsPerLine, minScore);
        }
    }

    private static final int CUTS = 4;
    private static final double LOW_PERCENTILE = 0.005;
    private static final double HIGH_PERCENTILE = 0.995;

    private final Settings settings;
    private final LineGrouper grouper;
    private final int radius;
    private final int contrastLevel;

    public TextDetector(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.contrastLevel = Math.max(1, (int) Math.round(settings.minContrast() * 255));
        this.grouper = new LineGrouper(settings.minCharHeight(), settings.maxCharHeight(), settings.minCharsPerLine(),
                contrastLevel);
        // Strokes up to about a fifth of the character height; the element (side 2r+1, about two
        // fifths of the height) must not fit in one, nor in the junction of two.
        this.radius = Math.max(2, (int) Math.ceil(settings.maxCharHeight() * 0.17));
    }

    /** The settings this detector uses. */
    public Settings settings() {
        return settings;
    }

    /**
     * The lines of text in one image, highest score first.
     *
     * @param image one frame
     * @return boxes scoring at least {@link Settings#minScore()}; empty for a flat image
     */
    public List<TextBox> detect(Raster image) {
        List<TextBox> found = new ArrayList<>();
        for (TextLine line : candidates(image)) {
            found.add(line.box());
        }
        return merge(found);
    }

    /**
     * The lines of both polarities and all cuts whose characters agree well enough to reach the
     * score threshold, with their final scores, before the threshold and merging.
     */
    List<TextLine> candidates(Raster image) {
        Objects.requireNonNull(image, "image");
        int w = image.width();
        int h = image.height();
        byte[] gray = normalise(image);
        if (gray == null) {
            return List.of();
        }
        byte[] opened = Morphology.dilate(Morphology.erode(gray, w, h, radius), w, h, radius);
        byte[] closed = Morphology.erode(Morphology.dilate(gray, w, h, radius), w, h, radius);
        byte[] bright = new byte[gray.length];
        byte[] dark = new byte[gray.length];
        for (int i = 0; i < gray.length; i++) {
            int g = gray[i] & 0xFF;
            bright[i] = (byte) (g - (opened[i] & 0xFF));
            dark[i] = (byte) ((closed[i] & 0xFF) - g);
        }
        byte[] inverted = new byte[gray.length];
        for (int i = 0; i < gray.length; i++) {
            inverted[i] = (byte) (255 - (gray[i] & 0xFF));
        }
        List<TextLine> found = new ArrayList<>();
        for (int polarity = 0; polarity < 2; polarity++) {
            // Dark text is handled as bright text on the inverted image.
            byte[] contrast = polarity == 0 ? bright : dark;
            byte[] levels = polarity == 0 ? gray : inverted;
            int previous = -1;
            for (int k = 1; k <= CUTS; k++) {
                int cut = Math.min(240, k * contrastLevel);
                if (cut != previous) {
                    Ground ground = new Ground(contrast, levels, w, h, cut);
                    found.addAll(grouper.lines(components(contrast, levels, w, h, cut), ground, settings.minScore()));
                    previous = cut;
                }
            }
        }
        return found;
    }

    /** One contrast map cut at one level, with the grey levels under it. */
    private static final class Ground implements LineGrouper.Ground {
        private final byte[] contrast;
        private final byte[] levels;
        private final int width;
        private final int height;
        private final int cut;

        Ground(byte[] contrast, byte[] levels, int width, int height, int cut) {
            this.contrast = contrast;
            this.levels = levels;
            this.width = width;
            this.height = height;
            this.cut = cut;
        }

        @Override
        public int groundLevel(int x0, int y0, int x1, int y1) {
            int[] histogram = new int[256];
            int n = 0;
            for (int y = Math.max(0, y0); y <= Math.min(height - 1, y1); y++) {
                int row = y * width;
                for (int x = Math.max(0, x0); x <= Math.min(width - 1, x1); x++) {
                    if ((contrast[row + x] & 0xFF) < cut) {
                        histogram[levels[row + x] & 0xFF]++;
                        n++;
                    }
                }
            }
            if (n == 0) {
                return -1;
            }
            int rank = n - 1 - n / 10;
            int seen = 0;
            for (int v = 0; v < 256; v++) {
                seen += histogram[v];
                if (seen > rank) {
                    return v;
                }
            }
            return 255;
        }
    }

    private List<Component> components(byte[] contrast, byte[] gray, int w, int h, int cut) {
        Labelling labelling = Labelling.of(contrast, cut, w, h);
        int minHeight = settings.minCharHeight();
        int maxHeight = settings.maxCharHeight();
        // Only marks near a character-sized component can join a line: find where those are on a
        // coarse grid first, so that texture far from any candidate is not measured.
        int cell = Math.max(8, maxHeight / 2);
        int gw = (w + cell - 1) / cell;
        int gh = (h + cell - 1) / cell;
        boolean[] near = new boolean[gw * gh];
        List<Component> out = new ArrayList<>();
        for (int id = 1; id <= labelling.count(); id++) {
            int ch = labelling.height(id);
            if (ch >= minHeight && ch <= maxHeight) {
                out.add(labelling.measure(id, contrast, gray, cut));
                int reach = 4 * ch;
                int gx0 = Math.max(0, (labelling.minX(id) - reach) / cell);
                int gx1 = Math.min(gw - 1, (labelling.maxX(id) + reach) / cell);
                int gy0 = Math.max(0, (labelling.minY(id) - ch / 2) / cell);
                int gy1 = Math.min(gh - 1, (labelling.maxY(id) + ch / 2) / cell);
                for (int gy = gy0; gy <= gy1; gy++) {
                    for (int gx = gx0; gx <= gx1; gx++) {
                        near[gy * gw + gx] = true;
                    }
                }
            }
        }
        for (int id = 1; id <= labelling.count(); id++) {
            int ch = labelling.height(id);
            if (ch < minHeight && labelling.area(id) >= 2
                    && near[labelling.minY(id) / cell * gw + labelling.minX(id) / cell]) {
                out.add(labelling.measure(id, contrast, gray, cut));
            }
        }
        return out;
    }

    /**
     * Boxes at or above the score threshold, merged until no two overlap by half of the smaller
     * or touch on one band; highest score first, then top to bottom, left to right.
     */
    private List<TextBox> merge(List<TextBox> found) {
        List<TextBox> kept = new ArrayList<>();
        for (TextBox b : found) {
            if (b.score() >= settings.minScore()) {
                kept.add(b);
            }
        }
        Comparator<TextBox> order = Comparator.comparingDouble(TextBox::score).reversed()
                .thenComparingInt(TextBox::y).thenComparingInt(TextBox::x);
        kept.sort(order);
        boolean merged = true;
        while (merged) {
            merged = false;
            for (int i = 0; i < kept.size() && !merged; i++) {
                for (int j = i + 1; j < kept.size() && !merged; j++) {
                    TextBox a = kept.get(i);
                    TextBox b = kept.get(j);
                    if (2 * intersection(a, b) >= Math.min(a.area(), b.area()) || sameLine(a, b)) {
                        int x0 = Math.min(a.x(), b.x());
                        int y0 = Math.min(a.y(), b.y());
                        int x1 = Math.max(a.endX(), b.endX());
                        int y1 = Math.max(a.endY(), b.endY());
                        kept.set(i, new TextBox(x0, y0, x1 - x0, y1 - y0, Math.max(a.score(), b.score())));
                        kept.remove(j);
                        merged = true;
                    }
                }
            }
        }
        kept.sort(order);
        return List.copyOf(kept);
    }

    /** True for boxes on one band that touch or nearly touch: parts of one line found at two cuts. */
    private static boolean sameLine(TextBox a, TextBox b) {
        int overlap = Math.min(a.endY(), b.endY()) - Math.max(a.y(), b.y());
        int gap = Math.max(a.x(), b.x()) - Math.min(a.endX(), b.endX());
        int tall = Math.max(a.height(), b.height());
        return overlap >= 0.6 * Math.min(a.height(), b.height()) && gap <= tall / 2;
    }

    private static long intersection(TextBox a, TextBox b) {
        long iw = Math.min(a.endX(), b.endX()) - Math.max(a.x(), b.x());
        long ih = Math.min(a.endY(), b.endY()) - Math.max(a.y(), b.y());
        return iw > 0 && ih > 0 ? iw * ih : 0;
    }

    /** The image mapped to 0..255 by its robust range, or null when it is flat. */
    static byte[] normalise(Raster image) {
        int n = image.width() * image.height();
        int max = image.maxValue();
        int shift = 0;
        while ((max >> shift) >= 1 << 16) {
            shift++;
        }
        int[] histogram = new int[(max >> shift) + 1];
        for (int i = 0; i < n; i++) {
            histogram[image.sampleAt(i) >> shift]++;
        }
        int lowest = 0;
        while (histogram[lowest] == 0) {
            lowest++;
        }
        int highest = histogram.length - 1;
        while (histogram[highest] == 0) {
            highest--;
        }
        int lo = percentile(histogram, (long) Math.floor(LOW_PERCENTILE * n));
        int hi = percentile(histogram, (long) Math.ceil(HIGH_PERCENTILE * n) - 1);
        if (hi <= lo) {
            lo = lowest;
            hi = highest;
        }
        if (hi <= lo) {
            return null;
        }
        byte[] lut = new byte[histogram.length];
        double scale = 255.0 / (hi - lo);
        for (int v = 0; v < lut.length; v++) {
            lut[v] = (byte) Math.max(0, Math.min(255, (int) Math.round((v - lo) * scale)));
        }
        byte[] gray = new byte[n];
        for (int i = 0; i < n; i++) {
            gray[i] = lut[image.sampleAt(i) >> shift];
        }
        return gray;
    }

    /** The histogram bin holding the value of the given rank (0-based). */
    private static int percentile(int[] histogram, long rank) {
        long seen = 0;
        for (int v = 0; v < histogram.length; v++) {
            seen += histogram[v];
            if (seen > rank) {
                return v;
            }
        }
        return histogram.length - 1;
    }
}
