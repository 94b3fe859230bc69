package org.dicomtools.deid.pixel.text;

import java.util.List;

/**
 * One synthetic test image with the box of every line of text drawn on it.
 *
 * @param category {@code ultrasound}, {@code ct}, {@code radiograph} or {@code clean}
 * @param name category, seed and a short description, for messages
 * @param raster the image as the detector receives it
 * @param labels tight boxes of the text lines (pixels covered by half or more)
 * @param overAnatomy the labels whose text lies over anatomy or texture (the hard cases)
 */
record LabelledImage(String category, String name, Raster raster, List<Box> labels, List<Box> overAnatomy) {

    LabelledImage {
        labels = List.copyOf(labels);
        overAnatomy = List.copyOf(overAnatomy);
    }

    LabelledImage(String category, String name, Raster raster, Canvas canvas) {
        this(category, name, raster, canvas.labels(), canvas.overAnatomy());
    }
}
