package org.dicomtools.deid.pixel.jpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import javax.imageio.plugins.jpeg.JPEGHuffmanTable;
import javax.imageio.plugins.jpeg.JPEGQTable;

import org.dicomtools.deid.pixel.jpeg.JpegBlockMasker.Fill;
import org.dicomtools.deid.pixel.jpeg.JpegBlockMasker.Rect;
import org.dicomtools.deid.pixel.jpeg.JpegBlockMasker.Result;
import org.dicomtools.deid.pixel.jpeg.JpegBlockMasker.Tables;
import org.dicomtools.deid.pixel.jpeg.SampleJpegs.Options;
import org.dicomtools.deid.pixel.jpeg.SampleJpegs.Sampling;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class JpegBlockMaskerTest {
    /** A DC table that codes only difference categories 0 and 1. */
    private static final JPEGHuffmanTable DC_ZERO_AND_ONE = new JPEGHuffmanTable(
            new short[] {0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, new short[] {0, 1});
    private static final List<Rect> DCMTK_RECTS = List.of(new Rect(10, 10, 40, 20), new Rect(90, 90, 10, 10));

    /**
     * Rectangles that cross block and MCU edges, one running past the image, and small ones on
     * the last pixel of a block (x 15, y 7) and of a 4:1:1 chroma block (x 31).
     */
    private static List<Rect> rects(int width, int height) {
        if (width < 8 || height < 8) {
            return List.of(new Rect(0, 0, 1, 1));
        }
        List<Rect> rects = new ArrayList<>(List.of(new Rect(3, 2, Math.max(1, width / 4), 5),
                new Rect(width * 2 / 3, height / 2, width, height)));
        if (width > 16 && height > 8) {
            rects.add(new Rect(15, 7, 2, 2));
        }
        if (width > 32 && height > 16) {
            rects.add(new Rect(31, 15, 1, 1));
        }
        return rects;
    }

    static Stream<Arguments> layouts() {
        return Stream.of(
                Arguments.of(Sampling.GRAY, 37, 29, 0),
                Arguments.of(Sampling.GRAY, 64, 48, 3),
                Arguments.of(Sampling.S420, 37, 29, 0),
                Arguments.of(Sampling.S420, 37, 29, 1),
                Arguments.of(Sampling.S420, 100, 75, 5),
                Arguments.of(Sampling.S420, 1, 1, 0),
                Arguments.of(Sampling.S420, 16, 16, 0),
                Arguments.of(Sampling.S444, 37, 29, 2),
                Arguments.of(Sampling.S444, 40, 40, 0),
                Arguments.of(Sampling.S422, 50, 33, 4),
                Arguments.of(Sampling.S411, 37, 29, 2),
                Arguments.of(Sampling.S411, 70, 20, 0));
    }

    @ParameterizedTest(name = "{0} {1}x{2} restart {3}")
    @MethodSource("layouts")
    void blocksUnderRectanglesAreBlankAndEveryOtherBlockKeepsItsCoefficients(Sampling sampling, int width,
            int height, int restart) throws Exception {
        byte[] jpeg = SampleJpegs.encode(SampleJpegs.picture(width, height, sampling != Sampling.GRAY, 7),
                Options.of(sampling, restart));
        for (Fill fill : Fill.values()) {
            Result result = assertMasked(jpeg, rects(width, height), fill, true);
            assertEquals(width, result.width());
            assertEquals(height, result.height());
            assertEquals(sampling == Sampling.GRAY ? 1 : 3, result.components());
            assertEquals(restartMarkers(jpeg), restartMarkers(result.jpeg()));
            assertArrayEquals(Arrays.copyOf(jpeg, entropyStart(jpeg)),
                    Arrays.copyOf(result.jpeg(), entropyStart(result.jpeg())));
        }
    }

    @ParameterizedTest(name = "{0} {1}x{2} restart {3}")
    @MethodSource("layouts")
    void noRectanglesReproducesTheImageIoStreamByteForByte(Sampling sampling, int width, int height, int restart)
            throws Exception {
        byte[] jpeg = SampleJpegs.encode(SampleJpegs.picture(width, height, sampling != Sampling.GRAY, 11),
                Options.of(sampling, restart));

        Result result = JpegBlockMasker.mask(jpeg, List.of(), Fill.BLACK);

        assertArrayEquals(jpeg, result.jpeg());
        assertEquals(0, result.blocksMasked());
    }

    @Test
    void restartIntervalsAreReEmittedAtTheSamePlaces() throws Exception {
        byte[] jpeg = SampleJpegs.encode(SampleJpegs.picture(37, 29, true, 3), Options.of(Sampling.S420, 1));

        Result result = JpegBlockMasker.mask(jpeg, List.of(new Rect(0, 0, 37, 29)), Fill.BLACK);

        // 3 x 2 MCUs, one per interval: RST0..RST4 between them.
        assertEquals(List.of(0xD0, 0xD1, 0xD2, 0xD3, 0xD4), restartMarkers(jpeg));
        assertEquals(List.of(0xD0, 0xD1, 0xD2, 0xD3, 0xD4), restartMarkers(result.jpeg()));
        // Luma 5 x 4 blocks hold samples (the sixth column is MCU padding), chroma 3 x 2 each.
        assertEquals(20 + 2 * 6, result.blocksMasked());
    }

    @Test
    void blackFillOnImageIoDefaultTablesIsDcMinus128ForLumaAndZeroForChroma() throws Exception {
        byte[] jpeg = SampleJpegs.encode(SampleJpegs.picture(32, 32, true, 5), Options.of(Sampling.S420, 0));

        Result result = JpegBlockMasker.mask(jpeg, List.of(new Rect(0, 0, 16, 16)), Fill.BLACK);

        JpegCoefficients after = JpegCoefficients.read(result.jpeg());
        int[] luma = new int[64];
        luma[0] = -128;
        int[] chroma = new int[64];
        for (int row = 0; row < 2; row++) {
            for (int column = 0; column < 2; column++) {
                assertArrayEquals(luma, after.block(0, row, column));
            }
        }
        assertArrayEquals(chroma, after.block(1, 0, 0));
        assertArrayEquals(chroma, after.block(2, 0, 0));
        assertEquals(6, result.blocksMasked());
        BufferedImage rgb = SampleJpegs.decode(result.jpeg());
        for (int y = 0; y < 14; y++) {
            for (int x = 0; x < 14; x++) {
                assertEquals(0xFF000000, rgb.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void blackFillRoundsAwayFromZeroSoTheBlockDecodesToExactlyZero() throws Exception {
        int[] table = JPEGQTable.K1Div2Luminance.getTable();
        table[0] = 10;
        JPEGQTable[] quant = {new JPEGQTable(table), JPEGQTable.K2Div2Chrominance};
        Options options = Options.of(Sampling.GRAY, 0).tables(quant,
                new JPEGHuffmanTable[] {JPEGHuffmanTable.StdDCLuminance, JPEGHuffmanTable.StdDCChrominance},
                new JPEGHuffmanTable[] {JPEGHuffmanTable.StdACLuminance, JPEGHuffmanTable.StdACChrominance});
        byte[] jpeg = SampleJpegs.encode(SampleJpegs.picture(24, 24, false, 9), options);

        Result result = JpegBlockMasker.mask(jpeg, List.of(new Rect(8, 8, 8, 8)), Fill.BLACK);

        // -1024 / 10 = -102.4; -102 would decode to 0.5 + rounding, -103 clamps to 0.
        assertEquals(-103, JpegCoefficients.read(result.jpeg()).block(0, 1, 1)[0]);
        Raster raster = SampleJpegs.decodeRaster(result.jpeg());
        for (int y = 8; y < 16; y++) {
            for (int x = 8; x < 16; x++) {
                assertEquals(0, raster.getSample(x, y, 0));
            }
        }
    }

    @Test
    void missingDcCategoryInTheStreamsTableIsAJpegException() throws Exception {
        Options options = Options.of(Sampling.GRAY, 0).tables(
                new JPEGQTable[] {JPEGQTable.K1Div2Luminance, JPEGQTable.K2Div2Chrominance},
                new JPEGHuffmanTable[] {DC_ZERO_AND_ONE, DC_ZERO_AND_ONE},
                new JPEGHuffmanTable[] {JPEGHuffmanTable.StdACLuminance, JPEGHuffmanTable.StdACChrominance});
        byte[] jpeg = SampleJpegs.encode(SampleJpegs.flat(32, 16, false, 128), options);

        JpegException e = assertThrows(JpegException.class,
                () -> JpegBlockMasker.mask(jpeg, List.of(new Rect(0, 0, 8, 8)), Fill.BLACK));

        assertEquals("the DC Huffman table of component 1 has no code for symbol 0x08 needed after masking"
                + " (an optimised table)", e.getMessage());
        Result gray = JpegBlockMasker.mask(jpeg, List.of(new Rect(0, 0, 8, 8)), Fill.MID_GRAY);
        assertArrayEquals(jpeg, gray.jpeg());
        assertEquals(1, gray.blocksMasked());
    }

    @Test
    void rgbComponentsAllTakeTheFillLevel() throws Exception {
        byte[] ycc = SampleJpegs.encode(SampleJpegs.picture(24, 16, true, 13), Options.of(Sampling.S444, 0));
        byte[] rgb = asRgb(ycc);

        Result result = assertMasked(rgb, List.of(new Rect(4, 4, 10, 6)), Fill.BLACK, false);

        JpegCoefficients after = JpegCoefficients.read(result.jpeg());
        assertEquals(-128, after.block(0, 0, 0)[0]);
        assertEquals(-114, after.block(1, 0, 0)[0]);
        assertEquals(-114, after.block(2, 0, 0)[0]);
        assertEquals(3 * 4, result.blocksMasked());
    }

    @ParameterizedTest
    @EnumSource(value = Sampling.class, names = {"GRAY", "S420", "S422"})
    void nonInterleavedScansAreMaskedComponentByComponent(Sampling sampling) throws Exception {
        byte[] interleaved = SampleJpegs.encode(SampleJpegs.picture(37, 29, sampling != Sampling.GRAY, 17),
                Options.of(sampling, 0));
        for (int restart : new int[] {0, 3}) {
            byte[] jpeg = NonInterleavedJpegs.rewrite(interleaved, restart);
            assertEquals(sampling == Sampling.GRAY ? 1 : 3, scanCount(jpeg));
            assertSamePixels(SampleJpegs.decodeRaster(interleaved), SampleJpegs.decodeRaster(jpeg));

            for (Fill fill : Fill.values()) {
                Result result = assertMasked(jpeg, rects(37, 29), fill, true);
                assertEquals(restartMarkers(jpeg), restartMarkers(result.jpeg()));
            }
        }
    }

    @Test
    void dcmtkFrameWithOptimisedTablesIsMaskedGrayWithItsOwnTables() throws Exception {
        byte[] jpeg = resource("SC_rgb_jpeg_dcmtk-frame1.jpg");

        Result result = assertMasked(jpeg, DCMTK_RECTS, Fill.MID_GRAY, Tables.KEEP, true);

        assertEquals(100, result.width());
        assertEquals(3, result.components());
        // 4:4:4: 6 x 3 blocks under the first rectangle, 2 x 2 under the second, per component.
        assertEquals(3 * (6 * 3 + 2 * 2), result.blocksMasked());
        assertEquals(false, result.tablesRebuilt());
    }

    @Test
    void dcmtkFrameNeedsADcCategoryItsOptimisedTableLacksForBlack() throws Exception {
        byte[] jpeg = resource("SC_rgb_jpeg_dcmtk-frame1.jpg");

        JpegException e = assertThrows(JpegException.class,
                () -> JpegBlockMasker.mask(jpeg, DCMTK_RECTS, Fill.BLACK));

        assertEquals("the DC Huffman table of component 1 has no code for symbol 0x0A needed after masking"
                + " (an optimised table)", e.getMessage());
        Result rebuilt = assertMasked(jpeg, DCMTK_RECTS, Fill.BLACK, Tables.REBUILD_WHEN_NEEDED, true);
        assertTrue(rebuilt.tablesRebuilt());
        assertEquals(3 * (6 * 3 + 2 * 2), rebuilt.blocksMasked());
        assertEquals(1, scanCount(rebuilt.jpeg()));
        assertEquals(1, segmentCount(rebuilt.jpeg(), 0xC4));
    }

    @Test
    void rebuildingTablesKeepsTheStreamsOwnWhenTheySuffice() throws Exception {
        byte[] jpeg = SampleJpegs.encode(SampleJpegs.picture(37, 29, true, 61), Options.of(Sampling.S420, 2));

        Result result = JpegBlockMasker.mask(jpeg, rects(37, 29), Fill.BLACK, Tables.REBUILD_WHEN_NEEDED);

        assertEquals(false, result.tablesRebuilt());
        assertArrayEquals(JpegBlockMasker.mask(jpeg, rects(37, 29), Fill.BLACK).jpeg(), result.jpeg());
    }

    @ParameterizedTest
    @EnumSource(value = Sampling.class, names = {"GRAY", "S420"})
    void rebuiltTablesCodeEveryScanOfANonInterleavedImage(Sampling sampling) throws Exception {
        byte[] jpeg = NonInterleavedJpegs.rewrite(SampleJpegs.encode(SampleJpegs.flat(37, 29,
                sampling != Sampling.GRAY, 128), Options.of(sampling, 0).tables(
                        new JPEGQTable[] {JPEGQTable.K1Div2Luminance, JPEGQTable.K2Div2Chrominance},
                        new JPEGHuffmanTable[] {DC_ZERO_AND_ONE, DC_ZERO_AND_ONE},
                        new JPEGHuffmanTable[] {JPEGHuffmanTable.StdACLuminance, JPEGHuffmanTable.StdACChrominance})),
                2);
        assertThrows(JpegException.class, () -> JpegBlockMasker.mask(jpeg, rects(37, 29), Fill.BLACK));

        Result result = assertMasked(jpeg, rects(37, 29), Fill.BLACK, Tables.REBUILD_WHEN_NEEDED,
                sampling != Sampling.GRAY);

        assertTrue(result.tablesRebuilt());
        int scans = sampling == Sampling.GRAY ? 1 : 3;
        assertEquals(scans, scanCount(result.jpeg()));
        assertEquals(scans, segmentCount(result.jpeg(), 0xC4));
        assertEquals(restartMarkers(jpeg), restartMarkers(result.jpeg()));
    }

    @Test
    void sonositeUltrasoundFrameHasItsCornerTextMasked() throws Exception {
        byte[] jpeg = resource("examples_ybr_color-frame1.jpg");
        List<Rect> text = List.of(new Rect(0, 0, 40, 30), new Rect(280, 10, 40, 90), new Rect(40, 225, 250, 15));
        for (Fill fill : Fill.values()) {
            Result result = assertMasked(jpeg, text, fill, true);
            assertEquals(320, result.width());
            assertEquals(240, result.height());
            // The JPEG is 4:2:0 (Y 2x2) although the DICOM header says YBR_FULL_422:
            // luma 5x4 + 5x12 + 32x2 blocks, each chroma 3x2 + 3x7 + 17x1.
            assertEquals(20 + 60 + 64 + 2 * (6 + 21 + 17), result.blocksMasked());
        }
    }

    @Test
    void rectanglesOutsideTheImageChangeNothing() throws Exception {
        byte[] jpeg = SampleJpegs.encode(SampleJpegs.picture(37, 29, true, 19), Options.of(Sampling.S420, 0));

        Result result = JpegBlockMasker.mask(jpeg, List.of(new Rect(37, 0, 5, 5), new Rect(0, 29, 40, 1)),
                Fill.BLACK);

        assertArrayEquals(jpeg, result.jpeg());
        assertEquals(0, result.blocksMasked());
    }

    @Test
    void rectangleNeedsNonNegativeOriginAndPositiveSize() {
        assertThrows(IllegalArgumentException.class, () -> new Rect(-1, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Rect(0, -1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Rect(0, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Rect(0, 0, 1, 0));
    }

    @Test
    void resultCopiesItsBytes() throws Exception {
        byte[] jpeg = SampleJpegs.encode(SampleJpegs.picture(8, 8, false, 1), Options.of(Sampling.GRAY, 0));
        Result result = JpegBlockMasker.mask(jpeg, List.of(), Fill.BLACK);

        result.jpeg()[0] = 0;

        assertEquals((byte) 0xFF, result.jpeg()[0]);
    }

    @Test
    void commentsForeignAppSegmentsThumbnailsAndTrailingBytesAreDropped() throws Exception {
        byte[] jpeg = SampleJpegs.encode(SampleJpegs.picture(16, 16, false, 23), Options.of(Sampling.GRAY, 0));
        assertEquals(0xE0, jpeg[3] & 0xFF);
        int app0End = 4 + ((jpeg[4] & 0xFF) << 8 | (jpeg[5] & 0xFF));
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.write(jpeg, 0, 2);
        in.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE0, 0, 19});
        in.write(jpeg, 6, 12); // JFIF\0, version, units, densities
        in.writeBytes(new byte[] {1, 1, 5, 5, 5}); // a 1x1 RGB thumbnail
        byte[] comment = "Doe^John 1970".getBytes(StandardCharsets.US_ASCII);
        in.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, (byte) (comment.length + 2)});
        in.writeBytes(comment);
        in.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE1, 0, 8, 'E', 'x', 'i', 'f', 0, 0});
        in.write(jpeg, app0End, jpeg.length - app0End);
        in.writeBytes(new byte[] {0, (byte) 0xFF, (byte) 0xD8});
        byte[] dirty = in.toByteArray();

        Result result = JpegBlockMasker.mask(dirty, List.of(), Fill.BLACK);

        assertArrayEquals(jpeg, result.jpeg());
    }

    @Test
    void fillBytesBeforeMarkersAreAcceptedAndNotCopied() throws Exception {
        byte[] jpeg = SampleJpegs.encode(SampleJpegs.picture(37, 29, true, 29), Options.of(Sampling.S420, 2));
        ByteArrayOutputStream padded = new ByteArrayOutputStream();
        int start = entropyStart(jpeg);
        padded.write(jpeg, 0, start);
        for (int i = start; i < jpeg.length; i++) {
            int b = jpeg[i] & 0xFF;
            if (b == 0xFF && i + 1 < jpeg.length && (jpeg[i + 1] & 0xFF) >= 0xD0 && (jpeg[i + 1] & 0xFF) <= 0xD9) {
                padded.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
            }
            padded.write(b);
        }
        byte[] withFill = padded.toByteArray();
        assertEquals(jpeg.length + 3 * (restartMarkers(jpeg).size() + 1), withFill.length);
        List<Rect> rects = rects(37, 29);

        assertArrayEquals(JpegBlockMasker.mask(jpeg, rects, Fill.BLACK).jpeg(),
                JpegBlockMasker.mask(withFill, rects, Fill.BLACK).jpeg());
    }

    @Test
    void extendedSequentialSof1IsMaskedLikeBaseline() throws Exception {
        byte[] jpeg = SampleJpegs.encode(SampleJpegs.picture(37, 29, true, 31), Options.of(Sampling.S420, 0));
        byte[] sof1 = jpeg.clone();
        sof1[markerAt(sof1, 0xC0) + 1] = (byte) 0xC1;

        Result result = assertMasked(sof1, rects(37, 29), Fill.BLACK, true);

        byte[] baseline = JpegBlockMasker.mask(jpeg, rects(37, 29), Fill.BLACK).jpeg();
        baseline[markerAt(baseline, 0xC0) + 1] = (byte) 0xC1;
        assertArrayEquals(baseline, result.jpeg());
    }

    @Test
    void progressiveJpegIsRejected() {
        byte[] jpeg = SampleJpegs.encode(SampleJpegs.picture(37, 29, true, 37), Options.of(Sampling.S420, 0)
                .asProgressive());
        int sof2 = markerAt(jpeg, 0xC2);

        JpegException e = assertThrows(JpegException.class,
                () -> JpegBlockMasker.mask(jpeg, rects(37, 29), Fill.BLACK));

        assertEquals("unsupported JPEG: progressive DCT (SOF2) at offset " + sof2, e.getMessage());
    }

    @Test
    void otherCodingProcessesAreRejectedByName() {
        byte[] jpeg = SampleJpegs.encode(SampleJpegs.picture(16, 16, false, 41), Options.of(Sampling.GRAY, 0));
        int sof = markerAt(jpeg, 0xC0);
        assertRejected(patch(jpeg, sof + 1, 0xC3), "unsupported JPEG: lossless (SOF3) at offset " + sof);
        assertRejected(patch(jpeg, sof + 1, 0xC5), "unsupported JPEG: hierarchical differential (SOF5) at offset " + sof);
        assertRejected(patch(jpeg, sof + 1, 0xC9), "unsupported JPEG: arithmetic coding (SOF9) at offset " + sof);
        assertRejected(patch(patch(jpeg, sof + 1, 0xC1), sof + 4, 12),
                "unsupported JPEG: 12-bit samples (only 8-bit) at offset " + sof);
        assertRejected(patch(patch(jpeg, sof + 5, 0), sof + 6, 0),
                "unsupported JPEG: a DNL marker (height defined after the first scan) at offset " + sof);
    }

    @Test
    void everyTruncationIsAJpegException() {
        byte[] jpeg = SampleJpegs.encode(SampleJpegs.picture(37, 29, true, 43), Options.of(Sampling.S420, 2));
        for (int length = 0; length < jpeg.length; length++) {
            byte[] cut = Arrays.copyOf(jpeg, length);
            JpegException e = assertThrows(JpegException.class, () -> JpegBlockMasker.mask(cut, rects(37, 29),
                    Fill.BLACK), "length " + length);
            assertNotNull(e.getMessage());
        }
        int middle = (entropyStart(jpeg) + jpeg.length) / 2;
        assertRejected(Arrays.copyOf(jpeg, middle), "JPEG data is truncated inside the entropy-coded segment");
        assertRejected(Arrays.copyOf(jpeg, jpeg.length - 2), "JPEG data is truncated: no EOI marker");
    }

    @Test
    void restartMarkerOutOfSequenceIsAJpegException() {
        byte[] jpeg = SampleJpegs.encode(SampleJpegs.picture(37, 29, true, 47), Options.of(Sampling.S420, 1));
        int rst1 = markerAt(jpeg, 0xD1);

        assertRejected(patch(jpeg, rst1 + 1, 0xD5),
                "expected restart marker RST1 at offset " + rst1 + " but found 0xFFD5");
    }

    @Test
    void corruptedStreamsFailOnlyWithJpegException() {
        byte[] jpeg = SampleJpegs.encode(SampleJpegs.picture(37, 29, true, 53), Options.of(Sampling.S420, 2));
        Random random = new Random(59);
        int rejected = 0;
        for (int i = 0; i < 3000; i++) {
            byte[] broken = jpeg.clone();
            for (int n = 1 + random.nextInt(3); n > 0; n--) {
                broken[random.nextInt(broken.length)] = (byte) random.nextInt(256);
            }
            try {
                JpegBlockMasker.mask(broken, rects(37, 29), Fill.BLACK);
            } catch (JpegException e) {
                assertNotNull(e.getMessage());
                rejected++;
            } catch (RuntimeException e) {
                fail("mutation " + i + " threw " + e, e);
            }
        }
        assertTrue(rejected > 0);
    }

    // ---- helpers ----

    /**
     * Masks and checks the result against the input: (1) coefficients: blocks intersecting a
     * rectangle are (fill DC, zero AC), all others are unchanged; (2) pixels decoded by ImageIO:
     * inside the rectangles exactly the fill level (luma, or every component of RGB), chroma exactly
     * neutral 2 px inside, and identical to the input's decode farther than one chroma block (16 px
     * for 4:2:0) from every rectangle; (3) the output is no more than 2 % larger than the input.
     */
    private static Result assertMasked(byte[] jpeg, List<Rect> rects, Fill fill, boolean ycbcr) throws Exception {
        return assertMasked(jpeg, rects, fill, Tables.KEEP, ycbcr);
    }

    private static Result assertMasked(byte[] jpeg, List<Rect> rects, Fill fill, Tables tables, boolean ycbcr)
            throws Exception {
        Result result = JpegBlockMasker.mask(jpeg, rects, fill, tables);
        JpegCoefficients before = JpegCoefficients.read(jpeg);
        JpegCoefficients after = JpegCoefficients.read(result.jpeg());
        JpegFrame frame = before.frame;
        int level = fill == Fill.BLACK ? 0 : 128;
        int masked = 0;
        for (JpegFrame.Component c : frame.components) {
            boolean chroma = ycbcr && c.index > 0;
            int q0 = c.quant[0];
            int fillDc = chroma || level == 128 ? 0 : -((1024 + q0 - 1) / q0);
            for (int row = 0; row < c.paddedBlocksHigh; row++) {
                for (int column = 0; column < c.paddedBlocksWide; column++) {
                    int[] was = before.block(c.index, row, column);
                    int[] is = after.block(c.index, row, column);
                    if (was == null) {
                        assertNull(is);
                    } else if (covers(frame, c, row, column, rects)) {
                        int[] blank = new int[64];
                        blank[0] = fillDc;
                        assertArrayEquals(blank, is, "component " + c.id + " block " + row + "," + column);
                        masked++;
                    } else {
                        assertArrayEquals(was, is, "component " + c.id + " block " + row + "," + column);
                    }
                }
            }
        }
        assertEquals(masked, result.blocksMasked());

        Raster original = SampleJpegs.decodeRaster(jpeg);
        Raster output = SampleJpegs.decodeRaster(result.jpeg());
        int marginX = Math.max(16, 8 * frame.maxH);
        int marginY = Math.max(16, 8 * frame.maxV);
        int bands = original.getNumBands();
        for (int y = 0; y < frame.height; y++) {
            for (int x = 0; x < frame.width; x++) {
                int inside = insideBy(rects, x, y);
                if (inside >= 0) {
                    for (int b = 0; b < bands; b++) {
                        boolean chroma = ycbcr && b > 0;
                        if (!chroma) {
                            assertEquals(level, output.getSample(x, y, b), "band " + b + " at " + x + "," + y);
                        } else if (inside >= 2) {
                            assertEquals(128, output.getSample(x, y, b), "band " + b + " at " + x + "," + y);
                        }
                    }
                } else if (!near(rects, x, y, marginX, marginY)) {
                    for (int b = 0; b < bands; b++) {
                        assertEquals(original.getSample(x, y, b), output.getSample(x, y, b),
                                "band " + b + " at " + x + "," + y);
                    }
                }
            }
        }
        assertTrue(result.jpeg().length <= jpeg.length + jpeg.length / 50 + 16,
                result.jpeg().length + " bytes from " + jpeg.length);
        return result;
    }

    /** Whether the block's image area (forward-mapped from its samples) meets a rectangle. */
    private static boolean covers(JpegFrame frame, JpegFrame.Component c, int row, int column, List<Rect> rects) {
        int px0 = column * 8 * frame.maxH / c.h;
        int px1 = Math.min(frame.width, (column * 8 + 8) * frame.maxH / c.h);
        int py0 = row * 8 * frame.maxV / c.v;
        int py1 = Math.min(frame.height, (row * 8 + 8) * frame.maxV / c.v);
        for (Rect r : rects) {
            if (px0 < Math.min(frame.width, r.x() + r.width()) && r.x() < px1
                    && py0 < Math.min(frame.height, r.y() + r.height()) && r.y() < py1) {
                return true;
            }
        }
        return false;
    }

    /** How far inside the deepest rectangle containing (x, y) the pixel lies, or -1. */
    private static int insideBy(List<Rect> rects, int x, int y) {
        int best = -1;
        for (Rect r : rects) {
            if (x >= r.x() && y >= r.y() && x < r.x() + r.width() && y < r.y() + r.height()) {
                int d = Math.min(Math.min(x - r.x(), r.x() + r.width() - 1 - x),
                        Math.min(y - r.y(), r.y() + r.height() - 1 - y));
                best = Math.max(best, d);
            }
        }
        return best;
    }

    private static boolean near(List<Rect> rects, int x, int y, int marginX, int marginY) {
        for (Rect r : rects) {
            int dx = Math.max(0, Math.max(r.x() - x, x - (r.x() + r.width() - 1)));
            int dy = Math.max(0, Math.max(r.y() - y, y - (r.y() + r.height() - 1)));
            if (dx <= marginX && dy <= marginY) {
                return true;
            }
        }
        return false;
    }

    private static void assertSamePixels(Raster expected, Raster actual) {
        assertEquals(expected.getWidth(), actual.getWidth());
        assertEquals(expected.getHeight(), actual.getHeight());
        assertArrayEquals(expected.getPixels(0, 0, expected.getWidth(), expected.getHeight(), (int[]) null),
                actual.getPixels(0, 0, actual.getWidth(), actual.getHeight(), (int[]) null));
    }

    private static void assertRejected(byte[] jpeg, String message) {
        JpegException e = assertThrows(JpegException.class, () -> JpegBlockMasker.mask(jpeg, List.of(), Fill.BLACK));
        assertEquals(message, e.getMessage());
    }

    private static byte[] patch(byte[] jpeg, int at, int value) {
        byte[] copy = jpeg.clone();
        copy[at] = (byte) value;
        return copy;
    }

    /** Offset of the first 0xFF {@code code} marker (entropy data never contains one unstuffed). */
    private static int markerAt(byte[] jpeg, int code) {
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == code) {
                return i;
            }
        }
        throw new AssertionError("no marker 0xFF" + Integer.toHexString(code));
    }

    /** Offset just after the first SOS segment. */
    private static int entropyStart(byte[] jpeg) {
        int sos = markerAt(jpeg, 0xDA);
        return sos + 2 + ((jpeg[sos + 2] & 0xFF) << 8 | (jpeg[sos + 3] & 0xFF));
    }

    private static List<Integer> restartMarkers(byte[] jpeg) {
        List<Integer> codes = new ArrayList<>();
        for (int i = entropyStart(jpeg); i + 1 < jpeg.length; i++) {
            int code = jpeg[i + 1] & 0xFF;
            if ((jpeg[i] & 0xFF) == 0xFF && code >= 0xD0 && code <= 0xD7) {
                codes.add(code);
            }
        }
        return codes;
    }

    private static int scanCount(byte[] jpeg) {
        return segmentCount(jpeg, 0xDA);
    }

    /** Number of 0xFF {@code code} markers (entropy data never contains one unstuffed). */
    private static int segmentCount(byte[] jpeg, int code) {
        int n = 0;
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == code) {
                n++;
            }
        }
        return n;
    }

    /** The same stream declared RGB: no JFIF segment, components 'R', 'G', 'B'. */
    private static byte[] asRgb(byte[] jpeg) {
        assertEquals(0xE0, jpeg[3] & 0xFF);
        int app0End = 4 + ((jpeg[4] & 0xFF) << 8 | (jpeg[5] & 0xFF));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(jpeg, app0End, jpeg.length - app0End);
        byte[] rgb = out.toByteArray();
        int sof = markerAt(rgb, 0xC0);
        int sos = markerAt(rgb, 0xDA);
        for (int i = 0; i < 3; i++) {
            rgb[sof + 10 + 3 * i] = (byte) "RGB".charAt(i);
            rgb[sos + 5 + 2 * i] = (byte) "RGB".charAt(i);
        }
        return rgb;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = JpegBlockMaskerTest.class.getResourceAsStream("/pixel/jpeg/" + name)) {
            assertNotNull(in, name);
            return in.readAllBytes();
        }
    }
}
