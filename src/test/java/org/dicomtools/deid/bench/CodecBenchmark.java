package org.dicomtools.deid.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.dicomtools.deid.dicom.DicomFile;
import org.dicomtools.deid.dicom.DicomReader;
import org.dicomtools.deid.dicom.DicomWriter;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Parse + rewrite throughput of the codec over a mixed set of files (see
 * {@link SyntheticFiles#codecSet}): each operation reads one file with {@link DicomReader} and
 * writes it back with {@link DicomWriter}, either as a Part 10 file on disk or as a bare dataset
 * into a channel that discards it. The score is files per second; the {@code megabytes} counter is
 * megabytes (10<sup>6</sup> bytes) of input read per second. Files are taken in turn, so each
 * iteration sees the mix in its proportions.
 *
 * <p>Run through the {@code benchmark} Maven profile ({@code ./mvnw -B -Pbenchmark verify}), or
 * directly with {@code java -cp <test classpath> org.openjdk.jmh.Main CodecBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class CodecBenchmark {
    private Path dir;
    private Path[] files;
    private long[] sizes;

    /** Generates the file set into a temporary directory. */
    @Setup(Level.Trial)
    public void generate() throws IOException {
        dir = Files.createTempDirectory("deid-codec-bench-");
        SyntheticFiles set = SyntheticFiles.codecSet(dir.resolve("in"), Path.of("src", "test", "resources"));
        List<Path> list = set.files();
        files = list.toArray(new Path[0]);
        sizes = new long[files.length];
        for (int i = 0; i < files.length; i++) {
            sizes[i] = Files.size(files[i]);
        }
        System.out.printf(Locale.ROOT, "%nCodec set: %d files, %.1f MB in %s%n", files.length, set.bytes() / 1e6, dir);
    }

    /** Deletes the file set. */
    @TearDown(Level.Trial)
    public void delete() throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** A thread's reader, writer, output file and position in the file list. */
    @State(Scope.Thread)
    public static class Cursor {
        final DicomReader reader = new DicomReader();
        final DicomWriter writer = new DicomWriter();
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Path out;
        int next;

        /** Names this thread's output file beside the inputs. */
        @Setup(Level.Trial)
        public void open(CodecBenchmark b) throws IOException {
            out = Files.createTempFile(b.dir, "out-", ".dcm");
        }

        int advance(int count) {
            int i = next;
            next = i + 1 == count ? 0 : i + 1;
            return i;
        }
    }

    /**
     * Input read and CPU time spent, reported by JMH as rates beside the files per second. On a
     * machine whose cores other processes share, megabytes over cpuSeconds (MB per CPU second) stays
     * meaningful when the wall-clock rates do not.
     */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Counters {
        /** Megabytes (10^6 bytes) of input read; JMH reports it per second. */
        public double megabytes;
        /** CPU seconds (user and system) of the benchmark thread; per second, its share of a core. */
        public double cpuSeconds;

        /** Starts each iteration from zero. */
        @Setup(Level.Iteration)
        public void reset() {
            megabytes = 0;
            cpuSeconds = 0;
        }
    }

    /** Reads a file and writes it back as a new Part 10 file on disk. */
    @Benchmark
    public long readAndWriteFile(Cursor c, Counters n) throws IOException {
        int i = c.advance(files.length);
        long cpu = c.threads.getCurrentThreadCpuTime();
        // A new file each time, as cp and the engine write: on ext4, rewriting a truncated file makes
        // close() start writeback (auto_da_alloc), which would measure the disk instead of the codec.
        Files.deleteIfExists(c.out);
        try (DicomFile f = c.reader.read(files[i])) {
            c.writer.write(c.out, f.dataset(), f.transferSyntax(), f.meta());
        }
        n.cpuSeconds += (c.threads.getCurrentThreadCpuTime() - cpu) / 1e9;
        n.megabytes += sizes[i] / 1e6;
        return sizes[i];
    }

    /** Reads a file and writes its dataset into a channel that discards it. */
    @Benchmark
    public long readAndWriteDatasetToNull(Cursor c, Counters n) throws IOException {
        int i = c.advance(files.length);
        long cpu = c.threads.getCurrentThreadCpuTime();
        NullChannel sink = new NullChannel();
        try (DicomFile f = c.reader.read(files[i])) {
            c.writer.writeDataset(sink, f.dataset(), f.transferSyntax());
        }
        n.cpuSeconds += (c.threads.getCurrentThreadCpuTime() - cpu) / 1e9;
        n.megabytes += sizes[i] / 1e6;
        return sink.count();
    }
}
