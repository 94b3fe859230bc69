package org.dicomtools.deid.verify.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.dicomtools.deid.verify.Finding;
import org.dicomtools.deid.verify.RuleInfo;
import org.dicomtools.deid.verify.VerifyReport;

/**
 * The lines {@code deid:verify} logs: a short first line, one line per rule with findings, the first
 * findings, the baseline state and where the reports are. For example:
 *
 * <pre>
 * deid:verify: 3 findings in 2 of 120 files (2 HIGH, 1 MEDIUM), threshold HIGH
 * Rule phi-attribute: Retained PHI attribute — 2 findings
 * Rule uid-root: UID outside the de-identification root — 1 finding
 *   a/one.dcm (0010,0010): PatientName still holds a value [hint J*** D**]
 *   b/two.dcm (0008,0018): SOPInstanceUID is not under 2.25 [hint 1.2.840.***]
 *   ... and 1 more (see the reports)
 * Baseline: 1 finding accepted, 1 stale entry (matches no finding)
 *   stale: phi-attribute c/gone.dcm (0010,0020)
 * Reports: target/deid/verify/verify.html, target/deid/verify/verify.json
 * </pre>
 *
 * <p>Findings that fail the build are listed before the others; within each group the report order
 * holds. A dataset-wide finding shows {@code (dataset)} as its file. Only the masked hint of a value
 * is ever shown, never the value. Control characters (C0, DEL, C1) in any field are shown as
 * {@code \}{@code uXXXX} so that text taken from a DICOM file cannot forge log lines or drive the
 * terminal.
 */
public final class ConsoleSummary {
    /** Findings listed when the caller has no preference. */
    public static final int DEFAULT_MAX_FINDINGS = 20;

    /** Shown as the file of a dataset-wide finding, here and in the JUnit report. */
    static final String DATASET = "(dataset)";

    private ConsoleSummary() {
    }

    /**
     * The summary lines, naming every file report ({@code verify.html} first, then the others in
     * {@link ReportFormat} order) under {@code reportDir}.
     *
     * @param maxFindings how many findings to list (0 lists none)
     * @param reportDir the report directory as it should be printed, or null for no {@code Reports:} line
     */
    public static List<String> lines(VerifyReport report, int maxFindings, String reportDir) {
        return lines(report, maxFindings, reportDir, EnumSet.allOf(ReportFormat.class));
    }

    /**
     * The summary lines, naming only the reports of {@code formats} under {@code reportDir}.
     *
     * @param maxFindings how many findings to list (0 lists none)
     * @param reportDir the report directory as it should be printed, or null for no {@code Reports:} line
     * @param formats the formats that were written; those without a file are ignored
     */
    public static List<String> lines(VerifyReport report, int maxFindings, String reportDir,
            Collection<ReportFormat> formats) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(formats, "formats");
        if (maxFindings < 0) {
            throw new IllegalArgumentException("maxFindings must not be negative: " + maxFindings);
        }
        Tally tally = new Tally(report);
        List<String> lines = new ArrayList<>();
        lines.add("deid:verify: " + tally.headline(report.failOn()));
        for (Map.Entry<String, Integer> e : tally.byRule.entrySet()) {
            if (e.getValue() > 0) {
                RuleInfo rule = report.rule(e.getKey());
                lines.add("Rule " + visible(e.getKey()) + ": " + (rule == null ? "(unknown rule)" : visible(rule.name()))
                        + " — " + Tally.plural(e.getValue(), "finding"));
            }
        }
        List<Finding> ordered = new ArrayList<>(report.failing());
        for (Finding f : report.findings()) {
            if (!f.severity().reaches(report.failOn())) {
                ordered.add(f);
            }
        }
        int shown = Math.min(maxFindings, ordered.size());
        for (Finding f : ordered.subList(0, shown)) {
            lines.add("  " + findingLine(f));
        }
        if (shown < ordered.size()) {
            lines.add("  ... and " + (ordered.size() - shown) + " more" + (reportDir == null ? "" : " (see the reports)"));
        }
        if (tally.accepted > 0 || tally.stale > 0) {
            lines.add("Baseline: " + Tally.plural(tally.accepted, "finding") + " accepted, " + tally.stale
                    + (tally.stale == 1 ? " stale entry" : " stale entries") + " (matches no finding)");
            List<String> stale = report.staleBaseline();
            int staleShown = Math.min(maxFindings, stale.size());
            for (String entry : stale.subList(0, staleShown)) {
                lines.add("  stale: " + visible(entry));
            }
            if (staleShown < stale.size()) {
                lines.add("  ... and " + (stale.size() - staleShown) + " more");
            }
        }
        if (reportDir != null) {
            List<String> paths = new ArrayList<>();
            String prefix = reportDir.isEmpty() || reportDir.endsWith("/") || reportDir.endsWith("\\") ? reportDir
                    : reportDir + "/";
            if (formats.contains(ReportFormat.HTML)) {
                paths.add(prefix + ReportFormat.HTML.fileName());
            }
            for (ReportFormat f : ReportFormat.values()) {
                if (f.writesFile() && f != ReportFormat.HTML && formats.contains(f)) {
                    paths.add(prefix + f.fileName());
                }
            }
            if (!paths.isEmpty()) {
                lines.add("Reports: " + String.join(", ", paths));
            }
        }
        return List.copyOf(lines);
    }

    /** {@code <file> <tagPath>: <message> [hint <hint>]}, each part present only when not empty. */
    static String findingLine(Finding f) {
        StringBuilder b = new StringBuilder();
        b.append(f.file().isEmpty() ? DATASET : visible(f.file()));
        if (!f.tagPath().isEmpty()) {
            b.append(' ').append(visible(f.tagPath()));
        }
        b.append(": ").append(visible(f.message()));
        if (!f.hint().isEmpty()) {
            b.append(" [hint ").append(visible(f.hint())).append(']');
        }
        return b.toString();
    }

    /** Replaces C0 controls, DEL and C1 controls by a visible {@code \}{@code uXXXX} escape. */
    static String visible(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x7F && c <= 0x9F) {
                if (b == null) {
                    b = new StringBuilder(s.length() + 8).append(s, 0, i);
                }
                b.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }
}
