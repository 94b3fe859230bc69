package org.dicomtools.deid.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reader behaviour found while curating the real-file corpus (fo-dicom/GH626.dcm), reduced to
 * byte-level fixtures.
 */
class DicomReaderTest {
    private static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";

    @TempDir
    Path dir;

    /**
     * An item of undefined length inside a sequence of defined length must end where the sequence
     * ends: the element after the sequence is not part of the item. The reader fails at the
     * sequence's end, naming the item, instead of reading on to the end of the file.
     */
    @Test
    void undefinedLengthItemEndsWithItsDefinedLengthSequence() throws IOException {
        byte[] dataset = DicomBytes.explicitLE()
                .text(0x00080016, "UI", "1.2\0")
                .header(0x00081115, "SQ", 16).item(-1)
                .header(0x00080100, "SH", 0)
                .text(0x00100010, "PN", "A^B ")
                .bytes();
        byte[] file = DicomBytes.part10(EXPLICIT_LE, dataset);
        Path in = DicomBytes.write(dir, "unbounded-item.dcm", file);
        long sequenceEnd = file.length - dataset.length + 12 + 12 + 16;

        DicomFormatException e = assertThrows(DicomFormatException.class, () -> new DicomReader().read(in));

        assertEquals(sequenceEnd, e.offset(), e.getMessage());
        assertEquals("(0008,1115)[0]", e.tagPath(), e.getMessage());
    }
}
