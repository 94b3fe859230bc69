package org.dicomtools.deid.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.dicomtools.deid.dicom.Dataset;
import org.dicomtools.deid.dicom.DicomElement;
import org.dicomtools.deid.dicom.DicomWriter;
import org.dicomtools.deid.dicom.Fragments;
import org.dicomtools.deid.dicom.Sequence;
import org.dicomtools.deid.dicom.TransferSyntax;
import org.dicomtools.deid.dicom.VR;
import org.dicomtools.deid.dicom.dict.Tag;
import org.dicomtools.deid.dicom.dict.UID;
import org.dicomtools.deid.pixel.PixelHash;
import org.dicomtools.deid.pixel.Rect;
import org.dicomtools.deid.profile.Profile;
import org.dicomtools.deid.profile.ProfileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageStageTest {
    private static final int SIZE = 256;
    /** Rows 0..30 of a 256-row image: 12 % rounded outwards. */
    private static final Rect TOP_BAND = new Rect(0, 0, SIZE, 31);
    private static final String US_TOP = "mask us-top modality=US rect 0,0,100%,12%";
    private static final String SOP = "2.25.4417702";
    private static final TransferSyntax EXPLICIT = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
    private static final TransferSyntax JPEG_BASELINE = TransferSyntax.of("1.2.840.10008.1.2.4.50");
    private static final TransferSyntax RLE = TransferSyntax.of("1.2.840.10008.1.2.5");
    private static final List<String> US_SIGNALS = List.of("modality=US", "sop-class=ultrasound",
            "burned-in-annotation=absent");

    /** Detector on for images at risk, its findings flagged. */
    private static final ImagePolicy FLAG = new ImagePolicy(true, false, false, null);
    /** Detector on for images at risk, its findings masked. */
    private static final ImagePolicy MASK_DETECTED = new ImagePolicy(true, false, true, null);

    @TempDir
    Path temp;

    // ------------------------------------------------------------------ no risk

    @Test
    void imageWithoutPixelDataIsLeftAlone() throws Exception {
        Dataset ds = EngineFixtures.ct(1, 0);
        byte[] before = encode(ds);

        ImageStage.Outcome out = stage(profile(true, US_TOP), FLAG).process(ds, EXPLICIT, temp, null);

        assertEquals(ImageStage.Status.NONE, out.status());
        assertEquals(List.of(), out.signals());
        assertNull(out.rules());
        assertNull(out.pixelHash());
        assertEquals(EXPLICIT, out.transferSyntax());
        assertEquals(List.of(), out.temps());
        assertArrayEquals(before, encode(ds));
    }

    @Test
    void rawSixteenBitImageWithHarmlessHeaderIsNotSearched() throws Exception {
        byte[] px = ground16();
        BlockText.draw("JOHN DOE", 20, 228, 2, (x, y) -> set16(px, x, y, 4000));
        Dataset ds = image(UID.CTImageStorage, "CT", 16, px);
        byte[] before = encode(ds);

        ImageStage.Outcome out = stage(profile(true), FLAG).process(ds, EXPLICIT, temp, null);

        assertEquals(ImageStage.Status.NONE, out.status());
        assertEquals(List.of(), out.signals());
        assertNull(out.rules());
        assertNull(out.pixelHash());
        assertEquals(EXPLICIT, out.transferSyntax());
        assertArrayEquals(px, pixels(ds));
        assertArrayEquals(before, encode(ds));
    }

    @Test
    void rawSixteenBitImageIsSearchedWhenEveryImageIsAsked() throws Exception {
        // The text of the test above is there to be found: only the policy kept the detector away.
        byte[] px = ground16();
        BlockText.draw("JOHN DOE", 20, 228, 2, (x, y) -> set16(px, x, y, 4000));
        Dataset ds = image(UID.CTImageStorage, "CT", 16, px);

        ImageStage.Outcome out = stage(profile(true), new ImagePolicy(true, true, false, null))
                .process(ds, EXPLICIT, temp, null);

        assertEquals(ImageStage.Status.PENDING, out.status());
        assertEquals(List.of("detector=1 text region(s)"), out.signals());
        assertArrayEquals(px, pixels(ds));
        assertMarkedPending(ds);
    }

    @Test
    void textInEightBitImageWithHarmlessHeaderGoesToReview() throws Exception {
        byte[] px = ground8();
        BlockText.draw("JOHN DOE", 20, 228, 2, (x, y) -> px[y * SIZE + x] = (byte) 230);
        Dataset ds = image(UID.MRImageStorage, "MR", 8, px);

        ImageStage.Outcome out = stage(profile(true), FLAG).process(ds, EXPLICIT, temp, null);

        assertEquals(ImageStage.Status.PENDING, out.status());
        assertEquals(List.of("detector=1 text region(s)"), out.signals());
        assertNull(out.rules());
        assertEquals(EXPLICIT, out.transferSyntax());
        assertArrayEquals(px, pixels(ds));
        assertHash(ds, out);
        assertMarkedPending(ds);
    }

    @Test
    void eightBitImageWithHarmlessHeaderAndNoTextIsLeftAlone() throws Exception {
        byte[] px = ground8();
        Dataset ds = image(UID.MRImageStorage, "MR", 8, px);
        byte[] before = encode(ds);

        ImageStage.Outcome out = stage(profile(true), FLAG).process(ds, EXPLICIT, temp, null);

        assertEquals(ImageStage.Status.NONE, out.status());
        assertEquals(List.of(), out.signals());
        assertNull(out.rules());
        assertHash(ds, out);
        assertArrayEquals(before, encode(ds));
    }

    // ------------------------------------------------------------------ masking

    @Test
    void ultrasoundTextUnderMaskRuleIsMasked() throws Exception {
        byte[] px = ground8();
        BlockText.draw("JOHN DOE", 20, 8, 2, (x, y) -> px[y * SIZE + x] = (byte) 230);
        Dataset ds = ultrasound(px);

        ImageStage.Outcome out = stage(profile(true, US_TOP), FLAG).process(ds, EXPLICIT, temp, null);

        assertEquals(ImageStage.Status.MASKED, out.status());
        assertEquals(US_SIGNALS, out.signals());
        assertEquals("us-top", out.rules());
        assertEquals(EXPLICIT, out.transferSyntax());
        assertEquals(List.of(), out.temps());
        assertArrayEquals(masked(px, 1, List.of(TOP_BAND), (byte) 0), pixels(ds));
        assertHash(ds, out);
        assertMarkedMasked(ds);
    }

    @Test
    void ultrasoundTextOutsideMaskRuleGoesToReview() throws Exception {
        byte[] px = ground8();
        BlockText.draw("JOHN DOE", 20, 228, 2, (x, y) -> px[y * SIZE + x] = (byte) 230);
        Dataset ds = ultrasound(px);

        ImageStage.Outcome out = stage(profile(true, US_TOP), FLAG).process(ds, EXPLICIT, temp, null);

        assertEquals(ImageStage.Status.PENDING, out.status());
        assertEquals(concat(US_SIGNALS, "detector=1 text region(s)"), out.signals());
        assertEquals("us-top", out.rules());
        // The band is masked all the same; the text below it is left for the reviewer.
        assertArrayEquals(masked(px, 1, List.of(TOP_BAND), (byte) 0), pixels(ds));
        assertHash(ds, out);
        assertMarkedPending(ds);
        // Text is left, so the image does not claim Clean Pixel Data although its band was cleaned.
        assertEquals(List.of("113100"), methodCodes(ds));
    }

    @Test
    void ultrasoundTextOutsideMaskRuleIsMaskedWhenDetectedTextIsMasked() throws Exception {
        byte[] px = ground8();
        Rect text = BlockText.draw("JOHN DOE", 20, 228, 2, (x, y) -> px[y * SIZE + x] = (byte) 230);
        Dataset ds = ultrasound(px);

        ImageStage.Outcome out = stage(profile(true, US_TOP), MASK_DETECTED).process(ds, EXPLICIT, temp, null);

        assertEquals(ImageStage.Status.MASKED, out.status());
        assertEquals(concat(US_SIGNALS, "detector=1 text region(s)"), out.signals());
        assertEquals("us-top,detector", out.rules());
        // The text's box with a margin of a quarter of its height (14 / 4, rounded up) all round.
        assertEquals(new Rect(20, 228, 94, 14), text);
        assertArrayEquals(masked(px, 1, List.of(TOP_BAND, new Rect(16, 224, 102, 22)), (byte) 0), pixels(ds));
        assertHash(ds, out);
        assertMarkedMasked(ds);
    }

    @Test
    void softEdgesOfDetectedTextAreMaskedToo() throws Exception {
        // Strokes at 230 with a one-pixel fringe at 45, as anti-aliasing or blur leave them: the
        // fringe is too faint for the detector's box, but it outlines the letters.
        byte[] px = ground8();
        boolean[] stroke = new boolean[SIZE * SIZE];
        BlockText.draw("JOHN DOE", 20, 228, 2, (x, y) -> stroke[y * SIZE + x] = true);
        List<Integer> ink = new ArrayList<>();
        for (int y = 1; y < SIZE - 1; y++) {
            for (int x = 1; x < SIZE - 1; x++) {
                boolean near = false;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        near |= stroke[(y + dy) * SIZE + x + dx];
                    }
                }
                if (near) {
                    px[y * SIZE + x] = (byte) (stroke[y * SIZE + x] ? 230 : 45);
                    ink.add(y * SIZE + x);
                }
            }
        }
        Dataset ds = ultrasound(px);

        ImageStage.Outcome out = stage(profile(true, US_TOP), MASK_DETECTED).process(ds, EXPLICIT, temp, null);

        assertEquals(ImageStage.Status.MASKED, out.status());
        assertEquals("us-top,detector", out.rules());
        byte[] after = pixels(ds);
        for (int i : ink) {
            assertEquals(0, after[i], "pixel " + i % SIZE + "," + i / SIZE);
        }
    }

    @Test
    void detectedTextIsFlaggedNotMaskedWithoutCleanPixelDataOption() throws Exception {
        byte[] px = ground8();
        BlockText.draw("JOHN DOE", 20, 228, 2, (x, y) -> px[y * SIZE + x] = (byte) 230);
        Dataset ds = ultrasound(px);

        ImageStage.Outcome out = stage(profile(false, US_TOP), MASK_DETECTED).process(ds, EXPLICIT, temp, null);

        assertEquals(ImageStage.Status.PENDING, out.status());
        assertEquals(concat(US_SIGNALS, "detector=1 text region(s)"), out.signals());
        assertNull(out.rules());
        assertArrayEquals(px, pixels(ds));
        assertMarkedPending(ds);
        assertEquals(List.of("113100"), methodCodes(ds));
    }

    @Test
    void ultrasoundWithoutCleanPixelDataOptionGoesToReviewUnchanged() throws Exception {
        byte[] px = ground8();
        BlockText.draw("JOHN DOE", 20, 8, 2, (x, y) -> px[y * SIZE + x] = (byte) 230);
        Dataset ds = ultrasound(px);

        ImageStage.Outcome out = stage(profile(false, US_TOP), FLAG).process(ds, EXPLICIT, temp, null);

        assertEquals(ImageStage.Status.PENDING, out.status());
        assertEquals(concat(US_SIGNALS, "detector=1 text region(s)"), out.signals());
        assertNull(out.rules());
        assertArrayEquals(px, pixels(ds));
        assertHash(ds, out);
        assertMarkedPending(ds);
        assertEquals("0", ds.getString(Tag.SmallestImagePixelValue));
        assertTrue(ds.contains(Tag.IconImageSequence));
    }

    @Test
    void ultrasoundWithoutTextOrMaskStillGoesToReview() throws Exception {
        byte[] px = ground8();
        Dataset ds = ultrasound(px);

        ImageStage.Outcome out = stage(profile(true), FLAG).process(ds, EXPLICIT, temp, null);

        assertEquals(ImageStage.Status.PENDING, out.status());
        assertEquals(US_SIGNALS, out.signals());
        assertNull(out.rules());
        assertArrayEquals(px, pixels(ds));
        assertMarkedPending(ds);
    }

    @Test
    void colourUltrasoundIsMaskedBlackInEveryFrame() throws Exception {
        int frames = 2;
        byte[] px = new byte[SIZE * SIZE * 3 * frames];
        byte[] grey = ground8();
        for (int f = 0; f < frames; f++) {
            for (int i = 0; i < SIZE * SIZE; i++) {
                int base = (f * SIZE * SIZE + i) * 3;
                px[base] = grey[i];
                px[base + 1] = (byte) ((grey[i] & 0xFF) / 2);
                px[base + 2] = (byte) (f * 40);
            }
        }
        for (int f = 0; f < frames; f++) {
            int offset = f * SIZE * SIZE * 3;
            BlockText.draw("JOHN DOE", 20, 8, 2, (x, y) -> {
                int p = offset + (y * SIZE + x) * 3;
                px[p] = (byte) 240;
                px[p + 1] = (byte) 240;
                px[p + 2] = (byte) 60;
            });
        }
        Dataset ds = ultrasound(px);
        ds.setString(Tag.SOPClassUID, VR.UI, UID.UltrasoundMultiFrameImageStorage);
        ds.setInts(Tag.SamplesPerPixel, VR.US, 3);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, "RGB");
        ds.setInts(Tag.PlanarConfiguration, VR.US, 0);
        ds.setString(Tag.NumberOfFrames, VR.IS, Integer.toString(frames));

        ImageStage.Outcome out = stage(profile(true, US_TOP), FLAG).process(ds, EXPLICIT, temp, null);

        assertEquals(ImageStage.Status.MASKED, out.status());
        assertEquals(US_SIGNALS, out.signals());
        assertEquals("us-top", out.rules());
        assertArrayEquals(masked(px, 3, List.of(TOP_BAND), (byte) 0), pixels(ds));
        assertHash(ds, out);
        assertMarkedMasked(ds);
    }

    @Test
    void cleanPixelDataCodeIsNotAddedTwice() throws Exception {
        byte[] px = ground8();
        Dataset ds = ultrasound(px);
        Sequence codes = ds.get(Tag.DeidentificationMethodCodeSequence).sequence();
        EngineFixtures.code(codes, "113101", "DCM", "Clean Pixel Data Option");

        ImageStage.Outcome out = stage(profile(true, US_TOP), FLAG).process(ds, EXPLICIT, temp, null);

        assertEquals(ImageStage.Status.MASKED, out.status());
        assertEquals(List.of("113100", "113101"), methodCodes(ds));
    }

    @Test
    void anImageLeftForReviewLosesTheCleanPixelDataCodeTheProfileGave() throws Exception {
        byte[] px = ground8();
        Dataset ds = ultrasound(px);
        Sequence codes = ds.get(Tag.DeidentificationMethodCodeSequence).sequence();
        EngineFixtures.code(codes, "113101", "DCM", "Clean Pixel Data Option");
        EngineFixtures.code(codes, "113105", "DCM", "Clean Descriptors Option");

        ImageStage.Outcome out = stage(profile(true), FLAG).process(ds, EXPLICIT, temp, null);

        assertEquals(ImageStage.Status.PENDING, out.status());
        assertEquals(List.of("113100", "113105"), methodCodes(ds));
    }

    @Test
    void maskRuleThatDoesNotMatchLeavesUltrasoundForReview() throws Exception {
        byte[] px = ground8();
        Dataset ds = ultrasound(px);

        ImageStage.Outcome out = stage(profile(true, "mask other-size modality=US size=640x480 rect 0,0,100%,12%"),
                FLAG).process(ds, EXPLICIT, temp, null);

        assertEquals(ImageStage.Status.PENDING, out.status());
        assertEquals(US_SIGNALS, out.signals());
        assertNull(out.rules());
        assertArrayEquals(px, pixels(ds));
    }

    // ------------------------------------------------------------------ review decisions

    @Test
    void reviewerClearanceOfSamePixelsIsKept() throws Exception {
        byte[] px = ground8();
        BlockText.draw("JOHN DOE", 20, 8, 2, (x, y) -> px[y * SIZE + x] = (byte) 230);
        String hash = "sha256:" + PixelHash.sha256(ultrasound(px)).orElseThrow();
        Dataset ds = ultrasound(px);

        ImageStage.Outcome out = stage(profile(false), FLAG).process(ds, EXPLICIT, temp,
                prior(hash, ReviewManifest.Status.CLEARED));

        assertEquals(ImageStage.Status.CLEARED, out.status());
        assertEquals(concat(US_SIGNALS, "detector=1 text region(s)"), out.signals());
        assertEquals(hash, out.pixelHash());
        assertArrayEquals(px, pixels(ds));
        assertEquals("NO", ds.getString(Tag.BurnedInAnnotation));
        assertEquals("YES", ds.getString(Tag.PatientIdentityRemoved));
        // Nothing was masked: the pixel data keeps its header and no Clean Pixel Data code is claimed.
        assertEquals("0", ds.getString(Tag.SmallestImagePixelValue));
        assertEquals(List.of("113100"), methodCodes(ds));
    }

    @Test
    void reviewerExclusionOfSamePixelsIsKept() throws Exception {
        byte[] px = ground8();
        String hash = "sha256:" + PixelHash.sha256(ultrasound(px)).orElseThrow();
        Dataset ds = ultrasound(px);

        ImageStage.Outcome out = stage(profile(false), FLAG).process(ds, EXPLICIT, temp,
                prior(hash, ReviewManifest.Status.EXCLUDED));

        assertEquals(ImageStage.Status.EXCLUDED, out.status());
        assertEquals(US_SIGNALS, out.signals());
        assertEquals(hash, out.pixelHash());
        assertArrayEquals(px, pixels(ds));
        // The image is not written: its markers stay as the attribute stage left them.
        assertNull(ds.getString(Tag.BurnedInAnnotation));
        assertEquals("YES", ds.getString(Tag.PatientIdentityRemoved));
    }

    @Test
    void reviewerDecisionAboutOtherPixelsIsNotKept() throws Exception {
        byte[] reviewed = ground8();
        String hash = "sha256:" + PixelHash.sha256(ultrasound(reviewed)).orElseThrow();
        byte[] px = ground8();
        px[SIZE * SIZE - 1] = 1;

        for (ReviewManifest.Status decision : List.of(ReviewManifest.Status.CLEARED,
                ReviewManifest.Status.EXCLUDED)) {
            Dataset ds = ultrasound(px);
            ImageStage.Outcome out = stage(profile(false), FLAG).process(ds, EXPLICIT, temp, prior(hash, decision));

            assertEquals(ImageStage.Status.PENDING, out.status(), decision.name());
            assertHash(ds, out);
            assertMarkedPending(ds);
        }
    }

    @Test
    void reviewerClearanceOfMaskedPixelsIsKeptOnTheNextRun() throws Exception {
        byte[] px = ground8();
        BlockText.draw("JOHN DOE", 20, 228, 2, (x, y) -> px[y * SIZE + x] = (byte) 230);
        ImageStage stage = stage(profile(true, US_TOP), FLAG);
        Dataset first = ultrasound(px);
        ImageStage.Outcome pending = stage.process(first, EXPLICIT, temp, null);
        assertEquals(ImageStage.Status.PENDING, pending.status());

        Dataset again = ultrasound(px);
        ImageStage.Outcome out = stage.process(again, EXPLICIT, temp,
                prior(pending.pixelHash(), ReviewManifest.Status.CLEARED));

        assertEquals(ImageStage.Status.CLEARED, out.status());
        assertEquals(pending.pixelHash(), out.pixelHash());
        assertEquals("us-top", out.rules());
        assertMarkedMasked(again);
    }

    @Test
    void pendingDecisionIsNotAClearance() throws Exception {
        byte[] px = ground8();
        String hash = "sha256:" + PixelHash.sha256(ultrasound(px)).orElseThrow();
        Dataset ds = ultrasound(px);

        ImageStage.Outcome out = stage(profile(false), FLAG).process(ds, EXPLICIT, temp,
                prior(hash, ReviewManifest.Status.PENDING));

        assertEquals(ImageStage.Status.PENDING, out.status());
    }

    // ------------------------------------------------------------------ compressed pixel data

    @Test
    void rleUltrasoundIsNotDecodedAndGoesToReview() throws Exception {
        byte[][] fragments = {new byte[0], {0x01, 0x00, 0x00, 0x00, 0x40, 0x00, 0x00, 0x00, 0x7F, 0x10, 0x22, 0x33}};
        Dataset ds = ultrasound(ground8());
        ds.set(DicomElement.of(Tag.PixelData, VR.OB, fragments(fragments)));

        ImageStage.Outcome out = stage(profile(true, US_TOP), FLAG).process(ds, RLE, temp, null);

        assertEquals(ImageStage.Status.PENDING, out.status());
        assertEquals(concat(US_SIGNALS, "not-maskable: transfer syntax 1.2.840.10008.1.2.5 is not decoded here;"
                + " the image needs review"), out.signals());
        assertEquals("us-top", out.rules());
        assertEquals(RLE, out.transferSyntax());
        assertFragments(fragments, ds);
        assertHash(ds, out);
        assertMarkedPending(ds);
        assertEquals("0", ds.getString(Tag.SmallestImagePixelValue));
        assertEquals(List.of("113100"), methodCodes(ds));
    }

    @Test
    void rleUltrasoundWithoutMaskRulesGoesToReview() throws Exception {
        byte[][] fragments = {new byte[0], {0x01, 0x00, 0x00, 0x00, 0x40, 0x00, 0x00, 0x00, 0x7F, 0x10, 0x22, 0x33}};
        Dataset ds = ultrasound(ground8());
        ds.set(DicomElement.of(Tag.PixelData, VR.OB, fragments(fragments)));

        ImageStage.Outcome out = stage(profile(true), FLAG).process(ds, RLE, temp, null);

        assertEquals(ImageStage.Status.PENDING, out.status());
        assertEquals(US_SIGNALS, out.signals());
        assertNull(out.rules());
        assertFragments(fragments, ds);
        assertHash(ds, out);
        assertMarkedPending(ds);
    }

    @Test
    void jpegBaselineIsMaskedInTheCompressedDomain() throws Exception {
        byte[] px = ground8();
        BlockText.draw("JOHN DOE", 20, 8, 2, (x, y) -> px[y * SIZE + x] = (byte) 230);
        byte[] jpeg = jpeg(px, false);
        Dataset ds = ultrasound(px);
        ds.set(DicomElement.of(Tag.PixelData, VR.OB, fragments(new byte[0], jpeg)));

        ImageStage.Outcome out = stage(profile(true, US_TOP), FLAG).process(ds, JPEG_BASELINE, temp, null);

        assertEquals(ImageStage.Status.MASKED, out.status());
        assertEquals(US_SIGNALS, out.signals());
        assertEquals("us-top", out.rules());
        assertEquals(JPEG_BASELINE, out.transferSyntax());
        Fragments f = ds.get(Tag.PixelData).fragments();
        assertEquals(2, f.size());
        assertEquals(0, f.length(0));
        byte[] before = decode(jpeg);
        byte[] after = decode(f.bytes(1, Integer.MAX_VALUE));
        // Whole 8x8 blocks are masked: rows 0..31 hold the band's 31 rows.
        assertArrayEquals(masked(before, 1, List.of(new Rect(0, 0, SIZE, 32)), (byte) 0), after);
        assertHash(ds, out);
        assertMarkedMasked(ds);
        assertEquals("8", ds.getString(Tag.BitsAllocated));
    }

    @Test
    void jpegThatCannotBeEditedIsDecodedMaskedAndStoredUncompressed() throws Exception {
        byte[] px = ground8();
        BlockText.draw("JOHN DOE", 20, 8, 2, (x, y) -> px[y * SIZE + x] = (byte) 230);
        byte[] jpeg = jpeg(px, true);
        Dataset ds = ultrasound(px);
        ds.set(DicomElement.of(Tag.PixelData, VR.OB, fragments(new byte[0], jpeg)));

        ImageStage.Outcome out = stage(profile(true, US_TOP), FLAG).process(ds, JPEG_BASELINE, temp, null);

        assertEquals(ImageStage.Status.MASKED, out.status());
        assertEquals(US_SIGNALS, out.signals());
        assertEquals("us-top", out.rules());
        assertEquals(EXPLICIT, out.transferSyntax());
        assertFalse(ds.get(Tag.PixelData).isFragments());
        assertArrayEquals(masked(decode(jpeg), 1, List.of(TOP_BAND), (byte) 0), pixels(ds));
        assertEquals("MONOCHROME2", ds.getString(Tag.PhotometricInterpretation));
        assertEquals("01", ds.getString(Tag.LossyImageCompression));
        assertHash(ds, out);
        assertMarkedMasked(ds);
    }

    @Test
    void extendedOffsetTableIsDroppedWhenMaskingChangesTheFrames() throws Exception {
        byte[] px = ground8();
        BlockText.draw("JOHN DOE", 20, 8, 2, (x, y) -> px[y * SIZE + x] = (byte) 230);
        for (boolean progressive : new boolean[] {false, true}) {
            byte[] jpeg = jpeg(px, progressive);
            Dataset ds = ultrasound(px);
            ds.set(DicomElement.of(Tag.PixelData, VR.OB, fragments(new byte[0], jpeg)));
            ds.setBytes(Tag.ExtendedOffsetTable, VR.OV, new byte[8]);
            ds.setBytes(Tag.ExtendedOffsetTableLengths, VR.OV, longLE(jpeg.length));

            ImageStage.Outcome out = stage(profile(true, US_TOP), FLAG).process(ds, JPEG_BASELINE, temp, null);

            assertEquals(ImageStage.Status.MASKED, out.status());
            assertEquals(progressive ? EXPLICIT : JPEG_BASELINE, out.transferSyntax());
            // The table held the offsets and lengths of the frames as they were; they are gone.
            assertFalse(ds.contains(Tag.ExtendedOffsetTable), "progressive " + progressive);
            assertFalse(ds.contains(Tag.ExtendedOffsetTableLengths), "progressive " + progressive);
        }
    }

    @Test
    void extendedOffsetTableIsKeptWhenThePixelsAreNotChanged() throws Exception {
        byte[] jpeg = jpeg(ground8(), false);
        Dataset ds = ultrasound(ground8());
        ds.set(DicomElement.of(Tag.PixelData, VR.OB, fragments(new byte[0], jpeg)));
        ds.setBytes(Tag.ExtendedOffsetTable, VR.OV, new byte[8]);
        ds.setBytes(Tag.ExtendedOffsetTableLengths, VR.OV, longLE(jpeg.length));

        ImageStage.Outcome out = stage(profile(false), FLAG).process(ds, JPEG_BASELINE, temp, null);

        assertEquals(ImageStage.Status.PENDING, out.status());
        assertFragments(new byte[][] {new byte[0], jpeg}, ds);
        assertArrayEquals(new byte[8], EngineFixtures.bytes(ds, Tag.ExtendedOffsetTable));
        assertArrayEquals(longLE(jpeg.length), EngineFixtures.bytes(ds, Tag.ExtendedOffsetTableLengths));
    }

    @Test
    void jpegWhoseSizeContradictsTheHeaderIsLeftCompressedForReview() throws Exception {
        byte[] px = ground8();
        Dataset ds = ultrasound(px);
        byte[] narrow = new byte[240 * SIZE];
        for (int y = 0; y < SIZE; y++) {
            System.arraycopy(px, y * SIZE, narrow, y * 240, 240);
        }
        byte[] jpeg = jpeg(narrow, 240, SIZE, true);
        byte[][] fragments = {new byte[0], jpeg};
        ds.set(DicomElement.of(Tag.PixelData, VR.OB, fragments(fragments)));

        ImageStage.Outcome out = stage(profile(true, US_TOP), FLAG).process(ds, JPEG_BASELINE, temp, null);

        assertEquals(ImageStage.Status.PENDING, out.status());
        assertEquals(concat(US_SIGNALS, "not-maskable: a decoded JPEG frame of 240 x 256 pixels does not match"
                + " Columns 256 and Rows 256"), out.signals());
        assertEquals(JPEG_BASELINE, out.transferSyntax());
        assertFragments(fragments, ds);
        assertEquals("MONOCHROME2", ds.getString(Tag.PhotometricInterpretation));
        assertNull(ds.getString(Tag.LossyImageCompression));
        assertHash(ds, out);
        assertMarkedPending(ds);
    }

    @Test
    void jpegTextOutsideTheMaskIsFoundByTheDetector() throws Exception {
        byte[] px = ground8();
        BlockText.draw("JOHN DOE", 20, 228, 2, (x, y) -> px[y * SIZE + x] = (byte) 230);
        byte[] jpeg = jpeg(px, false);
        Dataset ds = ultrasound(px);
        ds.set(DicomElement.of(Tag.PixelData, VR.OB, fragments(new byte[0], jpeg)));

        ImageStage.Outcome out = stage(profile(true, US_TOP), FLAG).process(ds, JPEG_BASELINE, temp, null);

        assertEquals(ImageStage.Status.PENDING, out.status());
        assertEquals(concat(US_SIGNALS, "detector=1 text region(s)"), out.signals());
        assertEquals(JPEG_BASELINE, out.transferSyntax());
        assertMarkedPending(ds);
    }

    // ------------------------------------------------------------------ LOW risk

    @Test
    void lowRiskImageWithoutTextIsLeftAlone() throws Exception {
        byte[] px = ground16();
        Dataset ds = image(UID.ComputedRadiographyImageStorage, "CR", 16, px);
        byte[] before = encode(ds);

        ImageStage.Outcome out = stage(profile(true), FLAG).process(ds, EXPLICIT, temp, null);

        assertEquals(ImageStage.Status.NONE, out.status());
        assertEquals(List.of("modality=CR", "burned-in-annotation=absent"), out.signals());
        assertNull(out.rules());
        assertHash(ds, out);
        assertArrayEquals(before, encode(ds));
    }

    @Test
    void lowRiskImageWithTextGoesToReview() throws Exception {
        byte[] px = ground16();
        BlockText.draw("1958", 20, 228, 2, (x, y) -> set16(px, x, y, 4000));
        Dataset ds = image(UID.ComputedRadiographyImageStorage, "CR", 16, px);

        ImageStage.Outcome out = stage(profile(true), FLAG).process(ds, EXPLICIT, temp, null);

        assertEquals(ImageStage.Status.PENDING, out.status());
        assertEquals(List.of("modality=CR", "burned-in-annotation=absent", "detector=1 text region(s)"),
                out.signals());
        assertArrayEquals(px, pixels(ds));
        assertHash(ds, out);
        assertMarkedPending(ds);
    }

    @Test
    void lowRiskImageTheDetectorCannotSeeGoesToReview() throws Exception {
        Dataset off = image(UID.ComputedRadiographyImageStorage, "CR", 16, ground16());
        ImageStage.Outcome notLooked = stage(profile(true), new ImagePolicy(false, false, false, null))
                .process(off, EXPLICIT, temp, null);
        assertEquals(ImageStage.Status.PENDING, notLooked.status());
        assertMarkedPending(off);

        byte[][] fragments = {new byte[0], {0x01, 0x00, 0x00, 0x00, 0x40, 0x00, 0x00, 0x00, 0x7F, 0x10, 0x22, 0x33}};
        Dataset rle = image(UID.ComputedRadiographyImageStorage, "CR", 16, ground16());
        rle.set(DicomElement.of(Tag.PixelData, VR.OB, fragments(fragments)));
        ImageStage.Outcome undecodable = stage(profile(true), FLAG).process(rle, RLE, temp, null);
        assertEquals(ImageStage.Status.PENDING, undecodable.status());
        assertEquals(List.of("modality=CR", "burned-in-annotation=absent"), undecodable.signals());
        assertFragments(fragments, rle);
    }

    // ------------------------------------------------------------------ fixtures

    private ImageStage stage(Profile profile, ImagePolicy policy) throws IOException {
        return new ImageStage(profile, new ImagePolicy(policy.detectText(), policy.detectAll(), policy.maskDetected(),
                null, temp));
    }

    private static Profile profile(boolean clean, String... masks) throws ProfileException {
        StringBuilder text = new StringBuilder("profile t\n");
        if (clean) {
            text.append("option clean-pixel-data\n");
        }
        for (String m : masks) {
            text.append(m).append('\n');
        }
        return Profile.parse(text.append("* K\n").toString(), "test.profile");
    }

    private static ReviewManifest.Entry prior(String hash, ReviewManifest.Status status) {
        return new ReviewManifest.Entry(SOP, "P1/S1/x.dcm", hash, List.of("modality=US"), status, null,
                "R. Viewer", "2026-01-05", null);
    }

    /** An 8-bit ground: black, with a disc of gently rising grey in the middle (no text). */
    private static byte[] ground8() {
        byte[] px = new byte[SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                px[y * SIZE + x] = (byte) (inDisc(x, y) ? 60 + x / 8 : 12);
            }
        }
        return px;
    }

    /** The 16-bit (12 bits stored) version of {@link #ground8()}, little endian. */
    private static byte[] ground16() {
        byte[] px = new byte[SIZE * SIZE * 2];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                set16(px, x, y, inDisc(x, y) ? 900 + 2 * x : 40);
            }
        }
        return px;
    }

    private static boolean inDisc(int x, int y) {
        return Math.hypot(x - 128, y - 128) < 80;
    }

    private static void set16(byte[] px, int x, int y, int v) {
        px[(y * SIZE + x) * 2] = (byte) v;
        px[(y * SIZE + x) * 2 + 1] = (byte) (v >> 8);
    }

    /** A monochrome image of {@code SIZE} x {@code SIZE} with the given class, modality and pixels. */
    private static Dataset image(String sopClass, String modality, int bits, byte[] px) {
        Dataset ds = new Dataset();
        ds.setString(Tag.ImageType, VR.CS, "ORIGINAL", "PRIMARY");
        ds.setString(Tag.SOPClassUID, VR.UI, sopClass);
        ds.setString(Tag.SOPInstanceUID, VR.UI, SOP);
        ds.setString(Tag.Modality, VR.CS, modality);
        ds.setString(Tag.PatientIdentityRemoved, VR.CS, "YES");
        EngineFixtures.code(ds.newSequence(Tag.DeidentificationMethodCodeSequence), "113100", "DCM",
                "Basic Application Confidentiality Profile");
        ds.setInts(Tag.SamplesPerPixel, VR.US, 1);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        ds.setInts(Tag.Rows, VR.US, SIZE);
        ds.setInts(Tag.Columns, VR.US, SIZE);
        ds.setInts(Tag.BitsAllocated, VR.US, bits);
        ds.setInts(Tag.BitsStored, VR.US, bits == 8 ? 8 : 12);
        ds.setInts(Tag.HighBit, VR.US, bits == 8 ? 7 : 11);
        ds.setInts(Tag.PixelRepresentation, VR.US, 0);
        ds.setBytes(Tag.PixelData, bits == 8 ? VR.OB : VR.OW, px);
        return ds;
    }

    /** An ultrasound image with a pixel range and an icon, which masking makes untrue. */
    private static Dataset ultrasound(byte[] px) {
        Dataset ds = image(UID.UltrasoundImageStorage, "US", 8, px);
        ds.setInts(Tag.SmallestImagePixelValue, VR.US, 0);
        ds.setInts(Tag.LargestImagePixelValue, VR.US, 255);
        Dataset icon = ds.newSequence(Tag.IconImageSequence).addItem();
        icon.setInts(Tag.Rows, VR.US, 1);
        icon.setInts(Tag.Columns, VR.US, 1);
        icon.setBytes(Tag.PixelData, VR.OB, new byte[] {(byte) 230, 0});
        return ds;
    }

    private static Fragments fragments(byte[]... items) {
        Fragments f = new Fragments();
        for (byte[] item : items) {
            f.add(item);
        }
        return f;
    }

    /**
     * A copy of {@code px}, frames of {@code SIZE} x {@code SIZE} pixels of {@code samples} bytes
     * each, with every byte of the rectangles set to {@code fill} in every frame.
     */
    private static byte[] masked(byte[] px, int samples, List<Rect> rects, byte fill) {
        byte[] out = px.clone();
        int frameBytes = SIZE * SIZE * samples;
        for (int start = 0; start < px.length; start += frameBytes) {
            for (Rect r : rects) {
                for (int y = r.y(); y < r.bottom(); y++) {
                    for (int x = r.x(); x < r.right(); x++) {
                        for (int s = 0; s < samples; s++) {
                            out[start + (y * SIZE + x) * samples + s] = fill;
                        }
                    }
                }
            }
        }
        return out;
    }

    private static byte[] longLE(long v) {
        byte[] out = new byte[8];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (v >> (8 * i));
        }
        return out;
    }

    private static byte[] pixels(Dataset ds) throws IOException {
        return ds.get(Tag.PixelData).bytes(Integer.MAX_VALUE);
    }

    private static void assertHash(Dataset ds, ImageStage.Outcome out) throws IOException {
        assertEquals("sha256:" + PixelHash.sha256(ds).orElseThrow(), out.pixelHash());
    }

    private static void assertFragments(byte[][] expected, Dataset ds) throws IOException {
        DicomElement e = ds.get(Tag.PixelData);
        assertTrue(e.isFragments());
        Fragments f = e.fragments();
        assertEquals(expected.length, f.size());
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], f.bytes(i, Integer.MAX_VALUE));
        }
    }

    private static void assertMarkedMasked(Dataset ds) {
        assertEquals("NO", ds.getString(Tag.BurnedInAnnotation));
        assertEquals("YES", ds.getString(Tag.PatientIdentityRemoved));
        assertFalse(ds.contains(Tag.SmallestImagePixelValue));
        assertFalse(ds.contains(Tag.LargestImagePixelValue));
        assertFalse(ds.contains(Tag.IconImageSequence));
        assertEquals(List.of("113100", "113101"), methodCodes(ds));
        Dataset clean = ds.get(Tag.DeidentificationMethodCodeSequence).sequence().get(1);
        assertEquals("DCM", clean.getString(Tag.CodingSchemeDesignator));
        assertEquals("Clean Pixel Data Option", clean.getString(Tag.CodeMeaning));
    }

    private static void assertMarkedPending(Dataset ds) {
        assertEquals("YES", ds.getString(Tag.BurnedInAnnotation));
        assertEquals("NO", ds.getString(Tag.PatientIdentityRemoved));
        assertFalse(ds.contains(Tag.DeidentificationMethodCodeSequence) && methodCodes(ds).contains("113101"),
                "a pending image claims Clean Pixel Data");
    }

    private static List<String> methodCodes(Dataset ds) {
        List<String> out = new ArrayList<>();
        for (Dataset item : ds.get(Tag.DeidentificationMethodCodeSequence).sequence()) {
            out.add(item.getString(Tag.CodeValue));
        }
        return out;
    }

    private static List<String> concat(List<String> list, String more) {
        List<String> out = new ArrayList<>(list);
        out.add(more);
        return out;
    }

    private static byte[] encode(Dataset ds) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new DicomWriter().writeDataset(Channels.newChannel(bytes), ds, EXPLICIT);
        return bytes.toByteArray();
    }

    /** A greyscale JPEG (quality 0.95) of {@code SIZE} x {@code SIZE} 8-bit samples, baseline or progressive. */
    private static byte[] jpeg(byte[] px, boolean progressive) throws IOException {
        return jpeg(px, SIZE, SIZE, progressive);
    }

    private static byte[] jpeg(byte[] px, int width, int height, boolean progressive) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        System.arraycopy(px, 0, ((DataBufferByte) img.getRaster().getDataBuffer()).getData(), 0, px.length);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.95f);
            if (progressive) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(img, null, null), param);
            }
            return bytes.toByteArray();
        } finally {
            writer.dispose();
        }
    }

    /** The 8-bit samples of a greyscale JPEG as ImageIO decodes them. */
    private static byte[] decode(byte[] jpeg) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(jpeg));
        BufferedImage grey = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setRect(img.getRaster());
        return ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
    }
}
