package org.dicomtools.deid.pixel.text;

/**
 * Rendered text before it is put on an image: coverage in {@code 0..1} per pixel.
 *
 * @param width columns
 * @param height rows
 * @param coverage row-major coverage
 */
record Ink(int width, int height, float[] coverage) {

    float at(int x, int y) {
        return coverage[y * width + x];
    }
}
