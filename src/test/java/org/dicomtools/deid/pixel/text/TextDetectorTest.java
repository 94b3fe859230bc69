package org.dicomtools.deid.pixel.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** Behaviour of {@link TextDetector}. */
class TextDetectorTest {

    /** Size and seed of the evaluation set; {@link TextDetectorEvaluation} uses the same. */
    static final int IMAGES_PER_CATEGORY = 80;
    static final long SEED = 20240131L;

    private final TextDetector detector = new TextDetector(TextDetector.Settings.DEFAULT);

    /** Draws pixel-font text into row-major samples at {@code (x, y)} (top-left of the cell). */
    private static void draw(int[] samples, int width, String text, int scale, boolean bold, int x, int y, int level) {
        Ink ink = BitmapFont.FIVE_BY_SEVEN.render(text, scale, bold, 0);
        for (int yy = 0; yy < ink.height(); yy++) {
            for (int xx = 0; xx < ink.width(); xx++) {
                if (ink.at(xx, yy) > 0) {
                    samples[(y + yy) * width + x + xx] = level;
                }
            }
        }
    }

    @Test
    void brightTextOnDarkGivesItsExactBox() {
        int[] s = new int[200 * 60];
        draw(s, 200, "MRN 12345678", 2, false, 20, 25, 255);
        assertEquals(List.of(new TextBox(20, 25, 142, 14, 1.0)), detector.detect(new Raster(200, 60, s, 255)));
    }

    @Test
    void darkTextOnABrightGradientGivesItsExactBox() {
        int[] s = new int[240 * 50];
        for (int i = 0; i < s.length; i++) {
            s[i] = 170 + (i % 240) / 4;
        }
        draw(s, 240, "2024-01-31", 2, true, 30, 12, 20);
        // Bold advance is 7 columns; the last character, 1, ends in column 9 x 7 + 4: 68 x 2 pixels.
        assertEquals(List.of(new TextBox(30, 12, 136, 14, 1.0)), detector.detect(new Raster(240, 50, s, 255)));
    }

    @Test
    void overlayOnSignedSixteenBitNoisyDataGivesItsExactBox() {
        int w = 160;
        int h = 80;
        short[] hu = new short[w * h];
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < hu.length; i++) {
            int x = i % w;
            int y = i / w;
            boolean body = (x - 100) * (x - 100) + (y - 60) * (y - 60) < 50 * 50;
            hu[i] = (short) ((body ? 40 : -1000) + random.nextInt(21) - 10);
        }
        int[] s = Raster.ofGray16(hu, w, h, true).samples();
        draw(s, w, "ACC-99812", 1, false, 4, 4, 3071 + 32768);
        List<TextBox> boxes = detector.detect(new Raster(w, h, s, 65535));
        assertEquals(List.of(new TextBox(4, 4, 53, 7, 1.0)), boxes);
    }

    @Test
    void mixedCaseLineIncludesLowerCaseAndTheDescendingComma() {
        int[] s = new int[120 * 30];
        draw(s, 120, "Smith, Anna", 1, false, 10, 10, 200);
        // Ten characters count (the i's dot does not); the comma hangs below the baseline: 9 of 10.
        assertEquals(List.of(new TextBox(10, 10, 65, 9, 0.9)), detector.detect(new Raster(120, 30, s, 255)));
    }

    @Test
    void stackedLinesGiveOneBoxEach() {
        int[] s = new int[150 * 60];
        draw(s, 150, "DOE^JOHN", 1, false, 5, 5, 255);
        draw(s, 150, "20240131", 1, false, 5, 16, 255);
        draw(s, 150, "10:42:17", 1, false, 5, 27, 255);
        List<TextBox> boxes = detector.detect(new Raster(150, 60, s, 255));
        // 20240131 ends with a narrow 1, 10:42:17 starts with one.
        assertEquals(List.of(new TextBox(5, 5, 47, 7, 1.0), new TextBox(5, 16, 46, 7, 1.0),
                new TextBox(6, 27, 46, 7, 1.0)), boxes.stream().sorted((a, b) -> a.y() - b.y()).collect(Collectors.toList()));
    }

    @Test
    void singleOrientationLetterIsOnlyALowScoreBox() {
        int[] s = new int[80 * 60];
        draw(s, 80, "R", 3, true, 30, 20, 255);
        Raster image = new Raster(80, 60, s, 255);
        assertEquals(List.of(), detector.detect(image));
        TextDetector everything = new TextDetector(TextDetector.Settings.DEFAULT.withMinScore(0));
        List<TextBox> boxes = everything.detect(image);
        assertEquals(1, boxes.size());
        assertEquals(new TextBox(30, 20, 18, 21, 0.15), new TextBox(30, 20, 18, 21, Math.round(boxes.get(0).score() * 100) / 100.0));
    }

    @Test
    void rulerAndTickMarksGiveNoBox() {
        int w = 300;
        int[] s = new int[w * 60];
        for (int x = 10; x < 290; x++) {
            s[40 * w + x] = 255;
        }
        for (int k = 0; k <= 28; k++) {
            int tall = k % 5 == 0 ? 12 : 7;
            for (int y = 40 - tall; y < 40; y++) {
                s[y * w + 10 + 10 * k] = 255;
            }
            for (int y = 5; y < 13; y++) {
                s[y * w + 10 + 10 * k] = 255;
                s[y * w + 11 + 10 * k] = 255;
            }
        }
        assertEquals(List.of(), detector.detect(new Raster(w, 60, s, 255)));
    }

    @Test
    void flatImageGivesNothing() {
        assertEquals(List.of(), detector.detect(new Raster(50, 40, new int[50 * 40], 4095)));
    }

    @Test
    void settingsRejectNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new TextDetector.Settings(3, 48, 0.2, 3, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new TextDetector.Settings(10, 8, 0.2, 3, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new TextDetector.Settings(6, 48, 0, 3, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new TextDetector.Settings(6, 48, 0.2, 0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new TextDetector.Settings(6, 48, 0.2, 3, 1.5));
        assertEquals(new TextDetector.Settings(6, 48, 0.2, 3, 0.3), TextDetector.Settings.DEFAULT.withMinScore(0.3));
        assertEquals(new TextDetector.Settings(8, 30, 0.2, 3, 0.5), TextDetector.Settings.DEFAULT.withCharHeights(8, 30));
    }

    /**
     * The labelled synthetic set (see {@link SyntheticImages}): per box, a detection matches a
     * label at IoU 0.5 or when it covers 80 % of the label ({@link Scorecard}).
     */
    @Test
    void findsTextInTheSyntheticSetWithHighRecallAndPrecision() {
        Scorecard card = TextDetectorEvaluation.run(detector, IMAGES_PER_CATEGORY, SEED);
        String report = card.table();
        assertEquals(4 * IMAGES_PER_CATEGORY, card.total().images, report);
        assertTrue(card.total().labels >= 900, report);
        assertTrue(card.total().recall() >= 0.98, report + card.misses());
        assertTrue(card.total().precision() >= 0.90, report + card.falseBoxes());
    }
}
