package org.dicomtools.deid.verify.checks;

import static org.dicomtools.deid.verify.CheckHarness.FILE;
import static org.dicomtools.deid.verify.CheckHarness.checkFile;
import static org.dicomtools.deid.verify.CheckHarness.cleanCt;
import static org.dicomtools.deid.verify.CheckHarness.context;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.dicomtools.deid.dicom.Dataset;
import org.dicomtools.deid.dicom.VR;
import org.dicomtools.deid.dicom.dict.Tag;
import org.dicomtools.deid.engine.Dummies;
import org.dicomtools.deid.engine.Pseudonymizer;
import org.dicomtools.deid.profile.Profile;
import org.dicomtools.deid.verify.CheckHarness;
import org.dicomtools.deid.verify.Finding;
import org.dicomtools.deid.verify.Hints;
import org.dicomtools.deid.verify.Severity;
import org.dicomtools.deid.verify.VerifyContext;
import org.junit.jupiter.api.Test;

class RetainedPhiAttributeTest {
    private final RetainedPhiAttribute check = new RetainedPhiAttribute();

    private static Finding finding(String tagPath, String message, String hint) {
        return CheckHarness.finding(RetainedPhiAttribute.INFO, FILE, tagPath, message, hint);
    }

    private List<Finding> withPatientName(String name) {
        Dataset ds = cleanCt();
        ds.setString(Tag.PatientName, VR.PN, name);
        return checkFile(check, ds, context());
    }

    @Test
    void ruleIsHighAndNamedRetainedPhiAttribute() {
        assertEquals("retained-phi-attribute", check.info().id());
        assertEquals(Severity.HIGH, check.info().severity());
    }

    @Test
    void cleanDatasetHasNoFinding() {
        assertEquals(List.of(), checkFile(check, cleanCt(), context()));
    }

    @Test
    void realPatientNameIsFoundWithAMaskedHint() {
        assertEquals(List.of(finding("(0010,0010)",
                "PatientName holds a value although the profile empties it (Z)", "D**^J***")),
                withPatientName("DOE^JOHN"));
    }

    @Test
    void dummyEmptyAndPlaceholderNamesAreNotFound() {
        assertEquals(List.of(), withPatientName("ANON^K4ZQ2MXA"));
        assertEquals(List.of(), withPatientName(""));
        assertEquals(List.of(), withPatientName("ANONYMOUS"));
        assertEquals(List.of(), withPatientName("anonymized"));
    }

    @Test
    void valueInAnItemOfAKeptSequenceIsFoundWithItsPath() {
        Dataset ds = cleanCt();
        Dataset series = ds.newSequence(Tag.ReferencedSeriesSequence).addItem();
        series.setString(Tag.SeriesInstanceUID, VR.UI, "2.25.301");
        series.setString(Tag.PatientName, VR.PN, "DOE^JOHN");
        assertEquals(List.of(finding("(0008,1115)[0]/(0010,0010)",
                "PatientName holds a value although the profile empties it (Z)", "D**^J***")),
                checkFile(check, ds, context()));
    }

    @Test
    void removedSequenceWithItemsIsFoundAndEmptyOneIsNot() {
        Dataset ds = cleanCt();
        ds.newSequence(Tag.OtherPatientIDsSequence).addItem().setString(Tag.PatientID, VR.LO, "ANONK4ZQ2MXA");
        assertEquals(List.of(finding("(0010,1002)",
                "OtherPatientIDsSequence is a sequence the profile removes (X) but it holds 1 item(s)", "")),
                checkFile(check, ds, context()));
        ds.newSequence(Tag.OtherPatientIDsSequence);
        assertEquals(List.of(), checkFile(check, ds, context()));
    }

    @Test
    void removedBinaryValueIsFoundByItsLength() {
        Dataset ds = cleanCt();
        ds.setBytes(0x60003000, VR.OW, new byte[8]);
        assertEquals(List.of(finding("(6000,3000)",
                "OverlayData holds 8 bytes although the profile removes it (X)", "")),
                checkFile(check, ds, context()));
    }

    @Test
    void dummyOfAReplacedAttributeIsNotFound() {
        Dataset ds = cleanCt();
        Dummies dummies = new Dummies(Pseudonymizer.of(CheckHarness.SECRET));
        ds.setString(Tag.OperatorsName, VR.PN, dummies.text(VR.PN, "SMITH^ANNA"));
        ds.setString(Tag.StationName, VR.SH, dummies.text(VR.SH, "CT01-SPRINGFIELD"));
        ds.setString(Tag.ContentDate, VR.DA, dummies.text(VR.DA, "20240131"));
        assertEquals(List.of(), checkFile(check, ds, context()));
    }

    @Test
    void realNameInAReplacedAttributeIsFoundEvenWhenItsPartsLookLikeBase32() {
        // Regression: JOHNSON and ROBERT are runs of A-Z, which the check took for base32 pseudonyms.
        Dataset ds = cleanCt();
        ds.setString(Tag.OperatorsName, VR.PN, "JOHNSON^ROBERT");
        ds.setString(Tag.StationName, VR.SH, "RADIOLOGY");
        assertEquals(List.of(
                finding("(0008,1010)", "StationName holds a value although the profile replaces it (X/Z/D)",
                        "R********"),
                finding("(0008,1070)", "OperatorsName holds a value although the profile replaces it (X/Z/D)",
                        "J******^R*****")),
                checkFile(check, ds, context()));
    }

    @Test
    void medicalRecordNumberInPatientIdIsFoundButPseudonymsAreNot() {
        // Regression: an all-digit MRN of 8 or more digits passed as a hexadecimal pseudonym.
        for (String mrn : List.of("12345678", "4417702", "MRN4417702")) {
            Dataset ds = cleanCt();
            ds.setString(Tag.PatientID, VR.LO, mrn);
            assertEquals(List.of(finding("(0010,0020)",
                    "PatientID holds a value although the profile replaces it (Z/D)", Hints.mask(mrn))),
                    checkFile(check, ds, context()), mrn);
        }
        Pseudonymizer keys = Pseudonymizer.of(CheckHarness.SECRET);
        for (String pseudonym : List.of(CheckHarness.PATIENT_ID, keys.token("pseudonym:PatientID", "4417702", 16),
                "3f2a9c0d5e7b1a64c0ffee0123456789")) {
            Dataset ds = cleanCt();
            ds.setString(Tag.PatientID, VR.LO, pseudonym);
            assertEquals(List.of(), checkFile(check, ds, context()), pseudonym);
        }
    }

    @Test
    void researchPseudonymsFollowTheProfileTemplatesAndRealValuesDoNot() throws Exception {
        VerifyContext research = context(Profile.builtin("research"));
        Pseudonymizer keys = Pseudonymizer.of(CheckHarness.SECRET);
        String patientId = "PAT" + keys.token("pseudonym:PatientID", "MRN4417702", 12);
        Dataset ds = cleanCt();
        ds.setString(Tag.PatientID, VR.LO, patientId);
        ds.setString(Tag.PatientName, VR.PN, patientId);
        ds.setString(Tag.AccessionNumber, VR.SH, "ACC" + keys.token("pseudonym:AccessionNumber", "A1", 12));
        assertEquals(List.of(), checkFile(check, ds, research));

        ds.setString(Tag.PatientName, VR.PN, "DOE^JOHN");
        ds.setString(Tag.AccessionNumber, VR.SH, "ACC-20240131-7");
        assertEquals(List.of(
                finding("(0008,0050)", "AccessionNumber holds a value although the profile replaces it (hash)",
                        "A**-2*******-7"),
                finding("(0010,0010)", "PatientName holds a value although the profile replaces it (replace)",
                        "D**^J***")),
                checkFile(check, ds, research));
    }

    @Test
    void dummyConfiguredByTheProfileIsNotFound() throws Exception {
        // Regression: deidentify writes a profile's dummy.<VR> setting for action D, verify took it for data.
        VerifyContext configured = context(Profile.parse("profile configured\nextends basic\nset dummy.SH CURATED\n",
                "configured.profile"));
        Dataset ds = cleanCt();
        ds.setString(Tag.StationName, VR.SH, "CURATED");
        assertEquals(List.of(), checkFile(check, ds, configured));
        ds.setString(Tag.StationName, VR.SH, "RADIOLOGY");
        assertEquals(List.of(finding("(0008,1010)",
                "StationName holds a value although the profile replaces it (X/Z/D)", "R********")),
                checkFile(check, ds, configured));
    }

    @Test
    void privateElementsAndUidsAreLeftToTheirOwnRules() {
        Dataset ds = cleanCt();
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.840.113619.2.55.3.1");
        ds.setString(0x00090010, VR.LO, "ACME 1.0");
        ds.setString(0x00091001, VR.PN, "DOE^JOHN");
        assertEquals(List.of(), checkFile(check, ds, context()));
    }
}
