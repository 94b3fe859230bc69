package org.dicomtools.deid.inspect;

import java.util.Objects;

/**
 * A file that could not be dumped.
 *
 * @param file the file's path relative to the input, with {@code /} separators and control
 *     characters escaped
 * @param offset the byte offset where reading failed, or -1 when the error has none
 * @param tagPath the element being read, as in {@code (0040,A730)[2]/(0040,A160)}; empty when none
 * @param reason what went wrong
 */
public record DumpFailure(String file, long offset, String tagPath, String reason) {

    public DumpFailure {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(tagPath, "tagPath");
        Objects.requireNonNull(reason, "reason");
    }

    /** One line: {@code file: offset 12 at (0008,1140)[0]/(0008,1150): reason}, parts left out when unknown. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (offset >= 0) {
            sb.append(": offset ").append(offset);
        }
        if (!tagPath.isEmpty()) {
            sb.append(" at ").append(tagPath);
        }
        return sb.append(": ").append(reason).toString();
    }
}
