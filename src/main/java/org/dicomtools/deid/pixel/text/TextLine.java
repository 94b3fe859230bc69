package org.dicomtools.deid.pixel.text;

import java.util.List;

/**
 * A line of text as {@link LineGrouper} built it: the glyphs that chained into it, the marks that
 * were attached, its extent and its score.
 *
 * @param minX first column
 * @param minY first row
 * @param maxX last column (inclusive)
 * @param maxY last row (inclusive)
 * @param glyphs the character-sized components
 * @param marks the smaller components attached
 * @param clutter share of the foreground around the line that belongs to no member
 * @param separation typical glyph level above the brightest tenth of the ground between them
 * @param score confidence in {@code 0..1}
 */
record TextLine(int minX, int minY, int maxX, int maxY, List<Component> glyphs, List<Component> marks,
        double clutter, int separation, double score) {

    TextLine {
        glyphs = List.copyOf(glyphs);
        marks = List.copyOf(marks);
    }

    TextBox box() {
        return new TextBox(minX, minY, maxX - minX + 1, maxY - minY + 1, score);
    }
}
