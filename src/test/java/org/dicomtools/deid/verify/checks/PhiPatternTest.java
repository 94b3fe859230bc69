package org.dicomtools.deid.verify.checks;

import static org.dicomtools.deid.verify.CheckHarness.FILE;
import static org.dicomtools.deid.verify.CheckHarness.checkFile;
import static org.dicomtools.deid.verify.CheckHarness.cleanCt;
import static org.dicomtools.deid.verify.CheckHarness.context;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.dicomtools.deid.dicom.Dataset;
import org.dicomtools.deid.dicom.DicomFile;
import org.dicomtools.deid.dicom.TransferSyntax;
import org.dicomtools.deid.dicom.VR;
import org.dicomtools.deid.dicom.dict.Tag;
import org.dicomtools.deid.verify.CheckHarness;
import org.dicomtools.deid.verify.Finding;
import org.dicomtools.deid.verify.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhiPatternTest {
    private static final int CREATOR = 0x00090010;
    private static final int PRIVATE = 0x00091001;

    private final PhiPattern check = new PhiPattern();

    @TempDir
    Path temp;

    private static Finding finding(String tagPath, String message, String hint) {
        return CheckHarness.finding(PhiPattern.INFO, FILE, tagPath, message, hint);
    }

    private List<Finding> withImageComments(String comment) {
        Dataset ds = cleanCt();
        ds.setString(Tag.ImageComments, VR.LT, comment);
        return checkFile(check, ds, context());
    }

    /** The findings in a file written in Implicit VR Little Endian, where private elements read back as UN. */
    private List<Finding> implicitVrFile(Dataset ds) throws Exception {
        Path file = CheckHarness.write(temp, FILE, ds, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        try (DicomFile f = CheckHarness.read(file)) {
            assertEquals(VR.UN, f.dataset().get(PRIVATE).vr());
            return checkFile(check, FILE, f, context());
        }
    }

    @Test
    void ruleIsHighAndNamedPhiPattern() {
        assertEquals("phi-pattern", check.info().id());
        assertEquals(Severity.HIGH, check.info().severity());
    }

    @Test
    void cleanDatasetHasNoFinding() {
        assertEquals(List.of(), checkFile(check, cleanCt(), context()));
    }

    @Test
    void patientNameCopiedIntoImageCommentsIsFoundByItsCaretShape() {
        assertEquals(List.of(finding("(0020,4000)", "ImageComments contains text that looks like a person's name",
                "D**^J***")), withImageComments("DOE^JOHN"));
    }

    @Test
    void technicalCommentIsNotFound() {
        assertEquals(List.of(), withImageComments("Scout 2 of 3, kernel B30f, 120 kV, 0.625 mm"));
        assertEquals(List.of(), withImageComments("SE 4 IM 12 T1_MPRAGE_SAG"));
    }

    @Test
    void severalKindsInOneValueAreOneFindingNamingTheFirst() {
        assertEquals(List.of(finding("(0020,4000)",
                "ImageComments contains text that looks like a date (and 1 more)", "3*/0*/2***")),
                withImageComments("seen 31/01/2024, call 555-201-7788"));
    }

    @Test
    void textDeepInASequenceIsFoundWithItsPath() {
        Dataset ds = cleanCt();
        Dataset item = ds.newSequence(Tag.ContentSequence).addItem();
        item.setString(Tag.ValueType, VR.CS, "TEXT");
        item.newSequence(Tag.ContentSequence).addItem().setString(Tag.TextValue, VR.UT,
                "Contact: jane.roe@example.org");
        assertEquals(List.of(finding("(0040,A730)[0]/(0040,A730)[0]/(0040,A160)",
                "TextValue contains text that looks like an e-mail address", "j***.r**@e******.o**")),
                checkFile(check, ds, context()));
    }

    @Test
    void birthDateInAPrivateElementOfAnUnknownCreatorIsFoundInItsUnBytes() throws Exception {
        Dataset ds = cleanCt();
        ds.setString(CREATOR, VR.LO, "ACME HOSPITAL 1.0");
        ds.setString(PRIVATE, VR.LO, "19470522");
        assertEquals(List.of(finding("(0009,1001)",
                "private element of \"ACME HOSPITAL 1.0\" contains text that looks like a date", "1*******")),
                implicitVrFile(ds));
    }

    @Test
    void binaryAndTechnicalPrivateValuesAreNotFound() throws Exception {
        Dataset ds = cleanCt();
        ds.setString(CREATOR, VR.LO, "ACME HOSPITAL 1.0");
        ByteBuffer floats = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        floats.putFloat(1.5f).putFloat(-2.25f).putFloat(1947.0522f).putFloat(0.001f);
        ds.setBytes(PRIVATE, VR.OB, floats.array());
        assertEquals(List.of(), implicitVrFile(ds));
        ds.setString(PRIVATE, VR.LO, "HFS\\AXIAL\\2.5");
        assertEquals(List.of(), implicitVrFile(ds));
    }

    @Test
    void ageOverEightyNineIsFoundAndYoungerAgesAreNot() {
        Dataset ds = cleanCt();
        ds.setString(Tag.PatientAge, VR.AS, "095Y");
        assertEquals(List.of(finding("(0010,1010)", "PatientAge is an age over 89", "0***")),
                checkFile(check, ds, context()));
        ds.setString(Tag.PatientAge, VR.AS, "089Y");
        assertEquals(List.of(), checkFile(check, ds, context()));
    }

    @Test
    void dummiesAndStructuredValuesAreNotScanned() {
        Dataset ds = cleanCt();
        ds.setString(Tag.StationName, VR.SH, "ANONK4ZQ2MXA");
        ds.setString(Tag.ContentDate, VR.DA, "20240131");
        ds.setString(Tag.SliceLocation, VR.DS, "19470522");
        assertEquals(List.of(), checkFile(check, ds, context()));
    }

    @Test
    void pixelDataThatHappensToSpellDigitsIsNotText() {
        // Regression: a small native image is an inline OB value; a dark image with a grey ramp
        // read as text holds runs of digits, which looked like record numbers.
        Dataset ds = cleanCt();
        ds.setInts(Tag.Rows, VR.US, 32);
        ds.setInts(Tag.Columns, VR.US, 32);
        byte[] pixels = new byte[32 * 32];
        for (int i = 0; i < 10; i++) {
            pixels[32 * 16 + i] = (byte) ('0' + i);
        }
        ds.setBytes(Tag.PixelData, VR.OB, pixels);
        assertEquals(List.of(), checkFile(check, ds, context()));
    }

    @Test
    void codingSchemeDescriptionsAreNotPatientText() {
        // Regression: the organisation responsible for a coding scheme has a street address.
        Dataset ds = cleanCt();
        Dataset scheme = ds.newSequence(Tag.CodingSchemeIdentificationSequence).addItem();
        scheme.setString(Tag.CodingSchemeDesignator, VR.SH, "DCM");
        scheme.setString(Tag.CodingSchemeName, VR.ST, "DICOM Controlled Terminology");
        scheme.setString(Tag.CodingSchemeResponsibleOrganization, VR.ST,
                "Kuratorium OFFIS e.V., Escherweg 2, 26121 Oldenburg, Germany");
        assertEquals(List.of(), checkFile(check, ds, context()));
        ds.setString(Tag.InstitutionAddress, VR.ST, "12 Harbour Street, Springfield");
        assertEquals(List.of(finding("(0008,0081)",
                "InstitutionAddress contains text that looks like a street address", "1* H****** S*****")),
                checkFile(check, ds, context()));
    }

    @Test
    void privateCreatorNamesAreNotScanned() {
        Dataset ds = cleanCt();
        ds.setString(CREATOR, VR.LO, "SMITH^JOHN 2024-01-31");
        assertEquals(List.of(), checkFile(check, ds, context()));
    }

    @Test
    void textIsDecodedWithTheFileCharacterSet() {
        // UTF-8 read as Latin-1 would make the street name 12 characters long, and the hint show it.
        Dataset ds = cleanCt();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        ds.setBytes(Tag.ImageComments, VR.LT, "Hauptstra\u00dfe 5, 10115 Berlin".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(finding("(0020,4000)",
                "ImageComments contains text that looks like a street address (and 1 more)", "H********** 5")),
                checkFile(check, ds, context()));
    }
}
