package org.dicomtools.deid.verify.checks;

import static org.dicomtools.deid.verify.CheckHarness.checkPath;
import static org.dicomtools.deid.verify.CheckHarness.context;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.dicomtools.deid.verify.CheckHarness;
import org.dicomtools.deid.verify.Finding;
import org.dicomtools.deid.verify.Severity;
import org.dicomtools.deid.verify.VerifyContext;
import org.junit.jupiter.api.Test;

class FileNamePhiTest {
    private final FileNamePhi check = new FileNamePhi();

    private static List<Finding> finding(String path, String message) {
        return List.of(CheckHarness.finding(FileNamePhi.INFO, path, "", message, ""));
    }

    private List<Finding> check(String path) {
        return checkPath(check, path, context());
    }

    @Test
    void ruleIsHighAndNamedFileNamePhi() {
        assertEquals("file-name-phi", check.info().id());
        assertEquals(Severity.HIGH, check.info().severity());
    }

    @Test
    void fileNamedAfterAMedicalRecordNumberIsFound() {
        assertEquals(finding("P4JW7YWIC637A/12345678.dcm", "the name '1*******.d**' contains a record or ID number"),
                check("P4JW7YWIC637A/12345678.dcm"));
        assertEquals(finding("4417702/IM1.dcm", "the name '4******' contains a run of 7 digits that may be an identifier"),
                check("4417702/IM1.dcm"));
    }

    @Test
    void namesOfTheDeidentifiedLayoutAreNotFound() {
        assertEquals(List.of(), check("P4JW7YWIC637A/2.25.337384748559213090314027552881066904367/"
                + "2.25.282353770063665565751462297701792408701/2.25.52637485010089087012090863414537244310.dcm"));
        assertEquals(List.of(), check("P6R2CTHECXX3B/SUYXDLBUB5MKS/EUF5OK6RPXKC7/INTNAZJYXKDVK.dcm"));
    }

    @Test
    void namesOfPatientsDatesAndPhonesAreFound() {
        assertEquals(finding("DOE^JOHN/2024-01-31_CT/DOE_JOHN_CT_001.dcm", "the name 'D**^J***' contains a person's name"),
                check("DOE^JOHN/2024-01-31_CT/DOE_JOHN_CT_001.dcm"));
        assertEquals(finding("yamada/us/19470522_echo.dcm", "the name '1*******_e***.d**' contains a date"),
                check("yamada/us/19470522_echo.dcm"));
        assertEquals(finding("CT/2024-01-31/IM1", "the name '2***-0*-3*' contains a date"), check("CT/2024-01-31/IM1"));
        assertEquals(finding("call 555-201-7788.txt", "the name 'c*** 5**-2**-7***.t**' contains a phone number"),
                check("call 555-201-7788.txt"));
    }

    @Test
    void technicalNamesAreNotFound() {
        assertEquals(List.of(), check("CT/series1/IM1.dcm"));
        assertEquals(List.of(), check("DICOMDIR"));
        assertEquals(List.of(), check("T1_MPRAGE_SAG/IM0001.dcm"));
        assertEquals(List.of(), check("MR 1/IM2"));
    }

    @Test
    void uidNamesUnderTheConfiguredRootAreNotFound() {
        // Regression: a profile's uid-root is a de-identification root too, yet names under it were
        // runs of digits.
        VerifyContext rooted = new VerifyContext(CheckHarness.basic(), null, null, null, "1.2.826.0.1.3680043.10.543",
                false);
        String path = "P4JW7YWIC637A/1.2.826.0.1.3680043.10.543.2024/1.2.826.0.1.3680043.10.543.2024.7.dcm";
        assertEquals(List.of(), checkPath(check, path, rooted));
        assertEquals(finding(path, "the name '1.2.8**.0.1.3******.1*.5' contains a run of 7 digits that may be an"
                + " identifier"), checkPath(check, path, context()));
    }
}
