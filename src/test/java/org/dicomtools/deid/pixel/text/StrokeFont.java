package org.dicomtools.deid.pixel.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-made vector font: each glyph is a few polylines on a grid 4 units wide, capitals 6 units
 * high (baseline at y = 6, x-height at y = 2, descenders to y = 8). Rendered as round-capped
 * strokes of a chosen thickness with anti-aliased edges, at any size; italics shear the points.
 * A sans-serif design unlike the pixel fonts: arbitrary sizes, grey edge pixels, plain bars for
 * {@code I} and {@code l}.
 */
final class StrokeFont {

    private static final double ADVANCE = 5.5;
    private static final double DESCENT = 8.5;

    private final Map<Character, double[][]> glyphs;

    StrokeFont() {
        Map<Character, double[][]> glyphs = new HashMap<>();
        String table = """
                A|0,6 2,0 4,6|0.7,4 3.3,4
                B|0,0 0,6 3,6 4,5 4,4 3,3 0,3|0,0 3,0 4,1 4,2 3,3
                C|4,1 3,0 1,0 0,1 0,5 1,6 3,6 4,5
                D|0,0 0,6 2.5,6 4,4.5 4,1.5 2.5,0 0,0
                E|4,0 0,0 0,6 4,6|0,3 3,3
                F|4,0 0,0 0,6|0,3 3,3
                G|4,1 3,0 1,0 0,1 0,5 1,6 3,6 4,5 4,3.5 2.5,3.5
                H|0,0 0,6|4,0 4,6|0,3 4,3
                I|2,0 2,6
                J|4,0 4,5 3,6 1,6 0,5
                K|0,0 0,6|4,0 0,4|1.3,3 4,6
                L|0,0 0,6 4,6
                M|0,6 0,0 2,3 4,0 4,6
                N|0,6 0,0 4,6 4,0
                O|1,0 3,0 4,1 4,5 3,6 1,6 0,5 0,1 1,0
                P|0,6 0,0 3,0 4,1 4,2 3,3 0,3
                Q|1,0 3,0 4,1 4,5 3,6 1,6 0,5 0,1 1,0|2.5,4.5 4,6.2
                R|0,6 0,0 3,0 4,1 4,2 3,3 0,3|2,3 4,6
                S|4,1 3,0 1,0 0,1 0,2 1,3 3,3 4,4 4,5 3,6 1,6 0,5
                T|0,0 4,0|2,0 2,6
                U|0,0 0,5 1,6 3,6 4,5 4,0
                V|0,0 2,6 4,0
                W|0,0 1,6 2,2 3,6 4,0
                X|0,0 4,6|4,0 0,6
                Y|0,0 2,3 4,0|2,3 2,6
                Z|0,0 4,0 0,6 4,6
                0|1,0 3,0 4,1 4,5 3,6 1,6 0,5 0,1 1,0|0.8,4.8 3.2,1.2
                1|1,1 2,0 2,6|1,6 3,6
                2|0,1 1,0 3,0 4,1 4,2 0,6 4,6
                3|0,1 1,0 3,0 4,1 4,2 3,3 4,4 4,5 3,6 1,6 0,5|1.5,3 3,3
                4|3,6 3,0 0,4 4,4
                5|4,0 0,0 0,3 3,3 4,4 4,5 3,6 0,6
                6|3.5,0 1.5,0 0,1.5 0,5 1,6 3,6 4,5 4,4 3,3 0,3
                7|0,0 4,0 1.5,6
                8|1,0 3,0 4,1 4,2 3,3 1,3 0,4 0,5 1,6 3,6 4,5 4,4 3,3|1,3 0,2 0,1 1,0
                9|4,3 1,3 0,2 0,1 1,0 3,0 4,1 4,4.5 2.5,6 0.5,6
                a|4,2 4,6|4,3 3,2 1,2 0,3 0,5 1,6 3,6 4,5
                b|0,0 0,6|0,3 1,2 3,2 4,3 4,5 3,6 1,6 0,5
                c|4,2.5 3,2 1,2 0,3 0,5 1,6 3,6 4,5.5
                d|4,0 4,6|4,3 3,2 1,2 0,3 0,5 1,6 3,6 4,5
                e|0,4 4,4 4,3 3,2 1,2 0,3 0,5 1,6 3.5,6
                f|3.5,0 2.5,0 1.5,1 1.5,6|0,2.5 3,2.5
                g|4,2 4,7 3,8 1,8 0,7.5|4,3 3,2 1,2 0,3 0,4.5 1,5.5 3,5.5 4,4.5
                h|0,0 0,6|0,3 1,2 3,2 4,3 4,6
                i|2,2 2,6|2,0.6 2,0.9
                j|2.5,2 2.5,7 1.5,8 0.5,8|2.5,0.6 2.5,0.9
                k|0,0 0,6|3.5,2 0,4.5|1.2,3.7 4,6
                l|1.5,0 1.5,5.2 2.3,6 3,6
                m|0,2 0,6|0,3 0.7,2 1.3,2 2,3 2,6|2,3 2.7,2 3.3,2 4,3 4,6
                n|0,2 0,6|0,3 1,2 3,2 4,3 4,6
                o|1,2 3,2 4,3 4,5 3,6 1,6 0,5 0,3 1,2
                p|0,2 0,8|0,3 1,2 3,2 4,3 4,5 3,6 1,6 0,5
                q|4,2 4,8|4,3 3,2 1,2 0,3 0,5 1,6 3,6 4,5
                r|0,2 0,6|0,3.5 1.5,2 3.5,2
                s|4,2.5 3.5,2 0.5,2 0,2.5 0,3.5 0.5,4 3.5,4 4,4.5 4,5.5 3.5,6 0.5,6 0,5.5
                t|1.5,0.5 1.5,5 2.5,6 3.5,6|0,2 3.5,2
                u|0,2 0,5 1,6 3,6 4,5|4,2 4,6
                v|0,2 2,6 4,2
                w|0,2 1,6 2,3 3,6 4,2
                x|0,2 4,6|4,2 0,6
                y|0,2 2,6|4,2 1.5,8 0.5,8
                z|0,2 4,2 0,6 4,6
                .|2,5.7 2,6
                ,|2,5.6 2,6 1.5,7
                :|2,2.2 2,2.5|2,5.7 2,6
                ;|2,2.2 2,2.5|2,5.7 2,6 1.5,7
                -|0.5,3.5 3.5,3.5
                /|3.5,0 0.5,6
                ^|0.5,2 2,0 3.5,2
                #|1.3,0 0.7,6|3.3,0 2.7,6|0,2 4,2|0,4 4,4
                (|3,0 2,1 1.5,3 2,5 3,6
                )|1,0 2,1 2.5,3 2,5 1,6
                %|0,6 4,0|0.3,0.3 1.2,0.3 1.2,1.5 0.3,1.5 0.3,0.3|2.8,4.5 3.7,4.5 3.7,5.7 2.8,5.7 2.8,4.5
                &|4,6 0.8,2 0.8,0.8 1.6,0 2.4,0 3,0.8 3,1.6 0,4 0,5.2 0.8,6 2.2,6 4,3.5
                '|2,0 2,1.5
                +|2,1.5 2,5.5|0,3.5 4,3.5
                _|0,7 4,7
                =|0.5,2.5 3.5,2.5|0.5,4.5 3.5,4.5
                """;
        for (String line : table.split("\n")) {
            String[] parts = line.trim().split("\\|");
            List<double[]> strokes = new ArrayList<>();
            for (int i = 1; i < parts.length; i++) {
                String[] points = parts[i].trim().split(" ");
                double[] xy = new double[points.length * 2];
                for (int p = 0; p < points.length; p++) {
                    String[] c = points[p].split(",");
                    xy[2 * p] = Double.parseDouble(c[0]);
                    xy[2 * p + 1] = Double.parseDouble(c[1]);
                }
                strokes.add(xy);
            }
            glyphs.put(parts[0].charAt(0), strokes.toArray(new double[0][]));
        }
        glyphs.put(' ', new double[0][]);
        this.glyphs = Map.copyOf(glyphs);
    }

    boolean hasGlyph(char c) {
        return glyphs.containsKey(c);
    }

    /**
     * Renders one line.
     *
     * @param capHeight pixels from the top of a capital to the baseline
     * @param thickness stroke width in pixels
     * @param slant italic shear, 0 or more
     */
    Ink render(String text, double capHeight, double thickness, double slant) {
        double unit = capHeight / 6;
        double margin = thickness;
        int width = (int) Math.ceil(text.length() * ADVANCE * unit + slant * DESCENT * unit + 2 * margin + 1);
        int height = (int) Math.ceil(DESCENT * unit + 2 * margin + 1);
        float[] coverage = new float[width * height];
        for (int i = 0; i < text.length(); i++) {
            double[][] strokes = glyphs.get(text.charAt(i));
            if (strokes == null) {
                throw new IllegalArgumentException("no glyph for '" + text.charAt(i) + "'");
            }
            double left = margin + i * ADVANCE * unit + slant * 2 * unit;
            for (double[] xy : strokes) {
                for (int p = 0; p + 3 < xy.length; p += 2) {
                    double ax = left + xy[p] * unit + slant * (6 - xy[p + 1]) * unit;
                    double ay = margin + xy[p + 1] * unit;
                    double bx = left + xy[p + 2] * unit + slant * (6 - xy[p + 3]) * unit;
                    double by = margin + xy[p + 3] * unit;
                    segment(width, height, ax, ay, bx, by, thickness, (k, c) -> {
                        if (c > coverage[k]) {
                            coverage[k] = (float) c;
                        }
                    });
                }
            }
        }
        return new Ink(width, height, coverage);
    }

    /** Receives the coverage (0 to 1, above 0) of one pixel of the image, by index. */
    interface CoverageSink {
        void add(int index, double coverage);
    }

    /**
     * The anti-aliased coverage of a segment of the given thickness with round ends, for every pixel
     * it touches: one minus the distance of the pixel centre from the segment's edge, clamped.
     */
    static void segment(int width, int height, double ax, double ay, double bx, double by, double thickness,
            CoverageSink sink) {
        double r = thickness / 2;
        int x0 = Math.max(0, (int) Math.floor(Math.min(ax, bx) - r - 1));
        int x1 = Math.min(width - 1, (int) Math.ceil(Math.max(ax, bx) + r + 1));
        int y0 = Math.max(0, (int) Math.floor(Math.min(ay, by) - r - 1));
        int y1 = Math.min(height - 1, (int) Math.ceil(Math.max(ay, by) + r + 1));
        double dx = bx - ax;
        double dy = by - ay;
        double len2 = dx * dx + dy * dy;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                double px = x + 0.5 - ax;
                double py = y + 0.5 - ay;
                double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / len2));
                double ex = px - t * dx;
                double ey = py - t * dy;
                double c = Math.max(0, Math.min(1, r + 0.5 - Math.sqrt(ex * ex + ey * ey)));
                if (c > 0) {
                    sink.add(y * width + x, c);
                }
            }
        }
    }
}
