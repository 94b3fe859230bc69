package org.dicomtools.deid.pixel.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Groups components of one polarity and one cut into horizontal lines of text and scores each
 * line (see {@link TextDetector} for the method as a whole).
 *
 * <p>Stacked pieces of one character are joined first. Glyphs (character-sized, stroke-like,
 * even components) are chained left to right: a glyph joins the line whose band (median top and
 * bottom of its glyphs) it overlaps by at least 60 % of the smaller height, whose right end it
 * follows within 1.3 character heights, and whose height and stroke width it matches within a
 * factor of about 1.8. Smaller marks of the line's grey level (punctuation, dots, lower-case
 * letters below the minimum height) are then attached when they lie inside the band and next to
 * the line, and lines on one band, baseline and grey level less than 2.5 heights and three
 * glyph widths apart (words after a space or a punctuation mark) are joined. Work grows with the
 * number of components, not with their square: lines out of reach are closed, marks are looked
 * up on a grid, words are joined in one sweep.
 */
final class LineGrouper {

    private static final double MAX_GAP = 1.3;
    private static final double MAX_WORD_GAP = 2.5;
    private static final double MIN_OVERLAP = 0.6;
    private static final double MAX_HEIGHT_RATIO = 1.8;
    private static final double EVEN_RIDGE = 0.75;
    private static final double MIN_RIDGE = 0.55;
    private static final int MAX_LEVEL_DIFFERENCE = 40;
    private static final double FREE_CLUTTER = 0.3;
    private static final double MAX_CLUTTER = 0.6;

    private final int minHeight;
    private final int maxHeight;
    private final int minChars;
    private final int contrast;

    /**
     * @param minHeight smallest glyph height
     * @param maxHeight largest glyph height
     * @param minChars agreeing characters a line needs to score 0.5 or more
     * @param contrast least grey-level difference between text and its ground, 1..255
     */
    LineGrouper(int minHeight, int maxHeight, int minChars, int contrast) {
        if (minHeight < 2 || maxHeight < minHeight || minChars < 1 || contrast < 1 || contrast > 255) {
            throw new IllegalArgumentException("heights " + minHeight + ".." + maxHeight + ", " + minChars
                    + " characters and contrast " + contrast + " do not make sense");
        }
        this.minHeight = minHeight;
        this.maxHeight = maxHeight;
        this.minChars = minChars;
        this.contrast = contrast;
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
        if (c.fill() < 0.12 || c.ridge() < MIN_RIDGE) {
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

    /**
     * True when a component may be attached to a line as punctuation, a small letter or a
     * character that failed the glyph test by its stroke or evenness. Wide components of
     * character height that failed it (a ruler, a trace, a frame) are evidence against text and
     * are never attached.
     */
    private boolean isMark(Component c) {
        if (c.area() < 2 || c.height() > maxHeight) {
            return false;
        }
        return c.height() < minHeight ? c.width() <= 2 * maxHeight : c.width() <= 2.2 * c.height();
    }

    /**
     * The grey levels around the components, seen at the cut they came from, with text taken to
     * be brighter than its ground (the detector inverts grey levels for dark text).
     */
    interface Ground {
        /**
         * The 90th percentile grey level of the pixels below the cut in columns {@code x0..x1}
         * and rows {@code y0..y1} (inclusive, clipped to the image), or -1 when there are none:
         * how bright the brightest of the ground between the characters is.
         */
        int groundLevel(int x0, int y0, int x1, int y1);
    }

    /**
     * The lines found among {@code components} on an otherwise empty ground, as boxes with
     * scores, ordered by their left edge.
     */
    List<TextBox> group(List<Component> components) {
        List<TextBox> boxes = new ArrayList<>();
        for (TextLine line : lines(components, null, 0)) {
            boxes.add(line.box());
        }
        return boxes;
    }

    /**
     * The lines found among {@code components}, ordered by their left edge.
     *
     * @param ground the image the components were cut from, or null when there is nothing but
     *     the components on a black ground
     * @param floor lines whose characters agree less than this (the score before the clutter and
     *     separation factors, which can only lower it) are left out
     */
    List<TextLine> lines(List<Component> components, Ground ground, double floor) {
        List<Component> glyphs = new ArrayList<>();
        List<Component> marks = new ArrayList<>();
        List<Component> all = assemble(components);
        for (Component c : all) {
            if (isGlyph(c)) {
                glyphs.add(c);
            } else if (isMark(c)) {
                marks.add(c);
            }
        }
        glyphs.sort(Comparator.comparingInt(Component::minX).thenComparingInt(Component::minY));
        List<Line> lines = new ArrayList<>();
        // Lines whose right end is further left than any glyph can reach are closed for good.
        List<Line> open = new ArrayList<>();
        double reach = MAX_GAP * maxHeight;
        for (Component c : glyphs) {
            open.removeIf(line -> c.minX() - line.maxX - 1 > reach);
            Line best = null;
            int bestGap = Integer.MAX_VALUE;
            for (Line line : open) {
                int gap = line.gapTo(c);
                if (gap < bestGap && line.accepts(c)) {
                    best = line;
                    bestGap = gap;
                }
            }
            if (best == null) {
                best = new Line();
                lines.add(best);
                open.add(best);
            }
            best.addGlyph(c);
        }
        ComponentIndex index = new ComponentIndex(marks, Math.max(8, maxHeight / 2));
        boolean[] used = new boolean[marks.size()];
        for (Line line : lines) {
            boolean grown = true;
            while (grown) {
                grown = false;
                int x0 = (int) Math.floor(line.minX - MAX_GAP * line.tall);
                int x1 = (int) Math.ceil(line.maxX + MAX_GAP * line.tall);
                int y0 = (int) Math.floor(line.top - 0.35 * line.height);
                int y1 = (int) Math.ceil(line.bottom + 0.45 * line.height);
                for (int i : index.near(x0, y0, x1, y1)) {
                    if (!used[i] && line.takesMark(marks.get(i))) {
                        line.addMark(marks.get(i));
                        used[i] = true;
                        grown = true;
                    }
                }
            }
        }
        // Join words of one line: sweep left to right, each line taking the lines that continue it.
        lines.sort(Comparator.comparingInt(line -> line.minX));
        boolean[] absorbed = new boolean[lines.size()];
        double wordReach = MAX_WORD_GAP * maxHeight;
        for (int a = 0; a < lines.size(); a++) {
            if (absorbed[a]) {
                continue;
            }
            Line line = lines.get(a);
            boolean joined = true;
            while (joined) {
                joined = false;
                for (int b = a + 1; b < lines.size() && lines.get(b).minX <= line.maxX + 1 + wordReach; b++) {
                    if (!absorbed[b] && line.continuedBy(lines.get(b))) {
                        line.absorb(lines.get(b));
                        absorbed[b] = true;
                        joined = true;
                    }
                }
            }
        }
        List<Line> kept = new ArrayList<>();
        for (int a = 0; a < lines.size(); a++) {
            if (!absorbed[a]) {
                kept.add(lines.get(a));
            }
        }
        lines = kept;
        ComponentIndex everything = new ComponentIndex(all, Math.max(8, maxHeight / 2));
        List<TextLine> out = new ArrayList<>();
        for (Line line : lines) {
            double agreement = line.score();
            if (agreement < floor) {
                continue;
            }
            double clutter = line.clutter(all, everything);
            int separation = ground == null ? 255 : line.separation(ground);
            // Text stands on its own; a pattern found in texture has more of the same around it.
            double isolation = ramp(clutter, MAX_CLUTTER, FREE_CLUTTER);
            // Text is drawn to be read: it stands apart from the ground between its characters.
            double apart = ramp(separation, contrast / 2.0, contrast);
            out.add(new TextLine(line.minX, line.minY, line.maxX, line.maxY, line.glyphs, line.marks, clutter,
                    separation, agreement * isolation * apart));
        }
        return out;
    }

    /** Components bucketed by the grid cells their boxes touch, for looking up those near a line. */
    private static final class ComponentIndex {
        private final int cell;
        private final int columns;
        private final int rows;
        private final int[] start;
        private final int[] entries;
        /** The query that last returned each component, so that one in two cells comes once. */
        private final int[] seen;
        private int query;

        ComponentIndex(List<Component> components, int cell) {
            this.cell = cell;
            this.seen = new int[components.size()];
            int maxX = 0;
            int maxY = 0;
            for (Component m : components) {
                maxX = Math.max(maxX, m.maxX());
                maxY = Math.max(maxY, m.maxY());
            }
            columns = maxX / cell + 1;
            rows = maxY / cell + 1;
            start = new int[columns * rows + 1];
            for (Component m : components) {
                for (int gy = m.minY() / cell; gy <= m.maxY() / cell; gy++) {
                    for (int gx = m.minX() / cell; gx <= m.maxX() / cell; gx++) {
                        start[gy * columns + gx + 1]++;
                    }
                }
            }
            for (int k = 1; k < start.length; k++) {
                start[k] += start[k - 1];
            }
            entries = new int[start[start.length - 1]];
            int[] next = Arrays.copyOf(start, start.length - 1);
            for (int i = 0; i < components.size(); i++) {
                Component m = components.get(i);
                for (int gy = m.minY() / cell; gy <= m.maxY() / cell; gy++) {
                    for (int gx = m.minX() / cell; gx <= m.maxX() / cell; gx++) {
                        entries[next[gy * columns + gx]++] = i;
                    }
                }
            }
        }

        /** Indices of the components in the cells touching the box, each once, in cell order. */
        int[] near(int x0, int y0, int x1, int y1) {
            int gx0 = Math.max(0, Math.floorDiv(x0, cell));
            int gx1 = Math.min(columns - 1, Math.floorDiv(x1, cell));
            int gy0 = Math.max(0, Math.floorDiv(y0, cell));
            int gy1 = Math.min(rows - 1, Math.floorDiv(y1, cell));
            if (gx0 > gx1 || gy0 > gy1) {
                return new int[0];
            }
            int n = 0;
            for (int gy = gy0; gy <= gy1; gy++) {
                n += start[gy * columns + gx1 + 1] - start[gy * columns + gx0];
            }
            int[] found = new int[n];
            int k = 0;
            query++;
            for (int gy = gy0; gy <= gy1; gy++) {
                for (int e = start[gy * columns + gx0]; e < start[gy * columns + gx1 + 1]; e++) {
                    int i = entries[e];
                    if (seen[i] != query) {
                        seen[i] = query;
                        found[k++] = i;
                    }
                }
            }
            return Arrays.copyOf(found, k);
        }
    }

    /**
     * Joins pieces of one character that lie one above the other, touching or one row apart: the
     * dot of an i, the halves of a slanted glyph whose diagonal lost its corner contact, a stroke
     * broken by compression. Pieces join when they overlap horizontally by half the narrower
     * width, have the same grey level, and the result stays within the maximum height and width.
     */
    List<Component> assemble(List<Component> components) {
        List<Component> sorted = new ArrayList<>(components);
        sorted.sort(Comparator.comparingInt(Component::minX).thenComparingInt(Component::minY));
        int n = sorted.size();
        int[] parent = new int[n];
        int[] minX = new int[n];
        int[] minY = new int[n];
        int[] maxX = new int[n];
        int[] maxY = new int[n];
        for (int i = 0; i < n; i++) {
            Component c = sorted.get(i);
            parent[i] = i;
            minX[i] = c.minX();
            minY[i] = c.minY();
            maxX[i] = c.maxX();
            maxY[i] = c.maxY();
        }
        boolean any = false;
        for (int i = 0; i < n; i++) {
            Component a = sorted.get(i);
            if (a.width() > maxHeight) {
                continue;
            }
            for (int j = i + 1; j < n && sorted.get(j).minX() <= a.maxX(); j++) {
                Component b = sorted.get(j);
                int overlap = Math.min(a.maxX(), b.maxX()) - Math.max(a.minX(), b.minX()) + 1;
                int gap = Math.max(a.minY(), b.minY()) - Math.min(a.maxY(), b.maxY()) - 1;
                if (gap < 0 || gap > 1 || 2 * overlap < Math.min(a.width(), b.width())
                        || Math.abs(a.level() - b.level()) > MAX_LEVEL_DIFFERENCE) {
                    continue;
                }
                int ra = find(parent, i);
                int rb = find(parent, j);
                if (ra == rb) {
                    continue;
                }
                int x0 = Math.min(minX[ra], minX[rb]);
                int y0 = Math.min(minY[ra], minY[rb]);
                int x1 = Math.max(maxX[ra], maxX[rb]);
                int y1 = Math.max(maxY[ra], maxY[rb]);
                if (y1 - y0 + 1 > maxHeight || x1 - x0 + 1 > maxHeight) {
                    continue;
                }
                int root = Math.min(ra, rb);
                parent[Math.max(ra, rb)] = root;
                minX[root] = x0;
                minY[root] = y0;
                maxX[root] = x1;
                maxY[root] = y1;
                any = true;
            }
        }
        if (!any) {
            return sorted;
        }
        List<List<Component>> groups = new ArrayList<>();
        int[] slot = new int[n];
        Arrays.fill(slot, -1);
        for (int i = 0; i < n; i++) {
            int r = find(parent, i);
            if (slot[r] < 0) {
                slot[r] = groups.size();
                groups.add(new ArrayList<>());
            }
            groups.get(slot[r]).add(sorted.get(i));
        }
        List<Component> out = new ArrayList<>(groups.size());
        for (List<Component> group : groups) {
            out.add(group.size() == 1 ? group.get(0) : union(group));
        }
        return out;
    }

    /** One component from pieces: box of all, sums and area-weighted means, the largest piece's stroke. */
    private static Component union(List<Component> pieces) {
        int x0 = Integer.MAX_VALUE;
        int y0 = Integer.MAX_VALUE;
        int x1 = Integer.MIN_VALUE;
        int y1 = Integer.MIN_VALUE;
        int area = 0;
        int longest = 0;
        double level = 0;
        double ridge = 0;
        Component largest = pieces.get(0);
        for (Component c : pieces) {
            x0 = Math.min(x0, c.minX());
            y0 = Math.min(y0, c.minY());
            x1 = Math.max(x1, c.maxX());
            y1 = Math.max(y1, c.maxY());
            area += c.area();
            longest = Math.max(longest, c.longestRun());
            level += (double) c.level() * c.area();
            ridge += c.ridge() * c.area();
            if (c.area() > largest.area()) {
                largest = c;
            }
        }
        return new Component(x0, y0, x1, y1, area, largest.strokeWidth(), longest, (int) Math.round(level / area),
                ridge / area);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
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
        private int wide;
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
            // A character of full height that failed the glyph test (a heavy bold letter) may be
            // a word of its own, a glyph gap away; punctuation and small letters sit closer.
            double reach = (c.height() >= 0.7 * tall ? MAX_GAP : 0.9) * tall;
            return c.minX() <= maxX + reach && c.maxX() >= minX - reach;
        }

        /**
         * True when {@code next} starts to the right on the same band, one word gap away: at
         * most 2.5 character heights and 3 typical glyph widths (isolated bars far apart are no
         * words).
         */
        boolean continuedBy(Line next) {
            int gap = next.minX - maxX - 1;
            if (gap < 0 || gap > MAX_WORD_GAP * Math.max(tall, next.tall) || gap > 3 * Math.max(wide, next.wide)) {
                return false;
            }
            int overlap = Math.min(bottom, next.bottom) - Math.max(top, next.top) + 1;
            if (overlap < MIN_OVERLAP * Math.min(height, next.height)) {
                return false;
            }
            if (tall > 1.5 * next.tall || next.tall > 1.5 * tall) {
                return false;
            }
            // Words of one line share the baseline and the colour.
            if (Math.abs(baseline() - next.baseline()) > Math.max(1, Math.round(0.15 * Math.max(tall, next.tall)))
                    || Math.abs(level - next.level) > MAX_LEVEL_DIFFERENCE) {
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
            int[] widths = new int[n];
            for (int i = 0; i < n; i++) {
                Component g = glyphs.get(i);
                widths[i] = g.width();
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
            wide = median(widths);
            Arrays.sort(heights);
            height = heights[n / 2];
            tall = heights[n - 1];
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
         * stroke width, grey level (text is drawn in one colour), and an even ridge (drawn, not
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
                        && Math.abs(c.level() - typicalLevel) <= MAX_LEVEL_DIFFERENCE && c.ridge() >= EVEN_RIDGE) {
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
         * The share of the character-sized and smaller foreground around the line (a character
         * height to the sides, half above and below) that belongs to no member: texture leaves
         * many small components around a pattern picked out of it, text stands on a plain
         * ground. Large structures (frame and grid lines, organs) are not counted.
         */
        double clutter(List<Component> components, ComponentIndex index) {
            Set<Component> members = Collections.newSetFromMap(new IdentityHashMap<>());
            members.addAll(glyphs);
            members.addAll(marks);
            long inside = 0;
            for (Component c : members) {
                inside += c.area();
            }
            int x0 = minX - tall;
            int y0 = minY - tall / 2;
            int x1 = maxX + tall;
            int y1 = maxY + tall / 2;
            double other = 0;
            for (int i : index.near(x0, y0, x1, y1)) {
                Component c = components.get(i);
                if (members.contains(c)) {
                    continue;
                }
                long ow = Math.min(x1, c.maxX()) - Math.max(x0, c.minX()) + 1;
                long oh = Math.min(y1, c.maxY()) - Math.max(y0, c.minY()) + 1;
                if (ow > 0 && oh > 0 && (c.width() <= 2 * maxHeight)) {
                    other += c.area() * (double) (ow * oh) / ((long) c.width() * c.height());
                }
            }
            return other / (other + inside);
        }

        /** The typical level of the glyphs above the brightest tenth of the ground in the box. */
        int separation(Ground ground) {
            int below = ground.groundLevel(minX, minY, maxX, maxY);
            return below < 0 ? 255 : level - below;
        }

        /**
         * The lower median of the characters' bottoms: descenders hang below the baseline,
         * nothing sits above it, and small letters (marks at small sizes) count too.
         */
        int baseline() {
            List<Component> chars = characters();
            int[] bottoms = new int[chars.size()];
            for (int i = 0; i < bottoms.length; i++) {
                bottoms[i] = chars.get(i).maxY();
            }
            Arrays.sort(bottoms);
            return bottoms[(bottoms.length - 1) / 2];
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

    /** 0 at {@code zero}, 1 at {@code one}, linear between and flat beyond. */
    private static double ramp(double value, double zero, double one) {
        return Math.max(0, Math.min(1, (value - zero) / (one - zero)));
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
