package org.dicomtools.deid.verify.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.google.gson.stream.JsonWriter;

import org.dicomtools.deid.verify.Finding;
import org.dicomtools.deid.verify.RuleInfo;
import org.dicomtools.deid.verify.Severity;
import org.dicomtools.deid.verify.VerifyReport;

/**
 * Writes {@code verify.json}: the whole result for scripts, in UTF-8, indented by two spaces, ending with
 * a line feed. Output is deterministic: no timestamps, keys in the order below, findings in report order
 * (file, tag path, rule id, message), and every key always present (empty strings and arrays rather than
 * missing keys).
 *
 * <pre>
 * {
 *   "tool": { "name": "deid-maven-plugin", "version": "1.0.0" },
 *   "dataset": "dataset",                      // as given, relative to the project when inside it
 *   "failOn": "HIGH",                          // the threshold (deid.failOn)
 *   "summary": {
 *     "files": 120,                            // files checked
 *     "filesWithFindings": 2,                  // files with at least one finding (not counting accepted)
 *     "findings": 3,                           // findings that count (accepted ones excluded)
 *     "failing": 2,                            // findings at or above the threshold
 *     "accepted": 1,                           // findings accepted by the baseline
 *     "staleBaseline": 0,                      // baseline entries that match no finding
 *     "bySeverity": { "CRITICAL": 0, "HIGH": 2, "MEDIUM": 1, "LOW": 0, "INFO": 0 },
 *     "byRule": { "phi-attribute": 2, "uid-root": 1 }   // every rule that ran, zeros included
 *   },
 *   "rules": [ { "id": "phi-attribute", "name": "...", "severity": "HIGH", "help": "..." } ],
 *   "findings": [ { "ruleId": "phi-attribute", "severity": "HIGH", "file": "a/one.dcm",
 *                   "tagPath": "(0010,0010)", "message": "...", "hint": "J*** D**" } ],
 *   "accepted": [ ...same shape as findings... ],
 *   "staleBaseline": [ "phi-attribute c/gone.dcm (0010,0020)" ]
 * }
 * </pre>
 *
 * <p>{@code file} is empty for a dataset-wide finding, {@code tagPath} for a file-level one and
 * {@code hint} when there is no masked hint. Strings are escaped as JSON requires (control characters as
 * {@code \}{@code uXXXX}); other characters, non-ASCII included, are written as they are.
 */
public final class JsonReportWriter implements ReportWriter {
    private final String toolVersion;

    /** A writer that states the plugin's own version. */
    public JsonReportWriter() {
        this(ToolInfo.version());
    }

    /** A writer that states {@code toolVersion} (for tests and embedding tools). */
    public JsonReportWriter(String toolVersion) {
        this.toolVersion = Objects.requireNonNull(toolVersion, "toolVersion");
    }

    @Override
    public void write(VerifyReport report, OutputStream out) throws IOException {
        Objects.requireNonNull(report, "report");
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        JsonWriter json = new JsonWriter(w);
        json.setIndent("  ");
        Tally tally = new Tally(report);
        json.beginObject();
        json.name("tool").beginObject().name("name").value(ToolInfo.NAME).name("version").value(toolVersion)
                .endObject();
        json.name("dataset").value(report.datasetName());
        json.name("failOn").value(report.failOn().name());
        json.name("summary").beginObject();
        json.name("files").value(tally.files);
        json.name("filesWithFindings").value(tally.filesWithFindings);
        json.name("findings").value(tally.findings);
        json.name("failing").value(tally.failing);
        json.name("accepted").value(tally.accepted);
        json.name("staleBaseline").value(tally.stale);
        json.name("bySeverity").beginObject();
        for (Map.Entry<Severity, Integer> e : tally.bySeverity.entrySet()) {
            json.name(e.getKey().name()).value(e.getValue());
        }
        json.endObject();
        json.name("byRule").beginObject();
        for (Map.Entry<String, Integer> e : tally.byRule.entrySet()) {
            json.name(e.getKey()).value(e.getValue());
        }
        json.endObject();
        json.endObject();
        json.name("rules").beginArray();
        for (RuleInfo r : report.rules()) {
            json.beginObject().name("id").value(r.id()).name("name").value(r.name()).name("severity")
                    .value(r.severity().name()).name("help").value(r.help()).endObject();
        }
        json.endArray();
        json.name("findings");
        findings(json, report.findings());
        json.name("accepted");
        findings(json, report.accepted());
        json.name("staleBaseline").beginArray();
        for (String entry : report.staleBaseline()) {
            json.value(entry);
        }
        json.endArray();
        json.endObject();
        json.flush();
        w.write('\n');
        w.flush();
    }

    private static void findings(JsonWriter json, List<Finding> findings) throws IOException {
        json.beginArray();
        for (Finding f : findings) {
            json.beginObject().name("ruleId").value(f.ruleId()).name("severity").value(f.severity().name())
                    .name("file").value(f.file()).name("tagPath").value(f.tagPath()).name("message")
                    .value(f.message()).name("hint").value(f.hint()).endObject();
        }
        json.endArray();
    }
}
