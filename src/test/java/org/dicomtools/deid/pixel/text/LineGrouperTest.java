package org.dicomtools.deid.pixel.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Behaviour of {@link LineGrouper} on hand-made components. */
class LineGrouperTest {

    private final LineGrouper grouper = new LineGrouper(6, 48, 3, 51);

    /** A letter-like component: half the box inked, strokes 2 pixels, level 220, flat top. */
    private static Component glyph(int x, int y, int w, int h) {
        return new Component(x, y, x + w - 1, y + h - 1, w * h / 2, 2, w, 220, 1.0);
    }

    private static List<Component> row(int y, int... xs) {
        List<Component> out = new ArrayList<>();
        for (int x : xs) {
            out.add(glyph(x, y, 7, 10));
        }
        return out;
    }

    private static TextBox box(int x, int y, int w, int h, double score) {
        return new TextBox(x, y, w, h, score);
    }

    @Test
    void chainsAlignedGlyphsIntoOneLine() {
        assertEquals(List.of(box(10, 20, 47, 10, 1.0)), grouper.group(row(20, 10, 20, 30, 40, 50)));
    }

    @Test
    void orderOfInputDoesNotMatter() {
        List<Component> shuffled = row(20, 40, 10, 50, 30, 20);
        assertEquals(List.of(box(10, 20, 47, 10, 1.0)), grouper.group(shuffled));
    }

    @Test
    void keepsStackedLinesApart() {
        List<Component> both = new ArrayList<>(row(20, 10, 20, 30, 40));
        both.addAll(row(34, 10, 20, 30));
        assertEquals(List.of(box(10, 20, 37, 10, 1.0), box(10, 34, 27, 10, 1.0)), grouper.group(both));
    }

    @Test
    void joinsWordsOneGapApartButNotDistantText() {
        List<Component> all = new ArrayList<>(row(20, 10, 20, 30));
        all.addAll(row(20, 55, 65, 75));
        all.addAll(row(20, 150, 160, 170));
        assertEquals(List.of(box(10, 20, 72, 10, 1.0), box(150, 20, 27, 10, 1.0)), grouper.group(all));
    }

    @Test
    void attachesPunctuationAndDescendersToTheLine() {
        List<Component> all = new ArrayList<>(row(20, 10, 20, 30));
        all.add(new Component(38, 27, 39, 29, 6, 2, 2, 220, 1.0));
        all.add(new Component(41, 28, 42, 31, 5, 1, 2, 220, 1.0));
        assertEquals(List.of(box(10, 20, 33, 12, 1.0)), grouper.group(all));
    }

    @Test
    void doesNotAttachMarksOfAnotherLevel() {
        List<Component> all = new ArrayList<>(row(20, 10, 20, 30));
        all.add(new Component(38, 27, 39, 29, 6, 2, 2, 120, 1.0));
        assertEquals(List.of(box(10, 20, 27, 10, 1.0)), grouper.group(all));
    }

    @Test
    void scoresTwoLettersBelowHalf() {
        List<TextBox> boxes = grouper.group(row(20, 10, 20));
        assertEquals(1, boxes.size());
        assertEquals(0.45 * 2 / 3, boxes.get(0).score(), 1e-12);
    }

    @Test
    void scoresARowOfTickMarksZero() {
        List<Component> ticks = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            ticks.add(new Component(10 + 8 * k, 20, 10 + 8 * k, 29, 10, 1, 1, 255, 1.0));
        }
        assertEquals(List.of(box(10, 20, 73, 10, 0.0)), grouper.group(ticks));
    }

    @Test
    void scoresRaggedBaselinesLow() {
        List<Component> ragged = List.of(glyph(10, 20, 7, 10), glyph(20, 26, 7, 10), glyph(30, 15, 7, 10),
                glyph(40, 24, 7, 10));
        List<TextBox> boxes = grouper.group(ragged);
        assertFalse(boxes.isEmpty());
        for (TextBox b : boxes) {
            assertTrue(b.score() < 0.5, boxes.toString());
        }
    }

    @Test
    void scoresTextAmongTextureByTheClutterAround() {
        List<Component> all = new ArrayList<>(row(20, 10, 20, 30));
        // Speckle-like dots around the line: 7 of 4 pixels each, inside the surroundings (a
        // character height to the sides, half above and below), beside 3 x 35 member pixels.
        int[][] dots = {{1, 16}, {40, 16}, {42, 31}, {2, 31}, {43, 22}, {3, 24}, {25, 31}};
        for (int[] d : dots) {
            all.add(new Component(d[0], d[1], d[0] + 1, d[1] + 1, 4, 2, 2, 120, 0.5));
        }
        List<TextLine> lines = grouper.lines(all, (x0, y0, x1, y1) -> 20, 0);
        assertEquals(1, lines.size());
        assertEquals(28.0 / 133, lines.get(0).clutter(), 1e-12);
        assertEquals(1.0, lines.get(0).score(), 1e-12);
        // Twice as many: 56 of 161, above the 30 % that costs nothing.
        for (int[] d : dots) {
            all.add(new Component(d[0] + 2, d[1], d[0] + 3, d[1] + 1, 4, 2, 2, 120, 0.5));
        }
        lines = grouper.lines(all, (x0, y0, x1, y1) -> 20, 0);
        assertEquals(56.0 / 161, lines.get(0).clutter(), 1e-12);
        assertEquals((0.6 - 56.0 / 161) / 0.3, lines.get(0).score(), 1e-12);
    }

    @Test
    void scoresTextHardlyBrighterThanItsGroundLow() {
        // Glyph level 220; the ground's brightest tenth at 170 leaves 50, just under the 51 asked for.
        List<TextLine> lines = grouper.lines(row(20, 10, 20, 30), (x0, y0, x1, y1) -> 170, 0);
        assertEquals(50, lines.get(0).separation());
        assertEquals((50 - 25.5) / 25.5, lines.get(0).score(), 1e-12);
        assertEquals(0.0, grouper.lines(row(20, 10, 20, 30), (x0, y0, x1, y1) -> 200, 0).get(0).score());
    }

    @Test
    void joinsStackedPiecesOfOneCharacter() {
        Component body = new Component(10, 22, 12, 29, 10, 1, 3, 220, 1.0);
        Component dot = new Component(10, 20, 11, 20, 2, 1, 2, 220, 0.5);
        Component otherLevel = new Component(20, 20, 21, 20, 2, 1, 2, 120, 1.0);
        Component tooFar = new Component(22, 16, 23, 18, 4, 2, 2, 220, 1.0);
        Component under = new Component(20, 22, 22, 29, 10, 1, 3, 220, 1.0);
        List<Component> joined = grouper.assemble(List.of(body, dot, otherLevel, tooFar, under));
        // Area-weighted ridge: (10 x 1.0 + 2 x 0.5) / 12.
        assertEquals(List.of(new Component(10, 20, 12, 29, 12, 1, 3, 220, 11.0 / 12), otherLevel, under, tooFar), joined);
    }

    @Test
    void glyphsAreCharacterSizedAndStroked() {
        assertTrue(grouper.isGlyph(glyph(0, 0, 7, 10)));
        assertFalse(grouper.isGlyph(glyph(0, 0, 4, 5)));
        assertFalse(grouper.isGlyph(glyph(0, 0, 30, 49)));
        // A filled square: stroke as wide as the shape.
        assertFalse(grouper.isGlyph(new Component(0, 0, 9, 9, 100, 10, 10, 200, 1.0)));
        // Touching letters of a word: wide, no long straight run.
        assertTrue(grouper.isGlyph(new Component(0, 0, 59, 9, 240, 2, 8, 200, 1.0)));
        // A ruler drawn in one piece: the base line is one long run.
        assertFalse(grouper.isGlyph(new Component(0, 0, 59, 9, 120, 1, 60, 200, 1.0)));
    }

    @Test
    void rejectsNonsenseSettings() {
        assertThrows(IllegalArgumentException.class, () -> new LineGrouper(1, 10, 3, 51));
        assertThrows(IllegalArgumentException.class, () -> new LineGrouper(8, 6, 3, 51));
        assertThrows(IllegalArgumentException.class, () -> new LineGrouper(6, 10, 0, 51));
    }
}
