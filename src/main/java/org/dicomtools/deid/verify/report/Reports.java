package org.dicomtools.deid.verify.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

import org.dicomtools.deid.engine.SecureFiles;
import org.dicomtools.deid.verify.VerifyReport;

/** Writes the file reports of one verify run. */
public final class Reports {
    private Reports() {
    }

    /**
     * Writes every requested file format into {@code dir}, creating the directory when needed. Each
     * report is written to a hidden temporary file in {@code dir}, forced to disk and renamed over the
     * target (atomically where the file system can), so a reader never sees half a report and an
     * interrupted run leaves the previous report in place. {@link ReportFormat#CONSOLE} is ignored, as
     * are duplicates; formats are written in {@link ReportFormat} order.
     *
     * @return the paths written, in {@link ReportFormat} order
     * @throws IOException when the directory cannot be created or a report cannot be written; the
     *     temporary file of the failing report is removed
     */
    public static List<Path> writeAll(VerifyReport report, Collection<ReportFormat> formats, Path dir)
            throws IOException {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(formats, "formats");
        Objects.requireNonNull(dir, "dir");
        EnumSet<ReportFormat> wanted = formats.isEmpty() ? EnumSet.noneOf(ReportFormat.class) : EnumSet.copyOf(formats);
        wanted.remove(ReportFormat.CONSOLE);
        List<Path> written = new ArrayList<>();
        if (wanted.isEmpty()) {
            return written;
        }
        Files.createDirectories(dir);
        for (ReportFormat format : wanted) {
            Path target = dir.resolve(format.fileName());
            write(report, format.writer(), target);
            written.add(target);
        }
        return List.copyOf(written);
    }

    /** Writes one report to {@code target} through a temporary sibling file, forced to disk, and a rename. */
    static void write(VerifyReport report, ReportWriter writer, Path target) throws IOException {
        SecureFiles.writeChannelAtomically(target, false, channel -> {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 65536);
            writer.write(report, out);
            out.flush();
            channel.force(true);
        });
    }
}
