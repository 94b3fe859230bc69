package org.dicomtools.deid.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32C;

import org.dicomtools.deid.dicom.DicomElement;
import org.dicomtools.deid.dicom.DicomFile;
import org.dicomtools.deid.dicom.DicomReader;
import org.dicomtools.deid.dicom.DicomWriter;
import org.dicomtools.deid.pixel.NativePixelMasker;
import org.dicomtools.deid.pixel.PixelDataException;
import org.dicomtools.deid.pixel.Rect;

/**
 * The side of {@link BoundedMemoryTest} that runs in a JVM limited to 128 MiB of heap: reads a large
 * multi-frame file, rewrites it, masks it frame by frame and prints what the test checks, one
 * {@code key=value} per line. Arguments: {@code channel|disk <input> <work dir> <frame length>
 * <pixel value offset> <frame>...}; the listed frames are hashed where they sit in each output.
 * {@code channel} writes the Part 10 file into a channel that checksums and discards it;
 * {@code disk} writes it to {@code <work dir>/copy.dcm}, then masks {@link #MASK} in every frame and
 * writes the masked file into such a channel.
 */
final class BoundedMemoryRun {
    /** The rectangle masked in every frame: the top 40 rows. */
    static final Rect MASK = new Rect(0, 0, 512, 40);

    private BoundedMemoryRun() {
    }

    public static void main(String[] args) throws IOException, PixelDataException {
        String mode = args[0];
        Path input = Path.of(args[1]);
        Path work = Path.of(args[2]);
        long frameLength = Long.parseLong(args[3]);
        long pixelOffset = Long.parseLong(args[4]);
        long[] starts = new long[args.length - 5];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = pixelOffset + Long.parseLong(args[5 + i]) * frameLength;
        }
        DicomWriter writer = new DicomWriter();
        try (DicomFile f = new DicomReader().read(input)) {
            long t0 = System.nanoTime();
            if (mode.equals("channel")) {
                CheckingChannel out = new CheckingChannel(starts, frameLength);
                writer.write(out, f.dataset(), f.transferSyntax(), f.meta());
                out.print("copy", args);
            } else if (mode.equals("disk")) {
                writer.write(work.resolve("copy.dcm"), f.dataset(), f.transferSyntax(), f.meta());
            } else {
                throw new IllegalArgumentException("mode " + mode);
            }
            print("copy.seconds", String.format(Locale.ROOT, "%.2f", (System.nanoTime() - t0) / 1e9));
            if (mode.equals("disk")) {
                long t1 = System.nanoTime();
                DicomElement masked = NativePixelMasker.mask(f.dataset(), List.of(MASK), work);
                f.dataset().set(masked);
                CheckingChannel out = new CheckingChannel(starts, frameLength);
                writer.write(out, f.dataset(), f.transferSyntax(), f.meta());
                Files.delete(masked.bulkData().file());
                out.print("mask", args);
                print("mask.seconds", String.format(Locale.ROOT, "%.2f", (System.nanoTime() - t1) / 1e9));
            }
        }
        print("heap.max", Long.toString(Runtime.getRuntime().maxMemory()));
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        print("heap.peak", Long.toString(peak));
    }

    private static void print(String key, String value) {
        System.out.println(key + "=" + value);
    }

    /**
     * Discards what is written, keeping its length, its CRC-32C and the SHA-256 of the byte ranges
     * {@code [start, start + length)} given.
     */
    private static final class CheckingChannel implements WritableByteChannel {
        private final CRC32C crc = new CRC32C();
        private final long[] starts;
        private final long length;
        private final MessageDigest[] digests;
        private long count;

        CheckingChannel(long[] starts, long length) {
            this.starts = starts.clone();
            this.length = length;
            this.digests = new MessageDigest[starts.length];
            for (int i = 0; i < starts.length; i++) {
                try {
                    digests[i] = MessageDigest.getInstance("SHA-256");
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException("every JDK has SHA-256", e);
                }
            }
        }

        @Override
        public int write(ByteBuffer src) {
            int n = src.remaining();
            int base = src.position();
            for (int i = 0; i < starts.length; i++) {
                long from = Math.max(starts[i], count);
                long to = Math.min(starts[i] + length, count + n);
                if (from < to) {
                    digests[i].update(src.duplicate().position(base + (int) (from - count))
                            .limit(base + (int) (to - count)));
                }
            }
            crc.update(src);
            count += n;
            return n;
        }

        void print(String prefix, String[] args) {
            BoundedMemoryRun.print(prefix + ".size", Long.toString(count));
            BoundedMemoryRun.print(prefix + ".crc32c", Long.toString(crc.getValue()));
            for (int i = 0; i < starts.length; i++) {
                BoundedMemoryRun.print(prefix + ".frame." + args[5 + i] + ".sha256",
                        HexFormat.of().formatHex(digests[i].digest()));
            }
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
            // Nothing is held.
        }
    }
}
