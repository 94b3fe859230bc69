package org.dicomtools.deid.pixel.text;

/**
 * A labelled region in the synthetic images; {@code (x, y)} is the first pixel, the size is in
 * pixels.
 */
record Box(int x, int y, int width, int height) {

    Box {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException(width + "x" + height);
        }
    }

    static Box of(TextBox b) {
        return new Box(b.x(), b.y(), b.width(), b.height());
    }

    int endX() {
        return x + width;
    }

    int endY() {
        return y + height;
    }

    long area() {
        return (long) width * height;
    }

    Box grow(int margin) {
        return new Box(x - margin, y - margin, width + 2 * margin, height + 2 * margin);
    }

    Box shift(int dx, int dy) {
        return new Box(x + dx, y + dy, width, height);
    }

    long intersection(Box o) {
        long iw = Math.min(endX(), o.endX()) - Math.max(x, o.x);
        long ih = Math.min(endY(), o.endY()) - Math.max(y, o.y);
        return iw > 0 && ih > 0 ? iw * ih : 0;
    }

    double iou(Box o) {
        long i = intersection(o);
        return (double) i / (area() + o.area() - i);
    }
}
