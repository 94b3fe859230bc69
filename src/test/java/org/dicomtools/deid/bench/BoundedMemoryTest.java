package org.dicomtools.deid.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import org.dicomtools.deid.dicom.Dataset;
import org.dicomtools.deid.dicom.DicomElement;
import org.dicomtools.deid.dicom.DicomFile;
import org.dicomtools.deid.dicom.DicomReader;
import org.dicomtools.deid.dicom.DicomWriter;
import org.dicomtools.deid.dicom.TransferSyntax;
import org.dicomtools.deid.dicom.VR;
import org.dicomtools.deid.dicom.dict.Tag;
import org.dicomtools.deid.dicom.dict.UID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bounded memory (foundation issue, codec): a multi-frame file of more than 2 GiB is read, rewritten
 * and masked in a JVM started with {@code -Xmx128m}. The file is sparse: its header is written, then
 * its length is set so that the Pixel Data value is a hole, and four frames get pseudo-random
 * pixels (the first, one in the middle, the one that crosses the 2<sup>31</sup>-byte offset and the
 * last, which starts beyond it). The outputs must have the exact size and checksum of the input (the
 * input was written the way the writer writes), or of the input with those frames masked, and those
 * frames must hash to the expected pixels.
 */
class BoundedMemoryTest {
    private static final int ROWS = 512;
    private static final int COLUMNS = 512;
    private static final long FRAME = ROWS * COLUMNS * 2L;
    private static final int FRAMES = 4097;
    /** 2,148,007,936 bytes: more than 2 GiB, less than the 4 GiB a 32-bit length holds. */
    private static final long PIXELS = FRAME * FRAMES;
    private static final int[] PLANTED = {0, 2048, 4095, 4096};
    /** A 2 GiB copy plus the masker's 2 GiB temporary file, with room to spare. */
    private static final long DISK_NEEDED = 5_000_000_000L;

    @TempDir
    Path temp;

    @Test
    void twoGibMultiFrameFileRewritesIntoAChannelWith128MiBOfHeap() throws Exception {
        Path input = temp.resolve("large.dcm");
        long pixelOffset = createSparse(input);
        assertTrue(pixelOffset + FRAME * 4095 < 1L << 31 && pixelOffset + FRAME * 4096 > 1L << 31,
                "frame 4095 crosses the 2^31 offset");

        Map<String, String> r = runWith128MiB("channel", input, pixelOffset);

        assertEquals(Files.size(input), Long.parseLong(r.get("copy.size")));
        assertEquals(crc32c(input, Map.of()), Long.parseLong(r.get("copy.crc32c")));
        for (int f : PLANTED) {
            assertEquals(sha256(frame(f)), r.get("copy.frame." + f + ".sha256"), "frame " + f);
        }
        assertHeapBounded(r);
    }

    @Test
    void twoGibMultiFrameFileRewritesToDiskAndMasksWith128MiBOfHeap() throws Exception {
        long free = Files.getFileStore(temp).getUsableSpace();
        assumeTrue(free >= DISK_NEEDED, () -> String.format(Locale.ROOT,
                "skipped: %s has %d bytes free; writing a 2 GiB copy and masking (2 GiB temporary file) needs %d",
                temp, free, DISK_NEEDED));
        Path input = temp.resolve("large.dcm");
        long pixelOffset = createSparse(input);

        Map<String, String> r = runWith128MiB("disk", input, pixelOffset);

        Path copy = temp.resolve("copy.dcm");
        assertEquals(Files.size(input), Files.size(copy));
        assertEquals(crc32c(input, Map.of()), crc32c(copy, Map.of()));
        try (FileChannel ch = FileChannel.open(copy, StandardOpenOption.READ)) {
            for (int f : PLANTED) {
                ByteBuffer b = ByteBuffer.allocate((int) FRAME);
                ch.read(b, pixelOffset + f * FRAME);
                assertArrayEquals(frame(f), b.array(), "frame " + f);
            }
        }
        try (DicomFile df = new DicomReader().read(copy)) {
            DicomElement pixels = df.dataset().get(Tag.PixelData);
            assertEquals(pixelOffset, pixels.bulkData().offset());
            assertEquals(PIXELS, pixels.length());
            assertEquals(FRAMES, df.dataset().getInt(Tag.NumberOfFrames, -1));
        }

        Map<Long, byte[]> masked = new HashMap<>();
        for (int f : PLANTED) {
            masked.put(pixelOffset + f * FRAME, masked(frame(f)));
        }
        assertEquals(Files.size(input), Long.parseLong(r.get("mask.size")));
        assertEquals(crc32c(input, masked), Long.parseLong(r.get("mask.crc32c")));
        for (int f : PLANTED) {
            assertEquals(sha256(masked(frame(f))), r.get("mask.frame." + f + ".sha256"), "frame " + f);
        }
        try (Stream<Path> left = Files.list(temp)) {
            assertEquals(List.of("copy.dcm", "large.dcm", "run.err", "run.out"),
                    left.map(p -> p.getFileName().toString()).sorted().toList(), "the masker's temporary file is deleted");
        }
        assertHeapBounded(r);
    }

    private static void assertHeapBounded(Map<String, String> r) {
        long max = Long.parseLong(r.get("heap.max"));
        assertTrue(max <= 128L << 20, "heap limit " + max);
    }

    /**
     * Writes the header (File Meta Information and every element before Pixel Data) the way the
     * writer does, then the Pixel Data element header, then extends the file so that the value is a
     * hole, and fills the planted frames. Returns the offset of the Pixel Data value.
     */
    private static long createSparse(Path file) throws IOException {
        Dataset ds = new Dataset();
        ds.setString(Tag.SOPClassUID, VR.UI, UID.MultiFrameGrayscaleWordSecondaryCaptureImageStorage);
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.826.0.1.3680043.10.1234.77.99.1");
        ds.setString(Tag.Modality, VR.CS, "OT");
        ds.setString(Tag.ConversionType, VR.CS, "WSD");
        ds.setString(Tag.PatientName, VR.PN, "LARGE^FILE");
        ds.setString(Tag.PatientID, VR.LO, "LARGE-1");
        ds.setInts(Tag.SamplesPerPixel, VR.US, 1);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        ds.setString(Tag.NumberOfFrames, VR.IS, Integer.toString(FRAMES));
        ds.setInts(Tag.Rows, VR.US, ROWS);
        ds.setInts(Tag.Columns, VR.US, COLUMNS);
        ds.setInts(Tag.BitsAllocated, VR.US, 16);
        ds.setInts(Tag.BitsStored, VR.US, 12);
        ds.setInts(Tag.HighBit, VR.US, 11);
        ds.setInts(Tag.PixelRepresentation, VR.US, 0);
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        new DicomWriter().write(header, ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, null);
        // (7FE0,0010) OW, reserved 2 bytes, 32-bit length (PS3.5 7.1.2).
        header.writeBytes(ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) 0x7FE0).putShort((short) 0x0010).put((byte) 'O').put((byte) 'W')
                .putShort((short) 0).putInt((int) PIXELS).array());
        long pixelOffset = header.size();
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.write(header.toByteArray());
            raf.setLength(pixelOffset + PIXELS);
            for (int f : PLANTED) {
                raf.seek(pixelOffset + f * FRAME);
                raf.write(frame(f));
            }
        }
        return pixelOffset;
    }

    /** Pseudo-random 12-bit little-endian samples of a planted frame. */
    private static byte[] frame(int f) {
        SplittableRandom random = new SplittableRandom(f + 1);
        byte[] b = new byte[(int) FRAME];
        for (int i = 0; i < b.length; i += 2) {
            int v = random.nextInt(4096);
            b[i] = (byte) v;
            b[i + 1] = (byte) (v >> 8);
        }
        return b;
    }

    /** The frame with {@link BoundedMemoryRun#MASK} (the top 40 rows) set to 0, black in MONOCHROME2. */
    private static byte[] masked(byte[] frame) {
        byte[] b = frame.clone();
        int end = BoundedMemoryRun.MASK.height() * COLUMNS * 2;
        for (int i = 0; i < end; i++) {
            b[i] = 0;
        }
        return b;
    }

    /** Runs {@link BoundedMemoryRun} in {@code java -Xmx128m} and returns its key=value lines. */
    private Map<String, String> runWith128MiB(String mode, Path input, long pixelOffset)
            throws IOException, InterruptedException, URISyntaxException {
        String classpath = codeSource(DicomReader.class) + java.io.File.pathSeparator + codeSource(BoundedMemoryRun.class);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", classpath, BoundedMemoryRun.class.getName(), mode, input.toString(), temp.toString(),
                Long.toString(FRAME), Long.toString(pixelOffset)));
        for (int f : PLANTED) {
            command.add(Integer.toString(f));
        }
        Path out = temp.resolve("run.out");
        Path err = temp.resolve("run.err");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the -Xmx128m run took more than 10 minutes");
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(0, p.exitValue(), () -> "the -Xmx128m run failed:\n" + read(err));
        Map<String, String> values = new TreeMap<>();
        for (String line : Files.readAllLines(out)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        System.out.printf(Locale.ROOT, "BoundedMemoryTest %s: %.1f s in java -Xmx128m %s%n", mode, seconds, values);
        return values;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(stderr unreadable: " + e + ")";
        }
    }

    private static String codeSource(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    /** CRC-32C of a file's bytes with the given ranges (offset to bytes) replaced. */
    private static long crc32c(Path file, Map<Long, byte[]> replacements) throws IOException {
        CRC32C crc = new CRC32C();
        ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long pos = 0;
            long size = ch.size();
            for (Map.Entry<Long, byte[]> e : new TreeMap<>(replacements).entrySet()) {
                update(crc, ch, buf, pos, e.getKey());
                crc.update(e.getValue());
                pos = e.getKey() + e.getValue().length;
            }
            update(crc, ch, buf, pos, size);
        }
        return crc.getValue();
    }

    private static void update(CRC32C crc, FileChannel ch, ByteBuffer buf, long from, long to) throws IOException {
        long pos = from;
        while (pos < to) {
            buf.clear().limit((int) Math.min(buf.capacity(), to - pos));
            int n = ch.read(buf, pos);
            if (n < 0) {
                throw new IOException("file ended at " + pos);
            }
            buf.flip();
            crc.update(buf);
            pos += n;
        }
    }

    private static String sha256(byte[] b) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
