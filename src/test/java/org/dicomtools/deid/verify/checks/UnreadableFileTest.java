package org.dicomtools.deid.verify.checks;

import static org.dicomtools.deid.verify.CheckHarness.cleanCt;
import static org.dicomtools.deid.verify.CheckHarness.context;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.dicomtools.deid.dicom.Dataset;
import org.dicomtools.deid.dicom.TransferSyntax;
import org.dicomtools.deid.dicom.VR;
import org.dicomtools.deid.dicom.dict.Tag;
import org.dicomtools.deid.verify.CheckHarness;
import org.dicomtools.deid.verify.Finding;
import org.dicomtools.deid.verify.Severity;
import org.dicomtools.deid.verify.VerifyReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Verifier raises unreadable-file while reading, so these tests run it on a dataset directory. */
class UnreadableFileTest {
    @TempDir
    Path dataset;

    private static Finding finding(String file, String message) {
        return CheckHarness.finding(UnreadableFile.INFO, file, "", message, "");
    }

    /** A clean CT with 200,000 bytes of pixel data (left on disk by the reader), written at {@code rel}. */
    private byte[] writeImage(String rel) throws Exception {
        Dataset ds = cleanCt();
        ds.setInts(Tag.Rows, VR.US, 400);
        ds.setInts(Tag.Columns, VR.US, 250);
        ds.setBytes(Tag.PixelData, VR.OW, new byte[200_000]);
        return Files.readAllBytes(CheckHarness.write(dataset, rel, ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
    }

    private VerifyReport verify() throws Exception {
        return CheckHarness.verify(dataset, context(), 1);
    }

    @Test
    void ruleIsHighAndNamedUnreadableFile() {
        assertEquals("unreadable-file", new UnreadableFile().info().id());
        assertEquals(Severity.HIGH, new UnreadableFile().info().severity());
    }

    @Test
    void truncatedFileIsFoundWithOffsetAndTag() throws Exception {
        byte[] whole = writeImage("a/cut.dcm");
        Files.write(dataset.resolve("a/cut.dcm"), Arrays.copyOf(whole, whole.length - 100));
        Path header = dataset.resolve("b/header.dcm");
        Files.createDirectories(header.getParent());
        Files.write(header, Arrays.copyOf(whole, 200));
        assertEquals(List.of(
                finding("a/cut.dcm", "the file cannot be parsed: offset " + (whole.length - 200_000 - 12)
                        + " at (7FE0,0010): value length 200000 exceeds the 199900 bytes left in the file"),
                finding("b/header.dcm", "the file cannot be parsed: offset 192 at (0002,0003): value length 8"
                        + " exceeds the 0 bytes left")),
                verify().findings());
    }

    @Test
    void textAndEmptyFilesAreNotDicom() throws Exception {
        Files.writeString(dataset.resolve("notes.txt"), "Patient called back.", StandardCharsets.UTF_8);
        Files.write(dataset.resolve("empty.dcm"), new byte[0]);
        Files.write(dataset.resolve("scan.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16});
        assertEquals(List.of(finding("empty.dcm", "the file is not a DICOM file"),
                finding("notes.txt", "the file is not a DICOM file"), finding("scan.jpg", "the file is not a DICOM file")),
                verify().findings());
    }

    @Test
    void wellFormedFileIsReadable() throws Exception {
        writeImage("a/whole.dcm");
        assertEquals(List.of(), verify().findings());
    }
}
