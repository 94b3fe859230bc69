package org.dicomtools.deid.pixel.text;

/**
 * A region that {@link TextDetector} takes for a line of text, in pixel coordinates of the
 * {@link Raster} it was found in.
 *
 * @param x first column
 * @param y first row
 * @param width columns covered, at least 1
 * @param height rows covered, at least 1
 * @param score confidence in {@code 0..1}; see {@link TextDetector} for what the ranges mean
 */
public record TextBox(int x, int y, int width, int height, double score) {

    public TextBox {
        if (x < 0 || y < 0 || width < 1 || height < 1) {
            throw new IllegalArgumentException(
                    "box at (" + x + "," + y + ") sized " + width + "x" + height + " is not a region");
        }
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score is " + score + ", outside 0..1");
        }
    }

    /** The column after the last one covered. */
    public int endX() {
        return x + width;
    }

    /** The row after the last one covered. */
    public int endY() {
        return y + height;
    }

    /** Pixels covered. */
    public long area() {
        return (long) width * height;
    }
}
