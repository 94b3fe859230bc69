package org.dicomtools.deid.pixel.text;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.function.DoubleUnaryOperator;

/**
 * A synthetic image under construction: sample values in the units of the modality (8-bit grey,
 * Hounsfield units, detector values), optional coloured text, the places text may not go, and
 * the labels of the text drawn so far.
 */
final class Canvas {

    final int width;
    final int height;
    final double[] v;
    private final boolean[] forbidden;
    private final float[] alpha;
    private final int[] colour;
    private final List<Box> taken = new ArrayList<>();
    private final List<Box> labels = new ArrayList<>();
    private final List<Box> overAnatomy = new ArrayList<>();

    Canvas(int width, int height) {
        this.width = width;
        this.height = height;
        this.v = new double[width * height];
        this.forbidden = new boolean[width * height];
        this.alpha = new float[width * height];
        this.colour = new int[width * height];
    }

    boolean inside(int x, int y) {
        return x >= 0 && y >= 0 && x < width && y < height;
    }

    void forbid(int x, int y) {
        forbidden[y * width + x] = true;
    }

    /** Marks a region as used, so that no text is placed over it (for distractors). */
    void take(Box b) {
        taken.add(b);
    }

    List<Box> labels() {
        return List.copyOf(labels);
    }

    /** The labels of text drawn over anatomy or texture rather than on a plain ground. */
    List<Box> overAnatomy() {
        return List.copyOf(overAnatomy);
    }

    /** True when {@code b}, grown by {@code margin}, lies inside the image, on free ground. */
    boolean fits(Box b, int margin, boolean avoidForbidden) {
        Box g = b.grow(margin);
        if (b.x() < 2 || b.y() < 2 || b.endX() > width - 2 || b.endY() > height - 2) {
            return false;
        }
        for (Box t : taken) {
            if (g.intersection(t) > 0) {
                return false;
            }
        }
        if (avoidForbidden) {
            for (int y = Math.max(0, g.y()); y < Math.min(height, g.endY()); y++) {
                for (int x = Math.max(0, g.x()); x < Math.min(width, g.endX()); x++) {
                    if (forbidden[y * width + x]) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** The tight box of the pixels an ink covers by half or more, relative to the ink. */
    static Box inkBox(Ink ink) {
        int x0 = Integer.MAX_VALUE;
        int y0 = Integer.MAX_VALUE;
        int x1 = -1;
        int y1 = -1;
        for (int y = 0; y < ink.height(); y++) {
            for (int x = 0; x < ink.width(); x++) {
                if (ink.at(x, y) >= 0.5f) {
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x);
                    y1 = Math.max(y1, y);
                }
            }
        }
        return new Box(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
    }

    /**
     * Blends ink into the image with its top-left corner at {@code (x, y)}.
     *
     * @param rgb the text colour for colour output, or -1 for grey only
     */
    void draw(Ink ink, int x, int y, double level, int rgb) {
        for (int yy = 0; yy < ink.height(); yy++) {
            for (int xx = 0; xx < ink.width(); xx++) {
                float c = ink.at(xx, yy);
                if (c <= 0 || !inside(x + xx, y + yy)) {
                    continue;
                }
                int i = (y + yy) * width + x + xx;
                v[i] = v[i] * (1 - c) + level * c;
                if (rgb != -1) {
                    alpha[i] = Math.max(alpha[i], c);
                    colour[i] = rgb;
                }
            }
        }
    }

    /**
     * Draws a line of text at a random free place whose top-left corner lies in {@code area};
     * labels it when asked. Returns the ink box, or null when nothing fitted.
     */
    Box place(RandomGenerator random, TextStyle style, String text, Box area, double level, int rgb, boolean shadow,
            double shadowLevel, boolean avoidForbidden, boolean label) {
        return place(random, style, text, area, background -> level, Double.POSITIVE_INFINITY, rgb, shadow,
                shadowLevel, avoidForbidden, label);
    }

    /**
     * Draws a line of text as a device would: at a random free place whose top-left corner lies in
     * {@code area}, where the ground under it varies by at most {@code maxSpread}, in a level
     * chosen for the mean of that ground. Returns the ink box, or null when nothing fitted.
     */
    Box place(RandomGenerator random, TextStyle style, String text, Box area, DoubleUnaryOperator levelFor, double maxSpread,
            int rgb, boolean shadow, double shadowLevel, boolean avoidForbidden, boolean label) {
        Ink ink = style.render(text);
        Box rel = inkBox(ink);
        int margin = Math.max(4, style.capHeight() / 2);
        for (int attempt = 0; attempt < 60; attempt++) {
            int bx = area.x() + random.nextInt(Math.max(1, area.width()));
            int by = area.y() + random.nextInt(Math.max(1, area.height()));
            Box abs = new Box(bx, by, rel.width(), rel.height());
            if (!fits(abs, margin, avoidForbidden)) {
                continue;
            }
            Box ground = abs.grow(3);
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            double sum = 0;
            int n = 0;
            for (int y = Math.max(0, ground.y()); y < Math.min(height, ground.endY()); y++) {
                for (int x = Math.max(0, ground.x()); x < Math.min(width, ground.endX()); x++) {
                    double g = v[y * width + x];
                    lo = Math.min(lo, g);
                    hi = Math.max(hi, g);
                    sum += g;
                    n++;
                }
            }
            if (hi - lo > maxSpread) {
                continue;
            }
            double level = levelFor.applyAsDouble(sum / n);
            int ox = bx - rel.x();
            int oy = by - rel.y();
            int d = Math.max(1, style.capHeight() / 12);
            if (shadow) {
                draw(ink, ox + d, oy + d, shadowLevel, rgb == -1 ? -1 : 0);
            }
            draw(ink, ox, oy, level, rgb);
            taken.add(shadow ? new Box(abs.x(), abs.y(), abs.width() + d, abs.height() + d) : abs);
            if (label) {
                labels.add(abs);
                if (!avoidForbidden) {
                    overAnatomy.add(abs);
                }
            }
            return abs;
        }
        return null;
    }

    /**
     * Draws lines left-aligned one under another, starting at a random free place in
     * {@code area}; all lines are labelled. Returns how many were drawn.
     */
    int placeBlock(RandomGenerator random, TextStyle style, List<String> lines, Box area, double level, int rgb,
            boolean avoidForbidden, boolean rightAligned) {
        List<Ink> inks = new ArrayList<>();
        List<Box> rels = new ArrayList<>();
        int widest = 0;
        for (String line : lines) {
            Ink ink = style.render(line);
            inks.add(ink);
            Box rel = inkBox(ink);
            rels.add(rel);
            widest = Math.max(widest, rel.width());
        }
        int lineHeight = inks.get(0).height();
        int pitch = lineHeight + Math.max(2, style.capHeight() / 4) + random.nextInt(3);
        int margin = Math.max(4, style.capHeight() / 2);
        for (int attempt = 0; attempt < 60; attempt++) {
            int bx = area.x() + random.nextInt(Math.max(1, area.width()));
            int by = area.y() + random.nextInt(Math.max(1, area.height()));
            List<Box> boxes = new ArrayList<>();
            for (int i = 0; i < inks.size(); i++) {
                Box rel = rels.get(i);
                int left = rightAligned ? bx + widest - rel.width() : bx;
                boxes.add(new Box(left, by + i * pitch + rel.y(), rel.width(), rel.height()));
            }
            boolean ok = true;
            for (Box b : boxes) {
                ok &= fits(b, margin, avoidForbidden);
            }
            if (!ok) {
                continue;
            }
            for (int i = 0; i < inks.size(); i++) {
                Box b = boxes.get(i);
                draw(inks.get(i), b.x() - rels.get(i).x(), b.y() - rels.get(i).y(), level, rgb);
                taken.add(b);
                labels.add(b);
            }
            return inks.size();
        }
        return 0;
    }

    /** Sets the pixels of a filled axis-aligned rectangle. */
    void fillRect(Box b, double level) {
        for (int y = Math.max(0, b.y()); y < Math.min(height, b.endY()); y++) {
            for (int x = Math.max(0, b.x()); x < Math.min(width, b.endX()); x++) {
                v[y * width + x] = level;
            }
        }
    }

    /** Draws an anti-aliased segment of the given thickness. */
    void line(double ax, double ay, double bx, double by, double thickness, double level) {
        StrokeFont.segment(width, height, ax, ay, bx, by, thickness, (i, c) -> v[i] = v[i] * (1 - c) + level * c);
    }

    /** The image as 8-bit grey. */
    byte[] toGray8() {
        byte[] out = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (byte) clamp(Math.round(v[i]), 0, 255);
        }
        return out;
    }

    /**
     * The image as colour: the grey background under coloured text. The grey samples already
     * hold the text at its luminance; colour replaces it where text was drawn.
     */
    int[] toArgb(double[] background) {
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            int g = (int) clamp(Math.round(background == null ? v[i] : background[i]), 0, 255);
            int rgb = colour[i];
            double a = alpha[i];
            int r = (int) Math.round(g * (1 - a) + ((rgb >> 16) & 0xFF) * a);
            int gr = (int) Math.round(g * (1 - a) + ((rgb >> 8) & 0xFF) * a);
            int b = (int) Math.round(g * (1 - a) + (rgb & 0xFF) * a);
            out[i] = 0xFF000000 | r << 16 | gr << 8 | b;
        }
        return out;
    }

    /** The image rounded and clipped to {@code lo..hi}, as 16-bit words. */
    short[] toShorts(int lo, int hi) {
        short[] out = new short[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (short) clamp(Math.round(v[i]), lo, hi);
        }
        return out;
    }

    static long clamp(long value, long lo, long hi) {
        return Math.max(lo, Math.min(hi, value));
    }
}
