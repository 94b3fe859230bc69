package org.dicomtools.deid.dicom;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Malformed or truncated DICOM input. The message names the file, the byte offset where the
 * problem was found and the tag path of the element being read, for example
 * {@code a.dcm: offset 1234 at (0040,A730)[2]/(0040,A160): value length 9000 exceeds the 12 bytes left}.
 */
public class DicomFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long offset;
    private final String tagPath;
    private final String reason;

    public DicomFormatException(Path file, long offset, String tagPath, String reason) {
        this(file, offset, tagPath, reason, null);
    }

    public DicomFormatException(Path file, long offset, String tagPath, String reason, Throwable cause) {
        super(format(file, offset, tagPath, reason), cause);
        this.file = file;
        this.offset = offset;
        this.tagPath = tagPath == null ? "" : tagPath;
        this.reason = reason;
    }

    private static String format(Path file, long offset, String tagPath, String reason) {
        StringBuilder sb = new StringBuilder();
        sb.append(file == null ? "<stream>" : file.toString()).append(": offset ").append(offset);
        if (tagPath != null && !tagPath.isEmpty()) {
            sb.append(" at ").append(tagPath);
        }
        return sb.append(": ").append(reason).toString();
    }

    /** The file being read, or null for an in-memory source. */
    public Path file() {
        return file;
    }

    /** Byte offset in the file (in the inflated stream for deflated transfer syntaxes). */
    public long offset() {
        return offset;
    }

    /** Path of the element being read, such as {@code (0040,A730)[2]/(0040,A160)}; empty at the top. */
    public String tagPath() {
        return tagPath;
    }

    /** The problem without file and position. */
    public String reason() {
        return reason;
    }
}
