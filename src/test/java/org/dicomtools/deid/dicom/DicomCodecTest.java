package org.dicomtools.deid.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Byte-level behaviour of {@link DicomReader} and {@link DicomWriter} on hand-built fixtures. */
class DicomCodecTest {
    private static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    private static final String IMPLICIT_LE = "1.2.840.10008.1.2";
    private static final String EXPLICIT_BE = "1.2.840.10008.1.2.2";
    private static final String DEFLATED = "1.2.840.10008.1.2.1.99";
    private static final String JPEG_BASELINE = "1.2.840.10008.1.2.4.50";

    @TempDir
    Path dir;

    private DicomFile read(byte[] bytes) throws IOException {
        return new DicomReader().read(DicomBytes.write(dir, "in.dcm", bytes));
    }

    private static byte[] datasetBytes(DicomFile file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DicomWriter().writeDataset(Channels.newChannel(out), file.dataset(), file.transferSyntax());
        return out.toByteArray();
    }

    /** A dataset with one element of every VR that has a fixed-size or text value. */
    private static DicomBytes everyVR(DicomBytes b) {
        return b.text(0x00080005, "CS", "ISO_IR 100")
                .text(0x00080020, "DA", "20240131")
                .text(0x00080030, "TM", "101112")
                .text(0x00080050, "SH", "ACC123")
                .text(0x00080054, "AE", "STORESCP")
                .text(0x00080090, "PN", "Doe^John")
                .text(0x00081030, "LO", "Brain MRI ")
                .text(0x0008103E, "LO", "series")
                .text(0x00081155, "UI", "1.2.3.4.5.6\0")
                .text(0x00100010, "PN", "Smith^Jane")
                .text(0x00101010, "AS", "042Y")
                .text(0x00101020, "DS", "1.75")
                .text(0x00104000, "LT", "comment\\x ")
                .header(0x00186020, "SL", 4).u32(-5 & 0xFFFFFFFFL)
                .header(0x00186022, "SL", 4).u32(7)
                .text(0x0018702A, "LO", "DETECTOR")
                .header(0x00189306, "FD", 8).raw(0, 0, 0, 0, 0, 0, 0, 0x40)
                .header(0x00189328, "FD", 8).raw(0, 0, 0, 0, 0, 0, 0xF0, 0x3F)
                .text(0x00200013, "IS", "7 ")
                .header(0x00209128, "UL", 4).u32(4000000000L)
                .text(0x00209158, "LT", "frame ")
                .header(0x00209161, "UI", 0)
                .header(0x00209165, "AT", 4).u16(0x0020).u16(0x9056)
                .us(0x00280010, 512)
                .us(0x00280106, 3)
                .text(0x00281050, "DS", "40")
                .text(0x00281052, "DS", "0 ")
                .text(0x0040A30A, "DS", "1.5 ")
                .header(0x00660032, "FL", 4).raw(0, 0, 0xC0, 0x3F)
                .text(0x0072005E, "AE", "AE")
                .text(0x00720064, "IS", "3 ")
                .header(0x00720069, "FD", 8).raw(0, 0, 0, 0, 0, 0, 0x08, 0x40)
                .header(0x0072006D, "SS", 2).u16(-2 & 0xFFFF)
                .text(0x0072006F, "UC", "uc1 ")
                .text(0x00720071, "UR", "http://example.org")
                .header(0x00720073, "FL", 4).raw(0, 0, 0x80, 0x3F)
                .text(0x00720075, "ST", "st")
                .header(0x00720081, "OB", 2).raw(1, 2)
                .header(0x00720082, "OV", 8).raw(1, 2, 3, 4, 5, 6, 7, 8)
                .header(0x00720083, "SV", 8).u32(-1 & 0xFFFFFFFFL).u32(-1 & 0xFFFFFFFFL)
                .header(0x00720084, "UV", 8).u32(0).u32(1)
                .header(0x00720088, "OW", 4).u16(1).u16(2)
                .header(0x0072008A, "OD", 8).raw(0, 0, 0, 0, 0, 0, 0xF0, 0x3F)
                .header(0x0072008B, "OF", 4).raw(0, 0, 0x80, 0x3F)
                .header(0x0072008C, "OL", 4).u32(9)
                .text(0x00720090, "UT", "ut\\x  ")
                .header(0x00720092, "UN", 2).raw(0xAB, 0xCD);
    }

    @Test
    void everyVRRoundTripsByteForByteInExplicitLittleEndian() throws IOException {
        byte[] dataset = everyVR(DicomBytes.explicitLE()).bytes();
        try (DicomFile f = read(DicomBytes.part10(EXPLICIT_LE, dataset))) {
            assertEquals(List.of(), f.warnings());
            assertArrayEquals(dataset, datasetBytes(f));
            Dataset ds = f.dataset();
            assertEquals("Smith^Jane", ds.getString(0x00100010));
            assertEquals(List.of("comment\\x"), ds.getStrings(0x00104000), "LT keeps backslashes");
            assertEquals("1.2.3.4.5.6", ds.getString(0x00081155), "UI padding NUL removed");
            assertEquals(7, ds.getInt(0x00200013, -1));
            assertEquals(512, ds.getInt(0x00280010, -1));
            assertEquals(List.of("-5"), ds.getStrings(0x00186020));
            assertEquals(List.of("4000000000"), ds.getStrings(0x00209128));
            assertEquals(List.of("00209056"), ds.getStrings(0x00209165));
            assertEquals(List.of("1.0"), ds.getStrings(0x00189328));
            assertEquals(List.of("1.5"), ds.getStrings(0x00660032));
            assertEquals(List.of("-2"), ds.getStrings(0x0072006D));
            assertEquals(List.of("-1"), ds.getStrings(0x00720083));
            assertEquals(List.of("4294967296"), ds.getStrings(0x00720084));
            assertEquals(List.of("ut\\x"), ds.getStrings(0x00720090));
            assertEquals(VR.UN, ds.get(0x00720092).vr());
            assertEquals(List.of(), ds.getStrings(0x00209161), "empty value");
        }
    }

    @Test
    void everyVRRoundTripsByteForByteInExplicitBigEndian() throws IOException {
        byte[] dataset = everyVR(DicomBytes.explicitBE()).bytes();
        try (DicomFile f = read(DicomBytes.part10(EXPLICIT_BE, dataset))) {
            assertTrue(f.transferSyntax().bigEndian());
            assertArrayEquals(dataset, datasetBytes(f));
            assertEquals(512, f.dataset().getInt(0x00280010, -1));
            assertEquals(List.of("-5"), f.dataset().getStrings(0x00186020));
            assertEquals(List.of("00209056"), f.dataset().getStrings(0x00209165));
        }
    }

    @Test
    void implicitVRTakesVRFromTheDictionary() throws IOException {
        byte[] dataset = DicomBytes.implicitLE()
                .text(0x00100010, "PN", "Doe^John")
                .us(0x00280010, 64)
                .text(0x00290010, "LO", "ACME 1.0")
                .header(0x00291001, "UN", 4).raw('a', 'b', 'c', 'd')
                .header(0x7FE00010, "OW", 4).u16(1).u16(2)
                .bytes();
        try (DicomFile f = read(DicomBytes.part10(IMPLICIT_LE, dataset))) {
            Dataset ds = f.dataset();
            assertEquals(VR.PN, ds.get(0x00100010).vr());
            assertEquals(VR.US, ds.get(0x00280010).vr());
            assertEquals(VR.LO, ds.get(0x00290010).vr(), "private creator");
            assertEquals(VR.UN, ds.get(0x00291001).vr(), "unknown private element");
            assertEquals(VR.OW, ds.get(0x7FE00010).vr(), "OB or OW is OW in implicit VR (PS3.5 A.1)");
            assertEquals("ACME 1.0", ds.privateCreatorOf(0x00291001));
            assertEquals(0x00291001, ds.privateTag("ACME 1.0", 0x0029, 0x01));
            assertEquals(-1, ds.privateTag("OTHER", 0x0029, 0x01));
            assertArrayEquals(dataset, datasetBytes(f));
        }
    }

    @Test
    void undefinedLengthSequencesAndItemsRoundTripUnchanged() throws IOException {
        byte[] dataset = DicomBytes.explicitLE()
                .header(0x00081110, "SQ", -1)
                .item(-1).text(0x00081150, "UI", "1.2.840.10008.3.1.2.3.1\0")
                .header(0x00081155, "UI", 4).raw('1', '.', '2', 0).itemEnd()
                .item(-1).itemEnd()
                .sequenceEnd()
                .header(0x00081140, "SQ", 0)
                .text(0x00100010, "PN", "A^B ")
                .bytes();
        try (DicomFile f = read(DicomBytes.part10(EXPLICIT_LE, dataset))) {
            Dataset ds = f.dataset();
            DicomElement seq = ds.get(0x00081110);
            assertTrue(seq.undefinedLength());
            assertEquals(2, seq.sequence().size());
            assertTrue(seq.sequence().get(0).undefinedLength());
            assertEquals("1.2", seq.sequence().get(0).getString(0x00081155));
            assertEquals(0, ds.get(0x00081140).sequence().size());
            assertFalse(ds.get(0x00081140).undefinedLength());
            assertArrayEquals(dataset, datasetBytes(f));
        }
    }

    @Test
    void definedLengthsAreRecomputedWhenContentChanges() throws IOException {
        byte[] dataset = DicomBytes.explicitLE()
                .header(0x00081110, "SQ", 8 + 14)
                .item(14).text(0x00081150, "UI", "1.2.3\0")
                .text(0x00100010, "PN", "A^B ")
                .bytes();
        try (DicomFile f = read(DicomBytes.part10(EXPLICIT_LE, dataset))) {
            Dataset item = f.dataset().get(0x00081110).sequence().get(0);
            item.setString(0x00081150, VR.UI, "1.2.3.4.5");
            byte[] expected = DicomBytes.explicitLE()
                    .header(0x00081110, "SQ", 8 + 18)
                    .item(18).text(0x00081150, "UI", "1.2.3.4.5\0")
                    .text(0x00100010, "PN", "A^B ")
                    .bytes();
            assertArrayEquals(expected, datasetBytes(f));
        }
    }

    @Test
    void groupLengthIsRecomputedAndAWrongOneIsReported() throws IOException {
        byte[] wrong = DicomBytes.explicitLE()
                .header(0x00080000, "UL", 4).u32(99)
                .text(0x00080060, "CS", "MR")
                .text(0x00100010, "PN", "A^B ")
                .bytes();
        try (DicomFile f = read(DicomBytes.part10(EXPLICIT_LE, wrong))) {
            assertEquals(List.of("group length (0008,0000) says 99 bytes but the group has 10: corrected on write"),
                    f.warnings());
            byte[] expected = DicomBytes.explicitLE()
                    .header(0x00080000, "UL", 4).u32(10)
                    .text(0x00080060, "CS", "MR")
                    .text(0x00100010, "PN", "A^B ")
                    .bytes();
            assertArrayEquals(expected, datasetBytes(f));
        }
    }

    @Test
    void unknownVROfUndefinedLengthIsReadAsImplicitLittleEndianSequence() throws IOException {
        // CP-246: a sequence sent as UN keeps its items in implicit VR little endian, even in big endian files.
        DicomBytes b = DicomBytes.explicitBE();
        b.tag(0x00081110).raw('U', 'N', 0, 0).u32(0xFFFFFFFFL);
        DicomBytes items = DicomBytes.implicitLE().item(-1).text(0x00081150, "UI", "1.2\0").itemEnd().sequenceEnd();
        byte[] dataset = b.raw(items.bytes()).text(0x00100010, "PN", "A^B ").bytes();
        try (DicomFile f = read(DicomBytes.part10(EXPLICIT_BE, dataset))) {
            DicomElement e = f.dataset().get(0x00081110);
            assertEquals(VR.UN, e.vr());
            assertTrue(e.isSequence());
            Dataset item = e.sequence().get(0);
            assertFalse(item.bigEndian());
            assertEquals("1.2", item.getString(0x00081150));
            assertArrayEquals(dataset, datasetBytes(f));
        }
    }

    @Test
    void unknownValueHoldingItemsIsParsedAsSequence() throws IOException {
        byte[] inner = DicomBytes.implicitLE().item(12).text(0x00100010, "PN", "X^Y ").bytes();
        byte[] dataset = DicomBytes.explicitLE()
                .text(0x00090010, "LO", "VENDOR")
                .element(0x00091001, "UN", inner)
                .bytes();
        try (DicomFile f = read(DicomBytes.part10(EXPLICIT_LE, dataset))) {
            DicomElement e = f.dataset().get(0x00091001);
            assertTrue(e.isSequence());
            assertEquals("X^Y", e.sequence().get(0).getString(0x00100010));
            assertArrayEquals(dataset, datasetBytes(f));
        }
    }

    @Test
    void encapsulatedFragmentsPassThroughByteForByte() throws IOException {
        // The fragment holds the bytes of a sequence delimiter: the reader must not look inside.
        byte[] fragment = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFE, (byte) 0xFF, (byte) 0xDD, (byte) 0xE0, 0, 0,
            0, 0, (byte) 0xFF, (byte) 0xD9};
        byte[] dataset = DicomBytes.explicitLE()
                .us(0x00280010, 1)
                .header(0x7FE00010, "OB", -1)
                .item(4).u32(0)
                .item(fragment.length).raw(fragment)
                .sequenceEnd()
                .bytes();
        try (DicomFile f = read(DicomBytes.part10(JPEG_BASELINE, dataset))) {
            Fragments frags = f.dataset().get(0x7FE00010).fragments();
            assertEquals(2, frags.size());
            assertArrayEquals(fragment, frags.bytes(1, 100));
            assertTrue(f.transferSyntax().encapsulated());
            assertArrayEquals(dataset, datasetBytes(f));
        }
    }

    @Test
    void valuesAboveTheThresholdStayOnDiskAndAreStreamedBack() throws IOException {
        byte[] pixels = new byte[100_000];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 31);
        }
        byte[] dataset = DicomBytes.explicitLE().element(0x7FE00010, "OW", pixels).bytes();
        Path in = DicomBytes.write(dir, "big.dcm", DicomBytes.part10(EXPLICIT_LE, dataset));
        try (DicomFile f = new DicomReader().read(in)) {
            DicomElement e = f.dataset().get(0x7FE00010);
            assertTrue(e.isBulk());
            assertEquals(100_000, e.length());
            assertEquals(in, e.bulkData().file());
            assertArrayEquals(dataset, datasetBytes(f));
        }
    }

    @Test
    void part10FileIsWrittenWithRegeneratedFileMeta() throws IOException {
        byte[] dataset = DicomBytes.explicitLE()
                .text(0x00080016, "UI", "1.2.840.10008.5.1.4.1.1.4\0")
                .text(0x00080018, "UI", "1.2.3.99")
                .bytes();
        try (DicomFile f = read(DicomBytes.part10(EXPLICIT_LE, dataset))) {
            Path out = dir.resolve("out.dcm");
            new DicomWriter().write(out, f.dataset(), f.transferSyntax(), null);
            try (DicomFile back = new DicomReader().read(out)) {
                Dataset meta = back.meta();
                assertEquals("1.2.840.10008.5.1.4.1.1.4", meta.getString(0x00020002));
                assertEquals("1.2.3.99", meta.getString(0x00020003));
                assertEquals(EXPLICIT_LE, meta.getString(0x00020010));
                assertEquals(DicomWriter.IMPLEMENTATION_CLASS_UID, meta.getString(0x00020012));
                assertTrue(meta.getString(0x00020013).startsWith("DEID_"));
                assertEquals(List.of(), back.warnings());
                byte[] all = Files.readAllBytes(out);
                assertArrayEquals(new byte[128], Arrays.copyOf(all, 128));
                int groupLength = (all[140] & 0xFF) | (all[141] & 0xFF) << 8;
                assertEquals(all.length - 144 - dataset.length, groupLength);
                assertArrayEquals(dataset, Arrays.copyOfRange(all, all.length - dataset.length, all.length));
            }
        }
    }

    @Test
    void deflatedDatasetIsInflatedAndWrittenDeflated() throws IOException {
        byte[] dataset = DicomBytes.explicitLE()
                .text(0x00080016, "UI", "1.2.840.10008.5.1.4.1.1.88.22\0")
                .header(0x0040A730, "SQ", -1).item(-1).text(0x0040A160, "UT", "some report text").itemEnd()
                .sequenceEnd()
                .bytes();
        byte[] deflated = deflate(dataset);
        Path in = DicomBytes.write(dir, "dfl.dcm", DicomBytes.part10(DEFLATED, deflated));
        Path out = dir.resolve("dfl-out.dcm");
        try (DicomFile f = new DicomReader().read(in)) {
            assertTrue(f.transferSyntax().deflated());
            assertEquals("some report text",
                    f.dataset().get(0x0040A730).sequence().get(0).getString(0x0040A160));
            assertArrayEquals(dataset, datasetBytes(f));
            new DicomWriter().write(out, f.dataset(), f.transferSyntax(), null);
        }
        try (DicomFile back = new DicomReader().read(out)) {
            assertEquals(DEFLATED, back.meta().getString(0x00020010));
            assertArrayEquals(dataset, datasetBytes(back));
        }
    }

    @Test
    void deflateBombIsStoppedAtTheLimit() throws IOException {
        byte[] zeros = new byte[4 * 1024 * 1024];
        Path in = DicomBytes.write(dir, "bomb.dcm", DicomBytes.part10(DEFLATED, deflate(zeros)));
        ReadOptions small = new ReadOptions(64 * 1024, 1024 * 1024, 128, 1000);
        DicomFormatException e = assertThrows(DicomFormatException.class, () -> new DicomReader(small).read(in));
        assertTrue(e.getMessage().contains("inflates to more than the limit of 1048576 bytes"), e.getMessage());
    }

    private static byte[] deflate(byte[] data) throws IOException {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (DeflaterOutputStream d = new DeflaterOutputStream(bo, new Deflater(Deflater.BEST_COMPRESSION, true))) {
            d.write(data);
        }
        return bo.toByteArray();
    }

    @Test
    void truncatedValueFailsNamingFileOffsetAndTagPath() throws IOException {
        byte[] dataset = DicomBytes.explicitLE()
                .header(0x0040A730, "SQ", -1).item(-1)
                .header(0x0040A160, "UT", 1000).raw('a', 'b')
                .bytes();
        byte[] file = DicomBytes.part10(EXPLICIT_LE, dataset);
        Path in = DicomBytes.write(dir, "trunc.dcm", file);
        DicomFormatException e = assertThrows(DicomFormatException.class, () -> new DicomReader().read(in));
        long headerOffset = file.length - dataset.length + 20;
        assertEquals(headerOffset, e.offset());
        assertEquals("(0040,A730)[0]/(0040,A160)", e.tagPath());
        assertEquals(in + ": offset " + headerOffset + " at (0040,A730)[0]/(0040,A160): value length 1000 exceeds"
                + " the 2 bytes left in the file", e.getMessage());
    }

    @Test
    void absurdLengthIsNeverAllocated() throws IOException {
        byte[] dataset = DicomBytes.explicitLE().header(0x7FE00010, "OW", 0xFFFFFFF0L).u16(0).bytes();
        DicomFormatException e = assertThrows(DicomFormatException.class,
                () -> read(DicomBytes.part10(EXPLICIT_LE, dataset)));
        assertEquals("(7FE0,0010)", e.tagPath());
        assertTrue(e.reason().startsWith("value length 4294967280 exceeds the 2 bytes left"), e.reason());
    }

    @Test
    void itemLongerThanItsSequenceFails() throws IOException {
        byte[] dataset = DicomBytes.explicitLE()
                .header(0x00081110, "SQ", 16).item(100).text(0x00081150, "UI", "1.2\0\0")
                .text(0x00100010, "PN", "A^B ")
                .bytes();
        DicomFormatException e = assertThrows(DicomFormatException.class,
                () -> read(DicomBytes.part10(EXPLICIT_LE, dataset)));
        assertTrue(e.reason().startsWith("item length 100 exceeds the 8 bytes left in the sequence"), e.reason());
    }

    @Test
    void sequenceNested100000DeepFailsCleanly() throws IOException {
        int depth = 100_000;
        DicomBytes b = DicomBytes.explicitLE();
        for (int i = 0; i < depth; i++) {
            b.header(0x0040A730, "SQ", -1).item(-1);
        }
        for (int i = 0; i < depth; i++) {
            b.itemEnd().sequenceEnd();
        }
        DicomFormatException e = assertThrows(DicomFormatException.class,
                () -> read(DicomBytes.part10(EXPLICIT_LE, b.bytes())));
        assertEquals("sequences nested deeper than 128 levels", e.reason());
        assertTrue(e.tagPath().startsWith("(0040,A730)[0]/(0040,A730)[0]/"), e.tagPath());
    }

    @Test
    void nestingUpToTheLimitParses() throws IOException {
        DicomBytes b = DicomBytes.explicitLE();
        for (int i = 0; i < 128; i++) {
            b.header(0x0040A730, "SQ", -1).item(-1);
        }
        b.text(0x0040A160, "UT", "leaf");
        for (int i = 0; i < 128; i++) {
            b.itemEnd().sequenceEnd();
        }
        byte[] dataset = b.bytes();
        try (DicomFile f = read(DicomBytes.part10(EXPLICIT_LE, dataset))) {
            Dataset d = f.dataset();
            for (int i = 0; i < 128; i++) {
                d = d.get(0x0040A730).sequence().get(0);
            }
            assertEquals("leaf", d.getString(0x0040A160));
            assertEquals(128, d.depth());
            assertArrayEquals(dataset, datasetBytes(f));
        }
    }

    @Test
    void bareDatasetsAreRecognisedInEachEncoding() throws IOException {
        for (DicomBytes b : List.of(DicomBytes.explicitLE(), DicomBytes.implicitLE(), DicomBytes.explicitBE())) {
            byte[] dataset = b.text(0x00080005, "CS", "ISO_IR 100")
                    .text(0x00080060, "CS", "CT")
                    .text(0x00100010, "PN", "Doe^John")
                    .us(0x00280010, 256)
                    .bytes();
            try (DicomFile f = read(dataset)) {
                assertFalse(f.isPart10());
                assertEquals("Doe^John", f.dataset().getString(0x00100010));
                assertEquals(256, f.dataset().getInt(0x00280010, 0));
                assertArrayEquals(dataset, datasetBytes(f));
                assertEquals(1, f.warnings().size(), f.warnings().toString());
            }
        }
    }

    @Test
    void strayLeadingByteIsSkipped() throws IOException {
        byte[] dataset = DicomBytes.explicitLE().text(0x00080005, "CS", "ISO_IR 100")
                .text(0x00080060, "CS", "CT").text(0x00100010, "PN", "Doe^John").bytes();
        byte[] withStray = new byte[dataset.length + 1];
        withStray[0] = 0x20;
        System.arraycopy(dataset, 0, withStray, 1, dataset.length);
        try (DicomFile f = read(withStray)) {
            assertEquals(1, f.datasetOffset());
            assertEquals("Doe^John", f.dataset().getString(0x00100010));
            assertEquals("skipped 1 stray byte(s) before the first element", f.warnings().get(0));
        }
    }

    @Test
    void dicmInsideAValueAtOffset128IsNotTakenForAPreamble() throws IOException {
        // Element headers take 18 + 8 + 8 bytes, so a 94-byte LO puts the SH value "DICMA1" at offset 128.
        byte[] pad = new byte[94];
        Arrays.fill(pad, (byte) 'X');
        byte[] dataset = DicomBytes.explicitLE().text(0x00080005, "CS", "ISO_IR 100")
                .element(0x00080080, "LO", pad)
                .text(0x00081010, "SH", "DICMA1")
                .text(0x00100010, "PN", "Doe^John")
                .bytes();
        assertEquals("DICM", new String(dataset, 128, 4, StandardCharsets.US_ASCII));
        try (DicomFile f = read(dataset)) {
            assertFalse(f.isPart10());
            assertEquals("DICMA1", f.dataset().getString(0x00081010));
            assertTrue(f.warnings().get(0).startsWith("\"DICM\" at offset 128 is not followed"));
            assertArrayEquals(dataset, datasetBytes(f));
        }
    }

    @Test
    void notDicomFailsAsSuch() throws IOException {
        byte[] text = "Hello, this is a README and not a DICOM file at all.\n".repeat(5)
                .getBytes(StandardCharsets.US_ASCII);
        DicomFormatException e = assertThrows(DicomFormatException.class, () -> read(text));
        assertTrue(e.reason().startsWith("not a DICOM file"), e.reason());
        assertThrows(DicomFormatException.class, () -> read(new byte[0]));
    }

    @Test
    void invalidVRCodeIsRecoveredWithTheFormThatLeadsToTheNextElement() throws IOException {
        byte[] dataset = DicomBytes.explicitLE()
                .us(0x00280103, 1)
                .tag(0x00280120).raw(' ', ' ').u16(2).u16(0)
                .us(0x00281050, 0)
                .bytes();
        try (DicomFile f = read(DicomBytes.part10(EXPLICIT_LE, dataset))) {
            DicomElement e = f.dataset().get(0x00280120);
            assertEquals(VR.US, e.vr());
            assertEquals(2, e.length());
            assertEquals("(0028,0120) at offset " + (DicomBytes.part10(EXPLICIT_LE, new byte[0]).length + 10)
                    + " has the invalid VR \"  \": read with a 16-bit length as US", f.warnings().get(0));
        }
    }

    @Test
    void oddLengthValueIsPaddedOnWrite() throws IOException {
        byte[] dataset = DicomBytes.explicitLE().header(0x00100010, "PN", 3).raw('A', '^', 'B').bytes();
        try (DicomFile f = read(DicomBytes.part10(EXPLICIT_LE, dataset))) {
            assertEquals("A^B", f.dataset().getString(0x00100010));
            byte[] expected = DicomBytes.explicitLE().text(0x00100010, "PN", "A^B ").bytes();
            assertArrayEquals(expected, datasetBytes(f));
        }
    }

    @Test
    void characterSetOfAnItemOverridesItsParent() throws IOException {
        byte[] dataset = DicomBytes.explicitLE()
                .text(0x00080005, "CS", "ISO_IR 100")
                .header(0x00081110, "SQ", -1).item(-1).text(0x00080005, "CS", "ISO_IR 192")
                .itemEnd().item(-1).itemEnd().sequenceEnd()
                .bytes();
        try (DicomFile f = read(DicomBytes.part10(EXPLICIT_LE, dataset))) {
            Sequence seq = f.dataset().get(0x00081110).sequence();
            assertEquals(f.dataset().characterSet(), seq.get(1).characterSet());
            assertEquals(SpecificCharacterSet.of(List.of("ISO_IR 192")), seq.get(0).characterSet());
            assertNotNull(seq.get(0).parent());
        }
    }

    @Test
    void datasetSetGetRemoveKeepTagOrder() {
        Dataset ds = new Dataset();
        ds.setString(0x00100010, VR.PN, "B");
        ds.setString(0x00080060, VR.CS, "CT");
        ds.setInts(0x7FE00001, VR.UL, 1);
        ds.setString(0xFFFAFFFA, VR.UT, "x");
        ds.setString(0x00100020, VR.LO, "ID");
        assertEquals(List.of(0x00080060, 0x00100010, 0x00100020, 0x7FE00001, 0xFFFAFFFA),
                ds.elements().stream().map(DicomElement::tag).toList());
        assertNotNull(ds.remove(0x00100010));
        assertNull(ds.remove(0x00100010));
        assertNull(ds.get(0x00100010));
        assertEquals(4, ds.size());
        assertEquals("ID", ds.getString(0x00100020));
    }
}
