package org.dicomtools.deid.verify.checks;

import static org.dicomtools.deid.verify.CheckHarness.checkDataset;
import static org.dicomtools.deid.verify.CheckHarness.context;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.dicomtools.deid.verify.CheckHarness;
import org.dicomtools.deid.verify.FileFacts;
import org.dicomtools.deid.verify.Finding;
import org.dicomtools.deid.verify.Severity;
import org.junit.jupiter.api.Test;

class InconsistentPatientTest {
    private static final String PATIENT = "K4ZQ2MXAB7C3D5EF";

    private final InconsistentPatient check = new InconsistentPatient();

    private static FileFacts file(String path, String patientId, String birthDate, String sex) {
        return new FileFacts(path, patientId, birthDate, sex, "2.25.1", "2.25.2", "2.25." + path.length(), List.of());
    }

    private static Finding finding(String file, String message, String hint) {
        return CheckHarness.finding(InconsistentPatient.INFO, file, "(0010,0020)", message, hint);
    }

    @Test
    void ruleIsMediumAndNamedInconsistentPatient() {
        assertEquals("inconsistent-patient", check.info().id());
        assertEquals(Severity.MEDIUM, check.info().severity());
    }

    @Test
    void severalBirthDatesOfOnePseudonymousPatientAreOneFindingWhereTheyFirstDisagree() {
        // Regression: the message named the Patient ID, the real one on a dataset that is not
        // de-identified; it is in the masked hint now.
        assertEquals(List.of(finding("b/3.dcm",
                "the patient of this file has 3 birth date(s) and 1 sex value(s) across the dataset",
                "K***************")),
                checkDataset(check, List.of(file("a/0.dcm", PATIENT, "", ""), file("a/1.dcm", PATIENT, "19000312", "F"),
                        file("a/2.dcm", PATIENT, "19000312", "F"), file("b/3.dcm", PATIENT, "19000313", "F"),
                        file("b/4.dcm", PATIENT, "19000314", "F")),
                        context()));
    }

    @Test
    void twoSexesOfOnePatientAreFound() {
        assertEquals(List.of(finding("a/2.dcm",
                "the patient of this file has 1 birth date(s) and 2 sex value(s) across the dataset",
                "K***************")),
                checkDataset(check, List.of(file("a/1.dcm", PATIENT, "19000312", "F"),
                        file("a/2.dcm", PATIENT, "19000312", "M")), context()));
    }

    @Test
    void consistentPatientsAndMissingValuesAreNotFound() {
        assertEquals(List.of(), checkDataset(check, List.of(file("a/1.dcm", PATIENT, "19000312", "F"),
                file("a/2.dcm", PATIENT, "", ""), file("a/3.dcm", PATIENT, "19000312", "F"),
                file("b/1.dcm", "ZZZZZZZZ22222222", "19000313", "M"), file("c/1.dcm", "", "19000101", "O")),
                context()));
    }

    @Test
    void eachInconsistentPatientIsOneFinding() {
        assertEquals(List.of(
                finding("a/2.dcm", "the patient of this file has 2 birth date(s) and 1 sex value(s) across the dataset",
                        "K***************"),
                finding("b/2.dcm", "the patient of this file has 0 birth date(s) and 2 sex value(s) across the dataset",
                        "Z***************")),
                checkDataset(check, List.of(file("a/1.dcm", PATIENT, "19000312", "F"),
                        file("a/2.dcm", PATIENT, "19000313", "F"), file("b/1.dcm", "ZZZZZZZZ22222222", "", "M"),
                        file("b/2.dcm", "ZZZZZZZZ22222222", "", "F")), context()));
    }
}
