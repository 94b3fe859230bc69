package org.dicomtools.deid.inspect;

import java.util.Objects;

import org.dicomtools.deid.dicom.VR;

/**
 * A value that {@link DicomJsonWriter} left out of a DICOM JSON object because it is larger than the
 * limit; the attribute is still there, with its {@code vr} and nothing else.
 *
 * @param tagPath where the attribute is, as in {@code (0040,A730)[2]/(7FE0,0010)}: sequences with the
 *     item index counted from 0, then the tag
 * @param vr the VR written for the attribute
 * @param length the bytes the value would have taken: the value length, or for encapsulated pixel
 *     data the item headers and fragments that {@code InlineBinary} would have held
 */
public record OmittedValue(String tagPath, VR vr, long length) {

    public OmittedValue {
        Objects.requireNonNull(tagPath, "tagPath");
        Objects.requireNonNull(vr, "vr");
        if (length < 0) {
            throw new IllegalArgumentException("length " + length);
        }
    }
}
