package org.dicomtools.deid.verify.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.dicomtools.deid.verify.Finding;
import org.dicomtools.deid.verify.RuleInfo;
import org.dicomtools.deid.verify.Severity;
import org.dicomtools.deid.verify.VerifyReport;

/**
 * Writes {@code verify.html}: one self-contained HTML5 page for people (inline CSS, no scripts, no
 * fonts or style sheets from elsewhere), UTF-8, deterministic. Sections, in order:
 *
 * <ol>
 *   <li>Heading with the verdict ({@code FAILED} when some finding reaches the threshold, else
 *       {@code PASSED}) and the one-line summary the console prints.</li>
 *   <li>Summary table: dataset, threshold, files checked, files with findings, findings, findings
 *       failing the build, accepted findings, stale baseline entries, tool and version.</li>
 *   <li>Rules: id, name, default severity, number of findings (linked to the rule's section).</li>
 *   <li>Findings: per rule with findings, its help text and a table of file, tag path, severity,
 *       message and masked hint, rows at or above the threshold highlighted; when the report has
 *       review thumbnails, a last column links each file's thumbnail ({@code <a href>} around a small
 *       {@code <img>}, both relative to the report).</li>
 *   <li>Findings accepted by the baseline (same columns plus the rule).</li>
 *   <li>Stale baseline entries, one per list item.</li>
 * </ol>
 *
 * <p>Every piece of text from the report is HTML-escaped ({@code & < > " '}), and characters HTML does
 * not allow (controls, unpaired surrogates) are dropped; thumbnail paths are percent-encoded so that
 * they can only be relative references, never a {@code javascript:} or other scheme.
 */
public final class HtmlReportWriter implements ReportWriter {
    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em;color:#1b1b1b;line-height:1.4}
            h1 .verdict{padding:0 .3em;border-radius:.2em;color:#fff}
            .failed{background:#b3261e}.passed{background:#2e7d32}
            table{border-collapse:collapse;margin:.5em 0 1.5em}
            th,td{border:1px solid #c8c8c8;padding:.25em .6em;text-align:left;vertical-align:top}
            th{background:#f2f2f2}
            tr.failing td{background:#fdecea}
            code{font-family:ui-monospace,Consolas,monospace;font-size:.95em}
            .sev-CRITICAL,.sev-HIGH{color:#b3261e;font-weight:bold}.sev-MEDIUM{color:#a15c00}
            .sev-LOW,.sev-INFO{color:#555}
            img.thumb{max-width:96px;max-height:96px;border:1px solid #c8c8c8}
            """;

    private final String toolVersion;

    /** A writer that states the plugin's own version. */
    public HtmlReportWriter() {
        this(ToolInfo.version());
    }

    /** A writer that states {@code toolVersion} (for tests and embedding tools). */
    public HtmlReportWriter(String toolVersion) {
        this.toolVersion = Objects.requireNonNull(toolVersion, "toolVersion");
    }

    @Override
    public void write(VerifyReport report, OutputStream out) throws IOException {
        Objects.requireNonNull(report, "report");
        Tally tally = new Tally(report);
        Severity threshold = report.failOn();
        boolean thumbnails = !report.thumbnails().isEmpty();
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>deid:verify – ").append(esc(report.datasetName())).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");

        String verdict = report.failed() ? "FAILED" : "PASSED";
        h.append("<h1>deid:verify <span class=\"verdict ").append(verdict.toLowerCase(Locale.ROOT))
                .append("\">").append(verdict).append("</span></h1>\n");
        h.append("<p>").append(esc(tally.headline(threshold))).append("</p>\n");

        h.append("<table class=\"summary\">\n");
        row(h, "Dataset", "<code>" + esc(report.datasetName()) + "</code>");
        row(h, "Threshold (deid.failOn)", threshold.name());
        row(h, "Files checked", Integer.toString(tally.files));
        row(h, "Files with findings", Integer.toString(tally.filesWithFindings));
        row(h, "Findings", Integer.toString(tally.findings));
        row(h, "Failing the build", Integer.toString(tally.failing));
        row(h, "Accepted by the baseline", Integer.toString(tally.accepted));
        row(h, "Stale baseline entries", Integer.toString(tally.stale));
        row(h, "Tool", esc(ToolInfo.NAME + " " + toolVersion));
        h.append("</table>\n");

        h.append("<h2 id=\"rules\">Rules</h2>\n<table>\n<thead><tr><th>Rule</th><th>Name</th>")
                .append("<th>Default severity</th><th>Findings</th></tr></thead>\n<tbody>\n");
        for (Map.Entry<String, Integer> e : tally.byRule.entrySet()) {
            RuleInfo rule = report.rule(e.getKey());
            String id = "<code>" + esc(e.getKey()) + "</code>";
            h.append("<tr><td>").append(e.getValue() > 0 ? "<a href=\"#" + anchor(e.getKey()) + "\">" + id + "</a>" : id)
                    .append("</td><td>").append(rule == null ? "" : esc(rule.name())).append("</td><td>")
                    .append(rule == null ? "" : severity(rule.severity())).append("</td><td>").append(e.getValue())
                    .append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");

        h.append("<h2 id=\"findings\">Findings</h2>\n");
        if (report.findings().isEmpty()) {
            h.append("<p>No findings.</p>\n");
        }
        for (Map.Entry<String, Integer> e : tally.byRule.entrySet()) {
            if (e.getValue() == 0) {
                continue;
            }
            RuleInfo rule = report.rule(e.getKey());
            h.append("<section id=\"").append(anchor(e.getKey())).append("\">\n<h3><code>").append(esc(e.getKey()))
                    .append("</code> ").append(rule == null ? "" : esc(rule.name())).append(" (")
                    .append(Tally.plural(e.getValue(), "finding")).append(")</h3>\n");
            if (rule != null) {
                h.append("<p>").append(esc(rule.help())).append("</p>\n");
            }
            table(h, report, report.findings().stream().filter(f -> f.ruleId().equals(e.getKey())).toList(), false,
                    thumbnails);
            h.append("</section>\n");
        }

        h.append("<h2 id=\"accepted\">Accepted by the baseline</h2>\n");
        if (report.accepted().isEmpty()) {
            h.append("<p>None.</p>\n");
        } else {
            table(h, report, report.accepted(), true, thumbnails);
        }

        h.append("<h2 id=\"stale\">Stale baseline entries</h2>\n");
        if (report.staleBaseline().isEmpty()) {
            h.append("<p>None.</p>\n");
        } else {
            h.append("<p>These baseline entries match no finding; remove them from the baseline file.</p>\n<ul>\n");
            for (String entry : report.staleBaseline()) {
                h.append("<li><code>").append(esc(entry)).append("</code></li>\n");
            }
            h.append("</ul>\n");
        }
        h.append("</body>\n</html>\n");

        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write(h.toString());
        w.flush();
    }

    private static void table(StringBuilder h, VerifyReport report, List<Finding> findings, boolean withRule,
            boolean thumbnails) {
        h.append("<table>\n<thead><tr>");
        if (withRule) {
            h.append("<th>Rule</th>");
        }
        h.append("<th>File</th><th>Tag path</th><th>Severity</th><th>Message</th><th>Hint</th>");
        if (thumbnails) {
            h.append("<th>Thumbnail</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (Finding f : findings) {
            boolean failing = !withRule && f.severity().reaches(report.failOn());
            h.append(failing ? "<tr class=\"failing\">" : "<tr>");
            if (withRule) {
                h.append("<td><code>").append(esc(f.ruleId())).append("</code></td>");
            }
            h.append("<td>").append(f.file().isEmpty() ? "<em>" + esc(ConsoleSummary.DATASET) + "</em>" : code(f.file()))
                    .append("</td>");
            h.append("<td>").append(code(f.tagPath())).append("</td>");
            h.append("<td>").append(severity(f.severity())).append("</td>");
            h.append("<td>").append(esc(f.message())).append("</td>");
            h.append("<td>").append(code(f.hint())).append("</td>");
            if (thumbnails) {
                h.append("<td>");
                String thumb = report.thumbnails().get(f.file());
                if (thumb != null) {
                    String href = esc(Markup.uriPath(thumb));
                    h.append("<a href=\"").append(href).append("\"><img class=\"thumb\" src=\"").append(href)
                            .append("\" alt=\"thumbnail of ").append(esc(f.file())).append("\"></a>");
                }
                h.append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    private static void row(StringBuilder h, String header, String html) {
        h.append("<tr><th>").append(header).append("</th><td>").append(html).append("</td></tr>\n");
    }

    /** The text escaped inside {@code <code>}, or nothing for empty text. */
    private static String code(String s) {
        return s.isEmpty() ? "" : "<code>" + esc(s) + "</code>";
    }

    private static String severity(Severity s) {
        return "<span class=\"sev-" + s.name() + "\">" + s.name() + "</span>";
    }

    /** A fragment id for a rule: {@code rule-} and the id with anything but letters, digits, - and _ replaced. */
    private static String anchor(String ruleId) {
        return "rule-" + ruleId.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    private static String esc(String s) {
        return Markup.html(s);
    }
}
