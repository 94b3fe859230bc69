package org.dicomtools.deid.pixel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.dicomtools.deid.dicom.BulkData;
import org.dicomtools.deid.dicom.Dataset;
import org.dicomtools.deid.dicom.DicomElement;
import org.dicomtools.deid.dicom.DicomFile;
import org.dicomtools.deid.dicom.DicomReader;
import org.dicomtools.deid.dicom.DicomWriter;
import org.dicomtools.deid.dicom.Fragments;
import org.dicomtools.deid.dicom.ReadOptions;
import org.dicomtools.deid.dicom.TransferSyntax;
import org.dicomtools.deid.dicom.VR;
import org.dicomtools.deid.dicom.dict.Tag;
import org.dicomtools.deid.dicom.dict.UID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativePixelMaskerTest {

    @TempDir
    Path temp;

    /** Builds the Image Pixel Module of a test image. */
    static final class Image {
        int rows;
        int columns;
        int samples = 1;
        int bitsAllocated = 8;
        int bitsStored = -1;
        int highBit = -1;
        int representation;
        String photometric = "MONOCHROME2";
        int planar = -1;
        int frames;
        boolean bigEndian;
        VR vr = VR.OW;

        Image(int columns, int rows) {
            this.columns = columns;
            this.rows = rows;
        }

        Dataset dataset(byte[] pixels) {
            Dataset ds = new Dataset(bigEndian);
            ds.setInts(Tag.SamplesPerPixel, VR.US, samples);
            ds.setString(Tag.PhotometricInterpretation, VR.CS, photometric);
            if (planar >= 0) {
                ds.setInts(Tag.PlanarConfiguration, VR.US, planar);
            }
            if (frames > 0) {
                ds.setString(Tag.NumberOfFrames, VR.IS, Integer.toString(frames));
            }
            ds.setInts(Tag.Rows, VR.US, rows);
            ds.setInts(Tag.Columns, VR.US, columns);
            ds.setInts(Tag.BitsAllocated, VR.US, bitsAllocated);
            ds.setInts(Tag.BitsStored, VR.US, bitsStored < 0 ? bitsAllocated : bitsStored);
            ds.setInts(Tag.HighBit, VR.US, highBit < 0 ? (bitsStored < 0 ? bitsAllocated : bitsStored) - 1 : highBit);
            ds.setInts(Tag.PixelRepresentation, VR.US, representation);
            ds.set(DicomElement.of(Tag.PixelData, vr, pixels));
            return ds;
        }
    }

    private static byte[] seq(int n, int start) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (start + i);
        }
        return b;
    }

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    private byte[] mask(Dataset ds, Rect... rects) throws Exception {
        DicomElement e = NativePixelMasker.mask(ds, List.of(rects), temp);
        assertTrue(e.isInline());
        assertEquals(Tag.PixelData, e.tag());
        return e.bytes(Integer.MAX_VALUE);
    }

    @Test
    void masks8BitMonochromeRectangle() throws Exception {
        Image img = new Image(5, 3);
        byte[] src = seq(15, 1);
        byte[] out = mask(img.dataset(src), new Rect(1, 1, 3, 1));
        assertArrayEquals(bytes(1, 2, 3, 4, 5, 6, 0, 0, 0, 10, 11, 12, 13, 14, 15), out);
    }

    @Test
    void sourceDatasetIsLeftUnchanged() throws Exception {
        Image img = new Image(5, 3);
        Dataset ds = img.dataset(seq(15, 1));
        mask(ds, new Rect(0, 0, 5, 3));
        assertArrayEquals(seq(15, 1), ds.get(Tag.PixelData).bytes(100));
    }

    @Test
    void oddDimensionsZeroThePaddingByte() throws Exception {
        Image img = new Image(3, 3);
        byte[] src = Arrays.copyOf(seq(9, 1), 10);
        src[9] = 0x55;
        byte[] out = mask(img.dataset(src), new Rect(2, 0, 5, 5));
        assertArrayEquals(bytes(1, 2, 0, 4, 5, 0, 7, 8, 0, 0), out);
    }

    @Test
    void tailShorterThanAFrameIsZeroed() throws Exception {
        Image img = new Image(3, 2);
        img.frames = 2;
        byte[] out = mask(img.dataset(seq(16, 1)), new Rect(0, 0, 1, 1));
        assertArrayEquals(bytes(0, 2, 3, 4, 5, 6, 0, 8, 9, 10, 11, 12, 0, 0, 0, 0), out);
    }

    @Test
    void rectanglesOutsideTheImageReturnTheOriginalElement() throws Exception {
        Dataset ds = new Image(3, 3).dataset(new byte[10]);
        assertSame(ds.get(Tag.PixelData), NativePixelMasker.mask(ds, List.of(new Rect(3, 0, 4, 4)), temp));
        assertSame(ds.get(Tag.PixelData), NativePixelMasker.mask(ds, List.of(), temp));
    }

    @Test
    void signedBigEndian16BitGetsTheSignExtendedMinimum() throws Exception {
        Image img = new Image(2, 2);
        img.bitsAllocated = 16;
        img.bitsStored = 12;
        img.representation = 1;
        img.bigEndian = true;
        // Values 1, 2, 3, 4 in big-endian words.
        byte[] out = mask(img.dataset(bytes(0, 1, 0, 2, 0, 3, 0, 4)), new Rect(1, 0, 1, 2));
        // -2048 in 12 bits, sign-extended: 0xF800, most significant byte first.
        assertArrayEquals(bytes(0, 1, 0xF8, 0x00, 0, 3, 0xF8, 0x00), out);
    }

    @Test
    void littleEndian16BitUnsignedMonochrome2GetsZero() throws Exception {
        Image img = new Image(2, 1);
        img.bitsAllocated = 16;
        img.bitsStored = 12;
        byte[] out = mask(img.dataset(bytes(0xFF, 0x0F, 0xFF, 0x0F)), new Rect(0, 0, 1, 1));
        assertArrayEquals(bytes(0, 0, 0xFF, 0x0F), out);
    }

    @Test
    void monochrome1GetsTheMaximumOfTheStoredBits() throws Exception {
        Image img = new Image(2, 1);
        img.bitsAllocated = 16;
        img.bitsStored = 10;
        img.photometric = "MONOCHROME1";
        byte[] out = mask(img.dataset(bytes(1, 0, 2, 0)), new Rect(1, 0, 1, 1));
        assertArrayEquals(bytes(1, 0, 0xFF, 0x03), out);
    }

    @Test
    void signedMonochrome1GetsTheSignedMaximum() throws Exception {
        Image img = new Image(1, 1);
        img.bitsAllocated = 16;
        img.bitsStored = 16;
        img.representation = 1;
        img.photometric = "MONOCHROME1";
        assertArrayEquals(bytes(0xFF, 0x7F), mask(img.dataset(bytes(0, 0x80)), new Rect(0, 0, 1, 1)));
    }

    @Test
    void storedBitsBelowHighBitAreShifted() throws Exception {
        Image img = new Image(1, 1);
        img.bitsAllocated = 16;
        img.bitsStored = 12;
        img.highBit = 15;
        img.photometric = "MONOCHROME1";
        // 0xFFF in bits 4..15 -> 0xFFF0.
        assertArrayEquals(bytes(0xF0, 0xFF), mask(img.dataset(bytes(0, 0)), new Rect(0, 0, 1, 1)));
    }

    @Test
    void rgbPlanarConfiguration0() throws Exception {
        Image img = new Image(3, 2);
        img.samples = 3;
        img.photometric = "RGB";
        img.planar = 0;
        byte[] out = mask(img.dataset(seq(18, 1)), new Rect(1, 1, 2, 1));
        assertArrayEquals(bytes(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 0, 0, 0, 0, 0, 0), out);
    }

    @Test
    void rgbPlanarConfiguration1() throws Exception {
        Image img = new Image(3, 2);
        img.samples = 3;
        img.photometric = "RGB";
        img.planar = 1;
        byte[] out = mask(img.dataset(seq(18, 1)), new Rect(1, 1, 2, 1));
        // Planes of 6 samples: R 1-6, G 7-12, B 13-18; pixels (1,1) and (2,1) are the 5th and 6th of each.
        assertArrayEquals(bytes(1, 2, 3, 4, 0, 0, 7, 8, 9, 10, 0, 0, 13, 14, 15, 16, 0, 0), out);
    }

    @Test
    void ybrFullGetsBlackWithNeutralChroma() throws Exception {
        Image img = new Image(2, 1);
        img.samples = 3;
        img.photometric = "YBR_FULL";
        img.planar = 0;
        byte[] out = mask(img.dataset(seq(6, 1)), new Rect(0, 0, 1, 1));
        assertArrayEquals(bytes(0, 128, 128, 4, 5, 6), out);
    }

    @Test
    void ybrFull422WidensToWholePixelPairs() throws Exception {
        Image img = new Image(4, 1);
        img.samples = 3;
        img.photometric = "YBR_FULL_422";
        img.planar = 0;
        // Two pairs: Y1 Y2 Cb Cr = 1 2 3 4, then 5 6 7 8. Masking column 1 blanks the whole first pair.
        byte[] out = mask(img.dataset(seq(8, 1)), new Rect(1, 0, 1, 1));
        assertArrayEquals(bytes(0, 0, 128, 128, 5, 6, 7, 8), out);
    }

    @Test
    void ybrPartial422GetsStudioBlack() throws Exception {
        Image img = new Image(2, 1);
        img.samples = 3;
        img.photometric = "YBR_PARTIAL_422";
        img.planar = 0;
        assertArrayEquals(bytes(16, 16, 128, 128), mask(img.dataset(seq(4, 1)), new Rect(0, 0, 2, 1)));
    }

    @Test
    void paletteGetsTheDarkestEntry() throws Exception {
        Image img = new Image(2, 1);
        img.photometric = "PALETTE COLOR";
        Dataset ds = img.dataset(bytes(7, 7));
        // 4 entries from stored value 10, 16 bits; entry 2 is black.
        for (int tag : new int[] {Tag.RedPaletteColorLookupTableDescriptor, Tag.GreenPaletteColorLookupTableDescriptor,
            Tag.BluePaletteColorLookupTableDescriptor}) {
            ds.setInts(tag, VR.US, 4, 10, 16);
        }
        ds.setBytes(Tag.RedPaletteColorLookupTableData, VR.OW, bytes(0, 0x10, 0, 0x80, 0, 0, 0, 0xFF));
        ds.setBytes(Tag.GreenPaletteColorLookupTableData, VR.OW, bytes(0, 0x10, 0, 0x80, 0, 0, 0, 0xFF));
        ds.setBytes(Tag.BluePaletteColorLookupTableData, VR.OW, bytes(0, 0x10, 0, 0x80, 0, 0x01, 0, 0xFF));
        assertArrayEquals(bytes(12, 7), mask(ds, new Rect(0, 0, 1, 1)));
    }

    @Test
    void paletteWithoutReadableTablesGetsTheFirstMappedValue() throws Exception {
        Image img = new Image(2, 1);
        img.photometric = "PALETTE COLOR";
        Dataset ds = img.dataset(bytes(7, 7));
        ds.setInts(Tag.RedPaletteColorLookupTableDescriptor, VR.US, 256, 3, 8);
        ds.setBytes(Tag.SegmentedRedPaletteColorLookupTableData, VR.OW, new byte[8]);
        assertArrayEquals(bytes(3, 7), mask(ds, new Rect(0, 0, 1, 1)));
    }

    @Test
    void bigEndian8BitInOwHasSwappedBytePairs() throws Exception {
        Image img = new Image(3, 1);
        img.bigEndian = true;
        img.vr = VR.OW;
        // Samples a b c stored as words (b a) (pad c).
        byte[] out = mask(img.dataset(bytes(0xB, 0xA, 0x55, 0xC)), new Rect(0, 0, 1, 1), new Rect(2, 0, 1, 1));
        assertArrayEquals(bytes(0xB, 0, 0x55, 0), out);
    }

    @Test
    void bigEndian8BitInObIsNotSwapped() throws Exception {
        Image img = new Image(3, 1);
        img.bigEndian = true;
        img.vr = VR.OB;
        assertArrayEquals(bytes(0, 0xB, 0xC, 0), mask(img.dataset(bytes(0xA, 0xB, 0xC, 0)), new Rect(0, 0, 1, 1)));
    }

    @Test
    void littleEndian32Bit() throws Exception {
        Image img = new Image(2, 1);
        img.bitsAllocated = 32;
        img.representation = 1;
        byte[] out = mask(img.dataset(bytes(1, 0, 0, 0, 2, 0, 0, 0)), new Rect(1, 0, 1, 1));
        assertArrayEquals(bytes(1, 0, 0, 0, 0, 0, 0, 0x80), out);
    }

    @Test
    void everyFrameIsMasked() throws Exception {
        Image img = new Image(2, 2);
        img.frames = 3;
        byte[] out = mask(img.dataset(seq(12, 1)), new Rect(0, 1, 2, 1));
        assertArrayEquals(bytes(1, 2, 0, 0, 5, 6, 0, 0, 9, 10, 0, 0), out);
    }

    @Test
    void oddFramesFollowEachOtherWithoutPadding() throws Exception {
        Image img = new Image(3, 1);
        img.frames = 3;
        byte[] src = Arrays.copyOf(seq(9, 1), 10);
        byte[] out = mask(img.dataset(src), new Rect(1, 0, 1, 1));
        assertArrayEquals(bytes(1, 0, 3, 4, 0, 6, 7, 0, 9, 0), out);
    }

    @Test
    void largeValuesAreStreamedFrameByFrameToATemporaryFile() throws Exception {
        // A 4-frame 16-bit 4x3 image on disk, behind 5 bytes of something else.
        int frameLength = 4 * 3 * 2;
        byte[] value = new byte[4 * frameLength];
        for (int i = 0; i < value.length; i++) {
            value[i] = (byte) (i % 251 + 1);
        }
        Path source = temp.resolve("source.bin");
        byte[] file = new byte[5 + value.length];
        System.arraycopy(value, 0, file, 5, value.length);
        Files.write(source, file);
        Image img = new Image(4, 3);
        img.bitsAllocated = 16;
        img.frames = 4;
        Dataset ds = img.dataset(new byte[0]);
        ds.set(DicomElement.of(Tag.PixelData, VR.OW, new BulkData(source, 5, value.length)));
        Path work = Files.createDirectory(temp.resolve("work"));

        DicomElement e = NativePixelMasker.mask(ds, List.of(new Rect(1, 1, 2, 1)), work, 0);

        assertTrue(e.isBulk());
        assertEquals(VR.OW, e.vr());
        BulkData out = e.bulkData();
        assertEquals(work, out.file().getParent());
        assertEquals(0, out.offset());
        assertEquals(value.length, out.length());
        byte[] expected = value.clone();
        for (int f = 0; f < 4; f++) {
            // Row 1, columns 1 and 2: bytes 10..13 of each frame.
            Arrays.fill(expected, f * frameLength + 10, f * frameLength + 14, (byte) 0);
        }
        assertArrayEquals(expected, Files.readAllBytes(out.file()));
        assertArrayEquals(file, Files.readAllBytes(source));
    }

    @Test
    void streamingZeroesThePaddingByte() throws Exception {
        Image img = new Image(3, 1);
        img.frames = 3;
        byte[] src = Arrays.copyOf(seq(9, 1), 10);
        src[9] = 0x77;
        DicomElement e = NativePixelMasker.mask(img.dataset(src), List.of(new Rect(0, 0, 1, 1)), temp, 4);
        assertTrue(e.isBulk());
        assertArrayEquals(bytes(0, 2, 3, 0, 5, 6, 0, 8, 9, 0), Files.readAllBytes(e.bulkData().file()));
    }

    @Test
    void streamingHandlesASingleByteSwappedOddFrame() throws Exception {
        Image img = new Image(3, 1);
        img.bigEndian = true;
        DicomElement e = NativePixelMasker.mask(img.dataset(bytes(0xB, 0xA, 0x55, 0xC)),
                List.of(new Rect(2, 0, 1, 1)), temp, 0);
        assertArrayEquals(bytes(0xB, 0xA, 0x55, 0), Files.readAllBytes(e.bulkData().file()));
    }

    @Test
    void maskedFileRoundTripsThroughTheCodec() throws Exception {
        Image img = new Image(64, 64);
        img.bitsAllocated = 16;
        img.frames = 10;
        byte[] value = new byte[64 * 64 * 2 * 10];
        Arrays.fill(value, (byte) 0x11);
        Dataset ds = img.dataset(value);
        ds.setString(Tag.SOPClassUID, VR.UI, UID.UltrasoundMultiFrameImageStorage);
        ds.setString(Tag.SOPInstanceUID, VR.UI, "2.25.1");
        Path in = temp.resolve("in.dcm");
        new DicomWriter().write(in, ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, null);

        Path out = temp.resolve("out.dcm");
        try (DicomFile f = new DicomReader(ReadOptions.DEFAULT.withBulkThreshold(1024)).read(in)) {
            Dataset read = f.dataset();
            assertTrue(read.get(Tag.PixelData).isBulk());
            read.set(NativePixelMasker.mask(read, List.of(new Rect(0, 0, 64, 4)), temp, 1024));
            new DicomWriter().write(out, read, f.transferSyntax(), f.meta());
        }
        try (DicomFile f = new DicomReader().read(out)) {
            byte[] masked = f.dataset().get(Tag.PixelData).bytes(Integer.MAX_VALUE);
            byte[] expected = value.clone();
            for (int frame = 0; frame < 10; frame++) {
                Arrays.fill(expected, frame * 8192, frame * 8192 + 64 * 4 * 2, (byte) 0);
            }
            assertArrayEquals(expected, masked);
        }
    }

    @Test
    void unsupportedLayoutsAreRefusedWithAReason() {
        Image img = new Image(8, 1);
        img.bitsAllocated = 1;
        assertEquals("Bits Allocated 1 is not supported (only 8, 16 and 32)", refusal(img.dataset(new byte[2])));

        Image argb = new Image(1, 1);
        argb.samples = 4;
        argb.photometric = "ARGB";
        assertEquals("Photometric Interpretation ARGB is not supported in native pixel data",
                refusal(argb.dataset(new byte[4])));

        Image mismatch = new Image(1, 1);
        mismatch.samples = 3;
        assertEquals("MONOCHROME2 needs 1 sample per pixel, not 3", refusal(mismatch.dataset(new byte[4])));

        Image be32 = new Image(1, 1);
        be32.bitsAllocated = 32;
        be32.bigEndian = true;
        assertEquals("32-bit samples in a big-endian dataset are not supported", refusal(be32.dataset(new byte[4])));

        Image signedColor = new Image(1, 1);
        signedColor.samples = 3;
        signedColor.photometric = "RGB";
        signedColor.representation = 1;
        assertEquals("RGB with signed samples is not supported", refusal(signedColor.dataset(new byte[4])));

        Image odd422 = new Image(3, 1);
        odd422.samples = 3;
        odd422.photometric = "YBR_FULL_422";
        assertEquals("YBR_FULL_422 with an odd number of columns (3) is not supported",
                refusal(odd422.dataset(new byte[6])));
    }

    @Test
    void lengthsThatDoNotFitAreRefused() {
        Image img = new Image(2, 2);
        img.frames = 2;
        assertEquals("Pixel Data holds 6 bytes, fewer than the 8 bytes that 2 rows x 2 columns x 1 samples x 8 bits"
                + " x 2 frames need", refusal(img.dataset(new byte[6])));
        assertEquals("Pixel Data holds 12 bytes, a frame or more beyond the 8 bytes that 2 rows x 2 columns x 1"
                + " samples x 8 bits x 2 frames need; Number of Frames may be wrong", refusal(img.dataset(new byte[12])));
    }

    @Test
    void missingOrBadAttributesAreRefused() {
        Dataset ds = new Image(2, 2).dataset(new byte[4]);
        ds.remove(Tag.Rows);
        assertEquals("Rows (0028,0010) is missing", refusal(ds));
        Image img = new Image(2, 2);
        img.frames = 1;
        Dataset bad = img.dataset(new byte[4]);
        bad.setString(Tag.NumberOfFrames, VR.IS, "1A");
        assertEquals("Number of Frames '1A' is not a number", refusal(bad));
        bad.setString(Tag.NumberOfFrames, VR.IS, "0");
        assertEquals("Number of Frames 0 is not positive", refusal(bad));
        Dataset noPi = new Image(2, 2).dataset(new byte[4]);
        noPi.remove(Tag.PhotometricInterpretation);
        assertEquals("Photometric Interpretation (0028,0004) is missing", refusal(noPi));
    }

    @Test
    void encapsulatedOrAbsentPixelDataIsRefused() {
        Dataset ds = new Image(2, 2).dataset(new byte[4]);
        Fragments fragments = new Fragments();
        fragments.add(new byte[0]);
        ds.set(DicomElement.of(Tag.PixelData, VR.OB, fragments));
        assertEquals("Pixel Data is encapsulated (compressed); native masking needs uncompressed pixel data",
                refusal(ds));
        ds.remove(Tag.PixelData);
        assertEquals("no Pixel Data (7FE0,0010) to mask", refusal(ds));
    }

    private String refusal(Dataset ds) {
        return assertThrows(PixelDataException.class,
                () -> NativePixelMasker.mask(ds, List.of(new Rect(0, 0, 1, 1)), temp)).getMessage();
    }

    @Test
    void fillValuesAreDocumentedPerInterpretation() throws IOException, PixelDataException {
        Image img = new Image(1, 1);
        img.bitsAllocated = 16;
        img.bitsStored = 12;
        img.samples = 3;
        img.photometric = "YBR_FULL";
        Dataset ds = img.dataset(new byte[6]);
        assertArrayEquals(new long[] {0, 2048, 2048}, NativePixelMasker.fillValues(ds, PixelLayout.of(ds)));
    }
}
