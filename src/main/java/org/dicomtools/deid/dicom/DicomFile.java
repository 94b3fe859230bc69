package org.dicomtools.deid.dicom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A parsed DICOM file: its File Meta Information (group 0002, empty when the file had none), its
 * dataset and transfer syntax, and the recoveries the reader applied to malformed input. Bulk values
 * refer to the source file (or, for a deflated dataset, to a temporary inflated copy that
 * {@link #close()} deletes), so the file must stay open until it has been written.
 */
public final class DicomFile implements AutoCloseable {
    private final Path source;
    private final Dataset meta;
    private final Dataset dataset;
    private final TransferSyntax transferSyntax;
    private final boolean part10;
    private final long datasetOffset;
    private final List<String> warnings;
    private final Path inflated;

    DicomFile(Path source, Dataset meta, Dataset dataset, TransferSyntax transferSyntax, boolean part10,
            long datasetOffset, List<String> warnings, Path inflated) {
        this.source = source;
        this.meta = meta;
        this.dataset = dataset;
        this.transferSyntax = transferSyntax;
        this.part10 = part10;
        this.datasetOffset = datasetOffset;
        this.warnings = List.copyOf(warnings);
        this.inflated = inflated;
    }

    /** A file built in memory (no source). */
    public static DicomFile of(Dataset meta, Dataset dataset, TransferSyntax ts) {
        return new DicomFile(null, meta, dataset, ts, true, -1, List.of(), null);
    }

    public Path source() {
        return source;
    }

    /** File Meta Information elements as read (group 0002); empty for a headerless dataset. */
    public Dataset meta() {
        return meta;
    }

    public Dataset dataset() {
        return dataset;
    }

    public TransferSyntax transferSyntax() {
        return transferSyntax;
    }

    /** True when the file had the 128-byte preamble and "DICM" prefix or at least File Meta Information. */
    public boolean isPart10() {
        return part10;
    }

    /**
     * Offset of the first dataset byte in the source file; for a deflated dataset, in the inflated
     * stream (which starts at 0).
     */
    public long datasetOffset() {
        return datasetOffset;
    }

    /** What the reader had to repair or guess, one sentence each; empty for well-formed input. */
    public List<String> warnings() {
        return warnings;
    }

    /** Deletes the temporary inflated copy of a deflated dataset, if any. */
    @Override
    public void close() throws IOException {
        if (inflated != null) {
            Files.deleteIfExists(inflated);
        }
    }
}
