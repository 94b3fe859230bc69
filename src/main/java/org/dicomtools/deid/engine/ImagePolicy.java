package org.dicomtools.deid.engine;

import java.nio.file.Path;

/**
 * How deidentify treats pixel data that may hold burned-in text (PS3.15 E.3.1, Clean Pixel Data).
 *
 * @param detectText run the text detector on images whose header already signals a risk, and on
 *     every image when {@code detectAll}
 * @param detectAll run the detector on images whose header looks harmless too
 * @param maskDetected mask what the detector finds (outside the region of interest) instead of only
 *     flagging the image for review
 * @param reviewManifest the review manifest to add pending entries to (in the dataset repository);
 *     null for none
 * @param baseDir the directory profile sources are named relative to (the project's base directory),
 *     against which {@code masks <file>} libraries are resolved
 */
public record ImagePolicy(boolean detectText, boolean detectAll, boolean maskDetected, Path reviewManifest,
        Path baseDir) {
    /** Detector on for risky images, findings flagged for review, no manifest. */
    public static final ImagePolicy DEFAULT = new ImagePolicy(true, false, false, null);

    /** A policy whose mask libraries resolve against the working directory. */
    public ImagePolicy(boolean detectText, boolean detectAll, boolean maskDetected, Path reviewManifest) {
        this(detectText, detectAll, maskDetected, reviewManifest, Path.of(""));
    }
}
