package org.dicomtools.deid.verify.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.dicomtools.deid.verify.Finding;
import org.dicomtools.deid.verify.RuleInfo;
import org.dicomtools.deid.verify.Severity;
import org.dicomtools.deid.verify.VerifyReport;

/**
 * The fixed verify result every report test renders: 4 files checked, 2 rules, threshold HIGH, findings
 * in 3 files plus one dataset-wide, severities on both sides of the threshold, one accepted finding,
 * one stale baseline entry, and a message full of markup characters, non-ASCII text and a U+0001.
 */
final class Fixtures {
    /** The awkward message: XML specials, umlauts, a CJK name, a supplementary character and U+0001. */
    static final String NASTY = "PatientName survives <&\"'> in Müller \u5c71\u7530 \ud83d\ude00 \u0001end";

    static final RuleInfo PHI = new RuleInfo("phi-attribute", "Retained PHI attribute", Severity.HIGH,
            "An attribute the profile removes or replaces still holds a real value.");
    static final RuleInfo UID = new RuleInfo("uid-root", "UID outside the de-identification root", Severity.MEDIUM,
            "Instance UIDs must lie under 2.25 or the configured root.");

    private Fixtures() {
    }

    static VerifyReport report() {
        List<Finding> findings = List.of(
                new Finding("phi-attribute", Severity.CRITICAL, "b/two.dcm", "(0040,A730)[2]/(0040,A160)",
                        "TextValue holds a date", "20**-**-**"),
                new Finding("uid-root", Severity.INFO, "c/three.dcm", "(0020,000D)",
                        "StudyInstanceUID uses a registered root", ""),
                new Finding("phi-attribute", Severity.HIGH, "a/one.dcm", "(0010,0010)", NASTY, "M***r"),
                new Finding("uid-root", Severity.HIGH, "", "", "Referenced UID exists in no file", ""),
                new Finding("uid-root", Severity.MEDIUM, "a/one.dcm", "(0008,0018)",
                        "SOPInstanceUID is not under 2.25", "1.2.840.***"),
                new Finding("phi-attribute", Severity.LOW, "b/two.dcm", "(0008,0080)", "InstitutionName kept", ""));
        List<Finding> accepted = List.of(
                new Finding("phi-attribute", Severity.HIGH, "c/three.dcm", "(0010,1000)", "OtherPatientIDs kept", "X**"));
        return new VerifyReport("dataset", List.of(PHI, UID),
                List.of("a/one.dcm", "b/two.dcm", "c/three.dcm", "d/four.dcm"), findings, accepted,
                List.of("phi-attribute c/gone.dcm (0010,0020)"), Severity.HIGH,
                Map.of("b/two.dcm", "thumbs/b/two <1>.png"));
    }

    /** A report with nothing to say: one clean file. */
    static VerifyReport clean() {
        return new VerifyReport("dataset", List.of(PHI, UID), List.of("a/one.dcm"), List.of(), List.of(), List.of(),
                Severity.HIGH, Map.of());
    }

    static String render(ReportWriter writer, VerifyReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
