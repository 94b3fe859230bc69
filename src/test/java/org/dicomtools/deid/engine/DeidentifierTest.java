package org.dicomtools.deid.engine;

import static org.dicomtools.deid.engine.EngineFixtures.PATIENT_ID;
import static org.dicomtools.deid.engine.EngineFixtures.STUDY_UID;
import static org.dicomtools.deid.engine.EngineFixtures.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dicomtools.deid.dicom.Dataset;
import org.dicomtools.deid.dicom.DicomElement;
import org.dicomtools.deid.dicom.Implementation;
import org.dicomtools.deid.dicom.Tags;
import org.dicomtools.deid.dicom.VR;
import org.dicomtools.deid.dicom.dict.Tag;
import org.dicomtools.deid.profile.Option;
import org.dicomtools.deid.profile.Profile;
import org.junit.jupiter.api.Test;

class DeidentifierTest {
    private static final Pseudonymizer KEYS = EngineFixtures.keys();
    private static final Dummies DUMMIES = new Dummies(KEYS);
    private static final String PATIENT_KEY = "id\0\0" + PATIENT_ID;
    private static final int OFFSET = KEYS.dateShiftDays(PATIENT_KEY, 365);

    /** One attribute per VR family, with the value it starts with. */
    private static final int[] FAMILY = {Tag.PatientName, Tag.ManufacturerModelName, Tag.StationName,
        Tag.ImageComments, Tag.InstitutionAddress, Tag.TextValue, Tag.StudyDate, Tag.AcquisitionDateTime,
        Tag.StudyTime, Tag.PatientAge, Tag.StudyInstanceUID, Tag.PatientSex, Tag.PatientWeight, Tag.InstanceNumber,
        Tag.EncapsulatedDocument, Tag.RedPaletteColorLookupTableData, Tag.Rows, Tag.RequestAttributesSequence};

    private static Dataset families() {
        Dataset ds = new Dataset();
        ds.setString(Tag.PatientID, VR.LO, PATIENT_ID);
        ds.setString(Tag.PatientName, VR.PN, "DOE^JOHN");
        ds.setString(Tag.ManufacturerModelName, VR.LO, "LightSpeed VCT");
        ds.setString(Tag.StationName, VR.SH, "CTSCAN07");
        ds.setString(Tag.ImageComments, VR.LT, "Scanned after contrast");
        ds.setString(Tag.InstitutionAddress, VR.ST, "1 Main Street, Springfield");
        ds.setString(Tag.TextValue, VR.UT, "Free text of a report");
        ds.setString(Tag.StudyDate, VR.DA, "20240115");
        ds.setString(Tag.AcquisitionDateTime, VR.DT, "20240115101112.5+0100");
        ds.setString(Tag.StudyTime, VR.TM, "101112");
        ds.setString(Tag.PatientAge, VR.AS, "095Y");
        ds.setString(Tag.StudyInstanceUID, VR.UI, STUDY_UID);
        ds.setString(Tag.PatientSex, VR.CS, "M");
        ds.setString(Tag.PatientWeight, VR.DS, "72.5");
        ds.setString(Tag.InstanceNumber, VR.IS, "7");
        ds.setBytes(Tag.EncapsulatedDocument, VR.OB, new byte[] {1, 2, 3, 4});
        ds.setBytes(Tag.RedPaletteColorLookupTableData, VR.OW, new byte[] {5, 6, 7, 8});
        ds.setInts(Tag.Rows, VR.US, 512);
        Dataset request = ds.newSequence(Tag.RequestAttributesSequence).addItem();
        request.setString(Tag.RequestedProcedureID, VR.SH, "RP123");
        request.setString(Tag.RequestedProcedureDescription, VR.LO, "CT CHEST DOE");
        return ds;
    }

    /** Applies {@code action} to every attribute of {@link #FAMILY} (PatientID is kept). */
    private static Dataset applyToFamilies(String action, String... moreRules) throws Exception {
        StringBuilder rules = new StringBuilder();
        for (int tag : FAMILY) {
            rules.append(Tags.toString(tag)).append(' ').append(action).append('\n');
        }
        rules.append(String.join("\n", moreRules));
        Dataset ds = families();
        deidentify(EngineFixtures.rules(rules.toString()), ds);
        return ds;
    }

    private static FileRecord deidentify(Profile profile, Dataset ds) {
        FileRecord record = new FileRecord(false);
        new Deidentifier(profile, KEYS).apply(ds, null, null, record);
        return record;
    }

    /** An element as text: absent, its item count, its text values joined, or its bytes in hex. */
    private static String show(Dataset ds, int tag) throws IOException {
        DicomElement e = ds.get(tag);
        if (e == null) {
            return "absent";
        }
        if (e.isSequence()) {
            return e.sequence().size() + " item(s)";
        }
        if (e.vr().isText()) {
            return e.vr() + " " + String.join("\\", ds.strings(e));
        }
        return e.vr() + " 0x" + HexFormat.of().formatHex(e.bytes(Integer.MAX_VALUE));
    }

    private static Map<String, String> expected(String... vrAndValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < FAMILY.length; i++) {
            m.put(Tags.toString(FAMILY[i]), vrAndValues[i]);
        }
        return m;
    }

    private static void assertFamilies(Map<String, String> expected, Dataset ds) throws IOException {
        Map<String, String> actual = new LinkedHashMap<>();
        for (int tag : FAMILY) {
            actual.put(Tags.toString(tag), show(ds, tag));
        }
        assertEquals(expected, actual);
    }

    private static String dummy(VR vr, String original) {
        return "ANON" + KEYS.token("dummy", vr.name() + "\0" + original, 8);
    }

    private static String pseudonym(String keyword, String value, int n) {
        return KEYS.token("pseudonym:" + keyword, value, n);
    }

    private static String shifted(String yyyymmdd, int days) {
        return LocalDate.parse(yyyymmdd, DateTimeFormatter.BASIC_ISO_DATE).plusDays(days)
                .format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    // ------------------------------------------------------------------ actions per VR family

    @Test
    void removeDeletesEveryVrFamily() throws Exception {
        Dataset ds = applyToFamilies("X");
        assertFamilies(expected("absent", "absent", "absent", "absent", "absent", "absent", "absent", "absent",
                "absent", "absent", "absent", "absent", "absent", "absent", "absent", "absent", "absent",
                "absent"), ds);
        assertEquals(PATIENT_ID, ds.getString(Tag.PatientID));
    }

    @Test
    void zeroEmptiesEveryVrFamilyAndASequenceLosesItsItems() throws Exception {
        Dataset ds = applyToFamilies("Z");
        assertFamilies(expected("PN ", "LO ", "SH ", "LT ", "ST ", "UT ", "DA ", "DT ", "TM ", "AS ", "UI ", "CS ",
                "DS ", "IS ", "OB 0x", "OW 0x", "US 0x", "0 item(s)"), ds);
    }

    @Test
    void keepLeavesEveryVrFamilyAsItWas() throws Exception {
        Dataset ds = applyToFamilies("K");
        assertFamilies(expected("PN DOE^JOHN", "LO LightSpeed VCT", "SH CTSCAN07", "LT Scanned after contrast",
                "ST 1 Main Street, Springfield", "UT Free text of a report", "DA 20240115",
                "DT 20240115101112.5+0100", "TM 101112", "AS 095Y", "UI " + STUDY_UID, "CS M", "DS 72.5", "IS 7",
                "OB 0x01020304", "OW 0x05060708", "US 0x0002", "1 item(s)"), ds);
        assertEquals("RP123", item(ds, Tag.RequestAttributesSequence, 0).getString(Tag.RequestedProcedureID));
    }

    @Test
    void dummyWritesKeyedVrValidValuesAndDummiesTheTextOfASequence() throws Exception {
        Dataset ds = applyToFamilies("D");
        assertFamilies(expected("PN ANON^" + KEYS.token("dummy", "PN\0DOE^JOHN", 8),
                "LO " + dummy(VR.LO, "LightSpeed VCT"), "SH " + dummy(VR.SH, "CTSCAN07"),
                "LT " + dummy(VR.LT, "Scanned after contrast"), "ST " + dummy(VR.ST, "1 Main Street, Springfield"),
                "UT " + dummy(VR.UT, "Free text of a report"), "DA " + DUMMIES.text(VR.DA, "20240115"),
                "DT " + DUMMIES.text(VR.DT, "20240115101112.5+0100"), "TM " + DUMMIES.text(VR.TM, "101112"),
                "AS 000D", "UI " + KEYS.uid(STUDY_UID), "CS " + dummy(VR.CS, "M"), "DS 0", "IS 0",
                "OB 0x00000000", "OW 0x00000000", "US 0x0000", "1 item(s)"), ds);
        assertTrue(ds.getString(Tag.StudyDate).matches("1900(0[1-9]|1[0-2])\\d\\d"), ds.getString(Tag.StudyDate));
        assertTrue(ds.getString(Tag.AcquisitionDateTime).matches("1900\\d{10}"));
        Dataset request = item(ds, Tag.RequestAttributesSequence, 0);
        // Inside a dummied sequence an identifier gets its pseudonym and other text a dummy.
        assertEquals(pseudonym("RequestedProcedureID", "RP123", 16), request.getString(Tag.RequestedProcedureID));
        assertEquals(dummy(VR.LO, "CT CHEST DOE"), request.getString(Tag.RequestedProcedureDescription));
    }

    @Test
    void dummyOfAnIdentifierIsItsKeyedPseudonym() throws Exception {
        Dataset ds = families();
        deidentify(EngineFixtures.rules("PatientID D"), ds);
        assertEquals(pseudonym("PatientID", PATIENT_ID, 16), ds.getString(Tag.PatientID));
    }

    @Test
    void hashWritesTheKeyedPseudonymValidForEachVr() throws Exception {
        Dataset ds = applyToFamilies("hash");
        assertFamilies(expected("PN ANON^" + pseudonym("PatientName", "DOE^JOHN", 8),
                "LO " + pseudonym("ManufacturerModelName", "LightSpeed VCT", 16),
                "SH " + pseudonym("StationName", "CTSCAN07", 16),
                "LT " + pseudonym("ImageComments", "Scanned after contrast", 16),
                "ST " + pseudonym("InstitutionAddress", "1 Main Street, Springfield", 16),
                "UT " + pseudonym("TextValue", "Free text of a report", 16), "DA " + DUMMIES.text(VR.DA, "20240115"),
                "DT " + DUMMIES.text(VR.DT, "20240115101112.5+0100"), "TM " + DUMMIES.text(VR.TM, "101112"),
                "AS 000D", "UI " + KEYS.uid(STUDY_UID), "CS " + pseudonym("PatientSex", "M", 16), "DS 0", "IS 0",
                "OB 0x00000000", "OW 0x00000000", "US 0x0000", "1 item(s)"), ds);
    }

    @Test
    void hashUsesThePseudonymFormatOfTheAttribute() throws Exception {
        Dataset ds = families();
        deidentify(EngineFixtures.rules("set pseudonym.PatientID PAT{hash:12}", "PatientID hash"), ds);
        assertEquals("PAT" + pseudonym("PatientID", PATIENT_ID, 12), ds.getString(Tag.PatientID));
        assertEquals(15, ds.getString(Tag.PatientID).length());
    }

    @Test
    void replaceExpandsHashOfTheOwnValueAndPseudonymOfAnotherAttribute() throws Exception {
        Dataset ds = families();
        deidentify(EngineFixtures.rules("set pseudonym.PatientID PAT{hash:12}", "PatientID hash",
                "PatientName replace \"{pseudonym:PatientID}\"", "StationName replace \"ST-{hash:6}\"",
                "ManufacturerModelName replace \"MODEL {hash:4}-{hash:10}\""), ds);
        String patientPseudonym = "PAT" + pseudonym("PatientID", PATIENT_ID, 12);
        assertEquals(patientPseudonym, ds.getString(Tag.PatientID));
        assertEquals(patientPseudonym, ds.getString(Tag.PatientName), "the name is the pseudonymous ID");
        assertEquals("ST-" + pseudonym("StationName", "CTSCAN07", 6), ds.getString(Tag.StationName));
        assertEquals("MODEL " + pseudonym("ManufacturerModelName", "LightSpeed VCT", 4) + "-"
                + pseudonym("ManufacturerModelName", "LightSpeed VCT", 10), ds.getString(Tag.ManufacturerModelName));
    }

    @Test
    void replaceIsCutToTheMaximumLengthOfTheVr() throws Exception {
        Dataset ds = families();
        deidentify(EngineFixtures.rules("StationName replace \"STATION-{hash:32}\""), ds);
        assertEquals(("STATION-" + pseudonym("StationName", "CTSCAN07", 32)).substring(0, 16),
                ds.getString(Tag.StationName));
    }

    @Test
    void uidMapsUidsAndEmptiesOtherVrs() throws Exception {
        Dataset ds = applyToFamilies("U");
        assertFamilies(expected("PN ", "LO ", "SH ", "LT ", "ST ", "UT ", "DA ", "DT ", "TM ", "AS ",
                "UI " + KEYS.uid(STUDY_UID), "CS ", "DS ", "IS ", "OB 0x", "OW 0x", "US 0x", "1 item(s)"), ds);
    }

    @Test
    void shiftMovesDatesByThePatientOffsetKeepsTimesAndEmptiesOtherVrs() throws Exception {
        Dataset ds = applyToFamilies("shift");
        assertFamilies(expected("PN ", "LO ", "SH ", "LT ", "ST ", "UT ", "DA " + shifted("20240115", OFFSET),
                "DT " + shifted("20240115", OFFSET) + "101112.5+0100", "TM 101112", "AS ", "UI ", "CS ", "DS ", "IS ",
                "OB 0x", "OW 0x", "US 0x", "1 item(s)"), ds);
        assertEquals("MODIFIED", ds.getString(Tag.LongitudinalTemporalInformationModified));
    }

    @Test
    void yearReducesDatesToTheYearAndEmptiesOtherVrs() throws Exception {
        Dataset ds = applyToFamilies("year");
        assertFamilies(expected("PN ", "LO ", "SH ", "LT ", "ST ", "UT ", "DA 20240101", "DT 2024", "TM ", "AS ",
                "UI ", "CS ", "DS ", "IS ", "OB 0x", "OW 0x", "US 0x", "1 item(s)"), ds);
    }

    @Test
    void capAgeAggregatesAgesOver89AndEmptiesOtherVrs() throws Exception {
        Dataset ds = applyToFamilies("cap-age");
        // A date is taken as a birth date: the study date is 0 years from itself, so its year stays.
        assertFamilies(expected("PN ", "LO ", "SH ", "LT ", "ST ", "UT ", "DA 20240101", "DT ", "TM ", "AS 090Y", "UI ",
                "CS ", "DS ", "IS ", "OB 0x", "OW 0x", "US 0x", "1 item(s)"), ds);
    }

    @Test
    void capAgeKeepsYoungerAgesAndReducesABirthDateToItsYear() throws Exception {
        Dataset young = families();
        young.setString(Tag.PatientAge, VR.AS, "066Y");
        young.setString(Tag.PatientBirthDate, VR.DA, "19580214");
        deidentify(EngineFixtures.rules("PatientAge cap-age", "PatientBirthDate cap-age"), young);
        assertEquals("066Y", young.getString(Tag.PatientAge));
        assertEquals("19580101", young.getString(Tag.PatientBirthDate));

        Dataset old = families();
        old.setString(Tag.PatientAge, VR.AS, "1100W");
        old.setString(Tag.PatientBirthDate, VR.DA, "19330116");
        deidentify(EngineFixtures.rules("PatientAge cap-age", "PatientBirthDate cap-age"), old);
        assertEquals("", String.join("", old.getStrings(Tag.PatientAge)), "not a valid AS");
        assertEquals(0, old.get(Tag.PatientBirthDate).length(), "90 or older at the study: no birth year");
    }

    @Test
    void cleanRemovesThePatientsTokensAndPatternsFromTextAndShiftsDates() throws Exception {
        Dataset ds = families();
        ds.setString(Tag.ImageComments, VR.LT, "Seen by JOHN Doe on 15/01/2024, tel 617-555-0142, j.doe@example.org");
        deidentify(EngineFixtures.rules("PatientName X", "ImageComments C", "StudyDate C", "StudyTime C",
                "PatientWeight C"), ds);
        assertEquals("Seen by *** *** on ***, tel ***, ***", ds.getString(Tag.ImageComments));
        assertEquals(shifted("20240115", OFFSET), ds.getString(Tag.StudyDate));
        assertEquals("101112", ds.getString(Tag.StudyTime));
        assertEquals("72.5", ds.getString(Tag.PatientWeight));
    }

    @Test
    void cleaningABinaryValueRemovesItSinceItsContentCannotBeSearched() throws Exception {
        Dataset ds = EngineFixtures.ct(1, 0);
        ds.setInts(0x60000010, VR.US, 4);
        ds.setInts(0x60000011, VR.US, 4);
        ds.setString(0x60000040, VR.CS, "G");
        ds.setBytes(0x60003000, VR.OW, new byte[] {(byte) 0xF0, 0x0F});
        ds.setBytes(Tag.MakerNote, VR.OB, "Owner: John Doe".getBytes(StandardCharsets.US_ASCII));
        ds.setBytes(Tag.FrameOriginTimestamp, VR.OB, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        ds.setString(Tag.StudyTime, VR.TM, "101112");
        deidentify(EngineFixtures.builtin("basic", Option.CLEAN_GRAPHICS, Option.CLEAN_DESCRIPTORS,
                Option.RETAIN_LONG_MODIFIED_DATES), ds);
        assertNull(ds.get(0x60003000), "an overlay bitmap can hold a burned-in name");
        assertNull(ds.get(Tag.MakerNote));
        assertNull(ds.get(Tag.FrameOriginTimestamp), "a binary time stamp cannot be shifted");
        assertEquals("101112", ds.getString(Tag.StudyTime), "times are kept: shifts are whole days");
        assertEquals("4", ds.getString(0x60000010));
    }

    // ------------------------------------------------------------------ nested sequences

    private static Dataset withRequestAndPatientSequences() {
        Dataset ds = EngineFixtures.ct(1, 0);
        Dataset request = ds.newSequence(Tag.RequestAttributesSequence).addItem();
        request.setString(Tag.RequestedProcedureID, VR.SH, "RP123");
        request.setString(Tag.ScheduledProcedureStepID, VR.SH, "SPS9");
        request.setString(Tag.RequestedProcedureDescription, VR.LO, "CT CHEST FOR JOHN DOE");
        request.setString(Tag.ScheduledProcedureStepStartDate, VR.DA, "20240114");
        EngineFixtures.code(request.newSequence(Tag.RequestedProcedureCodeSequence), "RPID1", "99LOCAL", "CT Chest");
        Dataset patient = ds.newSequence(Tag.ReferencedPatientSequence).addItem();
        patient.setString(Tag.ReferencedSOPClassUID, VR.UI, "1.2.840.10008.3.1.2.1.1");
        patient.setString(Tag.ReferencedSOPInstanceUID, VR.UI, "1.2.826.0.1.3680043.10.543.5");
        Dataset other = ds.newSequence(Tag.OtherPatientIDsSequence).addItem();
        other.setString(Tag.PatientID, VR.LO, "OTHER5550");
        other.setString(Tag.IssuerOfPatientID, VR.LO, "HOSPITAL B");
        other.setString(Tag.TypeOfPatientID, VR.CS, "TEXT");
        return ds;
    }

    @Test
    void basicRemovesRequestAttributesReferencedPatientAndOtherPatientIdSequences() throws Exception {
        Dataset ds = withRequestAndPatientSequences();
        FileRecord record = deidentify(Profile.builtin("basic"), ds);
        assertNull(ds.get(Tag.RequestAttributesSequence));
        assertNull(ds.get(Tag.ReferencedPatientSequence));
        assertNull(ds.get(Tag.OtherPatientIDsSequence));
        assertTrue(record.idTokens().contains("OTHER5550"), "a removed sequence's identifiers are PHI tokens");
        assertTrue(record.idTokens().contains("RP123"));
    }

    @Test
    void cleanDescriptorsCleansRequestAttributesItemByItsOwnRules() throws Exception {
        Dataset ds = withRequestAndPatientSequences();
        deidentify(EngineFixtures.builtin("basic", Option.CLEAN_DESCRIPTORS), ds);
        Dataset request = item(ds, Tag.RequestAttributesSequence, 0);
        assertNull(request.get(Tag.RequestedProcedureID));
        assertNull(request.get(Tag.ScheduledProcedureStepID));
        assertNull(request.get(Tag.ScheduledProcedureStepStartDate));
        assertEquals("CT CHEST FOR *** ***", request.getString(Tag.RequestedProcedureDescription));
        Dataset code = item(request, Tag.RequestedProcedureCodeSequence, 0);
        assertEquals(List.of("RPID1", "99LOCAL", "CT Chest"), List.of(code.getString(Tag.CodeValue),
                code.getString(Tag.CodingSchemeDesignator), code.getString(Tag.CodeMeaning)));
    }

    @Test
    void retainUidsKeepsTheReferencedPatientSequenceWithItsUid() throws Exception {
        Dataset ds = withRequestAndPatientSequences();
        deidentify(EngineFixtures.builtin("basic", Option.RETAIN_UIDS), ds);
        Dataset patient = item(ds, Tag.ReferencedPatientSequence, 0);
        assertEquals("1.2.826.0.1.3680043.10.543.5", patient.getString(Tag.ReferencedSOPInstanceUID));
        assertEquals(EngineFixtures.imageUid(1), ds.getString(Tag.SOPInstanceUID));
    }

    // ------------------------------------------------------------------ structured reports

    @Test
    void contentSequenceGetsDummiesForTextAndNamesAndKeepsCodesAtEveryDepth() throws Exception {
        Dataset ds = EngineFixtures.sr(1, 2);
        deidentify(Profile.builtin("basic"), ds);
        Dataset text = item(ds, Tag.ContentSequence, 0);
        assertEquals(dummy(VR.UT, "Patient John Doe called on 15/01/2024 from 617-555-0142"),
                text.getString(Tag.TextValue));
        assertCode(text, "121106", "DCM", "Comment");
        assertEquals("CONTAINS", text.getString(Tag.RelationshipType));
        assertEquals("TEXT", text.getString(Tag.ValueType));
        Dataset observer = item(ds, Tag.ContentSequence, 1);
        assertEquals("ANON^" + KEYS.token("dummy", "PN\0SMITH^ANNA", 8), observer.getString(Tag.PersonName));
        assertCode(observer, "121008", "DCM", "Person Observer Name");
        Dataset level3 = item(item(item(ds, Tag.ContentSequence, 2), Tag.ContentSequence, 0), Tag.ContentSequence, 0);
        assertEquals(dummy(VR.UT, "Nodule seen by Dr John Doe"), level3.getString(Tag.TextValue));
        assertCode(level3, "121071", "DCM", "Finding");
        Dataset date = item(item(item(ds, Tag.ContentSequence, 2), Tag.ContentSequence, 0), Tag.ContentSequence, 1);
        assertEquals(DUMMIES.text(VR.DA, EngineFixtures.STUDY_DATE), date.getString(Tag.Date));
        Dataset num = item(item(item(ds, Tag.ContentSequence, 2), Tag.ContentSequence, 0), Tag.ContentSequence, 2);
        Dataset measured = item(num, Tag.MeasuredValueSequence, 0);
        assertEquals("12.5", measured.getString(Tag.NumericValue));
        assertCode(measured, Tag.MeasurementUnitsCodeSequence, "mm", "UCUM", "millimeter");
        assertCode(num, "410668003", "SCT", "Length");
        assertCode(ds, "18748-4", "LN", "Diagnostic Imaging Report");
    }

    @Test
    void cleanStructuredContentCleansTheTextInsteadOfReplacingIt() throws Exception {
        Dataset ds = EngineFixtures.sr(1, 2);
        deidentify(EngineFixtures.builtin("basic", Option.CLEAN_STRUCTURED_CONTENT), ds);
        assertEquals("Patient *** *** called on *** from ***",
                item(ds, Tag.ContentSequence, 0).getString(Tag.TextValue));
        Dataset level3 = item(item(item(ds, Tag.ContentSequence, 2), Tag.ContentSequence, 0), Tag.ContentSequence, 0);
        assertEquals("Nodule seen by Dr ***", level3.getString(Tag.TextValue));
        assertEquals("ANON^" + KEYS.token("dummy", "PN\0SMITH^ANNA", 8),
                item(ds, Tag.ContentSequence, 1).getString(Tag.PersonName), "a name is never cleaned, always replaced");
        assertCode(level3, "121071", "DCM", "Finding");
    }

    private static void assertCode(Dataset ds, String value, String scheme, String meaning) {
        assertCode(ds, Tag.ConceptNameCodeSequence, value, scheme, meaning);
    }

    private static void assertCode(Dataset ds, int sequence, String value, String scheme, String meaning) {
        Dataset code = item(ds, sequence, 0);
        assertEquals(List.of(value, scheme, meaning), List.of(code.getString(Tag.CodeValue),
                code.getString(Tag.CodingSchemeDesignator), code.getString(Tag.CodeMeaning)));
    }

    // ------------------------------------------------------------------ graphics

    private static Dataset presentationState() {
        Dataset ds = EngineFixtures.patientAndStudy(new Dataset(), EngineFixtures.PATIENT_NAME, PATIENT_ID);
        Dataset annotation = ds.newSequence(Tag.GraphicAnnotationSequence).addItem();
        annotation.setString(Tag.GraphicLayer, VR.CS, "LAYER1");
        Dataset image = annotation.newSequence(Tag.ReferencedImageSequence).addItem();
        image.setString(Tag.ReferencedSOPClassUID, VR.UI, EngineFixtures.CT_IMAGE_STORAGE);
        image.setString(Tag.ReferencedSOPInstanceUID, VR.UI, EngineFixtures.imageUid(1));
        Dataset text = annotation.newSequence(Tag.TextObjectSequence).addItem();
        text.setString(Tag.BoundingBoxAnnotationUnits, VR.CS, "PIXEL");
        text.setString(Tag.UnformattedTextValue, VR.ST, "JOHN DOE 15/01/2024 left lung");
        return ds;
    }

    @Test
    void graphicAnnotationTextGetsADummyAndCleanGraphicsCleansIt() throws Exception {
        Dataset ds = presentationState();
        deidentify(Profile.builtin("basic"), ds);
        Dataset annotation = item(ds, Tag.GraphicAnnotationSequence, 0);
        assertEquals("LAYER1", annotation.getString(Tag.GraphicLayer));
        assertEquals(KEYS.uid(EngineFixtures.imageUid(1)),
                item(annotation, Tag.ReferencedImageSequence, 0).getString(Tag.ReferencedSOPInstanceUID));
        Dataset text = item(annotation, Tag.TextObjectSequence, 0);
        assertEquals(dummy(VR.ST, "JOHN DOE 15/01/2024 left lung"), text.getString(Tag.UnformattedTextValue));
        assertEquals("PIXEL", text.getString(Tag.BoundingBoxAnnotationUnits));

        Dataset cleaned = presentationState();
        deidentify(EngineFixtures.builtin("basic", Option.CLEAN_GRAPHICS), cleaned);
        assertEquals("*** *** *** left lung", item(item(cleaned, Tag.GraphicAnnotationSequence, 0),
                Tag.TextObjectSequence, 0).getString(Tag.UnformattedTextValue));
    }

    // ------------------------------------------------------------------ private blocks

    /** Private blocks of three vendors, an unsafe element in each, and an element without creator. */
    private static Dataset withPrivateBlocks() {
        Dataset ds = EngineFixtures.ct(1, 0);
        ds.setString(0x00190010, VR.LO, "GEMS_ACQU_01");
        ds.setString(0x00191023, VR.DS, "39.375");
        ds.setString(0x0019109E, VR.LO, "FSE JOHN");
        ds.setString(0x00191010, VR.LO, "DOE SCANNER NOTE");
        ds.setString(0x00190011, VR.LO, "SIEMENS MR HEADER");
        ds.setString(0x0019110C, VR.IS, "1000");
        ds.setString(0x0019110D, VR.CS, "DIRECTIONAL");
        ds.setString(0x00430010, VR.LO, "GEMS_PARM_01");
        ds.setString(0x00431027, VR.SH, "1.375:1");
        ds.setString(0x00431039, VR.IS, "1000", "8", "0", "0");
        ds.setString(0x00290010, VR.LO, "SIEMENS CSA HEADER");
        ds.setBytes(0x00291010, VR.OB, "SV10 PatientName DOE^JOHN".getBytes(StandardCharsets.US_ASCII));
        ds.setString(0x00291008, VR.CS, "IMAGE NUM 4");
        ds.setString(0x20010010, VR.LO, "Philips Imaging DD 001");
        ds.setBytes(0x20011003, VR.FL, new byte[] {0, 0, 0x7A, 0x44});
        ds.setString(0x20011010, VR.CS, "DOE");
        ds.setString(0x20050010, VR.LO, "Philips MR Imaging DD 001");
        ds.setBytes(0x2005100D, VR.FL, new byte[] {0, 0, (byte) 0x80, 0x3F});
        ds.setBytes(0x2005100E, VR.FL, new byte[] {0, 0, 0, 0x40});
        ds.setString(0x00091001, VR.LO, "JOHN DOE");
        ds.setString(0x00111001, VR.LO, "no creator either");
        return ds;
    }

    private static List<String> privateTags(Dataset ds) {
        List<String> out = new ArrayList<>();
        for (DicomElement e : ds) {
            if (Tags.isPrivate(e.tag())) {
                out.add(Tags.toString(e.tag()));
            }
        }
        return out;
    }

    @Test
    void basicRemovesEveryPrivateElementAndCreator() throws Exception {
        Dataset ds = withPrivateBlocks();
        deidentify(Profile.builtin("basic"), ds);
        assertEquals(List.of(), privateTags(ds));
    }

    @Test
    void retainSafePrivateKeepsOnlySafeListedElementsOfEachVendorAndTheirCreators() throws Exception {
        Dataset ds = withPrivateBlocks();
        FileRecord record = deidentify(EngineFixtures.builtin("basic",
                Option.RETAIN_SAFE_PRIVATE), ds);
        assertEquals(List.of("(0019,0010)", "(0019,0011)", "(0019,1023)", "(0019,109E)", "(0019,110C)",
                "(0019,110D)", "(0043,0010)", "(0043,1027)", "(0043,1039)", "(2001,0010)", "(2001,1003)",
                "(2005,0010)", "(2005,100D)", "(2005,100E)"), privateTags(ds));
        assertEquals("39.375", ds.getString(0x00191023));
        assertEquals("1000", ds.getString(0x0019110C));
        assertEquals(List.of("1000", "8", "0", "0"), ds.getStrings(0x00431039));
        assertEquals("1.375:1", ds.getString(0x00431027));
        assertEquals("00007a44", HexFormat.of().formatHex(EngineFixtures.bytes(ds, 0x20011003)));
        // A safe element is still text the patient's name can be copied into: defence in depth.
        assertEquals("FSE ***", ds.getString(0x0019109E));
        assertEquals(List.of("(0019,109E)"), record.defenceHits());
    }

    @Test
    void aSafePrivateTextReadAsUnknownFromAnImplicitVrFileIsCheckedToo() throws Exception {
        // Implicit VR files carry no VR, and the dictionary knows no private element: they read as UN.
        Dataset ds = EngineFixtures.ct(1, 0);
        ds.setString(0x00190010, VR.LO, "GEMS_ACQU_01");
        ds.set(DicomElement.of(0x0019109E, VR.UN, "FSE JOHN".getBytes(StandardCharsets.US_ASCII)));
        ds.set(DicomElement.of(0x00191023, VR.UN, "39.375".getBytes(StandardCharsets.US_ASCII)));
        ds.setString(0x00430010, VR.LO, "GEMS_PARM_01");
        ds.set(DicomElement.of(0x00431027, VR.UN, "DOE 1:1\\xy".getBytes(StandardCharsets.US_ASCII)));
        ds.setString(0x20010010, VR.LO, "Philips Imaging DD 001");
        ds.set(DicomElement.of(0x20011003, VR.UN, new byte[] {0, 0, 0x7A, 0x44}));
        FileRecord record = deidentify(EngineFixtures.builtin("basic", Option.RETAIN_SAFE_PRIVATE), ds);
        assertEquals("FSE *** ", new String(EngineFixtures.bytes(ds, 0x0019109E), StandardCharsets.US_ASCII));
        assertEquals(VR.UN, ds.get(0x0019109E).vr());
        assertEquals("39.375", new String(EngineFixtures.bytes(ds, 0x00191023), StandardCharsets.US_ASCII));
        assertEquals("*** 1:1\\xy", new String(EngineFixtures.bytes(ds, 0x00431027), StandardCharsets.US_ASCII));
        assertEquals("00007a44", HexFormat.of().formatHex(EngineFixtures.bytes(ds, 0x20011003)), "binary: not text");
        assertEquals(List.of("(0019,109E)", "(0043,1027)"), record.defenceHits());
    }

    @Test
    void privateElementsWithoutCreatorAreRemovedEvenWhenTheProfileKeepsPrivateData() throws Exception {
        Dataset ds = withPrivateBlocks();
        deidentify(EngineFixtures.rules("private K", "private-creator K", "unknown-creator K"), ds);
        List<String> left = privateTags(ds);
        assertFalse(left.contains("(0009,1001)"), left.toString());
        assertFalse(left.contains("(0011,1001)"), left.toString());
        assertTrue(left.contains("(0029,1010)"), "with a creator the profile decides: " + left);
    }

    @Test
    void privateBlocksInsideSequenceItemsFollowTheSameRules() throws Exception {
        Dataset ds = EngineFixtures.ct(1, 0);
        Dataset image = ds.newSequence(Tag.SourceImageSequence).addItem();
        image.setString(Tag.ReferencedSOPInstanceUID, VR.UI, EngineFixtures.imageUid(2));
        image.setString(0x00430010, VR.LO, "GEMS_PARM_01");
        image.setString(0x00431027, VR.SH, "0.984:1");
        image.setString(0x00431028, VR.LO, "DOE");
        image.setString(0x00091001, VR.LO, "JOHN DOE");
        deidentify(EngineFixtures.builtin("basic", Option.RETAIN_SAFE_PRIVATE), ds);
        Dataset kept = item(ds, Tag.SourceImageSequence, 0);
        assertEquals(List.of("(0043,0010)", "(0043,1027)"), privateTags(kept));
        assertEquals(KEYS.uid(EngineFixtures.imageUid(2)), kept.getString(Tag.ReferencedSOPInstanceUID));
    }

    // ------------------------------------------------------------------ free text and defence in depth

    @Test
    void aKeptCommentWithACopyOfTheNameIsCleanedByDefenceInDepth() throws Exception {
        Dataset ds = EngineFixtures.ct(1, 0);
        ds.setString(Tag.ImageComments, VR.LT, "Patient DOE, John (MRN4417702) born 14.02.1958, contrast ok");
        ds.setString(Tag.BodyPartExamined, VR.CS, "CHEST");
        Dataset region = ds.newSequence(Tag.AnatomicRegionSequence).addItem();
        region.setString(Tag.CodeValue, VR.SH, "51185008");
        region.setString(Tag.CodingSchemeDesignator, VR.SH, "SCT");
        region.setString(Tag.CodeMeaning, VR.LO, "Thorax of John Doe");
        Profile profile = Profile.builtin("basic").withRules(List.of("ImageComments K"), "pom");
        FileRecord record = deidentify(profile, ds);
        assertEquals("Patient ***, *** (***) born ***, contrast ok", ds.getString(Tag.ImageComments));
        assertEquals("Thorax of *** ***", item(ds, Tag.AnatomicRegionSequence, 0).getString(Tag.CodeMeaning));
        assertEquals("51185008", item(ds, Tag.AnatomicRegionSequence, 0).getString(Tag.CodeValue));
        assertEquals("CHEST", ds.getString(Tag.BodyPartExamined));
        assertEquals(List.of("(0008,2218)[0]/(0008,0104)", "(0020,4000)"), record.defenceHits());
    }

    @Test
    void codeStringsAreVocabularyAndNotCleaned() throws Exception {
        // CS holds defined terms; test data names patients "US" or "HU", which would strip
        // Modality and Rescale Type everywhere (README: defence in depth).
        Dataset ds = EngineFixtures.ct(1, 0);
        ds.setString(Tag.ImageType, VR.CS, "ORIGINAL", "PRIMARY", "DOE");
        deidentify(Profile.builtin("basic"), ds);
        assertEquals(List.of("ORIGINAL", "PRIMARY", "DOE"), ds.getStrings(Tag.ImageType));
    }

    @Test
    void defenceInDepthCleansKnownTokensOfOtherPatientsOfTheRun() throws Exception {
        Dataset ds = EngineFixtures.ct(1, 0);
        ds.setString(Tag.ImageComments, VR.LT, "compare with SMITH prior");
        FileRecord record = new FileRecord(false);
        new Deidentifier(Profile.builtin("basic").withRules(List.of("ImageComments K"), "pom"), KEYS)
                .apply(ds, null, "SMITH"::equals, record);
        assertEquals("compare with *** prior", ds.getString(Tag.ImageComments));
    }

    @Test
    void cleanDescriptorsRemovesDatesPhonesAndNamesFromTheStudyDescription() throws Exception {
        Dataset ds = EngineFixtures.ct(1, 0);
        ds.setString(Tag.StudyDescription, VR.LO, "CT CHEST 15/01/2024 call 617-555-0142 Doe");
        ds.setString(Tag.SeriesDescription, VR.LO, "Axial 1.25 mm");
        deidentify(EngineFixtures.builtin("basic", Option.CLEAN_DESCRIPTORS), ds);
        assertEquals("CT CHEST *** call *** ***", ds.getString(Tag.StudyDescription));
        assertEquals("Axial 1.25 mm", ds.getString(Tag.SeriesDescription));
    }

    @Test
    void basicRemovesDescriptorsAndComments() throws Exception {
        Dataset ds = EngineFixtures.ct(1, 0);
        ds.setString(Tag.ImageComments, VR.LT, "Patient John Doe");
        deidentify(Profile.builtin("basic"), ds);
        assertNull(ds.get(Tag.ImageComments));
        assertNull(ds.get(Tag.StudyDescription));
        assertNull(ds.get(Tag.SeriesDescription));
    }

    // ------------------------------------------------------------------ markers

    private static List<String> methodCodes(Dataset ds) {
        List<String> out = new ArrayList<>();
        for (Dataset code : ds.get(Tag.DeidentificationMethodCodeSequence).sequence()) {
            out.add(code.getString(Tag.CodingSchemeDesignator) + " " + code.getString(Tag.CodeValue) + " "
                    + code.getString(Tag.CodeMeaning));
        }
        return out;
    }

    @Test
    void basicProfileMarksTheDatasetWithItsCodeAndRemovedDates() throws Exception {
        Dataset ds = EngineFixtures.ct(1, 0);
        Profile basic = Profile.builtin("basic");
        deidentify(basic, ds);
        assertEquals("YES", ds.getString(Tag.PatientIdentityRemoved));
        assertEquals(List.of("DCM 113100 Basic Application Confidentiality Profile"), methodCodes(ds));
        assertEquals(List.of("deid-maven-plugin " + Implementation.PLUGIN_VERSION,
                "profile basic " + basic.contentHash().substring(0, 12),
                "PS3.15 2024b Table E.1-1; PS3.15 2020 Table E.3.10-1"), ds.getStrings(Tag.DeidentificationMethod));
        assertEquals("REMOVED", ds.getString(Tag.LongitudinalTemporalInformationModified));
        assertEquals(VR.CS, ds.get(Tag.PatientIdentityRemoved).vr());
        assertEquals(VR.LO, ds.get(Tag.DeidentificationMethod).vr());
    }

    @Test
    void everyOptionAddsItsCid7050CodeAndItsNameToTheMethod() throws Exception {
        Dataset ds = EngineFixtures.ct(1, 0);
        Profile profile = EngineFixtures.builtin("basic", Option.CLEAN_DESCRIPTORS,
                Option.RETAIN_SAFE_PRIVATE,
                Option.RETAIN_LONG_MODIFIED_DATES,
                Option.RETAIN_PATIENT_CHARACTERISTICS,
                Option.RETAIN_DEVICE_IDENTITY,
                Option.RETAIN_INSTITUTION_IDENTITY,
                Option.RETAIN_UIDS,
                Option.CLEAN_STRUCTURED_CONTENT,
                Option.CLEAN_GRAPHICS);
        deidentify(profile, ds);
        assertEquals(List.of("DCM 113100 Basic Application Confidentiality Profile",
                "DCM 113111 Retain Safe Private Option", "DCM 113110 Retain UIDs Option",
                "DCM 113109 Retain Device Identity Option", "DCM 113112 Retain Institution Identity Option",
                "DCM 113108 Retain Patient Characteristics Option",
                "DCM 113107 Retain Longitudinal Temporal Information Modified Dates Option",
                "DCM 113105 Clean Descriptors Option", "DCM 113104 Clean Structured Content Option",
                "DCM 113103 Clean Graphics Option"), methodCodes(ds));
        List<String> method = ds.getStrings(Tag.DeidentificationMethod);
        assertEquals(List.of("option retain-safe-private", "option retain-uids", "option retain-device-identity",
                "option retain-institution-identity", "option retain-patient-characteristics",
                "option retain-long-modified-dates", "option clean-descriptors", "option clean-structured-content",
                "option clean-graphics"), method.subList(3, method.size()));
        assertEquals("MODIFIED", ds.getString(Tag.LongitudinalTemporalInformationModified));
    }

    @Test
    void fullDatesAreMarkedUnmodified() throws Exception {
        Dataset ds = EngineFixtures.ct(1, 0);
        deidentify(EngineFixtures.builtin("basic", Option.RETAIN_LONG_FULL_DATES), ds);
        assertEquals("UNMODIFIED", ds.getString(Tag.LongitudinalTemporalInformationModified));
        assertEquals(EngineFixtures.STUDY_DATE, ds.getString(Tag.StudyDate));
        assertEquals(List.of("DCM 113100 Basic Application Confidentiality Profile",
                "DCM 113106 Retain Longitudinal Temporal Information Full Dates Option"), methodCodes(ds));
    }

    @Test
    void researchProfileListsItsFourOptions() throws Exception {
        Dataset ds = EngineFixtures.ct(1, 0);
        deidentify(Profile.builtin("research"), ds);
        assertEquals(List.of("DCM 113100 Basic Application Confidentiality Profile",
                "DCM 113111 Retain Safe Private Option", "DCM 113108 Retain Patient Characteristics Option",
                "DCM 113107 Retain Longitudinal Temporal Information Modified Dates Option",
                "DCM 113105 Clean Descriptors Option"), methodCodes(ds));
        assertEquals("MODIFIED", ds.getString(Tag.LongitudinalTemporalInformationModified));
        // LO holds 64 characters: the standard text is wrapped into two values, not cut.
        List<String> method = ds.getStrings(Tag.DeidentificationMethod);
        assertEquals(List.of("PS3.15 2024b Table E.1-1 with options 113107, 113108, 113105,", "113111"),
                method.subList(2, 4));
        for (String v : method) {
            assertTrue(v.length() <= 64, v);
        }
    }

    // ------------------------------------------------------------------ dates

    @Test
    void oneOffsetPerPatientAcrossFilesAndAnotherForAnotherPatient() throws Exception {
        Profile research = Profile.builtin("research");
        Dataset first = EngineFixtures.ct(1, 0);
        Dataset second = EngineFixtures.ct(2, 0);
        second.setString(Tag.StudyDate, VR.DA, "20240301");
        second.setString(Tag.AcquisitionDateTime, VR.DT, "20240301235959.123456-0500");
        Dataset other = EngineFixtures.patientAndStudy(EngineFixtures.ct(3, 0), "ROE^JANE", "MRN5550001");
        deidentify(research, first);
        new Deidentifier(research, EngineFixtures.keys()).apply(second, null, null, new FileRecord(false));
        deidentify(research, other);
        int otherOffset = KEYS.dateShiftDays("id\0\0MRN5550001", 365);
        assertNotEquals(OFFSET, otherOffset);
        assertEquals(shifted("20240115", OFFSET), first.getString(Tag.StudyDate));
        assertEquals(shifted("20240115", OFFSET), first.getString(Tag.SeriesDate));
        assertEquals(shifted("20240115", OFFSET) + "101112.5+0100", first.getString(Tag.AcquisitionDateTime));
        assertEquals(shifted("20240301", OFFSET), second.getString(Tag.StudyDate));
        assertEquals(shifted("20240301", OFFSET) + "235959.123456-0500", second.getString(Tag.AcquisitionDateTime));
        assertEquals(shifted("20240115", otherOffset), other.getString(Tag.StudyDate));
        assertEquals("101112", first.getString(Tag.StudyTime), "times are not shifted by whole days");
    }

    @Test
    void multiValuedDatesRangesAndNestedDatesAreAllShifted() throws Exception {
        Dataset ds = EngineFixtures.ct(1, 0);
        ds.setString(Tag.DateOfLastCalibration, VR.DA, "20230101", "20230601");
        ds.setString(Tag.StudyDate, VR.DA, "20240101-20240111");
        ds.setString(Tag.SeriesDate, VR.DA, "-20240111");
        ds.setString(Tag.AcquisitionDateTime, VR.DT, "20240101120000+0100-20240102120000+0100");
        Dataset request = ds.newSequence(Tag.RequestAttributesSequence).addItem();
        request.setString(Tag.ScheduledProcedureStepStartDate, VR.DA, "20240114");
        deidentify(Profile.builtin("research"), ds);
        assertEquals(List.of(shifted("20230101", OFFSET), shifted("20230601", OFFSET)),
                ds.getStrings(Tag.DateOfLastCalibration));
        assertEquals(shifted("20240101", OFFSET) + "-" + shifted("20240111", OFFSET), ds.getString(Tag.StudyDate));
        assertEquals("-" + shifted("20240111", OFFSET), ds.getString(Tag.SeriesDate));
        assertEquals(shifted("20240101", OFFSET) + "120000+0100-" + shifted("20240102", OFFSET) + "120000+0100",
                ds.getString(Tag.AcquisitionDateTime));
        assertEquals(shifted("20240114", OFFSET),
                item(ds, Tag.RequestAttributesSequence, 0).getString(Tag.ScheduledProcedureStepStartDate));
    }

    @Test
    void aDateThatCannotBeShiftedIsEmptiedNotKept() throws Exception {
        Dataset ds = EngineFixtures.ct(1, 0);
        ds.setString(Tag.StudyDate, VR.DA, "20240230");
        ds.setString(Tag.SeriesDate, VR.DA, "15/01/2024");
        deidentify(Profile.builtin("research"), ds);
        assertEquals(0, ds.get(Tag.StudyDate).length());
        assertEquals(0, ds.get(Tag.SeriesDate).length());
    }

    // ------------------------------------------------------------------ UIDs

    @Test
    void everyReferencedUidAtAnyDepthIsMappedAndRegistryUidsStay() throws Exception {
        Dataset ds = EngineFixtures.ct(1, 0);
        Dataset ref = ds.newSequence(Tag.ReferencedImageSequence).addItem();
        ref.setString(Tag.ReferencedSOPClassUID, VR.UI, EngineFixtures.CT_IMAGE_STORAGE);
        ref.setString(Tag.ReferencedSOPInstanceUID, VR.UI, "1.2.826.0.1.3680043.10.543.1.2.7");
        Dataset frame = ds.newSequence(Tag.SharedFunctionalGroupsSequence).addItem();
        Dataset derivation = frame.newSequence(Tag.DerivationImageSequence).addItem();
        Dataset source = derivation.newSequence(Tag.SourceImageSequence).addItem();
        source.setString(Tag.ReferencedSOPClassUID, VR.UI, EngineFixtures.CT_IMAGE_STORAGE);
        source.setString(Tag.ReferencedSOPInstanceUID, VR.UI, "1.2.826.0.1.3680043.10.543.1.2.8");
        source.setString(Tag.ReferencedFiducialUID, VR.UI, "1.2.826.0.1.3680043.10.543.1.2.9");
        source.setString(Tag.ReferencedFrameOfReferenceUID, VR.UI, EngineFixtures.FRAME_OF_REFERENCE_UID);
        Dataset code = EngineFixtures.code(derivation.newSequence(Tag.DerivationCodeSequence), "113076", "DCM",
                "Segmentation");
        code.setString(Tag.ContextUID, VR.UI, "1.2.840.10008.6.1.1");
        code.setString(Tag.CodingSchemeUID, VR.UI, "2.16.840.1.113883.6.96");
        ds.setString(Tag.FailedSOPInstanceUIDList, VR.UI, "1.2.3.4.5", "1.2.840.10008.1.20.1.1");
        ds.setString(Tag.StorageMediaFileSetUID, VR.UI, "1.2.826.0.1.3680043.10.543.99");
        deidentify(Profile.builtin("basic"), ds);

        Dataset r = item(ds, Tag.ReferencedImageSequence, 0);
        assertEquals(EngineFixtures.CT_IMAGE_STORAGE, r.getString(Tag.ReferencedSOPClassUID));
        assertEquals(KEYS.uid("1.2.826.0.1.3680043.10.543.1.2.7"), r.getString(Tag.ReferencedSOPInstanceUID));
        Dataset d = item(item(ds, Tag.SharedFunctionalGroupsSequence, 0), Tag.DerivationImageSequence, 0);
        Dataset s = item(d, Tag.SourceImageSequence, 0);
        assertEquals(EngineFixtures.CT_IMAGE_STORAGE, s.getString(Tag.ReferencedSOPClassUID));
        assertEquals(KEYS.uid("1.2.826.0.1.3680043.10.543.1.2.8"), s.getString(Tag.ReferencedSOPInstanceUID));
        assertEquals(KEYS.uid("1.2.826.0.1.3680043.10.543.1.2.9"), s.getString(Tag.ReferencedFiducialUID));
        assertEquals(KEYS.uid(EngineFixtures.FRAME_OF_REFERENCE_UID), s.getString(Tag.ReferencedFrameOfReferenceUID));
        Dataset c = item(d, Tag.DerivationCodeSequence, 0);
        assertEquals("1.2.840.10008.6.1.1", c.getString(Tag.ContextUID));
        assertEquals("2.16.840.1.113883.6.96", c.getString(Tag.CodingSchemeUID));
        assertEquals(List.of(KEYS.uid("1.2.3.4.5"), "1.2.840.10008.1.20.1.1"),
                ds.getStrings(Tag.FailedSOPInstanceUIDList));
        assertEquals(KEYS.uid("1.2.826.0.1.3680043.10.543.99"), ds.getString(Tag.StorageMediaFileSetUID));
        assertEquals(KEYS.uid(EngineFixtures.imageUid(1)), ds.getString(Tag.SOPInstanceUID));
        assertEquals(KEYS.uid(STUDY_UID), ds.getString(Tag.StudyInstanceUID));
        assertEquals(EngineFixtures.CT_IMAGE_STORAGE, ds.getString(Tag.SOPClassUID));
        assertTrue(ds.getString(Tag.SOPInstanceUID).matches("2\\.25\\.[1-9][0-9]{0,38}"));
    }

    @Test
    void aUidNoRuleNamesIsMappedAndTheRecordHoldsEveryMapping() throws Exception {
        Dataset ds = EngineFixtures.ct(1, 0);
        ds.setString(Tag.VolumeFrameOfReferenceUID, VR.UI, "1.2.826.0.1.3680043.10.543.77");
        FileRecord record = deidentify(Profile.builtin("basic"), ds);
        assertEquals(KEYS.uid("1.2.826.0.1.3680043.10.543.77"), ds.getString(Tag.VolumeFrameOfReferenceUID));
        assertEquals(KEYS.uid("1.2.826.0.1.3680043.10.543.77"), record.uids().get("1.2.826.0.1.3680043.10.543.77"));
        assertEquals(KEYS.uid(STUDY_UID), record.uids().get(STUDY_UID));
        assertFalse(record.uids().containsKey(EngineFixtures.CT_IMAGE_STORAGE));
        assertEquals(Map.of(PATIENT_ID, pseudonym("PatientID", PATIENT_ID, 16)), record.patientIds());
    }

    @Test
    void retainUidsAlsoKeepsTheUidsNoRuleNamesSoReferencesStayConsistent() throws Exception {
        Dataset ds = EngineFixtures.ct(1, 0);
        ds.setString(Tag.VolumeFrameOfReferenceUID, VR.UI, EngineFixtures.FRAME_OF_REFERENCE_UID);
        deidentify(EngineFixtures.builtin("basic", Option.RETAIN_UIDS), ds);
        assertEquals(EngineFixtures.FRAME_OF_REFERENCE_UID, ds.getString(Tag.FrameOfReferenceUID));
        assertEquals(EngineFixtures.FRAME_OF_REFERENCE_UID, ds.getString(Tag.VolumeFrameOfReferenceUID));

        Dataset mapped = EngineFixtures.ct(1, 0);
        mapped.setString(Tag.VolumeFrameOfReferenceUID, VR.UI, EngineFixtures.FRAME_OF_REFERENCE_UID);
        deidentify(Profile.builtin("basic"), mapped);
        assertEquals(mapped.getString(Tag.FrameOfReferenceUID), mapped.getString(Tag.VolumeFrameOfReferenceUID));
    }

    @Test
    void referencesAcrossObjectsPointAtTheNewImageUidsAfterRemapping() throws Exception {
        Profile basic = Profile.builtin("basic");
        Map<Integer, Dataset> images = new LinkedHashMap<>();
        for (int n = 1; n <= 3; n++) {
            Dataset image = EngineFixtures.ct(n, 0);
            // Each object in its own run with its own engine: only the secret links them.
            new Deidentifier(basic, EngineFixtures.keys()).apply(image, null, null, new FileRecord(false));
            images.put(n, image);
        }
        Dataset sr = EngineFixtures.sr(1, 2, 3);
        new Deidentifier(basic, EngineFixtures.keys()).apply(sr, null, null, new FileRecord(false));
        Dataset rt = EngineFixtures.rtStruct(1, 2, 3);
        new Deidentifier(basic, EngineFixtures.keys()).apply(rt, null, null, new FileRecord(false));

        String study = images.get(1).getString(Tag.StudyInstanceUID);
        String series = images.get(1).getString(Tag.SeriesInstanceUID);
        String frame = images.get(1).getString(Tag.FrameOfReferenceUID);
        assertNotEquals(STUDY_UID, study);
        assertNotEquals(EngineFixtures.SERIES_UID, series);
        assertNotEquals(EngineFixtures.FRAME_OF_REFERENCE_UID, frame);
        List<String> sops = new ArrayList<>();
        for (Dataset image : images.values()) {
            assertEquals(study, image.getString(Tag.StudyInstanceUID));
            assertEquals(series, image.getString(Tag.SeriesInstanceUID));
            sops.add(image.getString(Tag.SOPInstanceUID));
        }
        assertEquals(3, new HashSet<>(sops).size());

        assertEquals(study, sr.getString(Tag.StudyInstanceUID));
        Dataset evidence = item(sr, Tag.CurrentRequestedProcedureEvidenceSequence, 0);
        assertEquals(study, evidence.getString(Tag.StudyInstanceUID));
        Dataset evidenceSeries = item(evidence, Tag.ReferencedSeriesSequence, 0);
        assertEquals(series, evidenceSeries.getString(Tag.SeriesInstanceUID));
        assertEquals(sops, referencedSops(evidenceSeries.get(Tag.ReferencedSOPSequence)));
        Dataset content3 = item(item(sr, Tag.ContentSequence, 2), Tag.ContentSequence, 0);
        List<String> fromContent = new ArrayList<>();
        for (int i = 3; i < 6; i++) {
            fromContent.addAll(referencedSops(item(content3, Tag.ContentSequence, i).get(Tag.ReferencedSOPSequence)));
        }
        assertEquals(sops, fromContent);

        assertEquals(study, rt.getString(Tag.StudyInstanceUID));
        Dataset rtFrame = item(rt, Tag.ReferencedFrameOfReferenceSequence, 0);
        assertEquals(frame, rtFrame.getString(Tag.FrameOfReferenceUID));
        Dataset rtStudy = item(rtFrame, Tag.RTReferencedStudySequence, 0);
        assertEquals(study, rtStudy.getString(Tag.ReferencedSOPInstanceUID));
        assertEquals("1.2.840.10008.3.1.2.3.1", rtStudy.getString(Tag.ReferencedSOPClassUID));
        Dataset rtSeries = item(rtStudy, Tag.RTReferencedSeriesSequence, 0);
        assertEquals(series, rtSeries.getString(Tag.SeriesInstanceUID));
        assertEquals(sops, referencedSops(rtSeries.get(Tag.ContourImageSequence)));
        assertEquals(frame, item(rt, Tag.StructureSetROISequence, 0).getString(Tag.ReferencedFrameOfReferenceUID));
        List<String> contoured = new ArrayList<>();
        for (Dataset contour : item(rt, Tag.ROIContourSequence, 0).get(Tag.ContourSequence).sequence()) {
            contoured.addAll(referencedSops(contour.get(Tag.ContourImageSequence)));
        }
        assertEquals(sops, contoured);
    }

    private static List<String> referencedSops(DicomElement sequence) {
        List<String> out = new ArrayList<>();
        for (Dataset item : sequence.sequence()) {
            assertEquals(EngineFixtures.CT_IMAGE_STORAGE, item.getString(Tag.ReferencedSOPClassUID));
            out.add(item.getString(Tag.ReferencedSOPInstanceUID));
        }
        return out;
    }

    @Test
    void noPlantedValueSurvivesTheBasicProfileInAnyObject() throws Exception {
        List<Dataset> objects = List.of(EngineFixtures.ct(1, 8), EngineFixtures.sr(1), EngineFixtures.rtStruct(1),
                withRequestAndPatientSequences(), withPrivateBlocks(), presentationState());
        for (Dataset ds : objects) {
            deidentify(Profile.builtin("basic"), ds);
            String all = String.join("|", EngineFixtures.allStrings(ds)).toUpperCase(Locale.ROOT);
            for (String planted : List.of("DOE", "JOHN", PATIENT_ID, EngineFixtures.ACCESSION, "HOUSE", "SMITH",
                    "TECH", "ELSEWHERE", "CTSCAN07", "OTHER5550", "RP123", "S4417", "19580214", "20240115",
                    "15/01/2024",
                    STUDY_UID, EngineFixtures.SERIES_UID, EngineFixtures.FRAME_OF_REFERENCE_UID)) {
                assertFalse(all.contains(planted), planted + " survives in " + all);
            }
        }
    }
}
