package org.dicomtools.deid.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reader behaviour found while curating the real-file corpus (fo-dicom/GH626.dcm; group lengths
 * under a small bulk threshold; corpus files cut short inside the File Meta Information while
 * fuzzing), reduced to byte-level fixtures.
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

    /**
     * {@link ReadOptions} accepts any bulk threshold from 0 bytes. A group length element is then a
     * 4-byte value like any other and may stay on disk: the file still reads without warnings and
     * its dataset is written back unchanged (seen on every real file with group lengths, such as
     * fo-dicom/GH178.dcm, read with a threshold below 4 bytes).
     */
    @Test
    void groupLengthIsReadWhenTheBulkThresholdIsBelowItsFourBytes() throws IOException {
        byte[] dataset = DicomBytes.explicitLE()
                .header(0x00080000, "UL", 4).u32(12)
                .text(0x00080016, "UI", "1.2\0")
                .bytes();
        Path in = DicomBytes.write(dir, "group-length.dcm", DicomBytes.part10(EXPLICIT_LE, dataset));

        try (DicomFile f = new DicomReader(ReadOptions.DEFAULT.withBulkThreshold(0)).read(in)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new DicomWriter().writeDataset(Channels.newChannel(out), f.dataset(), f.transferSyntax());

            assertEquals(List.of(), f.warnings());
            assertArrayEquals(dataset, out.toByteArray());
        }
    }

    /**
     * A file cut short inside the header of a File Meta Information element (here after the VR and
     * reserved bytes of (0002,0001) OB, before its 32-bit length) is malformed input like any other
     * truncation: a {@link DicomFormatException} naming the file, the element and an offset inside
     * the cut header, not a bare {@link java.io.EOFException}.
     */
    @Test
    void fileCutInsideAFileMetaElementHeaderFailsWithDicomFormatException() throws IOException {
        byte[] file = DicomBytes.explicitLE()
                .raw(new byte[128]).raw('D', 'I', 'C', 'M')
                .header(0x00020000, "UL", 4).u32(14)
                .tag(0x00020001).raw('O', 'B', 0, 0)
                .bytes();
        Path in = DicomBytes.write(dir, "cut-meta.dcm", file);

        DicomFormatException e = assertThrows(DicomFormatException.class, () -> new DicomReader().read(in));

        assertEquals(in, e.file());
        assertEquals("(0002,0001)", e.tagPath(), e.getMessage());
        assertTrue(e.offset() >= 144 && e.offset() <= file.length, e.getMessage());
    }
}
