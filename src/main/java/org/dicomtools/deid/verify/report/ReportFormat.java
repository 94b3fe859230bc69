package org.dicomtools.deid.verify.report;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The verify report formats ({@code deid.formats}). Each constant knows the file it writes and creates
 * its writer; {@link #CONSOLE} writes no file (the goal logs its lines), but its writer renders the same
 * lines to a stream.
 */
public enum ReportFormat {
    /** The summary lines of {@link ConsoleSummary}; no file. */
    CONSOLE(null, () -> (report, out) -> {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        for (String line : ConsoleSummary.lines(report, ConsoleSummary.DEFAULT_MAX_FINDINGS, null)) {
            w.write(line);
            w.write('\n');
        }
        w.flush();
    }),
    /** {@code verify.json}, see {@link JsonReportWriter}. */
    JSON("verify.json", JsonReportWriter::new),
    /** {@code verify-junit.xml}, see {@link JunitReportWriter}. */
    JUNIT("verify-junit.xml", JunitReportWriter::new),
    /** {@code verify.sarif}, see {@link SarifReportWriter}. */
    SARIF("verify.sarif", SarifReportWriter::new),
    /** {@code verify.html}, see {@link HtmlReportWriter}. */
    HTML("verify.html", HtmlReportWriter::new);

    private final String fileName;
    private final Supplier<ReportWriter> factory;

    ReportFormat(String fileName, Supplier<ReportWriter> factory) {
        this.fileName = fileName;
        this.factory = factory;
    }

    /** True for every format but {@link #CONSOLE}. */
    public boolean writesFile() {
        return fileName != null;
    }

    /**
     * The report's file name inside the report directory, such as {@code verify.json}.
     *
     * @throws IllegalStateException for {@link #CONSOLE}, which writes no file (check {@link #writesFile()})
     */
    public String fileName() {
        if (fileName == null) {
            throw new IllegalStateException(name() + " writes no file");
        }
        return fileName;
    }

    /** A new writer for this format, stating the plugin version where the format carries one. */
    public ReportWriter writer() {
        return factory.get();
    }
}
