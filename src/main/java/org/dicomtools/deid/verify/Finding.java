package org.dicomtools.deid.verify;

import java.util.Comparator;
import java.util.Objects;

/**
 * One thing verify found. Findings never carry the suspected PHI itself: {@code hint} is a masked
 * form (for example {@code J*** D**}) that lets a reviewer recognise the value without exposing it.
 *
 * @param ruleId the id of the rule that raised it
 * @param severity severity (the rule's default unless the rule decided otherwise)
 * @param file path of the file relative to the dataset root, with {@code /} separators; empty for
 *     dataset-wide findings
 * @param tagPath element path such as {@code (0040,A730)[2]/(0040,A160)}; empty for file-level findings
 * @param message what was found and what was expected, without patient values
 * @param hint masked hint of the offending value, or empty
 */
public record Finding(String ruleId, Severity severity, String file, String tagPath, String message, String hint) {

    /** Report order: file, then tag path, then rule id, then message. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file)
            .thenComparing(Finding::tagPath)
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message);

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        file = file == null ? "" : file;
        tagPath = tagPath == null ? "" : tagPath;
        Objects.requireNonNull(message, "message");
        hint = hint == null ? "" : hint;
    }

    /** The location as printed in logs: {@code file} or {@code file (tag path)}. */
    public String location() {
        return tagPath.isEmpty() ? file : file + " " + tagPath;
    }
}
