package org.dicomtools.deid.verify.checks;

import static org.dicomtools.deid.verify.CheckHarness.FILE;
import static org.dicomtools.deid.verify.CheckHarness.checkFile;
import static org.dicomtools.deid.verify.CheckHarness.cleanCt;
import static org.dicomtools.deid.verify.CheckHarness.context;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

import org.dicomtools.deid.dicom.DicomFile;
import org.dicomtools.deid.dicom.TransferSyntax;
import org.dicomtools.deid.verify.CheckHarness;
import org.dicomtools.deid.verify.Finding;
import org.dicomtools.deid.verify.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MalformedFileTest {
    private final MalformedFile check = new MalformedFile();

    @TempDir
    Path temp;

    private static Finding finding(String message) {
        return CheckHarness.finding(MalformedFile.INFO, FILE, "", message, "");
    }

    /** The clean CT as a file, its bytes changed by {@code edit}, then read back and checked. */
    private List<Finding> written(UnaryOperator<byte[]> edit) throws Exception {
        Path file = CheckHarness.write(temp, FILE, cleanCt(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        Files.write(file, edit.apply(Files.readAllBytes(file)));
        try (DicomFile f = CheckHarness.read(file)) {
            return checkFile(check, FILE, f, context());
        }
    }

    @Test
    void ruleIsMediumAndNamedMalformedFile() {
        assertEquals("malformed-file", check.info().id());
        assertEquals(Severity.MEDIUM, check.info().severity());
    }

    @Test
    void wellFormedFileIsNotFound() throws Exception {
        assertEquals(List.of(), written(b -> b));
    }

    @Test
    void trailingNulBytesAreARecovery() throws Exception {
        assertEquals(List.of(finding("parsed with a recovery: ignored 4 NUL byte(s) after the last element")),
                written(b -> Arrays.copyOf(b, b.length + 4)));
    }

    @Test
    void missingPreambleIsARecovery() throws Exception {
        assertEquals(List.of(finding("parsed with a recovery: no 128-byte preamble and \"DICM\" prefix before the"
                + " File Meta Information")), written(b -> Arrays.copyOfRange(b, 132, b.length)));
    }

    @Test
    void everyRecoveryIsOneFinding() throws Exception {
        assertEquals(List.of(
                finding("parsed with a recovery: no 128-byte preamble and \"DICM\" prefix before the File Meta Information"),
                finding("parsed with a recovery: ignored 2 NUL byte(s) after the last element")),
                written(b -> Arrays.copyOf(Arrays.copyOfRange(b, 132, b.length), b.length - 130)));
    }
}
