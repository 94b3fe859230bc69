package org.dicomtools.deid.pixel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.dicomtools.deid.dicom.BulkData;
import org.dicomtools.deid.dicom.Dataset;
import org.dicomtools.deid.dicom.DicomElement;
import org.dicomtools.deid.dicom.VR;
import org.dicomtools.deid.dicom.dict.Tag;
import org.dicomtools.deid.pixel.NativePixelMaskerTest.Image;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameImagesTest {

    @TempDir
    Path temp;

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    private static byte[] shorts(int... v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int x : v) {
            b.putShort((short) x);
        }
        return b.array();
    }

    private static int[] gray(BufferedImage img) {
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, img.getType());
        return img.getRaster().getSamples(0, 0, img.getWidth(), img.getHeight(), 0, (int[]) null);
    }

    private static int[] rgb(BufferedImage img) {
        assertEquals(BufferedImage.TYPE_INT_RGB, img.getType());
        int[] p = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        for (int i = 0; i < p.length; i++) {
            p[i] &= 0xFFFFFF;
        }
        return p;
    }

    @Test
    void eightBitMonochromeRendersAsStored() throws Exception {
        Image img = new Image(3, 2);
        BufferedImage out = FrameImages.fromNative(img.dataset(bytes(0, 1, 127, 128, 254, 255)), 0);
        assertEquals(3, out.getWidth());
        assertEquals(2, out.getHeight());
        assertArrayEquals(new int[] {0, 1, 127, 128, 254, 255}, gray(out));
    }

    @Test
    void fewStoredBitsAreScaledToFullRange() throws Exception {
        Image img = new Image(4, 1);
        img.bitsStored = 4;
        // 15 -> 255, 8 -> (8 * 255 + 7) / 15 = 136; bits above the stored ones are ignored (0xF1 -> 1 -> 17).
        assertArrayEquals(new int[] {0, 17, 136, 255}, gray(FrameImages.fromNative(img.dataset(bytes(0, 0xF1, 8, 15)), 0)));
    }

    @Test
    void monochrome1IsInverted() throws Exception {
        Image img = new Image(2, 1);
        img.photometric = "MONOCHROME1";
        assertArrayEquals(new int[] {255, 55}, gray(FrameImages.fromNative(img.dataset(bytes(0, 200)), 0)));
    }

    @Test
    void sixteenBitSignedIsWindowedOnPercentiles() throws Exception {
        // 200 pixels: -100 .. 99. Nearest-rank 1st percentile is rank 2 (-99), 99th is rank 198 (97).
        int[] v = new int[200];
        for (int i = 0; i < 200; i++) {
            v[i] = i - 100;
        }
        Image img = new Image(20, 10);
        img.bitsAllocated = 16;
        img.representation = 1;
        int[] g = gray(FrameImages.fromNative(img.dataset(shorts(v)), 0));
        assertEquals(0, g[0]);
        assertEquals(0, g[1]);
        assertEquals((1 * 255 + 98) / 196, g[2]);
        assertEquals((99 * 255 + 98) / 196, g[100]);
        assertEquals(255, g[197]);
        assertEquals(255, g[199]);
    }

    @Test
    void coincidingPercentilesFallBackToMinimumAndMaximum() throws Exception {
        int[] v = new int[100];
        v[99] = 4000;
        Image img = new Image(10, 10);
        img.bitsAllocated = 16;
        int[] g = gray(FrameImages.fromNative(img.dataset(shorts(v)), 0));
        assertEquals(0, g[0]);
        assertEquals(255, g[99]);
    }

    @Test
    void flatFrameRendersBlack() throws Exception {
        Image img = new Image(2, 1);
        img.bitsAllocated = 16;
        assertArrayEquals(new int[] {0, 0}, gray(FrameImages.fromNative(img.dataset(shorts(700, 700)), 0)));
    }

    @Test
    void rgbPlanarConfiguration1IsInterleaved() throws Exception {
        Image img = new Image(2, 1);
        img.samples = 3;
        img.photometric = "RGB";
        img.planar = 1;
        assertArrayEquals(new int[] {0x0A1E32, 0x142846},
                rgb(FrameImages.fromNative(img.dataset(bytes(10, 20, 30, 40, 50, 70)), 0)));
    }

    @Test
    void sixteenBitRgbIsScaledTo8Bits() throws Exception {
        Image img = new Image(1, 1);
        img.samples = 3;
        img.photometric = "RGB";
        img.bitsAllocated = 16;
        img.bitsStored = 12;
        assertArrayEquals(new int[] {0xFF0080}, rgb(FrameImages.fromNative(img.dataset(shorts(4095, 0, 2056)), 0)));
    }

    @Test
    void ybrFullIsConvertedToRgb() throws Exception {
        Image img = new Image(3, 1);
        img.samples = 3;
        img.photometric = "YBR_FULL";
        BufferedImage out = FrameImages.fromNative(img.dataset(bytes(0, 128, 128, 255, 128, 128, 76, 85, 255)), 0);
        assertArrayEquals(new int[] {0x000000, 0xFFFFFF, 0xFE0000}, rgb(out));
    }

    @Test
    void ybrFull422PairsShareChroma() throws Exception {
        Image img = new Image(2, 1);
        img.samples = 3;
        img.photometric = "YBR_FULL_422";
        img.planar = 0;
        assertArrayEquals(new int[] {0x000000, 0xFFFFFF}, rgb(FrameImages.fromNative(img.dataset(bytes(0, 255, 128, 128)), 0)));
    }

    @Test
    void paletteIsLookedUp() throws Exception {
        Image img = new Image(3, 1);
        img.photometric = "PALETTE COLOR";
        Dataset ds = img.dataset(bytes(0, 1, 9, 0));
        for (int tag : new int[] {Tag.RedPaletteColorLookupTableDescriptor, Tag.GreenPaletteColorLookupTableDescriptor,
            Tag.BluePaletteColorLookupTableDescriptor}) {
            ds.setInts(tag, VR.US, 2, 1, 8);
        }
        ds.setBytes(Tag.RedPaletteColorLookupTableData, VR.OW, bytes(0xFF, 0x00));
        ds.setBytes(Tag.GreenPaletteColorLookupTableData, VR.OW, bytes(0x00, 0x80));
        ds.setBytes(Tag.BluePaletteColorLookupTableData, VR.OW, bytes(0x00, 0x00));
        // Value 0 is below the first mapped value 1 (first entry); 9 is beyond the table (last entry).
        assertArrayEquals(new int[] {0xFF0000, 0xFF0000, 0x008000}, rgb(FrameImages.fromNative(ds, 0)));
    }

    @Test
    void paletteWithoutTablesRendersGray() throws Exception {
        Image img = new Image(2, 1);
        img.photometric = "PALETTE COLOR";
        assertArrayEquals(new int[] {0, 255}, gray(FrameImages.fromNative(img.dataset(bytes(0, 255)), 0)));
    }

    @Test
    void selectedFrameIsReadFromDisk() throws Exception {
        Path file = temp.resolve("frames.raw");
        Files.write(file, bytes(9, 9, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
        Image img = new Image(2, 2);
        img.frames = 3;
        Dataset ds = img.dataset(new byte[0]);
        ds.set(DicomElement.of(Tag.PixelData, VR.OW, new BulkData(file, 2, 12)));
        assertEquals(3, FrameImages.frameCount(ds));
        assertArrayEquals(new int[] {9, 10, 11, 12}, gray(FrameImages.fromNative(ds, 2)));
        assertThrows(IllegalArgumentException.class, () -> FrameImages.fromNative(ds, 3));
    }

    @Test
    void shortPixelDataIsReportedForTheMissingFrame() {
        Image img = new Image(2, 2);
        img.frames = 3;
        Dataset ds = img.dataset(new byte[8]);
        PixelDataException e = assertThrows(PixelDataException.class, () -> FrameImages.fromNative(ds, 2));
        assertEquals("Pixel Data holds 8 bytes, too few for frame 3 of 3 (4 bytes each)", e.getMessage());
    }

    @Test
    void luminanceOfGrayIsTheRaster() throws Exception {
        BufferedImage g = FrameImages.fromNative(new Image(2, 1).dataset(bytes(3, 250)), 0);
        assertArrayEquals(new int[] {3, 250}, FrameImages.luminance(g));
    }

    @Test
    void luminanceOfColorIsRec601Luma() {
        BufferedImage c = new BufferedImage(3, 1, BufferedImage.TYPE_INT_RGB);
        c.setRGB(0, 0, 0xFF0000);
        c.setRGB(1, 0, 0x00FF00);
        c.setRGB(2, 0, 0xFFFFFF);
        assertArrayEquals(new int[] {76, 150, 255}, FrameImages.luminance(c));
    }
}
