package org.dicomtools.deid.pixel.text;

/**
 * One connected set of foreground pixels and the measures the line grouping uses.
 *
 * @param minX first column
 * @param minY first row
 * @param maxX last column (inclusive)
 * @param maxY last row (inclusive)
 * @param area foreground pixels
 * @param strokeWidth median over the pixels of the shorter of the horizontal and vertical runs
 *     through the pixel: the typical stroke thickness
 * @param longestRun the longest horizontal run; long for rulers and outlines, short for glyphs
 * @param level mean normalised grey level of the pixels, 0..255, inverted for dark text
 * @param ridge share of the component's row and column runs whose highest contrast reaches
 *     halfway from the cut that made the component to its peak contrast: near 1 for strokes
 *     drawn in one colour, which keep a ridge of even height along their length even when
 *     blurred across it, lower for peaked blobs such as speckle grains, whose outer runs stay low
 */
record Component(int minX, int minY, int maxX, int maxY, int area, int strokeWidth, int longestRun, int level,
        double ridge) {

    int width() {
        return maxX - minX + 1;
    }

    int height() {
        return maxY - minY + 1;
    }

    /** The share of the bounding box that is foreground. */
    double fill() {
        return (double) area / ((long) width() * height());
    }

    /**
     * True for a bar or blob: a shape no wider (or no higher) than about its own stroke, such as a
     * tick mark, a dot or a speckle grain, rather than a letter drawn with strokes.
     */
    boolean bar() {
        return Math.min(width(), height()) <= 1.5 * strokeWidth() + 1;
    }
}
