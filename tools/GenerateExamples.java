import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.dicomtools.deid.dicom.Dataset;
import org.dicomtools.deid.dicom.DicomWriter;
import org.dicomtools.deid.dicom.Sequence;
import org.dicomtools.deid.dicom.TransferSyntax;
import org.dicomtools.deid.dicom.VR;
import org.dicomtools.deid.dicom.dict.Tag;
import org.dicomtools.deid.dicom.dict.UID;

/**
 * Generates the synthetic, PHI-laden raw DICOM files of the example dataset repository
 * ({@code examples/raw}). Every name, identifier, date and address is invented; they are planted in
 * the places real data hides them: standard attributes, nested sequences (Request Attributes,
 * Referenced Patient, Other Patient IDs, an SR content tree), free text, private blocks of several
 * vendors, file meta, burned-in pixel text and file and folder names. The planted values are listed
 * in {@code examples/PLANTED.txt} for the integration tests, which assert that none survives.
 *
 * <p>Run from the repository root after {@code ./mvnw -q compile}:
 * <pre>java -cp target/classes tools/GenerateExamples.java examples/raw</pre>
 * Output is deterministic (fixed UIDs, dates and pixel patterns).
 */
public class GenerateExamples {
    private static final String ROOT = "1.2.826.0.1.3680043.10.1234";
    private static final List<String> PLANTED = new ArrayList<>();

    record Patient(String name, String id, String birth, String sex, String address, String phone, String charset) {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "examples/raw");
        Patient doe = new Patient("DOE^JOHN^Q", "MRN4417702", "19580214", "M", "12 Harbour Street, Springfield",
                "555-201-7788", "ISO_IR 100");
        Patient mueller = new Patient("Müller^Anna", "PID-99231", "19900703", "F", "Hauptstraße 5, 10115 Berlin",
                "+49 30 1234567", "ISO_IR 100");
        Patient yamada = new Patient("Yamada^Tarou=山田^太郎=やまだ^たろう", "JP-7730018", "19470522", "M",
                "3-1 Marunouchi, Tokyo", "+81 3 5555 0101", "\\ISO 2022 IR 87");
        plant(doe);
        plant(mueller);
        plant("Yamada", "Tarou", yamada.id(), yamada.birth(), "Marunouchi", "+81 3 5555 0101");
        plant("ACC-20240131-7", "ACC-20240214-2", "ACC-20240305-9", "General Hospital of Springfield",
                "REYES^HANNAH", "CT01-SPRINGFIELD", "ECHO-ROOM-3", "Berlin Klinikum Nord");

        // Patient 1: a CT series of three slices and an SR report that refers to them.
        String study1 = ROOT + ".1.1";
        String series1 = ROOT + ".1.1.1";
        List<String> ctInstances = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String sop = ROOT + ".1.1.1." + i;
            ctInstances.add(sop);
            Dataset ds = image(doe, "CT", UID.CTImageStorage, study1, series1, sop, "20240131", "ACC-20240131-7",
                    "General Hospital of Springfield", "CT01-SPRINGFIELD", i, 64, 64, 16);
            ds.setString(Tag.ImageComments, VR.LT, "Patient DOE, JOHN (MRN4417702) scanned 31/01/2024, call 555-201-7788");
            write(out.resolve("DOE^JOHN/2024-01-31_CT/DOE_JOHN_CT_00" + i + ".dcm"), ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        }
        Dataset sr = srReport(doe, study1, ROOT + ".1.1.2", ROOT + ".1.1.2.1", series1, ctInstances);
        write(out.resolve("DOE^JOHN/2024-01-31_CT/report_for_John_Doe.dcm"), sr, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);

        // Patient 2: MR, two series, vendor private blocks, implicit VR little endian.
        String study2 = ROOT + ".2.1";
        for (int s = 1; s <= 2; s++) {
            for (int i = 1; i <= 2; i++) {
                String sop = ROOT + ".2.1." + s + "." + i;
                Dataset ds = image(mueller, "MR", UID.MRImageStorage, study2, ROOT + ".2.1." + s, sop, "20240214",
                        "ACC-20240214-2", "Berlin Klinikum Nord", "MRT-NORD-1", i, 64, 64, 16);
                ds.setString(Tag.SeriesDescription, VR.LO, s == 1 ? "t1_mprage_sag" : "t2_tse_tra");
                ds.setString(Tag.ProtocolName, VR.LO, "Kopf Routine Anna Müller");
                ds.setString(Tag.ImageComments, VR.LT, "Nachsorge, Rückfragen an Hauptstraße 5");
                privateBlocks(ds, mueller);
                write(out.resolve("PID-99231/MR " + s + "/IM" + i), ds, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
            }
        }

        // Patient 3: an ultrasound image with the name burned into the top band, and a CR.
        String study3 = ROOT + ".3.1";
        Dataset us = ultrasound(yamada, study3, ROOT + ".3.1.1", ROOT + ".3.1.1.1");
        write(out.resolve("yamada/us/19470522_echo.dcm"), us, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        Dataset cr = image(yamada, "CR", UID.ComputedRadiographyImageStorage, study3, ROOT + ".3.1.2",
                ROOT + ".3.1.2.1", "20240305", "ACC-20240305-9", "General Hospital of Springfield", "CR-ROOM-2", 1, 48,
                48, 16);
        write(out.resolve("yamada/cr/JP-7730018.dcm"), cr, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);

        // A file that is not DICOM, as raw folders often hold.
        Files.writeString(out.resolve("DOE^JOHN/notes.txt"), "Scanned for research consent, John Doe.\n");
        Files.write(out.getParent().resolve("PLANTED.txt"), PLANTED.stream().distinct().sorted().toList());
    }

    private static void plant(Patient p) {
        for (String part : p.name().split("[\\^=]")) {
            if (part.length() > 1) {
                PLANTED.add(part);
            }
        }
        plant(p.id(), p.birth(), p.phone());
        PLANTED.add(p.address().split(",")[0]);
    }

    private static void plant(String... values) {
        PLANTED.addAll(List.of(values));
    }

    private static void patient(Dataset ds, Patient p) {
        ds.setString(Tag.SpecificCharacterSet, VR.CS, p.charset().split("\\\\", -1));
        ds.setString(Tag.PatientName, VR.PN, p.name());
        ds.setString(Tag.PatientID, VR.LO, p.id());
        ds.setString(Tag.IssuerOfPatientID, VR.LO, "SPRINGFIELD-MPI");
        ds.setString(Tag.PatientBirthDate, VR.DA, p.birth());
        ds.setString(Tag.PatientSex, VR.CS, p.sex());
        ds.setString(Tag.PatientAge, VR.AS, p.birth().startsWith("1947") ? "076Y" : "066Y");
        ds.setString(Tag.PatientAddress, VR.LO, p.address());
        ds.setString(Tag.PatientTelephoneNumbers, VR.SH, p.phone());
        ds.setString(Tag.PatientWeight, VR.DS, "72.5");
        Sequence other = ds.newSequence(Tag.OtherPatientIDsSequence);
        Dataset item = other.addItem();
        item.setString(Tag.PatientID, VR.LO, p.id() + "-OLD");
        item.setString(Tag.IssuerOfPatientID, VR.LO, "LEGACY-RIS");
        PLANTED.add(p.id() + "-OLD");
        Sequence ref = ds.newSequence(Tag.ReferencedPatientSequence);
        Dataset r = ref.addItem();
        r.setString(Tag.ReferencedSOPClassUID, VR.UI, "1.2.840.10008.3.1.2.1.1");
        r.setString(Tag.ReferencedSOPInstanceUID, VR.UI, ROOT + ".99." + Math.floorMod(p.id().hashCode(), 1000));
    }

    private static Dataset image(Patient p, String modality, String sopClass, String study, String series, String sop,
            String date, String accession, String institution, String station, int number, int rows, int cols,
            int bits) {
        Dataset ds = new Dataset();
        patient(ds, p);
        ds.setString(Tag.ImageType, VR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
        ds.setString(Tag.SOPClassUID, VR.UI, sopClass);
        ds.setString(Tag.SOPInstanceUID, VR.UI, sop);
        ds.setString(Tag.StudyDate, VR.DA, date);
        ds.setString(Tag.SeriesDate, VR.DA, date);
        ds.setString(Tag.ContentDate, VR.DA, date);
        ds.setString(Tag.StudyTime, VR.TM, "093012");
        ds.setString(Tag.ContentTime, VR.TM, "093514.250");
        ds.setString(Tag.AccessionNumber, VR.SH, accession);
        ds.setString(Tag.Modality, VR.CS, modality);
        ds.setString(Tag.Manufacturer, VR.LO, "ACME Imaging");
        ds.setString(Tag.InstitutionName, VR.LO, institution);
        ds.setString(Tag.InstitutionAddress, VR.ST, "1 Hospital Way, Springfield");
        ds.setString(Tag.ReferringPhysicianName, VR.PN, "REYES^HANNAH");
        ds.setString(Tag.StationName, VR.SH, station);
        // The patient's own surname: a name in free text is cleaned as that patient's PHI.
        ds.setString(Tag.StudyDescription, VR.LO, modality + " follow-up for " + p.name().split("[\\^=]")[0]);
        ds.setString(Tag.OperatorsName, VR.PN, "TECH^TOM");
        PLANTED.add("TECH");
        ds.setString(Tag.ManufacturerModelName, VR.LO, "Model 9");
        ds.setString(Tag.DeviceSerialNumber, VR.LO, "SN-5521-0042");
        PLANTED.add("SN-5521-0042");
        ds.setString(Tag.StudyInstanceUID, VR.UI, study);
        ds.setString(Tag.SeriesInstanceUID, VR.UI, series);
        ds.setString(Tag.FrameOfReferenceUID, VR.UI, series + ".0");
        ds.setString(Tag.StudyID, VR.SH, "S" + accession.substring(4, 12));
        ds.setString(Tag.SeriesNumber, VR.IS, "1");
        ds.setString(Tag.InstanceNumber, VR.IS, Integer.toString(number));
        Sequence req = ds.newSequence(Tag.RequestAttributesSequence);
        Dataset ri = req.addItem();
        ri.setString(Tag.AccessionNumber, VR.SH, accession);
        ri.setString(Tag.RequestedProcedureID, VR.SH, "RP-" + accession.substring(4));
        ri.setString(Tag.ScheduledProcedureStepID, VR.SH, "SPS-" + accession.substring(4));
        ri.setString(Tag.RequestingPhysician, VR.PN, "Reyes^Hannah");
        pixels(ds, rows, cols, bits, number);
        return ds;
    }

    private static void pixels(Dataset ds, int rows, int cols, int bits, int seed) {
        ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        ds.setInts(Tag.SamplesPerPixel, VR.US, 1);
        ds.setInts(Tag.Rows, VR.US, rows);
        ds.setInts(Tag.Columns, VR.US, cols);
        ds.setInts(Tag.BitsAllocated, VR.US, bits);
        ds.setInts(Tag.BitsStored, VR.US, bits == 16 ? 12 : 8);
        ds.setInts(Tag.HighBit, VR.US, bits == 16 ? 11 : 7);
        ds.setInts(Tag.PixelRepresentation, VR.US, 0);
        int bytes = bits / 8;
        byte[] px = new byte[rows * cols * bytes];
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                double dx = x - cols / 2.0;
                double dy = y - rows / 2.0;
                int v = dx * dx + dy * dy < (rows / 2.5) * (rows / 2.5) ? 800 + ((x * 7 + y * 13 + seed * 31) % 200) : 20;
                int i = (y * cols + x) * bytes;
                if (bytes == 2) {
                    px[i] = (byte) v;
                    px[i + 1] = (byte) (v >> 8);
                } else {
                    px[i] = (byte) Math.min(255, v / 4);
                }
            }
        }
        ds.setBytes(Tag.PixelData, bits == 16 ? VR.OW : VR.OB, px);
    }

    private static void privateBlocks(Dataset ds, Patient p) {
        // A vendor block the safe private list knows (GE acquisition) and one it does not.
        ds.setString(0x00190010, VR.LO, "GEMS_ACQU_01");
        ds.setString(0x0019101E, VR.DS, "240");
        ds.setString(0x00290010, VR.LO, "ACME PRIVATE");
        ds.setString(0x00291001, VR.LO, p.name().split("=")[0]);
        ds.setString(0x00291002, VR.DA, p.birth());
        ds.setString(0x00291003, VR.SH, p.id());
    }

    private static Dataset ultrasound(Patient p, String study, String series, String sop) {
        Dataset ds = image(p, "US", UID.UltrasoundImageStorage, study, series, sop, "20240305", "ACC-20240305-9",
                "General Hospital of Springfield", "ECHO-ROOM-3", 1, 96, 128, 8);
        ds.remove(Tag.FrameOfReferenceUID);
        ds.setString(Tag.BurnedInAnnotation, VR.CS, "YES");
        byte[] px = new byte[96 * 128];
        for (int y = 12; y < 96; y++) {
            for (int x = 0; x < 128; x++) {
                double dx = x - 64;
                double dy = y - 8;
                double r = Math.sqrt(dx * dx + dy * dy);
                if (r < 86 && Math.abs(Math.atan2(dx, dy)) < 0.6) {
                    px[y * 128 + x] = (byte) (60 + ((x * 37 + y * 91) % 80));
                }
            }
        }
        Font.draw(px, 128, 2, 2, "YAMADA T 19470522");
        ds.setBytes(Tag.PixelData, VR.OB, px);
        return ds;
    }

    private static Dataset srReport(Patient p, String study, String series, String sop, String imageSeries,
            List<String> images) {
        Dataset ds = new Dataset();
        patient(ds, p);
        ds.setString(Tag.SOPClassUID, VR.UI, UID.ComprehensiveSRStorage);
        ds.setString(Tag.SOPInstanceUID, VR.UI, sop);
        ds.setString(Tag.StudyDate, VR.DA, "20240131");
        ds.setString(Tag.ContentDate, VR.DA, "20240201");
        ds.setString(Tag.ContentTime, VR.TM, "110000");
        ds.setString(Tag.AccessionNumber, VR.SH, "ACC-20240131-7");
        ds.setString(Tag.Modality, VR.CS, "SR");
        ds.setString(Tag.StudyInstanceUID, VR.UI, study);
        ds.setString(Tag.SeriesInstanceUID, VR.UI, series);
        ds.setString(Tag.ReferringPhysicianName, VR.PN, "REYES^HANNAH");
        ds.setString(Tag.ValueType, VR.CS, "CONTAINER");
        ds.setString(Tag.CompletionFlag, VR.CS, "COMPLETE");
        ds.setString(Tag.VerificationFlag, VR.CS, "VERIFIED");
        Sequence observer = ds.newSequence(Tag.VerifyingObserverSequence);
        Dataset o = observer.addItem();
        o.setString(Tag.VerifyingObserverName, VR.PN, "REYES^HANNAH");
        o.setString(Tag.VerifyingOrganization, VR.LO, "General Hospital of Springfield");
        o.setString(Tag.VerificationDateTime, VR.DT, "20240201113000");
        Sequence evidence = ds.newSequence(Tag.CurrentRequestedProcedureEvidenceSequence);
        Dataset ev = evidence.addItem();
        ev.setString(Tag.StudyInstanceUID, VR.UI, study);
        Dataset se = ev.newSequence(Tag.ReferencedSeriesSequence).addItem();
        se.setString(Tag.SeriesInstanceUID, VR.UI, imageSeries);
        Sequence refs = se.newSequence(Tag.ReferencedSOPSequence);
        for (String img : images) {
            Dataset r = refs.addItem();
            r.setString(Tag.ReferencedSOPClassUID, VR.UI, UID.CTImageStorage);
            r.setString(Tag.ReferencedSOPInstanceUID, VR.UI, img);
        }
        Sequence content = ds.newSequence(Tag.ContentSequence);
        Dataset finding = content.addItem();
        finding.setString(Tag.RelationshipType, VR.CS, "CONTAINS");
        finding.setString(Tag.ValueType, VR.CS, "TEXT");
        finding.setString(Tag.TextValue, VR.UT,
                "John Doe, born 14.02.1958, MRN4417702: no change since 2023-12-01. Phone 555-201-7788.");
        Dataset nested = finding.newSequence(Tag.ContentSequence).addItem();
        nested.setString(Tag.RelationshipType, VR.CS, "HAS OBS CONTEXT");
        nested.setString(Tag.ValueType, VR.CS, "PNAME");
        nested.setString(Tag.PersonName, VR.PN, "DOE^JOHN^Q");
        Dataset img = content.addItem();
        img.setString(Tag.RelationshipType, VR.CS, "CONTAINS");
        img.setString(Tag.ValueType, VR.CS, "IMAGE");
        Dataset ref = img.newSequence(Tag.ReferencedSOPSequence).addItem();
        ref.setString(Tag.ReferencedSOPClassUID, VR.UI, UID.CTImageStorage);
        ref.setString(Tag.ReferencedSOPInstanceUID, VR.UI, images.get(1));
        return ds;
    }

    private static void write(Path file, Dataset ds, TransferSyntax ts) throws IOException {
        Files.createDirectories(file.getParent());
        Dataset meta = new Dataset();
        meta.setString(0x00020016, VR.AE, "SPRINGFIELD_PACS");
        new DicomWriter().write(file, ds, ts, meta);
    }

    /** A 5x7 pixel font for the characters the burned-in annotation needs. */
    private static final class Font {
        private static final String CHARS = "0123456789ADMTY ";
        private static final String[] GLYPHS = {
            "01110100011001110101110011000101110", "00100011000010000100001000010001110",
            "01110100010000100010001000100011111", "11110000010000101110000010000111110",
            "00010001100101010010111110001000010", "11111100001111000001000011000101110",
            "00110010001000011110100011000101110", "11111000010001000100010000100001000",
            "01110100011000101110100011000101110", "01110100011000101111000010001001100",
            "01110100011000111111100011000110001", "11110100011000110001100011000111110",
            "10001110111010110101100011000110001", "11111001000010000100001000010000100",
            "10001100010101000100001000010000100", "00000000000000000000000000000000000"};

        static void draw(byte[] px, int width, int x0, int y0, String text) {
            int x = x0;
            for (char c : text.toCharArray()) {
                String g = GLYPHS[CHARS.indexOf(c)];
                for (int r = 0; r < 7; r++) {
                    for (int col = 0; col < 5; col++) {
                        if (g.charAt(r * 5 + col) == '1') {
                            px[(y0 + r) * width + x + col] = (byte) 250;
                        }
                    }
                }
                x += 6;
            }
        }
    }
}
