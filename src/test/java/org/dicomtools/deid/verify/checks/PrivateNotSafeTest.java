package org.dicomtools.deid.verify.checks;

import static org.dicomtools.deid.verify.CheckHarness.FILE;
import static org.dicomtools.deid.verify.CheckHarness.checkFile;
import static org.dicomtools.deid.verify.CheckHarness.cleanCt;
import static org.dicomtools.deid.verify.CheckHarness.context;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.dicomtools.deid.dicom.Dataset;
import org.dicomtools.deid.dicom.DicomFile;
import org.dicomtools.deid.dicom.TransferSyntax;
import org.dicomtools.deid.dicom.VR;
import org.dicomtools.deid.dicom.dict.Tag;
import org.dicomtools.deid.profile.Option;
import org.dicomtools.deid.verify.CheckHarness;
import org.dicomtools.deid.verify.Finding;
import org.dicomtools.deid.verify.Severity;
import org.dicomtools.deid.verify.VerifyContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateNotSafeTest {
    private final PrivateNotSafe check = new PrivateNotSafe();

    @TempDir
    Path temp;

    private static VerifyContext retainSafePrivate() {
        return CheckHarness.context(CheckHarness.basic().withOptions(Set.of(Option.RETAIN_SAFE_PRIVATE)));
    }

    private static Finding finding(String tagPath, String message) {
        return CheckHarness.finding(PrivateNotSafe.INFO, FILE, tagPath, message, "");
    }

    /** GEMS_ACQU_01 (0019,xx23) Table Speed, a safe private attribute of PS3.15 Table E.3.10-1, in block {@code block}. */
    private static Dataset withTableSpeed(int block) {
        Dataset ds = cleanCt();
        ds.setString(0x00190000 | block, VR.LO, "GEMS_ACQU_01");
        ds.setString(0x00190000 | block << 8 | 0x23, VR.DS, "27.5");
        return ds;
    }

    @Test
    void ruleIsHighAndNamedPrivateNotSafe() {
        assertEquals("private-not-safe", check.info().id());
        assertEquals(Severity.HIGH, check.info().severity());
    }

    @Test
    void cleanDatasetHasNoFinding() {
        assertEquals(List.of(), checkFile(check, cleanCt(), context()));
    }

    @Test
    void safeElementIsKeptOnlyWithRetainSafePrivate() {
        assertEquals(List.of(finding("(0019,1023)",
                "private element (0019,xx23) of \"GEMS_ACQU_01\" is not on the profile's safe list")),
                checkFile(check, withTableSpeed(0x10), context()));
        assertEquals(List.of(), checkFile(check, withTableSpeed(0x10), retainSafePrivate()));
    }

    @Test
    void safeElementIsFoundByCreatorWhateverItsBlock() {
        assertEquals(List.of(), checkFile(check, withTableSpeed(0x42), retainSafePrivate()));
    }

    @Test
    void unlistedElementOfASafeCreatorIsFound() {
        Dataset ds = withTableSpeed(0x10);
        ds.setString(0x00191099, VR.LO, "SMITH");
        assertEquals(List.of(finding("(0019,1099)",
                "private element (0019,xx99) of \"GEMS_ACQU_01\" is not on the profile's safe list")),
                checkFile(check, ds, retainSafePrivate()));
    }

    @Test
    void birthDateUnderAnUnknownCreatorIsFoundAsReadFromAnImplicitVrFile() throws Exception {
        Dataset ds = cleanCt();
        ds.setString(0x00090010, VR.LO, "ACME HOSPITAL 1.0");
        ds.setString(0x00091001, VR.DA, "19470522");
        Path file = CheckHarness.write(temp, FILE, ds, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        try (DicomFile f = CheckHarness.read(file)) {
            assertEquals(List.of(finding("(0009,1001)",
                    "private element (0009,xx01) of \"ACME HOSPITAL 1.0\" is not on the profile's safe list")),
                    checkFile(check, FILE, f, retainSafePrivate()));
        }
    }

    @Test
    void elementWithoutItsCreatorIsFound() {
        Dataset ds = cleanCt();
        ds.setString(0x00091001, VR.LO, "19470522");
        assertEquals(List.of(finding("(0009,1001)", "private element (0009,xx01) has no private creator")),
                checkFile(check, ds, retainSafePrivate()));
    }

    @Test
    void privateElementInASequenceItemIsFoundWithItsPath() {
        Dataset ds = cleanCt();
        Dataset item = ds.newSequence(Tag.ReferencedImageSequence).addItem();
        item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, "2.25.9");
        item.setString(0x00290010, VR.LO, "SIEMENS CSA HEADER");
        item.setBytes(0x00291010, VR.OB, new byte[] {'S', 'V', '1', '0'});
        assertEquals(List.of(finding("(0008,1140)[0]/(0029,1010)",
                "private element (0029,xx10) of \"SIEMENS CSA HEADER\" is not on the profile's safe list")),
                checkFile(check, ds, retainSafePrivate()));
    }

    @Test
    void elementOutsideEveryPrivateBlockIsFound() {
        // Regression: (gggg,0001-000F) and (gggg,0100-0FFF) belong to no block (PS3.5 7.8.1); the
        // profile removes them, but the check only looked at block elements (gggg,1000-FFFF).
        Dataset ds = cleanCt();
        ds.setString(0x00090100, VR.LO, "DOE^JOHN");
        ds.setString(0x00090001, VR.LO, "19470522");
        assertEquals(List.of(finding("(0009,0001)", "private element (0009,0001) lies outside any private block"),
                finding("(0009,0100)", "private element (0009,0100) lies outside any private block")),
                checkFile(check, ds, retainSafePrivate()));
    }

    @Test
    void creatorElementsAndPrivateGroupLengthsAreNotData() {
        Dataset ds = withTableSpeed(0x10);
        ds.setString(0x00090010, VR.LO, "ACME HOSPITAL 1.0");
        ds.setInts(0x00090000, VR.UL, 18);
        assertEquals(List.of(), checkFile(check, ds, retainSafePrivate()));
    }
}
