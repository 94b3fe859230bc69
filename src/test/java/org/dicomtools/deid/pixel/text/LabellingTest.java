package org.dicomtools.deid.pixel.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Behaviour of {@link Labelling} on hand-made masks. */
class LabellingTest {

    /** Rows of {@code #} (255) and {@code .} (0), or digits for levels 0..9 times 25. */
    static byte[] mask(String... rows) {
        byte[] out = new byte[rows.length * rows[0].length()];
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < rows[y].length(); x++) {
                char c = rows[y].charAt(x);
                out[y * rows[0].length() + x] = (byte) (c == '#' ? 255 : c == '.' ? 0 : (c - '0') * 25);
            }
        }
        return out;
    }

    @Test
    void findsEightConnectedComponentsWithBoxesAndAreas() {
        byte[] m = mask(
                "##...#.",
                "#...#..",
                "..#....",
                ".#...##",
                "#....##");
        Labelling l = Labelling.of(m, 128, 7, 5);
        assertEquals(4, l.count());
        // 1: the corner at top left; 2: the diagonal from (5,0) to (4,1); 3: the diagonal from
        // (2,2) to (0,4), which touches 1 only through (1,1), a background pixel; 4: the block.
        assertEquals(1, l.label(0, 0));
        assertEquals(1, l.label(0, 1));
        assertEquals(2, l.label(5, 0));
        assertEquals(2, l.label(4, 1));
        assertEquals(3, l.label(2, 2));
        assertEquals(3, l.label(0, 4));
        assertEquals(4, l.label(6, 4));
        assertEquals(0, l.label(3, 3));
        assertBox(l, 1, 0, 0, 1, 1, 3);
        assertBox(l, 2, 4, 0, 5, 1, 2);
        assertBox(l, 3, 0, 2, 2, 4, 3);
        assertBox(l, 4, 5, 3, 6, 4, 4);
    }

    @Test
    void mergesBranchesThatMeetLower() {
        byte[] m = mask(
                "#...#...#",
                "#...#...#",
                "#.#######",
                "###......");
        Labelling l = Labelling.of(m, 1, 9, 4);
        assertEquals(1, l.count());
        assertBox(l, 1, 0, 0, 8, 3, 17);
    }

    @Test
    void thresholdsAtTheCut() {
        byte[] m = mask(
                "9119",
                "9449");
        assertEquals(2, Labelling.of(m, 150, 4, 2).count());
        assertEquals(1, Labelling.of(m, 75, 4, 2).count());
        assertEquals(0, Labelling.of(m, 250, 4, 2).count());
    }

    @Test
    void measuresStrokeRunFillAndLevels() {
        // An L with strokes two pixels thick: 2x8 upright and a 6x2 foot.
        byte[] m = mask(
                "##....",
                "##....",
                "##....",
                "##....",
                "##....",
                "##....",
                "######",
                "######");
        byte[] gray = new byte[m.length];
        for (int i = 0; i < gray.length; i++) {
            gray[i] = (byte) (m[i] == 0 ? 10 : 200);
        }
        Labelling l = Labelling.of(m, 1, 6, 8);
        Component c = l.measure(1, m, gray, 100);
        // Every pixel's shorter run is 2, except the four where upright and foot cross (6).
        assertEquals(new Component(0, 0, 5, 7, 24, 2, 6, 200, 1.0), c);
        assertEquals(6, c.width());
        assertEquals(8, c.height());
        assertEquals(0.5, c.fill());
        assertEquals(false, c.bar());
    }

    @Test
    void ridgeIsTheShareOfRunsReachingHalfWayToThePeak() {
        // Contrast 225 in the middle, 100 around; cut 50, so half way is 138. Of 3 row runs the
        // middle one reaches it, of 4 column runs the middle two: 3 of 7.
        byte[] contrast = mask(
                "4444",
                "4994",
                "4444");
        Labelling l = Labelling.of(contrast, 50, 4, 3);
        Component c = l.measure(1, contrast, contrast, 50);
        assertEquals(3.0 / 7, c.ridge());
        assertEquals(120, c.level());
        assertEquals(true, c.bar());
    }

    @Test
    void blurredStrokeKeepsAnEvenRidge() {
        // A vertical stroke softened across (100, 225, 100) has every row run and the middle
        // column reaching half way; only the two outer columns stay low: 8 of 10.
        byte[] contrast = mask(
                "494",
                "494",
                "494",
                "494",
                "494",
                "494",
                "494");
        Component c = Labelling.of(contrast, 50, 3, 7).measure(1, contrast, contrast, 50);
        assertEquals(8.0 / 10, c.ridge());
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> Labelling.of(new byte[5], 1, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> Labelling.of(new byte[4], 0, 2, 2));
        Labelling l = Labelling.of(mask("#."), 1, 2, 1);
        assertThrows(IllegalArgumentException.class, () -> l.measure(2, new byte[2], new byte[2], 1));
    }

    private static void assertBox(Labelling l, int id, int minX, int minY, int maxX, int maxY, int area) {
        assertEquals(minX, l.minX(id), "minX of " + id);
        assertEquals(minY, l.minY(id), "minY of " + id);
        assertEquals(maxX, l.maxX(id), "maxX of " + id);
        assertEquals(maxY, l.maxY(id), "maxY of " + id);
        assertEquals(area, l.area(id), "area of " + id);
    }
}
