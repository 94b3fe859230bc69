package org.dicomtools.deid.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

import org.dicomtools.deid.dicom.Dataset;
import org.dicomtools.deid.dicom.VR;
import org.dicomtools.deid.dicom.dict.Tag;
import org.dicomtools.deid.profile.Profile;
import org.dicomtools.deid.profile.Rule;
import org.dicomtools.deid.profile.Selector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DryRunTest {
    /** Every value planted in the file below. */
    private static final List<String> PLANTED = List.of("DOE", "JOHN", EngineFixtures.PATIENT_ID,
            EngineFixtures.ACCESSION, "HOUSE", "GREGORY", "TECH", "TERRY", "Elsewhere", "CTSCAN07", "19580214",
            "20240115", "101112", "065Y", EngineFixtures.STUDY_UID, EngineFixtures.SERIES_UID, "S4417", "OTHER5550",
            "CT CHEST", "Axial", "39.375", "FSE");

    @TempDir
    Path tmp;

    private Path file() throws Exception {
        Dataset ds = EngineFixtures.ct(1, 4);
        Dataset other = ds.newSequence(Tag.OtherPatientIDsSequence).addItem();
        other.setString(Tag.PatientID, VR.LO, "OTHER5550");
        Dataset source = ds.newSequence(Tag.SourceImageSequence).addItem();
        source.setString(Tag.ReferencedSOPClassUID, VR.UI, EngineFixtures.CT_IMAGE_STORAGE);
        source.setString(Tag.ReferencedSOPInstanceUID, VR.UI, EngineFixtures.imageUid(7));
        ds.setString(0x00190010, VR.LO, "GEMS_ACQU_01");
        ds.setString(0x00191023, VR.DS, "39.375");
        ds.setString(0x0019109E, VR.LO, "FSE");
        return EngineFixtures.write(tmp.resolve("in").resolve("DOE^JOHN").resolve("a.dcm"), ds);
    }

    @Test
    void listsEveryAttributeWithItsActionAndRuleAndNoValue() throws Exception {
        file();
        Profile research = Profile.builtin("research");
        List<String> lines = DryRun.listing(tmp.resolve("in"), research);
        assertEquals("Dry run of DOE^JOHN/a.dcm with profile research (nothing is written):", lines.get(0));
        String all = String.join("\n", lines.subList(1, lines.size()));
        for (String planted : PLANTED) {
            assertFalse(all.contains(planted), planted + " in\n" + all);
        }
        assertTrue(lines.contains("  (0010,0010) PatientName PN -> replace \"{pseudonym:PatientID}\" (builtin:research:"
                + lineOf(research, Tag.PatientName) + " replace)"), all);
        assertTrue(all.contains("  (0010,0020) PatientID LO -> hash (builtin:research:"), all);
        assertTrue(all.contains("  (0008,0020) StudyDate DA -> C (builtin:basic:"), all);
        assertTrue(all.contains("  (0010,1002) OtherPatientIDsSequence SQ -> X (builtin:basic:"), all);
        assertTrue(all.contains("  (0008,2112)[0]/(0008,1155) ReferencedSOPInstanceUID UI -> U (builtin:basic:"), all);
        assertTrue(all.contains("  (0008,2112)[0]/(0008,1150) ReferencedSOPClassUID UI -> K (builtin:basic:"), all);
        assertTrue(all.contains("  (0019,1023) [GEMS_ACQU_01] DS -> K (builtin:basic:"), all);
        assertTrue(all.contains("  (0028,0010) Rows US -> K (builtin:basic:"), all);
        // One line per attribute of the file at every depth: 39 of the image, the two sequences, the two
        // elements of the kept item and two private elements. Private creators follow their block and
        // the items of a removed sequence go with it, so neither has a line of its own.
        assertEquals(45, lines.size() - 1, all);
    }

    private static int lineOf(Profile p, int tag) {
        for (Rule r : p.rules()) {
            if (r.selector() instanceof Selector.ExactTag t && t.tag() == tag) {
                return r.line();
            }
        }
        throw new AssertionError("no rule");
    }

    @Test
    void theInputIsNotChanged() throws Exception {
        Path f = file();
        byte[] before = Files.readAllBytes(f);
        long modified = Files.getLastModifiedTime(f).toMillis();
        DryRun.listing(f, Profile.builtin("basic"));
        assertEquals(modified, Files.getLastModifiedTime(f).toMillis());
        assertEquals(HexFormat.of().formatHex(before), HexFormat.of().formatHex(Files.readAllBytes(f)));
    }

    @Test
    void inAFolderTheFirstDicomFileIsListedPastOtherFiles() throws Exception {
        file();
        Files.writeString(tmp.resolve("in").resolve("0_README.txt"), "notes\n");
        List<String> lines = DryRun.listing(tmp.resolve("in"), Profile.builtin("basic"));
        assertEquals("Dry run of DOE^JOHN/a.dcm with profile basic (nothing is written):", lines.get(0));
        assertEquals(46, lines.size());
    }

    @Test
    void aFolderWithoutDicomFilesSaysSo() throws Exception {
        Files.createDirectories(tmp.resolve("in"));
        Files.writeString(tmp.resolve("in").resolve("README.txt"), "notes\n");
        assertEquals(List.of("Dry run: no DICOM file in " + tmp.resolve("in")),
                DryRun.listing(tmp.resolve("in"), Profile.builtin("basic")));
    }
}
