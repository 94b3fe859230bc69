package org.dicomtools.deid.pixel.text;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Hand-drawn pixel fonts for the synthetic test images (the detector's tests must not depend on
 * system fonts). Each glyph is a grid of rows, {@code #} for ink; rows below the cap height are
 * descenders. Rendering scales each font pixel to a square, can embolden (each ink pixel also
 * inks its right neighbour, the classic terminal bold) and shear for italics.
 */
final class BitmapFont {

    /** 5 columns, 7 rows to the baseline, 2 descender rows; upper and lower case. */
    static final BitmapFont FIVE_BY_SEVEN = fiveBySeven();

    /** 3 columns, 5 rows; capitals only (lower case is drawn as capitals). */
    static final BitmapFont THREE_BY_FIVE = threeByFive();

    private final int columns;
    private final int capRows;
    private final int totalRows;
    private final boolean capitalsOnly;
    private final Map<Character, String[]> glyphs;

    private BitmapFont(int columns, int capRows, int totalRows, boolean capitalsOnly, Map<Character, String[]> glyphs) {
        this.columns = columns;
        this.capRows = capRows;
        this.totalRows = totalRows;
        this.capitalsOnly = capitalsOnly;
        this.glyphs = Map.copyOf(glyphs);
    }

    int capRows() {
        return capRows;
    }

    boolean hasGlyph(char c) {
        return glyphs.containsKey(capitalsOnly ? Character.toUpperCase(c) : c);
    }

    /**
     * Renders one line.
     *
     * @param scale pixels per font pixel
     * @param bold widen vertical strokes by one font pixel
     * @param slant italic shear, 0 or more: pixels moved right per pixel above the baseline
     */
    Ink render(String text, int scale, boolean bold, double slant) {
        if (slant < 0) {
            throw new IllegalArgumentException("slant " + slant);
        }
        int advance = columns + 1 + (bold ? 1 : 0);
        int shearRoom = (int) Math.ceil(slant * totalRows * scale);
        int pad = (int) Math.ceil(slant * (totalRows - capRows) * scale);
        int width = text.length() * advance * scale + shearRoom + scale;
        int height = totalRows * scale;
        float[] coverage = new float[width * height];
        for (int i = 0; i < text.length(); i++) {
            char c = capitalsOnly ? Character.toUpperCase(text.charAt(i)) : text.charAt(i);
            String[] rows = glyphs.get(c);
            if (rows == null) {
                throw new IllegalArgumentException("no glyph for '" + c + "'");
            }
            for (int r = 0; r < rows.length; r++) {
                for (int col = 0; col < columns; col++) {
                    boolean ink = rows[r].charAt(col) == '#' || bold && col > 0 && rows[r].charAt(col - 1) == '#';
                    boolean boldEdge = bold && col == columns - 1 && rows[r].charAt(col) == '#';
                    if (ink) {
                        stamp(coverage, width, i * advance + col, r, scale, slant, capRows, pad);
                    }
                    if (boldEdge) {
                        stamp(coverage, width, i * advance + col + 1, r, scale, slant, capRows, pad);
                    }
                }
            }
        }
        return new Ink(width, height, coverage);
    }

    private static void stamp(float[] coverage, int width, int fx, int fy, int scale, double slant, int baseline,
            int pad) {
        for (int dy = 0; dy < scale; dy++) {
            int y = fy * scale + dy;
            int shift = (int) Math.round(slant * (baseline * scale - y));
            for (int dx = 0; dx < scale; dx++) {
                int x = fx * scale + dx + shift + pad;
                if (x >= 0 && x < width) {
                    coverage[y * width + x] = 1f;
                }
            }
        }
    }

    private static BitmapFont threeByFive() {
        Map<Character, String[]> g = new HashMap<>();
        String table = """
                A .#. #.# ### #.# #.#
                B ##. #.# ##. #.# ##.
                C .## #.. #.. #.. .##
                D ##. #.# #.# #.# ##.
                E ### #.. ##. #.. ###
                F ### #.. ##. #.. #..
                G .## #.. #.# #.# .##
                H #.# #.# ### #.# #.#
                I ### .#. .#. .#. ###
                J ..# ..# ..# #.# .#.
                K #.# #.# ##. #.# #.#
                L #.. #.. #.. #.. ###
                M #.# ### ### #.# #.#
                N ##. #.# #.# #.# #.#
                O .#. #.# #.# #.# .#.
                P ##. #.# ##. #.. #..
                Q .#. #.# #.# ##. .##
                R ##. #.# ##. #.# #.#
                S .## #.. .#. ..# ##.
                T ### .#. .#. .#. .#.
                U #.# #.# #.# #.# ###
                V #.# #.# #.# #.# .#.
                W #.# #.# ### ### #.#
                X #.# #.# .#. #.# #.#
                Y #.# #.# .#. .#. .#.
                Z ### ..# .#. #.. ###
                0 ### #.# #.# #.# ###
                1 .#. ##. .#. .#. ###
                2 ##. ..# .#. #.. ###
                3 ##. ..# .#. ..# ##.
                4 #.# #.# ### ..# ..#
                5 ### #.. ##. ..# ##.
                6 .## #.. ### #.# ###
                7 ### ..# .#. .#. .#.
                8 ### #.# ### #.# ###
                9 ### #.# ### ..# ##.
                . ... ... ... ... .#.
                , ... ... ... .#. #..
                : ... .#. ... .#. ...
                ; ... .#. ... .#. #..
                - ... ... ### ... ...
                / ..# ..# .#. #.. #..
                ^ .#. #.# ... ... ...
                # #.# ### #.# ### #.#
                ( .#. #.. #.. #.. .#.
                ) .#. ..# ..# ..# .#.
                % #.# ..# .#. #.. #.#
                & .#. #.# .#. #.# .##
                ' .#. .#. ... ... ...
                + ... .#. ### .#. ...
                _ ... ... ... ... ###
                = ... ### ... ### ...
                """;
        for (String line : table.split("\n")) {
            String[] parts = line.trim().split(" ");
            g.put(parts[0].charAt(0), Arrays.copyOfRange(parts, 1, parts.length));
        }
        g.put(' ', new String[] {"...", "...", "...", "...", "..."});
        return new BitmapFont(3, 5, 5, true, g);
    }

    private static BitmapFont fiveBySeven() {
        Map<Character, String[]> g = new HashMap<>();
        String table = """
                A .###. #...# #...# ##### #...# #...# #...#
                B ####. #...# #...# ####. #...# #...# ####.
                C .###. #...# #.... #.... #.... #...# .###.
                D ####. #...# #...# #...# #...# #...# ####.
                E ##### #.... #.... ####. #.... #.... #####
                F ##### #.... #.... ####. #.... #.... #....
                G .###. #...# #.... #.### #...# #...# .###.
                H #...# #...# #...# ##### #...# #...# #...#
                I .###. ..#.. ..#.. ..#.. ..#.. ..#.. .###.
                J ..### ...#. ...#. ...#. ...#. #..#. .##..
                K #...# #..#. #.#.. ##... #.#.. #..#. #...#
                L #.... #.... #.... #.... #.... #.... #####
                M #...# ##.## #.#.# #.#.# #...# #...# #...#
                N #...# #...# ##..# #.#.# #..## #...# #...#
                O .###. #...# #...# #...# #...# #...# .###.
                P ####. #...# #...# ####. #.... #.... #....
                Q .###. #...# #...# #...# #.#.# #..#. .##.#
                R ####. #...# #...# ####. #.#.. #..#. #...#
                S .#### #.... #.... .###. ....# ....# ####.
                T ##### ..#.. ..#.. ..#.. ..#.. ..#.. ..#..
                U #...# #...# #...# #...# #...# #...# .###.
                V #...# #...# #...# #...# #...# .#.#. ..#..
                W #...# #...# #...# #.#.# #.#.# #.#.# .#.#.
                X #...# #...# .#.#. ..#.. .#.#. #...# #...#
                Y #...# #...# .#.#. ..#.. ..#.. ..#.. ..#..
                Z ##### ....# ...#. ..#.. .#... #.... #####
                0 .###. #...# #..## #.#.# ##..# #...# .###.
                1 ..#.. .##.. ..#.. ..#.. ..#.. ..#.. .###.
                2 .###. #...# ....# ...#. ..#.. .#... #####
                3 ##### ...#. ..#.. ...#. ....# #...# .###.
                4 ...#. ..##. .#.#. #..#. ##### ...#. ...#.
                5 ##### #.... ####. ....# ....# #...# .###.
                6 ..##. .#... #.... ####. #...# #...# .###.
                7 ##### ....# ...#. ..#.. .#... .#... .#...
                8 .###. #...# #...# .###. #...# #...# .###.
                9 .###. #...# #...# .#### ....# ...#. .##..
                a ..... ..... .###. ....# .#### #...# .####
                b #.... #.... #.##. ##..# #...# #...# ####.
                c ..... ..... .###. #.... #.... #...# .###.
                d ....# ....# .##.# #..## #...# #...# .####
                e ..... ..... .###. #...# ##### #.... .###.
                f ..##. .#..# .#... ###.. .#... .#... .#...
                g ..... ..... .#### #...# #...# .#### ....# #...# .###.
                h #.... #.... #.##. ##..# #...# #...# #...#
                i ..#.. ..... .##.. ..#.. ..#.. ..#.. .###.
                j ...#. ..... ..##. ...#. ...#. ...#. ...#. #..#. .##..
                k #.... #.... #..#. #.#.. ##... #.#.. #..#.
                l .##.. ..#.. ..#.. ..#.. ..#.. ..#.. .###.
                m ..... ..... ##.#. #.#.# #.#.# #...# #...#
                n ..... ..... #.##. ##..# #...# #...# #...#
                o ..... ..... .###. #...# #...# #...# .###.
                p ..... ..... ####. #...# #...# #...# ####. #.... #....
                q ..... ..... .#### #...# #...# #...# .#### ....# ....#
                r ..... ..... #.##. ##..# #.... #.... #....
                s ..... ..... .#### #.... .###. ....# ####.
                t .#... .#... ###.. .#... .#... .#..# ..##.
                u ..... ..... #...# #...# #...# #..## .##.#
                v ..... ..... #...# #...# #...# .#.#. ..#..
                w ..... ..... #...# #...# #.#.# #.#.# .#.#.
                x ..... ..... #...# .#.#. ..#.. .#.#. #...#
                y ..... ..... #...# #...# #...# #...# .#### ....# .###.
                z ..... ..... ##### ...#. ..#.. .#... #####
                . ..... ..... ..... ..... ..... .##.. .##..
                , ..... ..... ..... ..... ..... .##.. .##.. ..#.. .#...
                : ..... .##.. .##.. ..... .##.. .##.. .....
                ; ..... .##.. .##.. ..... .##.. .##.. ..#.. .#...
                - ..... ..... ..... ##### ..... ..... .....
                / ..... ....# ...#. ..#.. .#... #.... .....
                ^ ..#.. .#.#. #...# ..... ..... ..... .....
                # .#.#. .#.#. ##### .#.#. ##### .#.#. .#.#.
                ( ...#. ..#.. .#... .#... .#... ..#.. ...#.
                ) .#... ..#.. ...#. ...#. ...#. ..#.. .#...
                % ##... ##..# ...#. ..#.. .#... #..## ...##
                & .##.. #..#. #.#.. .#... #.#.# #..#. .##.#
                ' ..#.. ..#.. .#... ..... ..... ..... .....
                + ..... ..#.. ..#.. ##### ..#.. ..#.. .....
                _ ..... ..... ..... ..... ..... ..... #####
                = ..... ..... ##### ..... ##### ..... .....
                """;
        for (String line : table.split("\n")) {
            String[] parts = line.trim().split(" ");
            g.put(parts[0].charAt(0), Arrays.copyOfRange(parts, 1, parts.length));
        }
        g.put(' ', new String[] {".....", ".....", ".....", ".....", ".....", ".....", "....."});
        return new BitmapFont(5, 7, 9, false, g);
    }
}
