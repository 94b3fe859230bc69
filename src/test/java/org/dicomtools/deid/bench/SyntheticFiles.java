package org.dicomtools.deid.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.dicomtools.deid.dicom.Dataset;
import org.dicomtools.deid.dicom.DicomFile;
import org.dicomtools.deid.dicom.DicomReader;
import org.dicomtools.deid.dicom.DicomWriter;
import org.dicomtools.deid.dicom.Sequence;
import org.dicomtools.deid.dicom.TransferSyntax;
import org.dicomtools.deid.dicom.VR;
import org.dicomtools.deid.dicom.dict.Tag;
import org.dicomtools.deid.dicom.dict.UID;

/**
 * Deterministic synthetic DICOM files for the benchmarks: CT slices of 512 x 512 16-bit pixels,
 * Enhanced CT multi-frame images with per-frame functional groups, Basic Text SR documents without
 * pixel data (a content tree three levels deep that references the images) and ultrasound images
 * with a bright band where burned-in text usually sits. Headers carry the invented PHI that real
 * exports carry (names, IDs, dates, addresses, a private block, Request Attributes), so the
 * de-identification engine does the work it does on real data. All files are explicit VR little
 * endian; the same arguments always give byte-identical files.
 */
final class SyntheticFiles {
    /** UID root of the generated instances (the examples' root with a benchmark arc). */
    private static final String ROOT = "1.2.826.0.1.3680043.10.1234.77";

    private final DicomWriter writer = new DicomWriter();
    private final List<Path> written = new ArrayList<>();
    private long bytes;

    /** Files written so far, in the order written. */
    List<Path> files() {
        return List.copyOf(written);
    }

    /** Total size of the files written so far. */
    long bytes() {
        return bytes;
    }

    /**
     * The codec benchmark's mixed set: 200 CT slices, 50 Enhanced CT images of 20 frames and 200
     * SR documents, plus every file under {@code resources} (may be null or missing) that
     * {@link DicomReader} reads.
     */
    static SyntheticFiles codecSet(Path dir, Path resources) throws IOException {
        SyntheticFiles set = new SyntheticFiles();
        for (int i = 0; i < 200; i++) {
            set.write(dir.resolve(String.format(Locale.ROOT, "ct/IM%04d.dcm", i)), ct(i % 10, 1, 1, i, 512, 512));
        }
        for (int i = 0; i < 50; i++) {
            set.write(dir.resolve(String.format(Locale.ROOT, "enhanced/MF%04d.dcm", i)), enhancedCt(i % 10, i, 20));
        }
        for (int i = 0; i < 200; i++) {
            set.write(dir.resolve(String.format(Locale.ROOT, "sr/SR%04d.dcm", i)), report(i % 10, 1, i, 3));
        }
        if (resources != null && Files.isDirectory(resources)) {
            set.copyReadable(resources, dir.resolve("resources"));
        }
        return set;
    }

    /**
     * The engine benchmark's dataset: 20 patients of 100 files each (85 CT slices, 2 Enhanced CT
     * images of 20 frames, 3 ultrasound images, 10 SR documents), 2,000 files in all.
     */
    static SyntheticFiles engineSet(Path dir) throws IOException {
        SyntheticFiles set = new SyntheticFiles();
        for (int p = 0; p < 20; p++) {
            Path patient = dir.resolve(String.format(Locale.ROOT, "P%02d", p));
            for (int i = 0; i < 85; i++) {
                set.write(patient.resolve(String.format(Locale.ROOT, "CT/IM%04d.dcm", i)), ct(p, 1, 1, i, 512, 512));
            }
            for (int i = 0; i < 2; i++) {
                set.write(patient.resolve(String.format(Locale.ROOT, "ECT/MF%04d.dcm", i)),
                        enhancedCt(p, p * 10 + i, 20));
            }
            for (int i = 0; i < 3; i++) {
                set.write(patient.resolve(String.format(Locale.ROOT, "US/US%04d.dcm", i)), ultrasound(p, i));
            }
            for (int i = 0; i < 10; i++) {
                set.write(patient.resolve(String.format(Locale.ROOT, "SR/SR%04d.dcm", i)), report(p, 1, i, 85));
            }
        }
        return set;
    }

    private void write(Path file, Dataset ds) throws IOException {
        Files.createDirectories(file.getParent());
        writer.write(file, ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, null);
        written.add(file);
        bytes += Files.size(file);
    }

    private void copyReadable(Path from, Path to) throws IOException {
        List<Path> candidates;
        try (Stream<Path> walk = Files.walk(from)) {
            candidates = walk.filter(Files::isRegularFile).sorted().toList();
        }
        DicomReader reader = new DicomReader();
        for (Path f : candidates) {
            if (!isDicom(reader, f)) {
                continue;
            }
            Path target = to.resolve(from.relativize(f).toString());
            Files.createDirectories(target.getParent());
            Files.copy(f, target);
            written.add(target);
            bytes += Files.size(target);
        }
    }

    /** True when the reader parses the file; test resources that are not DICOM are left out. */
    private static boolean isDicom(DicomReader reader, Path f) {
        try (DicomFile df = reader.read(f)) {
            return df.isPart10() || !df.dataset().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- datasets

    private static String patientName(int p) {
        return "BENCHMARK^PATIENT" + (char) ('A' + p % 26) + "^" + (p < 26 ? "" : Integer.toString(p));
    }

    private static String patientId(int p) {
        return String.format(Locale.ROOT, "MRN%07d", 4_400_000 + p * 37);
    }

    private static String studyUid(int p, int study) {
        return ROOT + "." + (p + 1) + "." + study;
    }

    private static void patient(Dataset ds, int p) {
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
        ds.setString(Tag.PatientName, VR.PN, patientName(p));
        ds.setString(Tag.PatientID, VR.LO, patientId(p));
        ds.setString(Tag.IssuerOfPatientID, VR.LO, "SPRINGFIELD-MPI");
        ds.setString(Tag.PatientBirthDate, VR.DA, String.format(Locale.ROOT, "19%02d0%d1%d", 40 + p, 1 + p % 9, p % 10));
        ds.setString(Tag.PatientSex, VR.CS, p % 2 == 0 ? "F" : "M");
        ds.setString(Tag.PatientAge, VR.AS, String.format(Locale.ROOT, "%03dY", 84 - p));
        ds.setString(Tag.PatientAddress, VR.LO, (10 + p) + " Harbour Street, Springfield");
        ds.setString(Tag.PatientTelephoneNumbers, VR.SH, "555-201-" + (7000 + p));
        ds.setString(Tag.PatientWeight, VR.DS, Integer.toString(55 + p));
        Dataset other = ds.newSequence(Tag.OtherPatientIDsSequence).addItem();
        other.setString(Tag.PatientID, VR.LO, patientId(p) + "-OLD");
        other.setString(Tag.IssuerOfPatientID, VR.LO, "LEGACY-RIS");
    }

    private static void study(Dataset ds, int p, int study, String modality, String sopClass, String sop) {
        String date = String.format(Locale.ROOT, "2024%02d%02d", 1 + p % 12, 1 + study % 28);
        ds.setString(Tag.SOPClassUID, VR.UI, sopClass);
        ds.setString(Tag.SOPInstanceUID, VR.UI, sop);
        ds.setString(Tag.StudyDate, VR.DA, date);
        ds.setString(Tag.SeriesDate, VR.DA, date);
        ds.setString(Tag.ContentDate, VR.DA, date);
        ds.setString(Tag.StudyTime, VR.TM, "093012");
        ds.setString(Tag.ContentTime, VR.TM, "093514.250");
        String accession = String.format(Locale.ROOT, "ACC-%s-%d", date, p);
        ds.setString(Tag.AccessionNumber, VR.SH, accession);
        ds.setString(Tag.Modality, VR.CS, modality);
        ds.setString(Tag.Manufacturer, VR.LO, "ACME Imaging");
        ds.setString(Tag.InstitutionName, VR.LO, "General Hospital of Springfield");
        ds.setString(Tag.InstitutionAddress, VR.ST, "1 Hospital Way, Springfield");
        ds.setString(Tag.ReferringPhysicianName, VR.PN, "REYES^HANNAH");
        ds.setString(Tag.StationName, VR.SH, modality + "01-SPRINGFIELD");
        ds.setString(Tag.StudyDescription, VR.LO, modality + " follow-up");
        ds.setString(Tag.OperatorsName, VR.PN, "TECH^TOM");
        ds.setString(Tag.ManufacturerModelName, VR.LO, "Model 9");
        ds.setString(Tag.DeviceSerialNumber, VR.LO, "SN-5521-00" + (10 + p % 5));
        ds.setString(Tag.StudyInstanceUID, VR.UI, studyUid(p, study));
        ds.setString(Tag.StudyID, VR.SH, "S" + date);
        Dataset request = ds.newSequence(Tag.RequestAttributesSequence).addItem();
        request.setString(Tag.AccessionNumber, VR.SH, accession);
        request.setString(Tag.RequestedProcedureID, VR.SH, "RP-" + date);
        request.setString(Tag.ScheduledProcedureStepID, VR.SH, "SPS-" + date);
        request.setString(Tag.RequestingPhysician, VR.PN, "Reyes^Hannah");
    }

    /** A private block as scanners write them: a creator, text, numbers and an opaque binary blob. */
    private static void privateBlock(Dataset ds, int p, int seed) {
        ds.setString(0x00090010, VR.LO, "ACME CT 1.0");
        ds.setString(0x00091001, VR.LO, "Protocol for " + patientName(p));
        ds.setString(0x00091002, VR.DS, "1.25", "0.5");
        byte[] blob = new byte[512];
        new SplittableRandom(seed).nextBytes(blob);
        ds.setBytes(0x00091003, VR.OB, blob);
    }

    private static void imagePixel(Dataset ds, int rows, int cols, int frames) {
        ds.setInts(Tag.SamplesPerPixel, VR.US, 1);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        if (frames > 0) {
            ds.setString(Tag.NumberOfFrames, VR.IS, Integer.toString(frames));
        }
        ds.setInts(Tag.Rows, VR.US, rows);
        ds.setInts(Tag.Columns, VR.US, cols);
        ds.setInts(Tag.BitsAllocated, VR.US, 16);
        ds.setInts(Tag.BitsStored, VR.US, 12);
        ds.setInts(Tag.HighBit, VR.US, 11);
        ds.setInts(Tag.PixelRepresentation, VR.US, 0);
        ds.setString(Tag.WindowCenter, VR.DS, "40");
        ds.setString(Tag.WindowWidth, VR.DS, "400");
        ds.setString(Tag.RescaleIntercept, VR.DS, "-1024");
        ds.setString(Tag.RescaleSlope, VR.DS, "1");
    }

    /** 12-bit little-endian samples: a disc of tissue with noise on a dark background. */
    private static byte[] slices(int rows, int cols, int frames, long seed) {
        byte[] px = new byte[rows * cols * 2 * frames];
        SplittableRandom random = new SplittableRandom(seed);
        double r2 = (rows / 2.5) * (rows / 2.5);
        int i = 0;
        for (int f = 0; f < frames; f++) {
            for (int y = 0; y < rows; y++) {
                double dy = y - rows / 2.0;
                for (int x = 0; x < cols; x++) {
                    double dx = x - cols / 2.0;
                    int v = dx * dx + dy * dy < r2 ? 1000 + random.nextInt(120) : 24 + random.nextInt(8);
                    px[i++] = (byte) v;
                    px[i++] = (byte) (v >> 8);
                }
            }
        }
        return px;
    }

    /** A CT slice with a private block and Request Attributes. */
    static Dataset ct(int p, int study, int series, int instance, int rows, int cols) {
        Dataset ds = new Dataset();
        patient(ds, p);
        String seriesUid = studyUid(p, study) + "." + series;
        study(ds, p, study, "CT", UID.CTImageStorage, seriesUid + "." + (instance + 1));
        ds.setString(Tag.ImageType, VR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
        ds.setString(Tag.SeriesInstanceUID, VR.UI, seriesUid);
        ds.setString(Tag.FrameOfReferenceUID, VR.UI, seriesUid + ".0");
        ds.setString(Tag.SeriesNumber, VR.IS, Integer.toString(series));
        ds.setString(Tag.InstanceNumber, VR.IS, Integer.toString(instance + 1));
        ds.setString(Tag.SliceThickness, VR.DS, "1.25");
        ds.setString(Tag.ImagePositionPatient, VR.DS, "-250", "-250", Double.toString(-instance * 1.25));
        ds.setString(Tag.ImageOrientationPatient, VR.DS, "1", "0", "0", "0", "1", "0");
        ds.setString(Tag.PixelSpacing, VR.DS, "0.9765625", "0.9765625");
        privateBlock(ds, p, instance);
        imagePixel(ds, rows, cols, 0);
        ds.setBytes(Tag.PixelData, VR.OW, slices(rows, cols, 1, (long) p << 20 | instance));
        return ds;
    }

    /** An Enhanced CT image of {@code frames} 512 x 512 frames with shared and per-frame functional groups. */
    static Dataset enhancedCt(int p, int instance, int frames) {
        Dataset ds = new Dataset();
        patient(ds, p);
        String seriesUid = studyUid(p, 1) + ".2";
        study(ds, p, 1, "CT", UID.EnhancedCTImageStorage, seriesUid + "." + (instance + 1));
        ds.setString(Tag.ImageType, VR.CS, "ORIGINAL", "PRIMARY", "VOLUME", "NONE");
        ds.setString(Tag.SeriesInstanceUID, VR.UI, seriesUid);
        ds.setString(Tag.FrameOfReferenceUID, VR.UI, seriesUid + ".0");
        ds.setString(Tag.SeriesNumber, VR.IS, "2");
        ds.setString(Tag.InstanceNumber, VR.IS, Integer.toString(instance + 1));
        Dataset shared = ds.newSequence(Tag.SharedFunctionalGroupsSequence).addItem();
        Dataset measures = shared.newSequence(Tag.PixelMeasuresSequence).addItem();
        measures.setString(Tag.PixelSpacing, VR.DS, "0.9765625", "0.9765625");
        measures.setString(Tag.SliceThickness, VR.DS, "1.25");
        Sequence perFrame = ds.newSequence(Tag.PerFrameFunctionalGroupsSequence);
        for (int f = 0; f < frames; f++) {
            Dataset item = perFrame.addItem();
            Dataset content = item.newSequence(Tag.FrameContentSequence).addItem();
            content.setString(Tag.FrameAcquisitionDateTime, VR.DT, "20240101093514." + (100000 + f));
            content.setInts(Tag.FrameAcquisitionNumber, VR.US, f + 1);
            Dataset position = item.newSequence(Tag.PlanePositionSequence).addItem();
            position.setString(Tag.ImagePositionPatient, VR.DS, "-250", "-250", Double.toString(-f * 1.25));
        }
        privateBlock(ds, p, 1000 + instance);
        imagePixel(ds, 512, 512, frames);
        ds.setBytes(Tag.PixelData, VR.OW, slices(512, 512, frames, (long) p << 20 | (1000 + instance)));
        return ds;
    }

    /** An ultrasound image, 640 x 480 RGB, with a bright band at the top where annotations sit. */
    static Dataset ultrasound(int p, int instance) {
        Dataset ds = new Dataset();
        patient(ds, p);
        String seriesUid = studyUid(p, 2) + ".1";
        study(ds, p, 2, "US", UID.UltrasoundImageStorage, seriesUid + "." + (instance + 1));
        ds.setString(Tag.ImageType, VR.CS, "ORIGINAL", "PRIMARY");
        ds.setString(Tag.SeriesInstanceUID, VR.UI, seriesUid);
        ds.setString(Tag.SeriesNumber, VR.IS, "1");
        ds.setString(Tag.InstanceNumber, VR.IS, Integer.toString(instance + 1));
        int rows = 480;
        int cols = 640;
        ds.setInts(Tag.SamplesPerPixel, VR.US, 3);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, "RGB");
        ds.setInts(Tag.PlanarConfiguration, VR.US, 0);
        ds.setInts(Tag.Rows, VR.US, rows);
        ds.setInts(Tag.Columns, VR.US, cols);
        ds.setInts(Tag.BitsAllocated, VR.US, 8);
        ds.setInts(Tag.BitsStored, VR.US, 8);
        ds.setInts(Tag.HighBit, VR.US, 7);
        ds.setInts(Tag.PixelRepresentation, VR.US, 0);
        byte[] px = new byte[rows * cols * 3];
        SplittableRandom random = new SplittableRandom((long) p << 20 | instance);
        int i = 0;
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                // Glyph-sized blocks in the top band, speckle in a sector below.
                boolean glyph = y >= 8 && y < 24 && x >= 16 && x < 400 && (x / 6 + y / 4) % 3 != 0 && x % 12 < 8;
                int v = glyph ? 235 : y > 40 && Math.abs(x - cols / 2) < (y - 40) ? 40 + random.nextInt(80) : 0;
                px[i++] = (byte) v;
                px[i++] = (byte) v;
                px[i++] = (byte) v;
            }
        }
        ds.setBytes(Tag.PixelData, VR.OB, px);
        return ds;
    }

    /**
     * A Basic Text SR document: a container with findings three levels deep that name the patient, and
     * evidence references to the first {@code references} CT slices of the study.
     */
    static Dataset report(int p, int study, int instance, int references) {
        Dataset ds = new Dataset();
        patient(ds, p);
        String seriesUid = studyUid(p, study) + ".9";
        study(ds, p, study, "SR", UID.BasicTextSRStorage, seriesUid + "." + (instance + 1));
        ds.setString(Tag.SeriesInstanceUID, VR.UI, seriesUid);
        ds.setString(Tag.SeriesNumber, VR.IS, "9");
        ds.setString(Tag.InstanceNumber, VR.IS, Integer.toString(instance + 1));
        ds.setString(Tag.ValueType, VR.CS, "CONTAINER");
        code(ds.newSequence(Tag.ConceptNameCodeSequence).addItem(), "18748-4", "LN", "Diagnostic Imaging Report");
        ds.setString(Tag.ContinuityOfContent, VR.CS, "SEPARATE");
        ds.setString(Tag.CompletionFlag, VR.CS, "COMPLETE");
        ds.setString(Tag.VerificationFlag, VR.CS, "UNVERIFIED");
        Sequence root = ds.newSequence(Tag.ContentSequence);
        for (int s = 0; s < 3; s++) {
            Dataset section = root.addItem();
            section.setString(Tag.RelationshipType, VR.CS, "CONTAINS");
            section.setString(Tag.ValueType, VR.CS, "CONTAINER");
            code(section.newSequence(Tag.ConceptNameCodeSequence).addItem(), "121070", "DCM", "Findings");
            section.setString(Tag.ContinuityOfContent, VR.CS, "SEPARATE");
            Sequence findings = section.newSequence(Tag.ContentSequence);
            for (int f = 0; f < 4; f++) {
                Dataset finding = findings.addItem();
                finding.setString(Tag.RelationshipType, VR.CS, "CONTAINS");
                finding.setString(Tag.ValueType, VR.CS, "TEXT");
                code(finding.newSequence(Tag.ConceptNameCodeSequence).addItem(), "121071", "DCM", "Finding");
                finding.setString(Tag.TextValue, VR.UT, "Patient " + patientName(p) + " (" + patientId(p)
                        + "), seen 2024-01-31, nodule " + (3 + f) + " mm in segment " + (s + 1)
                        + "; call 555-201-7788 to discuss.");
                Dataset note = finding.newSequence(Tag.ContentSequence).addItem();
                note.setString(Tag.RelationshipType, VR.CS, "HAS PROPERTIES");
                note.setString(Tag.ValueType, VR.CS, "TEXT");
                code(note.newSequence(Tag.ConceptNameCodeSequence).addItem(), "121073", "DCM", "Impression");
                note.setString(Tag.TextValue, VR.UT, "Stable since the previous study.");
            }
        }
        Dataset evidence = ds.newSequence(Tag.CurrentRequestedProcedureEvidenceSequence).addItem();
        evidence.setString(Tag.StudyInstanceUID, VR.UI, studyUid(p, study));
        Dataset series = evidence.newSequence(Tag.ReferencedSeriesSequence).addItem();
        String ctSeries = studyUid(p, study) + ".1";
        series.setString(Tag.SeriesInstanceUID, VR.UI, ctSeries);
        Sequence sops = series.newSequence(Tag.ReferencedSOPSequence);
        for (int i = 0; i < references; i++) {
            Dataset ref = sops.addItem();
            ref.setString(Tag.ReferencedSOPClassUID, VR.UI, UID.CTImageStorage);
            ref.setString(Tag.ReferencedSOPInstanceUID, VR.UI, ctSeries + "." + (i + 1));
        }
        return ds;
    }

    private static void code(Dataset item, String value, String scheme, String meaning) {
        item.setString(Tag.CodeValue, VR.SH, value);
        item.setString(Tag.CodingSchemeDesignator, VR.SH, scheme);
        item.setString(Tag.CodeMeaning, VR.LO, meaning);
    }
}
