package org.dicomtools.deid.bench;

import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.dicomtools.deid.dicom.ReadOptions;
import org.dicomtools.deid.engine.BatchRunner;
import org.dicomtools.deid.engine.DeidRequest;
import org.dicomtools.deid.engine.EngineListener;
import org.dicomtools.deid.engine.ImagePolicy;
import org.dicomtools.deid.engine.Ledger;
import org.dicomtools.deid.engine.Pseudonymizer;
import org.dicomtools.deid.engine.ReviewManifest;
import org.dicomtools.deid.engine.RunSummary;
import org.dicomtools.deid.engine.Shard;
import org.dicomtools.deid.profile.Profile;
import org.dicomtools.deid.profile.ProfileException;
import org.dicomtools.deid.verify.Baseline;
import org.dicomtools.deid.verify.Severity;
import org.dicomtools.deid.verify.VerifyContext;
import org.dicomtools.deid.verify.VerifyReport;
import org.dicomtools.deid.verify.Verifier;

/**
 * The part of the {@code benchmark} profile that JMH does not measure, and the closing table:
 * <ol>
 * <li>{@code cp -r} of the codec benchmark's file set (the same generator, so the same bytes), timed
 *     five times with a fresh target each time, page cache warm as in the JMH run;</li>
 * <li>the codec's MB/s from the JMH result file, beside cp's;</li>
 * <li>{@link BatchRunner} (basic profile, 2 threads) and then {@link Verifier} (2 threads) on a
 *     generated 2,000-file dataset ({@link SyntheticFiles#engineSet}), twice each: the first run
 *     includes JIT warm-up, the second is warm; then verify once more without the pixel text detector,
 *     which shows its share. Files/s and MB/s count the bytes each one read.</li>
 * </ol>
 * Arguments: {@code <work dir> [<JMH JSON result>]}. The table also goes to
 * {@code <work dir>/summary.txt}; the generated files are deleted.
 */
public final class BenchmarkReport {
    private static final int THREADS = 2;
    private static final String SECRET = "benchmark-secret-0123456789abcdef";

    private final Path work;
    private final List<String> lines = new ArrayList<>();

    private BenchmarkReport(Path work) {
        this.work = work;
    }

    public static void main(String[] args) throws IOException, InterruptedException, ProfileException {
        Path work = Path.of(args[0]).toAbsolutePath();
        Path jmh = args.length > 1 ? Path.of(args[1]) : null;
        new BenchmarkReport(work).run(jmh);
    }

    private void run(Path jmh) throws IOException, InterruptedException, ProfileException {
        Files.createDirectories(work);
        line("Machine: %d cores, load average %.2f at start, Java %s", Runtime.getRuntime().availableProcessors(),
                load(), System.getProperty("java.version"));
        codecVersusCp(jmh);
        engine();
        line("Load average %.2f at the end", load());
        String text = String.join(System.lineSeparator(), lines) + System.lineSeparator();
        Files.writeString(work.resolve("summary.txt"), text, StandardCharsets.UTF_8);
        System.out.println();
        System.out.print(text);
    }

    private void line(String format, Object... args) {
        String s = String.format(Locale.ROOT, format, args);
        lines.add(s);
        System.out.println(s);
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /**
     * CPU time of this JVM, all threads: unlike wall time it does not grow when other processes take
     * the cores, so it tells what a run costs on a busy machine.
     */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    // ---------------------------------------------------------------- codec versus cp

    private void codecVersusCp(Path jmh) throws IOException, InterruptedException {
        Path set = work.resolve("codec-set");
        Path copy = work.resolve("codec-set-cp");
        delete(set);
        SyntheticFiles files = SyntheticFiles.codecSet(set, Path.of("src", "test", "resources"));
        sync();
        double mb = files.bytes() / 1e6;
        line("Codec set: %d files, %.1f MB (200 CT 512x512x16, 50 Enhanced CT x 20 frames, 200 SR, readable"
                + " test resources)", files.files().size(), mb);
        boolean gnuTime = Files.isExecutable(Path.of("/usr/bin/time"));
        double[] rates = new double[5];
        double[] cpu = new double[5];
        Path times = work.resolve("cp-time.txt");
        for (int i = 0; i < rates.length; i++) {
            delete(copy);
            List<String> command = new ArrayList<>();
            if (gnuTime) {
                // GNU time's elapsed, user and system seconds of cp alone.
                command.addAll(List.of("/usr/bin/time", "-f", "%e %U %S", "-o", times.toString()));
            }
            command.addAll(List.of("cp", "-r", set.toString(), copy.toString()));
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(command).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IOException(command + " failed with exit code " + p.exitValue());
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            cpu[i] = Double.NaN;
            if (gnuTime) {
                String[] t = Files.readString(times).trim().split("\\s+");
                seconds = Math.max(0.01, Double.parseDouble(t[0]));
                cpu[i] = Double.parseDouble(t[1]) + Double.parseDouble(t[2]);
            }
            rates[i] = mb / seconds;
        }
        delete(copy);
        delete(set);
        Files.deleteIfExists(times);
        Arrays.sort(rates);
        Arrays.sort(cpu);
        line("cp -r of the set:                     %7.1f MB/s median, %7.1f best (5 runs); %7.1f MB per CPU s"
                + " (%.2f CPU s), load %.1f", rates[2], rates[4], mb / cpu[2], cpu[2], load());
        if (jmh == null || !Files.exists(jmh)) {
            line("No JMH result file: run ./mvnw -B -Pbenchmark verify for the codec numbers");
            return;
        }
        try (Reader r = Files.newBufferedReader(jmh, StandardCharsets.UTF_8)) {
            for (JsonElement e : JsonParser.parseReader(r).getAsJsonArray()) {
                JsonObject o = e.getAsJsonObject();
                String name = o.get("benchmark").getAsString();
                JsonObject primary = o.getAsJsonObject("primaryMetric");
                JsonObject secondary = o.getAsJsonObject("secondaryMetrics");
                JsonObject megabytes = secondary.getAsJsonObject("megabytes");
                double cpuShare = secondary.getAsJsonObject("cpuSeconds").get("score").getAsDouble();
                double rate = megabytes.get("score").getAsDouble();
                line("codec %-26s %7.1f MB/s +- %.1f (JMH), %7.1f MB per CPU s, %.1f files/s",
                        name.substring(name.lastIndexOf('.') + 1) + ":", rate, megabytes.get("scoreError").getAsDouble(),
                        rate / cpuShare, primary.get("score").getAsDouble());
            }
        }
    }

    // ---------------------------------------------------------------- engine

    private void engine() throws IOException, InterruptedException, ProfileException {
        Path raw = work.resolve("engine/raw");
        delete(raw);
        SyntheticFiles files = SyntheticFiles.engineSet(raw);
        sync();
        line("Engine dataset: %d files, %.1f MB (20 patients x 85 CT, 2 Enhanced CT x 20 frames, 3 US, 10 SR)",
                files.files().size(), files.bytes() / 1e6);
        Profile profile = Profile.builtin("basic");
        Pseudonymizer keys = Pseudonymizer.of(SECRET);
        Path dataset = work.resolve("engine/dataset");
        Path workDir = work.resolve("engine/work");
        for (String run : List.of("cold", "warm")) {
            delete(dataset);
            delete(workDir);
            DeidRequest req = new DeidRequest(raw, dataset, workDir, profile, keys, THREADS, true, Shard.ALL,
                    ReadOptions.DEFAULT, ImagePolicy.DEFAULT);
            long cpu0 = cpuNanos();
            RunSummary s = new BatchRunner(req, EngineListener.SILENT).run();
            double cpu = (cpuNanos() - cpu0) / 1e9;
            line("deidentify (%s, %d threads): %s; %.1f CPU s (%.1f MB per CPU s), load %.1f", run, THREADS, s.line(),
                    cpu, s.bytesIn() / 1e6 / cpu, load());
            verify(run, profile, keys, dataset, workDir, true);
        }
        verify("warm, text detector off", profile, keys, dataset, workDir, false);
        delete(work.resolve("engine"));
    }

    private void verify(String run, Profile profile, Pseudonymizer keys, Path dataset, Path workDir,
            boolean detectText) throws IOException {
        VerifyContext ctx = new VerifyContext(profile, keys, Ledger.read(workDir.resolve(BatchRunner.LEDGER)),
                ReviewManifest.read(null), "2.25", detectText);
        long bytes = size(dataset);
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        VerifyReport report = new Verifier(new Verifier.Request(dataset, "dataset", ctx, Baseline.empty(),
                Severity.HIGH, THREADS, Set.of(), null), EngineListener.SILENT).run();
        double seconds = (System.nanoTime() - t0) / 1e9;
        line("verify     (%s, %d threads): %d files, %.1f MB in %.1f s (%.1f files/s, %.1f MB/s); %.1f CPU s, load %.1f;"
                + " findings %s", run, THREADS, report.files().size(), bytes / 1e6, seconds,
                report.files().size() / seconds, bytes / 1e6 / seconds, (cpuNanos() - cpu0) / 1e9, load(),
                counts(report));
    }

    private static String counts(VerifyReport report) {
        Map<String, Integer> byRule = report.countsByRule();
        return byRule.isEmpty() ? "none" : byRule.toString();
    }

    // ---------------------------------------------------------------- files

    /** Flushes the generated files to disk, so that no run pays for the generator's writeback. */
    private static void sync() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sync").inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException("sync failed with exit code " + p.exitValue());
        }
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            long total = 0;
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                total += Files.size(p);
            }
            return total;
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
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
}
