package org.dicomtools.deid.pixel.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Behaviour of {@link Morphology}. */
class MorphologyTest {

    @Test
    void erodeAndDilateTakeExtremesOfTheClippedWindow() {
        byte[] image = bytes(
                0, 0, 0, 0, 0,
                0, 9, 9, 9, 0,
                0, 9, 200, 9, 0,
                0, 0, 0, 0, 50);
        assertArrayEquals(bytes(
                0, 0, 0, 0, 0,
                0, 0, 0, 0, 0,
                0, 0, 0, 0, 0,
                0, 0, 0, 0, 0), Morphology.erode(image, 5, 4, 1));
        assertArrayEquals(bytes(
                9, 9, 9, 9, 9,
                9, 200, 200, 200, 9,
                9, 200, 200, 200, 50,
                9, 200, 200, 200, 50), Morphology.dilate(image, 5, 4, 1));
    }

    @Test
    void erodeKeepsWhatTheWindowFitsIn() {
        byte[] image = bytes(
                5, 5, 5, 5,
                5, 7, 7, 5,
                5, 7, 7, 5,
                5, 5, 5, 5);
        assertArrayEquals(image, Morphology.erode(image, 4, 4, 0));
        assertArrayEquals(bytes(
                5, 5, 5, 5,
                5, 5, 5, 5,
                5, 5, 5, 5,
                5, 5, 5, 5), Morphology.erode(image, 4, 4, 1));
    }

    @Test
    void matchesBruteForceOnRandomImages() {
        SplittableRandom random = new SplittableRandom(42);
        for (int trial = 0; trial < 300; trial++) {
            int w = 1 + random.nextInt(30);
            int h = 1 + random.nextInt(30);
            int r = random.nextInt(7);
            byte[] image = new byte[w * h];
            for (int i = 0; i < image.length; i++) {
                image[i] = (byte) random.nextInt(256);
            }
            assertArrayEquals(bruteForce(image, w, h, r, true), Morphology.erode(image, w, h, r), w + "x" + h + " r" + r);
            assertArrayEquals(bruteForce(image, w, h, r, false), Morphology.dilate(image, w, h, r), w + "x" + h + " r" + r);
        }
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> Morphology.erode(new byte[4], 2, 2, -1));
        assertThrows(IllegalArgumentException.class, () -> Morphology.dilate(new byte[3], 2, 2, 1));
    }

    private static byte[] bruteForce(byte[] image, int w, int h, int r, boolean min) {
        byte[] out = new byte[image.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int best = min ? 255 : 0;
                for (int yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++) {
                    for (int xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) {
                        int v = image[yy * w + xx] & 0xFF;
                        best = min ? Math.min(best, v) : Math.max(best, v);
                    }
                }
                out[y * w + x] = (byte) best;
            }
        }
        return out;
    }

    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }
}
