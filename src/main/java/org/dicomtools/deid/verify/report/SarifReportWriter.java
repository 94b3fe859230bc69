package org.dicomtools.deid.verify.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.google.gson.stream.JsonWriter;

import org.dicomtools.deid.verify.Finding;
import org.dicomtools.deid.verify.RuleInfo;
import org.dicomtools.deid.verify.Severity;
import org.dicomtools.deid.verify.VerifyReport;

/**
 * Writes {@code verify.sarif}: SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format) for
 * code-scanning UIs, in UTF-8, indented by two spaces, deterministic.
 *
 * <pre>
 * {
 *   "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
 *   "version": "2.1.0",
 *   "runs": [ {
 *     "tool": { "driver": {
 *       "name": "deid-maven-plugin", "version": "1.0.0",
 *       "informationUri": "https://github.com/dicomtools/deid-maven-plugin",
 *       "rules": [ { "id": "phi-attribute", "name": "Retained PHI attribute",
 *                    "shortDescription": { "text": "Retained PHI attribute" },
 *                    "fullDescription": { "text": "&lt;help&gt;" }, "help": { "text": "&lt;help&gt;" },
 *                    "defaultConfiguration": { "level": "error" } } ] } },
 *     "results": [ {
 *       "ruleId": "phi-attribute", "ruleIndex": 0, "level": "error",
 *       "message": { "text": "PatientName still holds a value [hint J*** D**]" },
 *       "locations": [ {
 *         "physicalLocation": { "artifactLocation": { "uri": "dataset/a/one.dcm", "uriBaseId": "%SRCROOT%" } },
 *         "logicalLocations": [ { "fullyQualifiedName": "(0010,0010)", "kind": "element" } ] } ],
 *       "suppressions": [ { "kind": "external", "status": "accepted",
 *                           "justification": "accepted by the deid baseline file" } ]   // accepted findings only
 *     } ]
 *   } ]
 * }
 * </pre>
 *
 * <ul>
 *   <li>{@code level}: {@code note} for INFO, else {@code error} when the severity reaches the threshold
 *       ({@code deid.failOn}) and {@code warning} below it; a rule's {@code defaultConfiguration.level}
 *       follows its default severity the same way.</li>
 *   <li>Locations are relative, never absolute {@code file://} URIs. When the dataset directory is
 *       relative to the project (the usual case), the file's uri is the dataset path plus the file
 *       (percent-encoded, RFC 3986) under {@code %SRCROOT%}, the checkout: GitHub code scanning
 *       resolves every relative uri against the repository root and ignores {@code uriBaseId}. When
 *       the dataset was given as an absolute path, the uri is relative to the base id
 *       {@code DATASET}, which {@code originalUriBaseIds} only describes, so no machine path leaks.
 *       A dataset-wide finding points at the dataset directory itself.</li>
 *   <li>The tag path is a logical location of kind {@code element}; file-level findings have none.</li>
 *   <li>Results: the findings that count in report order, then the findings the baseline accepted,
 *       each with an external, accepted suppression.</li>
 *   <li>The masked hint, if any, is part of the message text; no value is ever written.</li>
 * </ul>
 */
public final class SarifReportWriter implements ReportWriter {
    /** The {@code $schema} stated in the file. */
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private static final String BASE_ID = "DATASET";
    private static final String ROOT_BASE_ID = "%SRCROOT%";
    private static final String JUSTIFICATION = "accepted by the deid baseline file";

    private final String toolVersion;

    /** A writer that states the plugin's own version. */
    public SarifReportWriter() {
        this(ToolInfo.version());
    }

    /** A writer that states {@code toolVersion} (for tests and embedding tools). */
    public SarifReportWriter(String toolVersion) {
        this.toolVersion = Objects.requireNonNull(toolVersion, "toolVersion");
    }

    @Override
    public void write(VerifyReport report, OutputStream out) throws IOException {
        Objects.requireNonNull(report, "report");
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        JsonWriter json = new JsonWriter(w);
        json.setIndent("  ");
        Severity threshold = report.failOn();
        Map<String, Integer> ruleIndex = new HashMap<>();
        json.beginObject();
        json.name("$schema").value(SCHEMA);
        json.name("version").value("2.1.0");
        json.name("runs").beginArray().beginObject();

        json.name("tool").beginObject().name("driver").beginObject();
        json.name("name").value(ToolInfo.NAME);
        json.name("version").value(toolVersion);
        json.name("informationUri").value(ToolInfo.INFORMATION_URI);
        json.name("rules").beginArray();
        for (RuleInfo r : report.rules()) {
            ruleIndex.putIfAbsent(r.id(), ruleIndex.size());
            json.beginObject();
            json.name("id").value(r.id());
            json.name("name").value(r.name());
            json.name("shortDescription").beginObject().name("text").value(r.name()).endObject();
            json.name("fullDescription").beginObject().name("text").value(r.help()).endObject();
            json.name("help").beginObject().name("text").value(r.help()).endObject();
            json.name("defaultConfiguration").beginObject().name("level").value(level(r.severity(), threshold))
                    .endObject();
            json.endObject();
        }
        json.endArray();
        json.endObject().endObject();

        String dataset = datasetUri(report.datasetName());
        if (dataset == null) {
            json.name("originalUriBaseIds").beginObject().name(BASE_ID).beginObject();
            json.name("description").beginObject().name("text").value("the dataset directory").endObject();
            json.endObject().endObject();
        }

        json.name("results").beginArray();
        results(json, report.findings(), ruleIndex, threshold, false, dataset);
        results(json, report.accepted(), ruleIndex, threshold, true, dataset);
        json.endArray();

        json.endObject().endArray();
        json.endObject();
        json.flush();
        w.write('\n');
        w.flush();
    }

    private static void results(JsonWriter json, List<Finding> findings, Map<String, Integer> ruleIndex,
            Severity threshold, boolean accepted, String dataset) throws IOException {
        for (Finding f : findings) {
            json.beginObject();
            json.name("ruleId").value(f.ruleId());
            Integer index = ruleIndex.get(f.ruleId());
            if (index != null) {
                json.name("ruleIndex").value(index);
            }
            json.name("level").value(level(f.severity(), threshold));
            json.name("message").beginObject().name("text")
                    .value(f.message() + (f.hint().isEmpty() ? "" : " [hint " + f.hint() + "]")).endObject();
            json.name("locations").beginArray().beginObject();
            json.name("physicalLocation").beginObject().name("artifactLocation").beginObject();
            String file = f.file().isEmpty() ? "" : Markup.uriPath(f.file());
            if (dataset != null) {
                // Relative to the checkout, the only base GitHub code scanning reads (it ignores uriBaseId).
                String uri = dataset.equals("./") ? file : dataset + file;
                json.name("uri").value(uri.isEmpty() ? "." : uri);
                json.name("uriBaseId").value(ROOT_BASE_ID);
            } else {
                json.name("uri").value(file.isEmpty() ? "." : file);
                json.name("uriBaseId").value(BASE_ID);
            }
            json.endObject().endObject();
            if (!f.tagPath().isEmpty()) {
                json.name("logicalLocations").beginArray().beginObject();
                json.name("fullyQualifiedName").value(f.tagPath());
                json.name("kind").value("element");
                json.endObject().endArray();
            }
            json.endObject().endArray();
            if (accepted) {
                json.name("suppressions").beginArray().beginObject();
                json.name("kind").value("external");
                json.name("status").value("accepted");
                json.name("justification").value(JUSTIFICATION);
                json.endObject().endArray();
            }
            json.endObject();
        }
    }

    /** SARIF level of a severity under a threshold. */
    static String level(Severity severity, Severity threshold) {
        if (severity == Severity.INFO) {
            return "note";
        }
        return severity.reaches(threshold) ? "error" : "warning";
    }

    /**
     * The dataset directory as a relative URI reference ending in {@code /}, or null when the name is
     * absolute (a root, a drive letter or a URI scheme), which must not be written.
     */
    static String datasetUri(String datasetName) {
        String name = datasetName.replace('\\', '/');
        if (name.startsWith("/") || name.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
            return null;
        }
        while (name.endsWith("/")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.isEmpty() || name.equals(".")) {
            return "./";
        }
        return Markup.uriPath(name) + "/";
    }
}
