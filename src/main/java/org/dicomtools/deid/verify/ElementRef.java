package org.dicomtools.deid.verify;

import java.util.List;

import org.dicomtools.deid.dicom.Dataset;
import org.dicomtools.deid.dicom.DicomElement;
import org.dicomtools.deid.dicom.VR;

/**
 * One element of a checked file, with what every check needs to know about it.
 *
 * @param dataset the dataset (or item) that holds it
 * @param element the element
 * @param path its tag path, such as {@code (0040,A730)[0]/(0040,A160)}
 * @param vr the VR to interpret it with (the dictionary's when it was stored as UN)
 * @param creator its private creator, or null
 * @param inMeta true for File Meta Information elements
 */
public record ElementRef(Dataset dataset, DicomElement element, String path, VR vr, String creator, boolean inMeta) {

    public int tag() {
        return element.tag();
    }

    /** The decoded values (see {@link Dataset#strings(DicomElement)}). */
    public List<String> values() {
        return dataset.strings(element);
    }
}
