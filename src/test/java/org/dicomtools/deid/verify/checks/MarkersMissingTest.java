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
import org.dicomtools.deid.verify.CheckHarness;
import org.dicomtools.deid.verify.Finding;
import org.dicomtools.deid.verify.Severity;
import org.junit.jupiter.api.Test;

class MarkersMissingTest {
    private static final String BOTH = "missing PatientIdentityRemoved=YES and DeidentificationMethod or"
            + " DeidentificationMethodCodeSequence";
    private static final String METHOD = "missing DeidentificationMethod or DeidentificationMethodCodeSequence";

    private final MarkersMissing check = new MarkersMissing();

    private static List<Finding> finding(String message) {
        return List.of(CheckHarness.finding(MarkersMissing.INFO, FILE, "", message, ""));
    }

    private static Dataset unmarked() {
        Dataset ds = cleanCt();
        ds.remove(Tag.PatientIdentityRemoved);
        ds.remove(Tag.DeidentificationMethod);
        return ds;
    }

    private static void addBasicProfileCode(Dataset ds) {
        Dataset code = ds.newSequence(Tag.DeidentificationMethodCodeSequence).addItem();
        code.setString(Tag.CodeValue, VR.SH, "113100");
        code.setString(Tag.CodingSchemeDesignator, VR.SH, "DCM");
        code.setString(Tag.CodeMeaning, VR.LO, "Basic Application Confidentiality Profile");
    }

    @Test
    void ruleIsMediumAndNamedDeidMarkersMissing() {
        assertEquals("deid-markers-missing", check.info().id());
        assertEquals(Severity.MEDIUM, check.info().severity());
    }

    @Test
    void fileWithoutMarkersIsFound() {
        assertEquals(finding(BOTH), checkFile(check, unmarked(), context()));
    }

    @Test
    void markersPresentAreNotFound() {
        assertEquals(List.of(), checkFile(check, cleanCt(), context()));
        Dataset codesOnly = unmarked();
        codesOnly.setString(Tag.PatientIdentityRemoved, VR.CS, "YES");
        addBasicProfileCode(codesOnly);
        assertEquals(List.of(), checkFile(check, codesOnly, context()));
    }

    @Test
    void identityRemovedWithoutAMethodIsFound() {
        Dataset ds = unmarked();
        ds.setString(Tag.PatientIdentityRemoved, VR.CS, "YES");
        assertEquals(finding(METHOD), checkFile(check, ds, context()));
        ds.newSequence(Tag.DeidentificationMethodCodeSequence);
        assertEquals(finding(METHOD), checkFile(check, ds, context()));
    }

    @Test
    void methodWithoutIdentityRemovedIsFound() {
        Dataset ds = unmarked();
        ds.setString(Tag.DeidentificationMethod, VR.LO, "PS3.15 Basic Profile");
        ds.setString(Tag.PatientIdentityRemoved, VR.CS);
        assertEquals(finding("missing PatientIdentityRemoved=YES"), checkFile(check, ds, context()));
    }

    @Test
    void identityRemovedNoWithAMethodIsLeftToBurnedInRisk() {
        // deidentify writes NO for an image whose pixels wait for review; burned-in-risk reports it.
        Dataset ds = cleanCt();
        ds.setString(Tag.PatientIdentityRemoved, VR.CS, "NO");
        assertEquals(List.of(), checkFile(check, ds, context()));
        ds.remove(Tag.DeidentificationMethod);
        assertEquals(finding(BOTH), checkFile(check, ds, context()));
    }

    @Test
    void markersInsideASequenceItemDoNotCount() {
        Dataset ds = unmarked();
        Dataset item = ds.newSequence(Tag.ReferencedSeriesSequence).addItem();
        item.setString(Tag.PatientIdentityRemoved, VR.CS, "YES");
        item.setString(Tag.DeidentificationMethod, VR.LO, "PS3.15 Basic Profile");
        assertEquals(finding(BOTH), checkFile(check, ds, context()));
    }
}
