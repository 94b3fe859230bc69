package org.dicomtools.deid.verify.checks;

import static org.dicomtools.deid.verify.CheckHarness.checkPath;
import static org.dicomtools.deid.verify.CheckHarness.context;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.dicomtools.deid.dicom.TransferSyntax;
import org.dicomtools.deid.verify.CheckHarness;
import org.dicomtools.deid.verify.Finding;
import org.dicomtools.deid.verify.Severity;
import org.dicomtools.deid.verify.VerifyReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SensitiveFileTest {
    private static final String BY_NAME = "a deid:deidentify work file is inside the dataset";
    private static final String BY_CONTENT = "the file's content is a deid:deidentify mapping, ledger or index";

    private final SensitiveFile check = new SensitiveFile();

    @TempDir
    Path dataset;

    private static Finding finding(String file, String message) {
        return CheckHarness.finding(SensitiveFile.INFO, file, "", message, "");
    }

    private void text(String rel, String content) throws Exception {
        Path p = dataset.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
    }

    private VerifyReport verify() throws Exception {
        return CheckHarness.verify(dataset, context(), 1);
    }

    @Test
    void ruleIsCriticalAndNamedSensitiveFile() {
        assertEquals("sensitive-file", check.info().id());
        assertEquals(Severity.CRITICAL, check.info().severity());
    }

    @Test
    void workFilesAreFoundByNameAtAnyDepth() {
        for (String path : List.of("uid_mapping.csv", "P4JW7YWIC637A/patid_mapping.csv", "a/b/ledger.tsv",
                "deid-log.json", "index.tsv")) {
            assertEquals(List.of(finding(path, BY_NAME)), checkPath(check, path, context()), path);
        }
    }

    @Test
    void otherNamesAreNotFound() {
        for (String path : List.of("notes.csv", "uid_mapping.csv.d/x.dcm", "my_ledger.tsv.dcm", CheckHarness.FILE)) {
            assertEquals(List.of(), checkPath(check, path, context()), path);
        }
    }

    @Test
    void firstLineMarksMappingsLedgersAndIndexes() {
        assertTrue(SensitiveFile.isSensitive("", "id_old,id_new"));
        assertTrue(SensitiveFile.isSensitive("", "# deid-ledger v1 key eff4f4803d4046a5"));
        assertTrue(SensitiveFile.isSensitive("", "# deid-index v1 95bb90509c906510b03b2c622047c568"));
        assertTrue(SensitiveFile.isSensitive("ledger.tsv", "anything"));
        assertFalse(SensitiveFile.isSensitive("notes.csv", "id,name"));
        assertFalse(SensitiveFile.isSensitive("notes.csv", null));
    }

    @Test
    void mappingInsideTheDatasetIsFoundByNameAndNotAlsoAsUnreadable() throws Exception {
        text("uid_mapping.csv", "id_old,id_new\n1.2.3.4,2.25.1\n");
        text("P4JW7YWIC637A/ledger.tsv", "# deid-ledger v1 key eff4f4803d4046a5\n82baad92207eb445\n");
        assertEquals(List.of(finding("P4JW7YWIC637A/ledger.tsv", BY_NAME), finding("uid_mapping.csv", BY_NAME)),
                verify().findings());
    }

    @Test
    void renamedMappingIsFoundByItsFirstLine() throws Exception {
        text("P4JW7YWIC637A/map.csv", "id_old,id_new\r\nMRN4417702,PATKA3Q2KQW7TBO\r\n");
        text("old/ledger-copy.txt", "# deid-ledger v1 key eff4f4803d4046a5\n82baad92207eb445\n");
        assertEquals(List.of(finding("P4JW7YWIC637A/map.csv", BY_CONTENT), finding("old/ledger-copy.txt", BY_CONTENT)),
                verify().findings());
    }

    @Test
    void mappingSavedWithAByteOrderMarkIsFoundByItsFirstLine() throws Exception {
        // Regression: a spreadsheet program saves CSV with a UTF-8 byte order mark, which hid the header.
        text("mapping.csv", "\uFEFFid_old,id_new\r\nMRN4417702,PATKA3Q2KQW7TBO\r\n");
        assertEquals(List.of(finding("mapping.csv", BY_CONTENT)), verify().findings());
    }

    @Test
    void otherTextFileIsUnreadableNotSensitive() throws Exception {
        text("notes.csv", "id,name\n1,scan\n");
        CheckHarness.write(dataset, CheckHarness.FILE, CheckHarness.cleanCt(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        VerifyReport r = verify();
        assertEquals(List.of(), CheckHarness.findings(r, SensitiveFile.INFO));
        assertEquals(List.of(CheckHarness.finding(UnreadableFile.INFO, "notes.csv", "", "the file is not a DICOM file", "")),
                r.findings());
    }
}
