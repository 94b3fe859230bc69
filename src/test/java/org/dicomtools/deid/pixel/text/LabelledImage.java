package org.dicomtools.deid.pixel.text;

import java.util.List;

/**
 * One synthetic test image with the box of every line of text drawn on it.
 *
 * @param category {@code ultrasound}, {@code ct}, {@code radiograph} or {@code clean}
 * @param name category, seed and a short description, for messages
 * @param raster the image as the detector receives it
 * @param labels tight boxes of the text lines (pixels covered by half or more)
 */
record LabelledImage(String category, String name, Raster raster, List<Box> labels) {

    LabelledImage {
        labels = List.copyOf(labels);
    }
}
