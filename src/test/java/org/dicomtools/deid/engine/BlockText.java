package org.dicomtools.deid.engine;

import java.util.Map;

import org.dicomtools.deid.pixel.Rect;

/**
 * Capital letters and digits of a 5x7 block font, drawn with sharp edges into a sample array, for
 * images with burned-in text whose position is known exactly.
 */
final class BlockText {
    /** Receives one sample of a glyph stroke. */
    interface Plot {
        void set(int x, int y);
    }

    private static final Map<Character, String[]> GLYPHS = Map.ofEntries(
            Map.entry('D', new String[] {"####.", "#...#", "#...#", "#...#", "#...#", "#...#", "####."}),
            Map.entry('E', new String[] {"#####", "#....", "#....", "####.", "#....", "#....", "#####"}),
            Map.entry('H', new String[] {"#...#", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"}),
            Map.entry('J', new String[] {"..###", "...#.", "...#.", "...#.", "...#.", "#..#.", ".##.."}),
            Map.entry('N', new String[] {"#...#", "##..#", "#.#.#", "#..##", "#...#", "#...#", "#...#"}),
            Map.entry('O', new String[] {".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."}),
            Map.entry('1', new String[] {"..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."}),
            Map.entry('5', new String[] {"#####", "#....", "####.", "....#", "....#", "#...#", ".###."}),
            Map.entry('8', new String[] {".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###."}),
            Map.entry('9', new String[] {".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##.."}));

    private BlockText() {
    }

    /**
     * Draws {@code text} with its top-left corner at {@code (x, y)}, each font cell {@code scale}
     * pixels square and one blank cell between letters; a space is a blank letter.
     *
     * @return the tight box of the samples drawn
     */
    static Rect draw(String text, int x, int y, int scale, Plot plot) {
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int left = x + i * 6 * scale;
            if (c == ' ') {
                continue;
            }
            String[] rows = GLYPHS.get(c);
            if (rows == null) {
                throw new IllegalArgumentException("no glyph for '" + c + "'");
            }
            for (int r = 0; r < rows.length; r++) {
                for (int col = 0; col < rows[r].length(); col++) {
                    if (rows[r].charAt(col) != '#') {
                        continue;
                    }
                    for (int dy = 0; dy < scale; dy++) {
                        for (int dx = 0; dx < scale; dx++) {
                            int px = left + col * scale + dx;
                            int py = y + r * scale + dy;
                            plot.set(px, py);
                            minX = Math.min(minX, px);
                            minY = Math.min(minY, py);
                            maxX = Math.max(maxX, px);
                            maxY = Math.max(maxY, py);
                        }
                    }
                }
            }
        }
        return new Rect(minX, minY, maxX - minX + 1, maxY - minY + 1);
    }
}
