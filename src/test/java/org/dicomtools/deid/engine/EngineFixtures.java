package org.dicomtools.deid.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.dicomtools.deid.dicom.Dataset;
import org.dicomtools.deid.dicom.DicomElement;
import org.dicomtools.deid.dicom.DicomWriter;
import org.dicomtools.deid.dicom.Sequence;
import org.dicomtools.deid.dicom.Tags;
import org.dicomtools.deid.dicom.TransferSyntax;
import org.dicomtools.deid.dicom.VR;
import org.dicomtools.deid.dicom.dict.Tag;
import org.dicomtools.deid.dicom.dict.UID;
import org.dicomtools.deid.profile.Option;
import org.dicomtools.deid.profile.Profile;
import org.dicomtools.deid.profile.ProfileException;

/**
 * Synthetic datasets for the engine tests: CT images, an SR and an RT Structure Set that reference
 * them, all with planted PHI. Every planted value is a constant here so that tests can assert it is
 * gone.
 */
final class EngineFixtures {
    /** The fixed secret of the tests (32 characters). */
    static final String SECRET = "engine-test-secret-0123456789abc";

    static final String PATIENT_NAME = "DOE^JOHN";
    static final String PATIENT_ID = "MRN4417702";
    static final String BIRTH_DATE = "19580214";
    static final String STUDY_DATE = "20240115";
    static final String ACCESSION = "ACC77123";
    static final String STUDY_UID = "1.2.826.0.1.3680043.10.543.1";
    static final String SERIES_UID = "1.2.826.0.1.3680043.10.543.1.2";
    static final String FRAME_OF_REFERENCE_UID = "1.2.826.0.1.3680043.10.543.1.9";
    static final String CT_IMAGE_STORAGE = UID.CTImageStorage;

    private EngineFixtures() {
    }

    static Pseudonymizer keys() {
        return Pseudonymizer.of(SECRET);
    }

    static Profile builtin(String name, Option... options) throws ProfileException {
        return Profile.builtin(name).withOptions(Arrays.asList(options));
    }

    /** A profile of the given rule lines after {@code profile t}; everything else kept. */
    static Profile rules(String... lines) throws ProfileException {
        return Profile.parse("profile t\n" + String.join("\n", lines) + "\n* K\n", "test.profile");
    }

    /** The SOP Instance UID of CT image {@code n} of the fixture series. */
    static String imageUid(int n) {
        return SERIES_UID + "." + n;
    }

    /**
     * A CT image of the fixture patient with planted PHI in the usual places and {@code size} x
     * {@code size} 16-bit pixels (no pixel data when size is 0).
     */
    static Dataset ct(int n, int size) {
        Dataset ds = patientAndStudy(new Dataset(), PATIENT_NAME, PATIENT_ID);
        ds.setString(Tag.ImageType, VR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
        ds.setString(Tag.SOPClassUID, VR.UI, CT_IMAGE_STORAGE);
        ds.setString(Tag.SOPInstanceUID, VR.UI, imageUid(n));
        ds.setString(Tag.SeriesDate, VR.DA, STUDY_DATE);
        ds.setString(Tag.AcquisitionDateTime, VR.DT, STUDY_DATE + "101112.5+0100");
        ds.setString(Tag.Modality, VR.CS, "CT");
        ds.setString(Tag.Manufacturer, VR.LO, "GE MEDICAL SYSTEMS");
        ds.setString(Tag.InstitutionName, VR.LO, "St Elsewhere Hospital");
        ds.setString(Tag.StationName, VR.SH, "CTSCAN07");
        ds.setString(Tag.SeriesDescription, VR.LO, "Axial 1.25 mm");
        ds.setString(Tag.OperatorsName, VR.PN, "TECH^TERRY");
        ds.setString(Tag.SliceThickness, VR.DS, "1.25");
        ds.setString(Tag.SeriesInstanceUID, VR.UI, SERIES_UID);
        ds.setString(Tag.SeriesNumber, VR.IS, "2");
        ds.setString(Tag.InstanceNumber, VR.IS, Integer.toString(n));
        ds.setString(Tag.FrameOfReferenceUID, VR.UI, FRAME_OF_REFERENCE_UID);
        ds.setString(Tag.ImagePositionPatient, VR.DS, "-125", "-125", Integer.toString(-n));
        if (size > 0) {
            ds.setInts(Tag.SamplesPerPixel, VR.US, 1);
            ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
            ds.setInts(Tag.Rows, VR.US, size);
            ds.setInts(Tag.Columns, VR.US, size);
            ds.setInts(Tag.BitsAllocated, VR.US, 16);
            ds.setInts(Tag.BitsStored, VR.US, 12);
            ds.setInts(Tag.HighBit, VR.US, 11);
            ds.setInts(Tag.PixelRepresentation, VR.US, 0);
            byte[] pixels = new byte[size * size * 2];
            for (int i = 0; i < pixels.length; i += 2) {
                int v = (i / 2 * 7 + n * 13) & 0x0FFF;
                pixels[i] = (byte) v;
                pixels[i + 1] = (byte) (v >> 8);
            }
            ds.setBytes(Tag.PixelData, VR.OW, pixels);
        }
        return ds;
    }

    /** Patient and study attributes of the fixture study, for any object. */
    static Dataset patientAndStudy(Dataset ds, String name, String id) {
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
        ds.setString(Tag.StudyDate, VR.DA, STUDY_DATE);
        ds.setString(Tag.StudyTime, VR.TM, "101112");
        ds.setString(Tag.AccessionNumber, VR.SH, ACCESSION);
        ds.setString(Tag.ReferringPhysicianName, VR.PN, "HOUSE^GREGORY");
        ds.setString(Tag.StudyDescription, VR.LO, "CT CHEST");
        ds.setString(Tag.PatientName, VR.PN, name);
        ds.setString(Tag.PatientID, VR.LO, id);
        ds.setString(Tag.PatientBirthDate, VR.DA, BIRTH_DATE);
        ds.setString(Tag.PatientSex, VR.CS, "M");
        ds.setString(Tag.PatientAge, VR.AS, "065Y");
        ds.setString(Tag.StudyInstanceUID, VR.UI, STUDY_UID);
        ds.setString(Tag.StudyID, VR.SH, "S4417");
        return ds;
    }

    /**
     * A Comprehensive SR of the fixture patient: evidence pointing at CT images {@code images}, and
     * a content tree three containers deep with text, a person name, a date and image references.
     */
    static Dataset sr(int... images) {
        Dataset ds = patientAndStudy(new Dataset(), PATIENT_NAME, PATIENT_ID);
        ds.setString(Tag.SOPClassUID, VR.UI, UID.ComprehensiveSRStorage);
        ds.setString(Tag.SOPInstanceUID, VR.UI, STUDY_UID + ".77.1");
        ds.setString(Tag.Modality, VR.CS, "SR");
        ds.setString(Tag.SeriesInstanceUID, VR.UI, STUDY_UID + ".77");
        ds.setString(Tag.ContentDate, VR.DA, STUDY_DATE);
        ds.setString(Tag.ContentTime, VR.TM, "120000");
        ds.setString(Tag.ValueType, VR.CS, "CONTAINER");
        code(ds.newSequence(Tag.ConceptNameCodeSequence), "18748-4", "LN", "Diagnostic Imaging Report");
        ds.setString(Tag.ContinuityOfContent, VR.CS, "SEPARATE");
        Sequence evidence = ds.newSequence(Tag.CurrentRequestedProcedureEvidenceSequence);
        Dataset study = evidence.addItem();
        study.setString(Tag.StudyInstanceUID, VR.UI, STUDY_UID);
        Dataset series = study.newSequence(Tag.ReferencedSeriesSequence).addItem();
        series.setString(Tag.SeriesInstanceUID, VR.UI, SERIES_UID);
        Sequence sops = series.newSequence(Tag.ReferencedSOPSequence);
        for (int n : images) {
            Dataset sop = sops.addItem();
            sop.setString(Tag.ReferencedSOPClassUID, VR.UI, CT_IMAGE_STORAGE);
            sop.setString(Tag.ReferencedSOPInstanceUID, VR.UI, imageUid(n));
        }
        Sequence content = ds.newSequence(Tag.ContentSequence);
        Dataset text = item(content, "CONTAINS", "TEXT", "121106", "DCM", "Comment");
        text.setString(Tag.TextValue, VR.UT, "Patient John Doe called on 15/01/2024 from 617-555-0142");
        Dataset observer = item(content, "HAS OBS CONTEXT", "PNAME", "121008", "DCM", "Person Observer Name");
        observer.setString(Tag.PersonName, VR.PN, "SMITH^ANNA");
        Dataset level1 = item(content, "CONTAINS", "CONTAINER", "121070", "DCM", "Findings");
        level1.setString(Tag.ContinuityOfContent, VR.CS, "SEPARATE");
        Sequence content2 = level1.newSequence(Tag.ContentSequence);
        Dataset level2 = item(content2, "CONTAINS", "CONTAINER", "121071", "DCM", "Finding");
        level2.setString(Tag.ContinuityOfContent, VR.CS, "SEPARATE");
        Sequence content3 = level2.newSequence(Tag.ContentSequence);
        Dataset deep = item(content3, "CONTAINS", "TEXT", "121071", "DCM", "Finding");
        deep.setString(Tag.TextValue, VR.UT, "Nodule seen by Dr John Doe");
        Dataset date = item(content3, "HAS OBS CONTEXT", "DATE", "111060", "DCM", "Study Date");
        date.setString(Tag.Date, VR.DA, STUDY_DATE);
        Dataset num = item(content3, "CONTAINS", "NUM", "410668003", "SCT", "Length");
        Dataset measured = num.newSequence(Tag.MeasuredValueSequence).addItem();
        measured.setString(Tag.NumericValue, VR.DS, "12.5");
        code(measured.newSequence(Tag.MeasurementUnitsCodeSequence), "mm", "UCUM", "millimeter");
        for (int n : images) {
            Dataset image = item(content3, "SELECTED FROM", "IMAGE", "121191", "DCM", "Referenced Image");
            Dataset sop = image.newSequence(Tag.ReferencedSOPSequence).addItem();
            sop.setString(Tag.ReferencedSOPClassUID, VR.UI, CT_IMAGE_STORAGE);
            sop.setString(Tag.ReferencedSOPInstanceUID, VR.UI, imageUid(n));
        }
        return ds;
    }

    private static Dataset item(Sequence content, String relationship, String type, String value, String scheme,
            String meaning) {
        Dataset item = content.addItem();
        item.setString(Tag.RelationshipType, VR.CS, relationship);
        item.setString(Tag.ValueType, VR.CS, type);
        code(item.newSequence(Tag.ConceptNameCodeSequence), value, scheme, meaning);
        return item;
    }

    static Dataset code(Sequence seq, String value, String scheme, String meaning) {
        Dataset code = seq.addItem();
        code.setString(Tag.CodeValue, VR.SH, value);
        code.setString(Tag.CodingSchemeDesignator, VR.SH, scheme);
        code.setString(Tag.CodeMeaning, VR.LO, meaning);
        return code;
    }

    /**
     * An RT Structure Set of the fixture patient with one ROI contoured on CT images
     * {@code images}: frame of reference, study, series and contour image references.
     */
    static Dataset rtStruct(int... images) {
        Dataset ds = patientAndStudy(new Dataset(), PATIENT_NAME, PATIENT_ID);
        ds.setString(Tag.SOPClassUID, VR.UI, UID.RTStructureSetStorage);
        ds.setString(Tag.SOPInstanceUID, VR.UI, STUDY_UID + ".88.1");
        ds.setString(Tag.Modality, VR.CS, "RTSTRUCT");
        ds.setString(Tag.SeriesInstanceUID, VR.UI, STUDY_UID + ".88");
        ds.setString(Tag.StructureSetLabel, VR.SH, "DOE PLAN");
        ds.setString(Tag.StructureSetDate, VR.DA, STUDY_DATE);
        Dataset frame = ds.newSequence(Tag.ReferencedFrameOfReferenceSequence).addItem();
        frame.setString(Tag.FrameOfReferenceUID, VR.UI, FRAME_OF_REFERENCE_UID);
        Dataset study = frame.newSequence(Tag.RTReferencedStudySequence).addItem();
        study.setString(Tag.ReferencedSOPClassUID, VR.UI, "1.2.840.10008.3.1.2.3.1");
        study.setString(Tag.ReferencedSOPInstanceUID, VR.UI, STUDY_UID);
        Dataset series = study.newSequence(Tag.RTReferencedSeriesSequence).addItem();
        series.setString(Tag.SeriesInstanceUID, VR.UI, SERIES_UID);
        contourImages(series.newSequence(Tag.ContourImageSequence), images);
        Dataset roi = ds.newSequence(Tag.StructureSetROISequence).addItem();
        roi.setString(Tag.ROINumber, VR.IS, "1");
        roi.setString(Tag.ReferencedFrameOfReferenceUID, VR.UI, FRAME_OF_REFERENCE_UID);
        roi.setString(Tag.ROIName, VR.LO, "GTV");
        Dataset roiContour = ds.newSequence(Tag.ROIContourSequence).addItem();
        roiContour.setString(Tag.ReferencedROINumber, VR.IS, "1");
        Sequence contours = roiContour.newSequence(Tag.ContourSequence);
        for (int n : images) {
            Dataset contour = contours.addItem();
            contourImages(contour.newSequence(Tag.ContourImageSequence), n);
            contour.setString(Tag.ContourGeometricType, VR.CS, "CLOSED_PLANAR");
            contour.setString(Tag.NumberOfContourPoints, VR.IS, "1");
            contour.setString(Tag.ContourData, VR.DS, "0", "0", Integer.toString(-n));
        }
        return ds;
    }

    private static void contourImages(Sequence seq, int... images) {
        for (int n : images) {
            Dataset image = seq.addItem();
            image.setString(Tag.ReferencedSOPClassUID, VR.UI, CT_IMAGE_STORAGE);
            image.setString(Tag.ReferencedSOPInstanceUID, VR.UI, imageUid(n));
        }
    }

    /** File Meta Information as a sending PACS writes it, with its AE title. */
    static Dataset sourceMeta() {
        Dataset meta = new Dataset();
        meta.setString(Tag.SourceApplicationEntityTitle, VR.AE, "HOSP_PACS_DOE");
        return meta;
    }

    /** Writes a Part 10 file (explicit VR little endian) with a sender's meta information. */
    static Path write(Path file, Dataset ds) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        new DicomWriter().write(file, ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, sourceMeta());
        return file;
    }

    /** The raw value bytes of an element (inline values only). */
    static byte[] bytes(Dataset ds, int tag) throws IOException {
        DicomElement e = ds.get(tag);
        return e.bytes(Integer.MAX_VALUE);
    }

    /** Every text value at every depth, for "no planted value survives" checks. */
    static List<String> allStrings(Dataset ds) {
        List<String> out = new ArrayList<>();
        collect(ds, out);
        return out;
    }

    private static void collect(Dataset ds, List<String> out) {
        for (DicomElement e : ds) {
            if (e.isSequence()) {
                for (Dataset item : e.sequence()) {
                    collect(item, out);
                }
            } else {
                out.addAll(ds.strings(e));
            }
        }
    }

    /** The item at {@code index} of the sequence {@code tag}. */
    static Dataset item(Dataset ds, int tag, int index) {
        DicomElement e = ds.get(tag);
        if (e == null || !e.isSequence()) {
            throw new AssertionError("no sequence " + Tags.toString(tag));
        }
        return e.sequence().get(index);
    }
}
