package org.dicomtools.deid.verify.checks;

import static org.dicomtools.deid.verify.CheckHarness.FILE;
import static org.dicomtools.deid.verify.CheckHarness.PATIENT_ID;
import static org.dicomtools.deid.verify.CheckHarness.checkFile;
import static org.dicomtools.deid.verify.CheckHarness.checkPath;
import static org.dicomtools.deid.verify.CheckHarness.cleanCt;
import static org.dicomtools.deid.verify.CheckHarness.contextWithLedger;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.dicomtools.deid.dicom.Dataset;
import org.dicomtools.deid.dicom.VR;
import org.dicomtools.deid.dicom.dict.Tag;
import org.dicomtools.deid.dicom.dict.UID;
import org.dicomtools.deid.engine.Ledger;
import org.dicomtools.deid.engine.Pseudonymizer;
import org.dicomtools.deid.verify.CheckHarness;
import org.dicomtools.deid.verify.Finding;
import org.dicomtools.deid.verify.Severity;
import org.dicomtools.deid.verify.VerifyContext;
import org.junit.jupiter.api.Test;

class FingerprintMatchTest {
    private static final String ORIGINAL_UID = "1.2.840.113619.2.55.3.604688119.971.1";
    private static final String OTHER_PATIENT = "ZZZZZZZZ22222222";

    private final FingerprintMatch check = new FingerprintMatch();

    /**
     * The ledger deidentify writes for patient DOE^JOHN (scope {@link CheckHarness#PATIENT_ID}): JOHN
     * and the record number for everyone, DOE (under 4 characters) and the dates for the patient only,
     * and the original UID.
     */
    private static VerifyContext ledger() {
        return contextWithLedger("JOHN", "MRN4417702", ORIGINAL_UID, Ledger.patientToken(PATIENT_ID, "DOE"),
                Ledger.patientToken(PATIENT_ID, "20240131"), Ledger.patientToken(PATIENT_ID, "19470522"));
    }

    private static Finding finding(String tagPath, String message, String hint) {
        return CheckHarness.finding(FingerprintMatch.INFO, FILE, tagPath, message, hint);
    }

    private List<Finding> withImageComments(String patientId, String comment) {
        Dataset ds = cleanCt();
        ds.setString(Tag.PatientID, VR.LO, patientId);
        ds.setString(Tag.ImageComments, VR.LT, comment);
        return checkFile(check, ds, ledger());
    }

    /** A UID three sequences deep, where references hide. */
    private static Dataset withReference(String uid) {
        Dataset ds = cleanCt();
        Dataset series = ds.newSequence(Tag.ReferencedSeriesSequence).addItem();
        series.setString(Tag.SeriesInstanceUID, VR.UI, "2.25.301");
        Dataset instance = series.newSequence(Tag.ReferencedInstanceSequence).addItem();
        instance.setString(Tag.ReferencedSOPClassUID, VR.UI, UID.CTImageStorage);
        instance.setString(Tag.ReferencedSOPInstanceUID, VR.UI, uid);
        return ds;
    }

    @Test
    void ruleIsCriticalAndNamedFingerprintMatch() {
        assertEquals("fingerprint-match", check.info().id());
        assertEquals(Severity.CRITICAL, check.info().severity());
    }

    @Test
    void cleanDatasetHasNoFinding() {
        assertEquals(List.of(), checkFile(check, cleanCt(), ledger()));
    }

    @Test
    void patientNameCopiedIntoImageCommentsIsFound() {
        assertEquals(List.of(finding("(0020,4000)", "ImageComments contains an original PHI token", "D**")),
                withImageComments(PATIENT_ID, "Patient DOE^JOHN, follow-up"));
        assertEquals(List.of(finding("(0020,4000)", "ImageComments contains an original PHI token", "J***")),
                withImageComments(PATIENT_ID, "called John about it"));
    }

    @Test
    void technicalCommentIsNotFound() {
        assertEquals(List.of(), withImageComments(PATIENT_ID, "Scout 2 of 3, kernel B30f, 120 kV, DOSE 4.2 mGy"));
    }

    @Test
    void shortTokenCountsOnlyInItsOwnPatientsFiles() {
        assertEquals(List.of(), withImageComments(OTHER_PATIENT, "Patient DOE, follow-up"));
        assertEquals(List.of(finding("(0020,4000)", "ImageComments contains an original PHI token", "J***")),
                withImageComments(OTHER_PATIENT, "Patient DOE^JOHN, follow-up"));
    }

    @Test
    void originalUidDeepInAReferenceIsFound() {
        // Hints are cut at 24 characters.
        assertEquals(List.of(finding("(0008,1115)[0]/(0008,114A)[0]/(0008,1155)",
                "ReferencedSOPInstanceUID holds an original UID", "1.2.8**.1*****.2.5*.3.6*")),
                checkFile(check, withReference(ORIGINAL_UID), ledger()));
    }

    @Test
    void regeneratedAndRegistryUidsInTheSamePlaceAreNotFound() {
        String mapped = Pseudonymizer.of(CheckHarness.SECRET).uid(ORIGINAL_UID);
        assertEquals(List.of(), checkFile(check, withReference(mapped), ledger()));
        assertEquals(List.of(), checkFile(check, withReference(UID.SecondaryCaptureImageStorage), ledger()));
    }

    @Test
    void originalDateOfThePatientIsFoundInDateAttributesAndInText() {
        Dataset ds = cleanCt();
        ds.setString(Tag.ContentDate, VR.DA, "20240131");
        ds.setString(Tag.ImageComments, VR.LT, "prior exam 31.01.2024");
        assertEquals(List.of(
                finding("(0008,0023)", "ContentDate holds an original date of the patient", "2*******"),
                finding("(0020,4000)", "ImageComments contains an original PHI token", "3*.0*.2***")),
                checkFile(check, ds, ledger()));
    }

    @Test
    void sameDateOfAnotherPatientIsNotFound() {
        Dataset ds = cleanCt();
        ds.setString(Tag.PatientID, VR.LO, OTHER_PATIENT);
        ds.setString(Tag.ContentDate, VR.DA, "20240131");
        ds.setString(Tag.ImageComments, VR.LT, "prior exam 31.01.2024");
        assertEquals(List.of(), checkFile(check, ds, ledger()));
        Dataset shifted = cleanCt();
        shifted.setString(Tag.ContentDate, VR.DA, "20240117");
        assertEquals(List.of(), checkFile(check, shifted, ledger()));
    }

    @Test
    void birthDateInAPrivateElementIsFound() {
        Dataset ds = cleanCt();
        ds.setString(0x00090010, VR.LO, "ACME HOSPITAL 1.0");
        ds.setBytes(0x00091001, VR.UN, "19470522".getBytes(StandardCharsets.US_ASCII));
        assertEquals(List.of(finding("(0009,1001)",
                "private element of \"ACME HOSPITAL 1.0\" contains an original PHI token", "1*******")),
                checkFile(check, ds, ledger()));
    }

    @Test
    void codedVocabularyAndDefinedTermsAreNotFingerprinted() {
        Dataset ds = cleanCt();
        Dataset code = ds.newSequence(Tag.AnatomicRegionSequence).addItem();
        code.setString(Tag.CodeValue, VR.SH, "MRN4417702");
        ds.setString(Tag.BodyPartExamined, VR.CS, "JOHN");
        assertEquals(List.of(), checkFile(check, ds, ledger()));
    }

    @Test
    void codeMeaningIsFreeTextAndIsFingerprinted() {
        Dataset ds = cleanCt();
        Dataset code = ds.newSequence(Tag.AnatomicRegionSequence).addItem();
        code.setString(Tag.CodeMeaning, VR.LO, "Thorax of John");
        assertEquals(List.of(finding("(0008,2218)[0]/(0008,0104)", "CodeMeaning contains an original PHI token",
                "J***")), checkFile(check, ds, ledger()));
    }

    @Test
    void fileOrFolderNameWithAnOriginalTokenIsFound() {
        String path = "DOE^JOHN/2024-01-31_CT/MRN4417702.dcm";
        assertEquals(List.of(CheckHarness.finding(FingerprintMatch.INFO, path, "",
                "the file or folder name 'D**^J***' contains an original PHI token", "J***")),
                checkPath(check, path, ledger()));
        assertEquals(List.of(), checkPath(check, FILE, ledger()));
    }

    @Test
    void withoutSecretOrWithTheLedgerOfAnotherSecretTheRuleDoesNotRun() {
        Dataset ds = cleanCt();
        ds.setString(Tag.ImageComments, VR.LT, "John Doe MRN4417702");
        VerifyContext noSecret = CheckHarness.context();
        assertFalse(noSecret.canFingerprint());
        assertEquals(List.of(), checkFile(check, ds, noSecret));
        assertEquals(List.of(), checkPath(check, "JOHN/MRN4417702.dcm", noSecret));

        VerifyContext withLedger = ledger();
        assertTrue(withLedger.canFingerprint());
        VerifyContext otherKey = new VerifyContext(withLedger.profile(),
                Pseudonymizer.of("another-secret-0123456789abcdef"), withLedger.ledger(), null, "2.25", false);
        assertFalse(otherKey.canFingerprint());
        assertEquals(List.of(), checkFile(check, ds, otherKey));
    }
}
