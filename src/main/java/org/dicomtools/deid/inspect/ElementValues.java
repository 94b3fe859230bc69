package org.dicomtools.deid.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.dicomtools.deid.dicom.Dataset;
import org.dicomtools.deid.dicom.DicomElement;
import org.dicomtools.deid.dicom.VR;

/**
 * The decoded values of an element whose VR is text or a binary number, for the viewers of this
 * package. Inline values decode through {@link Dataset#strings(DicomElement)}; a value the reader
 * left on disk (text or numbers above its bulk threshold) is read back, whole when it fits
 * {@code maxBytes} and otherwise only its first {@code maxBytes} bytes.
 *
 * @param values the decoded values (empty for an empty element)
 * @param complete false when only a prefix of the value was decoded
 */
record ElementValues(List<String> values, boolean complete) {

    ElementValues {
        values = List.copyOf(values);
    }

    /** True when the element's value is decoded as text or numbers rather than shown as bytes. */
    static boolean isDecodable(DicomElement e) {
        if (e.isSequence() || e.isFragments()) {
            return false;
        }
        VR vr = Dataset.effectiveVR(e);
        return vr.isText() || vr.kind() == VR.Kind.BINARY;
    }

    /**
     * Decodes an element for which {@link #isDecodable(DicomElement)} holds, in the character set and
     * byte order of {@code dataset}, the dataset that holds it.
     */
    static ElementValues of(Dataset dataset, DicomElement e, long maxBytes) throws IOException {
        if (!isDecodable(e)) {
            throw new IllegalArgumentException("not a text or number element: " + e);
        }
        if (e.isInline()) {
            return new ElementValues(dataset.strings(e), true);
        }
        long length = e.length();
        int n = (int) Math.min(length, Math.min(maxBytes, Integer.MAX_VALUE - 8));
        byte[] prefix;
        try (InputStream in = e.bulkData().openStream()) {
            prefix = in.readNBytes(n);
        }
        DicomElement loaded = DicomElement.of(e.tag(), e.vr(), prefix);
        return new ElementValues(dataset.strings(loaded), prefix.length == length);
    }
}
