package org.dicomtools.deid.pixel;

/**
 * A rectangle of pixels: {@code width} columns from column {@code x} and {@code height} rows from
 * row {@code y}, with (0,0) the top-left pixel of a frame (PS3.3 C.7.6.3.1.4 orders pixels left to
 * right, top to bottom).
 *
 * @param x first column, at least 0
 * @param y first row, at least 0
 * @param width number of columns, at least 0
 * @param height number of rows, at least 0
 */
public record Rect(int x, int y, int width, int height) {

    public Rect {
        if (x < 0 || y < 0 || width < 0 || height < 0) {
            throw new IllegalArgumentException("negative rectangle " + x + "," + y + "," + width + "," + height);
        }
    }

    /** True when the rectangle covers no pixel. */
    public boolean isEmpty() {
        return width == 0 || height == 0;
    }

    /** One past the last column. */
    public long right() {
        return (long) x + width;
    }

    /** One past the last row. */
    public long bottom() {
        return (long) y + height;
    }

    /** The part of this rectangle inside a {@code columns} x {@code rows} image (possibly empty). */
    public Rect clip(int columns, int rows) {
        int x0 = Math.min(x, columns);
        int y0 = Math.min(y, rows);
        int x1 = (int) Math.min(right(), columns);
        int y1 = (int) Math.min(bottom(), rows);
        return new Rect(x0, y0, x1 - x0, y1 - y0);
    }

    /** {@code x,y,width,height}, the form the mask rule syntax uses. */
    @Override
    public String toString() {
        return x + "," + y + "," + width + "," + height;
    }
}
