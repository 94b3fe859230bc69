package org.dicomtools.deid.inspect;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link Dumper} does.
 *
 * @param input a DICOM file, or a directory walked recursively (every file, whatever its name)
 * @param output the directory for one DICOM JSON file per input, or null to write none
 * @param privateOnly true to print only private elements (see {@link TreePrinter})
 * @param maxValueLength the most characters a printed value shows; 0 for no limit
 * @param inlineBinaryLimit the largest binary value written to DICOM JSON as {@code InlineBinary}
 */
public record DumpOptions(Path input, Path output, boolean privateOnly, int maxValueLength, int inlineBinaryLimit) {

    public DumpOptions {
        Objects.requireNonNull(input, "input");
        if (maxValueLength < 0) {
            throw new IllegalArgumentException("maxValueLength must be 0 (no limit) or positive: " + maxValueLength);
        }
        if (inlineBinaryLimit < 0) {
            throw new IllegalArgumentException("inlineBinaryLimit must be 0 or positive: " + inlineBinaryLimit);
        }
    }
}
