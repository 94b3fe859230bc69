package org.dicomtools.deid.verify.report;

import java.io.IOException;
import java.io.OutputStream;

import org.dicomtools.deid.verify.VerifyReport;

/** Renders a verify result in one format. Implementations are stateless and deterministic. */
@FunctionalInterface
public interface ReportWriter {
    /**
     * Writes the report to {@code out} as UTF-8 and flushes it; {@code out} is left open.
     *
     * @throws IOException when writing to {@code out} fails
     */
    void write(VerifyReport report, OutputStream out) throws IOException;
}
