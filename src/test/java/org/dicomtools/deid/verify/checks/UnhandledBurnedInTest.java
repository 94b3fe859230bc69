package org.dicomtools.deid.verify.checks;

import static org.dicomtools.deid.verify.CheckHarness.FILE;
import static org.dicomtools.deid.verify.CheckHarness.checkFile;
import static org.dicomtools.deid.verify.CheckHarness.cleanCt;
import static org.dicomtools.deid.verify.CheckHarness.context;
import static org.dicomtools.deid.verify.CheckHarness.inMemory;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.dicomtools.deid.dicom.Dataset;
import org.dicomtools.deid.dicom.DicomElement;
import org.dicomtools.deid.dicom.DicomFile;
import org.dicomtools.deid.dicom.DicomWriter;
import org.dicomtools.deid.dicom.Fragments;
import org.dicomtools.deid.dicom.TransferSyntax;
import org.dicomtools.deid.dicom.VR;
import org.dicomtools.deid.dicom.dict.Tag;
import org.dicomtools.deid.dicom.dict.UID;
import org.dicomtools.deid.engine.ReviewManifest;
import org.dicomtools.deid.pixel.PixelHash;
import org.dicomtools.deid.verify.CheckHarness;
import org.dicomtools.deid.verify.Finding;
import org.dicomtools.deid.verify.Severity;
import org.dicomtools.deid.verify.VerifyContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnhandledBurnedInTest {
    private static final String US_WHY = "modality=US, sop-class=ultrasound, burned-in-annotation=absent";
    private static final String SOP = "2.25.100";

    private final UnhandledBurnedIn check = new UnhandledBurnedIn(null);

    @TempDir
    Path temp;

    /** A 16x16 8-bit grey image with this header: blank, so the text detector finds nothing. */
    private static Dataset image(String modality, String sopClass) {
        Dataset ds = cleanCt();
        ds.setString(Tag.SOPClassUID, VR.UI, sopClass);
        ds.setString(Tag.Modality, VR.CS, modality);
        ds.remove(Tag.ImageType);
        ds.setInts(Tag.SamplesPerPixel, VR.US, 1);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        ds.setInts(Tag.Rows, VR.US, 16);
        ds.setInts(Tag.Columns, VR.US, 16);
        ds.setInts(Tag.BitsAllocated, VR.US, 8);
        ds.setInts(Tag.BitsStored, VR.US, 8);
        ds.setInts(Tag.HighBit, VR.US, 7);
        ds.setInts(Tag.PixelRepresentation, VR.US, 0);
        byte[] pixels = new byte[256];
        Arrays.fill(pixels, (byte) 40);
        ds.setBytes(Tag.PixelData, VR.OB, pixels);
        return ds;
    }

    private static Dataset ultrasound() {
        return image("US", UID.UltrasoundImageStorage);
    }

    private static String hash(Dataset ds) throws Exception {
        return "sha256:" + PixelHash.sha256(ds).orElseThrow();
    }

    private static VerifyContext review(String key, String hash, ReviewManifest.Status status, String reviewer) {
        ReviewManifest m = new ReviewManifest();
        m.put(new ReviewManifest.Entry(key, FILE, hash, List.of("modality=US"), status,
                status == ReviewManifest.Status.MASKED ? "us-top-band" : null, reviewer, "2026-11-24", null));
        return context(m);
    }

    private static Finding finding(String message) {
        return CheckHarness.finding(UnhandledBurnedIn.INFO, FILE, "(7FE0,0010)", message, "");
    }

    @Test
    void ruleIsHighAndNamedBurnedInRisk() {
        assertEquals("burned-in-risk", check.info().id());
        assertEquals(Severity.HIGH, check.info().severity());
    }

    @Test
    void ultrasoundWithoutReviewEntryIsFound() {
        assertEquals(List.of(finding("image at risk of burned-in text (" + US_WHY + ") has no review manifest entry")),
                checkFile(check, ultrasound(), context()));
        assertEquals(List.of(finding("image at risk of burned-in text (" + US_WHY + ") has no review manifest entry")),
                checkFile(check, ultrasound(), context(new ReviewManifest())));
    }

    @Test
    void ultrasoundMaskedWithTheSamePixelsIsNotFound() throws Exception {
        Dataset ds = ultrasound();
        assertEquals(List.of(), checkFile(check, ds, review(SOP, hash(ds), ReviewManifest.Status.MASKED, null)));
    }

    @Test
    void ultrasoundClearedByANamedReviewerIsNotFound() throws Exception {
        Dataset ds = ultrasound();
        assertEquals(List.of(), checkFile(check, ds, review(SOP, hash(ds), ReviewManifest.Status.CLEARED, "A. Curator")));
    }

    @Test
    void pendingEntryIsFound() throws Exception {
        Dataset ds = ultrasound();
        assertEquals(List.of(finding("image at risk of burned-in text (" + US_WHY + ") waits for review (pending)")),
                checkFile(check, ds, review(SOP, hash(ds), ReviewManifest.Status.PENDING, null)));
    }

    @Test
    void stalePixelHashIsFound() throws Exception {
        Dataset ds = ultrasound();
        String before = hash(ds);
        ds.setBytes(Tag.PixelData, VR.OB, new byte[256]);
        assertEquals(List.of(finding("pixel data changed since the review (masked)")),
                checkFile(check, ds, review(SOP, before, ReviewManifest.Status.MASKED, null)));
        assertEquals(List.of(finding("pixel data changed since the review (cleared)")),
                checkFile(check, ds, review(SOP, before, ReviewManifest.Status.CLEARED, "A. Curator")));
    }

    @Test
    void clearedWithoutReviewerAndExcludedImagesAreFound() throws Exception {
        Dataset ds = ultrasound();
        assertEquals(List.of(finding("review manifest entry says cleared but names no reviewer")),
                checkFile(check, ds, review(SOP, hash(ds), ReviewManifest.Status.CLEARED, " ")));
        assertEquals(List.of(finding("image was excluded by the reviewer but is still in the dataset")),
                checkFile(check, ds, review(SOP, hash(ds), ReviewManifest.Status.EXCLUDED, "A. Curator")));
    }

    @Test
    void entryOfAnotherImageDoesNotCount() throws Exception {
        Dataset ds = ultrasound();
        assertEquals(List.of(finding("image at risk of burned-in text (" + US_WHY + ") has no review manifest entry")),
                checkFile(check, ds, review("2.25.999", hash(ds), ReviewManifest.Status.MASKED, null)));
    }

    @Test
    void imageWithoutSopInstanceUidIsKeyedByItsFile() throws Exception {
        Dataset ds = ultrasound();
        ds.remove(Tag.SOPInstanceUID);
        assertEquals(List.of(), checkFile(check, ds, review("file:" + FILE, hash(ds), ReviewManifest.Status.MASKED,
                null)));
    }

    @Test
    void computedTomographyIsNoRisk() {
        Dataset ct = image("CT", UID.CTImageStorage);
        ct.setString(Tag.ImageType, VR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
        assertEquals(List.of(), checkFile(check, ct, context()));
        assertEquals(List.of(), checkFile(check, cleanCt(), context()));
    }

    @Test
    void burnedInAnnotationNoDoesNotClearAnUltrasound() {
        Dataset ds = ultrasound();
        ds.setString(Tag.BurnedInAnnotation, VR.CS, "NO");
        assertEquals(List.of(finding("image at risk of burned-in text (modality=US, sop-class=ultrasound,"
                + " burned-in-annotation=NO-not-trusted) has no review manifest entry")),
                checkFile(check, ds, context()));
    }

    @Test
    void lowRiskImageNeedsHandlingOnlyWhereTheDetectorCouldNotLook() {
        VerifyContext detector = new VerifyContext(CheckHarness.basic(), null, null, null, "2.25", true);
        Dataset xa = image("XA", UID.XRayAngiographicImageStorage);
        assertEquals(List.of(), checkFile(check, xa, detector));

        Fragments rle = new Fragments();
        rle.add(new byte[0]);
        rle.add(new byte[64]);
        xa.set(DicomElement.of(Tag.PixelData, VR.OB, rle));
        DicomFile encapsulated = DicomFile.of(DicomWriter.fileMeta(xa, TransferSyntax.of(UID.RLELossless), null), xa,
                TransferSyntax.of(UID.RLELossless));
        assertEquals(List.of(finding("image at risk of burned-in text (modality=XA, burned-in-annotation=absent)"
                + " has no review manifest entry")), checkFile(check, FILE, encapsulated, detector));
    }

    @Test
    void contactSheetIsWrittenForAFindingOnly() throws Exception {
        UnhandledBurnedIn withSheets = new UnhandledBurnedIn(temp.resolve("verify.html"));
        checkFile(withSheets, FILE, inMemory(ultrasound()), context());
        String png = withSheets.thumbnailFor(FILE);
        assertEquals("thumbnails/", png.substring(0, "thumbnails/".length()));
        byte[] head = Arrays.copyOf(Files.readAllBytes(temp.resolve(png)), 8);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, head);

        checkFile(withSheets, "other.dcm", inMemory(image("CT", UID.CTImageStorage)), context());
        assertNull(withSheets.thumbnailFor("other.dcm"));
    }
}
