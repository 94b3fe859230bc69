package org.dicomtools.deid.pixel.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Groups components of one polarity into horizontal lines of text and scores each line.
 *
 * <p>Glyphs (character-sized, stroke-like components) are chained left to right: a glyph joins
 * the line whose band (median top and bottom of its glyphs) it overlaps by at least 60 % of the
 * smaller height, whose right end it follows within 1.3 character heights, and whose height and
 * stroke width it matches within a factor of about 1.8. Smaller marks (punctuation, dots,
 * lower-case letters below the minimum height) are then attached when they lie inside the band
 * and next to the line, and lines on one band less than 2.5 heights apart (words after a
 * punctuation mark and a space) are joined. See {@link TextDetector} for the score.
 */
final class LineGrouper {

    private static final double MAX_GAP = 1.3;
    private static final double MAX_WORD_GAP = 2.5;
    private static final double MIN_OVERLAP = 0.6;
    private static final double MAX_HEIGHT_RATIO = 1.8;
    private static final double FLAT_CORE = 0.5;
    private static final int MAX_LEVEL_DIFFERENCE = 40;
    private static final double FREE_CLUTTER = 0.3;
    private static final double MAX_CLUTTER = 0.6;

    private final int minHeight;
    private final int maxHeight;
    private final int minChars;

    LineGrouper(int minHeight, int maxHeight, int minChars) {
        if (minHeight < 2 || maxHeight < minHeight || minChars < 1) {
            throw new IllegalArgumentException(
                    "heights " + minHeight + ".." + maxHeight + " and " + minChars + " characters do not make sense");
        }
        this.minHeight = minHeight;
        this.maxHeight = maxHeight;
        this.minChars = minChars;
    }

    /** True when a component could be a character by size and shape. */
    boolean isGlyph(Component c) {
        int h = c.height();
        int w = c.width();
        if (h < minHeight || h > maxHeight) {
            return false;
        }
        if (!thin(c)) {
            return false;
        }
        if (c.fill() < 0.12) {
            return false;
        }
        if (w <= 2.2 * h) {
            return true;
        }
        // Wider: touching characters of one word; a ruler or an outline has a long straight run.
        return c.longestRun() <= 1.3 * h && c.fill() <= 0.75;
    }

    /** Stroke width at most about half the height (bold lower case reaches 0.4). */
    private static boolean thin(Component c) {
        return c.strokeWidth() <= Math.max(2, 0.45 * c.height() + 0.5);
    }

    /** True when a component may be attached to a line as punctuation or a small letter. */
    private boolean isMark(Component c) {
        return c.area() >= 2 && c.height() <= maxHeight && c.width() <= 2 * maxHeight;
    }

    /**
     * Counts foreground pixels (at the cut the components came from) in a box, members of lines
     * or not; how much else is there tells text on a plain ground from a pattern in texture.
     */
    @FunctionalInterface
    interface Foreground {
        /** Foreground pixels in columns {@code x0..x1} and rows {@code y0..y1}, inclusive. */
        int count(int x0, int y0, int x1, int y1);
    }

    /**
     * The lines found among {@code components} on an otherwise empty ground, as boxes with
     * scores, in the order their first glyph appears.
     */
    List<TextBox> group(List<Component> components) {
        List<TextBox> boxes = new ArrayList<>();
        for (TextLine line : lines(components, null)) {
            boxes.add(line.box());
        }
        return boxes;
    }

    /**
     * The lines found among {@code components}, in the order their first glyph appears.
     *
     * @param foreground the foreground the components were cut from, or null when there is
     *     nothing but the components
     */
    List<TextLine> lines(List<Component> components, Foreground foreground) {
        List<Component> glyphs = new ArrayList<>();
        List<Component> marks = new ArrayList<>();
        for (Component c : components) {
            if (isGlyph(c)) {
                glyphs.add(c);
            } else if (isMark(c)) {
                marks.add(c);
            }
        }
        glyphs.sort(Comparator.comparingInt(Component::minX).thenComparingInt(Component::minY));
        List<Line> lines = new ArrayList<>();
        for (Component c : glyphs) {
            Line best = null;
            int bestGap = Integer.MAX_VALUE;
            for (Line line : lines) {
                int gap = line.gapTo(c);
                if (gap < bestGap && line.accepts(c)) {
                    best = line;
                    bestGap = gap;
                }
            }
            if (best == null) {
                best = new Line();
                lines.add(best);
            }
            best.addGlyph(c);
        }
        marks.sort(Comparator.comparingInt(Component::minX));
        boolean[] used = new boolean[marks.size()];
        for (Line line : lines) {
            boolean grown = true;
            while (grown) {
                grown = false;
                for (int i = 0; i < marks.size(); i++) {
                    if (!used[i] && line.takesMark(marks.get(i))) {
                        line.addMark(marks.get(i));
                        used[i] = true;
                        grown = true;
                    }
                }
            }
        }
        boolean joined = true;
        while (joined) {
            joined = false;
            for (int i = 0; i < lines.size() && !joined; i++) {
                for (int j = 0; j < lines.size() && !joined; j++) {
                    if (i != j && lines.get(i).continuedBy(lines.get(j))) {
                        lines.get(i).absorb(lines.get(j));
                        lines.remove(j);
                        joined = true;
                    }
                }
            }
        }
        List<TextLine> out = new ArrayList<>();
        for (Line line : lines) {
            double clutter = foreground == null ? 0 : line.clutter(foreground);
            // Text stands on its own; a pattern found in texture has more of the same around it.
            double isolation = Math.max(0, Math.min(1, (MAX_CLUTTER - clutter) / (MAX_CLUTTER - FREE_CLUTTER)));
            out.add(new TextLine(line.minX, line.minY, line.maxX, line.maxY, line.glyphs, line.marks, clutter,
                    line.score() * isolation));
        }
        return out;
    }

    /** A line being built; its band follows the medians of its glyphs. */
    private final class Line {
        private final List<Component> glyphs = new ArrayList<>();
        private final List<Component> marks = new ArrayList<>();
        private int minX = Integer.MAX_VALUE;
        private int minY = Integer.MAX_VALUE;
        private int maxX = Integer.MIN_VALUE;
        private int maxY = Integer.MIN_VALUE;
        private int top;
        private int bottom;
        private int height;
        private int tall;
        private int stroke;
        private int level;

        int gapTo(Component c) {
            return c.minX() - maxX - 1;
        }

        boolean accepts(Component c) {
            int gap = gapTo(c);
            int h = c.height();
            if (gap > MAX_GAP * Math.max(tall, h) || gap < -0.5 * height) {
                return false;
            }
            int overlap = Math.min(c.maxY(), bottom) - Math.max(c.minY(), top) + 1;
            if (overlap < MIN_OVERLAP * Math.min(h, height)) {
                return false;
            }
            if (h > MAX_HEIGHT_RATIO * height || height > MAX_HEIGHT_RATIO * h) {
                return false;
            }
            return similarStroke(c.strokeWidth(), stroke);
        }

        boolean takesMark(Component c) {
            if (c.minY() < top - 0.35 * height || c.maxY() > bottom + 0.45 * height) {
                return false;
            }
            if (Math.abs(c.level() - level) > MAX_LEVEL_DIFFERENCE) {
                return false;
            }
            if (c.height() > 1.2 * height) {
                return false;
            }
            double reach = 0.9 * tall;
            return c.minX() <= maxX + reach && c.maxX() >= minX - reach;
        }

        /** True when {@code next} starts to the right on the same band, one word gap away. */
        boolean continuedBy(Line next) {
            int gap = next.minX - maxX - 1;
            if (gap < 0 || gap > MAX_WORD_GAP * Math.max(tall, next.tall)) {
                return false;
            }
            int overlap = Math.min(bottom, next.bottom) - Math.max(top, next.top) + 1;
            if (overlap < MIN_OVERLAP * Math.min(height, next.height)) {
                return false;
            }
            if (tall > 1.5 * next.tall || next.tall > 1.5 * tall) {
                return false;
            }
            return similarStroke(stroke, next.stroke);
        }

        void absorb(Line other) {
            for (Component c : other.glyphs) {
                addGlyph(c);
            }
            for (Component c : other.marks) {
                addMark(c);
            }
        }

        void addGlyph(Component c) {
            glyphs.add(c);
            extend(c);
            int n = glyphs.size();
            int[] tops = new int[n];
            int[] bottoms = new int[n];
            int[] heights = new int[n];
            int[] strokes = new int[n];
            int[] levels = new int[n];
            for (int i = 0; i < n; i++) {
                Component g = glyphs.get(i);
                tops[i] = g.minY();
                bottoms[i] = g.maxY();
                heights[i] = g.height();
                strokes[i] = g.strokeWidth();
                levels[i] = g.level();
            }
            top = median(tops);
            bottom = median(bottoms);
            stroke = median(strokes);
            level = median(levels);
            Arrays.sort(heights);
            height = heights[n / 2];
            tall = heights[(3 * n) / 4];
        }

        void addMark(Component c) {
            marks.add(c);
            extend(c);
        }

        private void extend(Component c) {
            minX = Math.min(minX, c.minX());
            minY = Math.min(minY, c.minY());
            maxX = Math.max(maxX, c.maxX());
            maxY = Math.max(maxY, c.maxY());
        }

        /**
         * The share of the characters (glyphs, and marks at least half the line height and a
         * quarter of the typical glyph area) that agree with the line on all of: baseline,
         * stroke width, grey level (text is drawn in one colour), and a flat top (drawn, not
         * grown from texture). Halved and more when over half the characters are bars or blobs
         * (rulers, tick rows, dotted lines); scaled below 0.45 when fewer than the minimum
         * number of characters agree.
         */
        double score() {
            List<Component> chars = characters();
            int n = chars.size();
            int[] bottoms = new int[n];
            int[] strokes = new int[n];
            int[] levels = new int[n];
            for (int i = 0; i < n; i++) {
                bottoms[i] = chars.get(i).maxY();
                strokes[i] = chars.get(i).strokeWidth();
                levels[i] = chars.get(i).level();
            }
            int baseline = median(bottoms);
            int typicalStroke = median(strokes);
            int typicalLevel = median(levels);
            int tolerance = Math.max(1, (int) Math.round(0.15 * height));
            int good = 0;
            int bars = 0;
            for (Component c : chars) {
                if (Math.abs(c.maxY() - baseline) <= tolerance && similarStroke(c.strokeWidth(), typicalStroke)
                        && Math.abs(c.level() - typicalLevel) <= MAX_LEVEL_DIFFERENCE && c.core() >= FLAT_CORE) {
                    good++;
                }
                if (c.bar()) {
                    bars++;
                }
            }
            double shapes = Math.min(1.0, 2.0 * (n - bars) / n);
            double agreement = share(good, n) * shapes;
            if (good >= minChars) {
                return agreement;
            }
            return agreement * 0.45 * good / minChars;
        }

        /**
         * The share of the foreground around the line (a character height to the sides, half
         * above and below) that belongs to no member.
         */
        double clutter(Foreground foreground) {
            long members = 0;
            for (Component c : glyphs) {
                members += c.area();
            }
            for (Component c : marks) {
                members += c.area();
            }
            int all = foreground.count(minX - tall, minY - tall / 2, maxX + tall, maxY + tall / 2);
            return all <= members ? 0 : 1 - (double) members / all;
        }

        private List<Component> characters() {
            List<Component> chars = new ArrayList<>(glyphs);
            int[] areas = new int[glyphs.size()];
            for (int i = 0; i < areas.length; i++) {
                areas[i] = glyphs.get(i).area();
            }
            int typicalArea = median(areas);
            for (Component m : marks) {
                // Lower-case letters below the minimum height count; dots and commas do not.
                if (m.height() * 2 >= height && m.area() * 4 >= typicalArea && thin(m)) {
                    chars.add(m);
                }
            }
            return chars;
        }
    }

    private static boolean similarStroke(int a, int b) {
        int s = a + 1;
        int t = b + 1;
        return s <= 2 * t && t <= 2 * s;
    }

    private static double share(int part, int whole) {
        return (double) part / whole;
    }

    private static int median(int[] values) {
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
