package org.dicomtools.deid.verify.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.dicomtools.deid.verify.Finding;
import org.dicomtools.deid.verify.Severity;
import org.dicomtools.deid.verify.VerifyReport;
import org.junit.jupiter.api.Test;

class ConsoleSummaryTest {

    @Test
    void summarisesCountsRulesFindingsBaselineAndReports() {
        assertEquals(List.of(
                "deid:verify: 6 findings in 3 of 4 files and the dataset (1 CRITICAL, 2 HIGH, 1 MEDIUM, 1 LOW, 1 INFO),"
                        + " threshold HIGH",
                "Rule phi-attribute: Retained PHI attribute \u2014 3 findings",
                "Rule uid-root: UID outside the de-identification root \u2014 3 findings",
                "  (dataset): Referenced UID exists in no file",
                "  a/one.dcm (0010,0010): PatientName survives <&\"'> in M\u00fcller \u5c71\u7530 \ud83d\ude00 \\u0001end"
                        + " [hint M***r]",
                "  b/two.dcm (0040,A730)[2]/(0040,A160): TextValue holds a date [hint 20**-**-**]",
                "  a/one.dcm (0008,0018): SOPInstanceUID is not under 2.25 [hint 1.2.840.***]",
                "  b/two.dcm (0008,0080): InstitutionName kept",
                "  c/three.dcm (0020,000D): StudyInstanceUID uses a registered root",
                "Baseline: 1 finding accepted, 1 stale entry (matches no finding)",
                "  stale: phi-attribute c/gone.dcm (0010,0020)",
                "Reports: target/deid/verify/verify.html, target/deid/verify/verify.json,"
                        + " target/deid/verify/verify-junit.xml, target/deid/verify/verify.sarif"),
                ConsoleSummary.lines(Fixtures.report(), 20, "target/deid/verify"));
    }

    @Test
    void listsFailingFindingsFirstAndCountsTheRest() {
        List<String> lines = ConsoleSummary.lines(Fixtures.report(), 2, "out/");
        assertEquals(List.of(
                "  (dataset): Referenced UID exists in no file",
                "  a/one.dcm (0010,0010): PatientName survives <&\"'> in M\u00fcller \u5c71\u7530 \ud83d\ude00 \\u0001end"
                        + " [hint M***r]",
                "  ... and 4 more (see the reports)"), lines.subList(3, 6));
        assertEquals("Reports: out/verify.html, out/verify.json, out/verify-junit.xml, out/verify.sarif",
                lines.get(lines.size() - 1));
    }

    @Test
    void namesOnlyTheReportsWritten() {
        List<String> lines = ConsoleSummary.lines(Fixtures.clean(), 20, "dir",
                EnumSet.of(ReportFormat.CONSOLE, ReportFormat.SARIF, ReportFormat.JSON));
        assertEquals(List.of("deid:verify: no findings in 1 file, threshold HIGH", "Reports: dir/verify.json, dir/verify.sarif"),
                lines);
        assertEquals(List.of("deid:verify: no findings in 1 file, threshold HIGH"),
                ConsoleSummary.lines(Fixtures.clean(), 20, "dir", EnumSet.of(ReportFormat.CONSOLE)));
        assertEquals(List.of("deid:verify: no findings in 1 file, threshold HIGH"),
                ConsoleSummary.lines(Fixtures.clean(), 20, null));
    }

    @Test
    void controlCharactersCannotForgeLogLines() {
        VerifyReport report = new VerifyReport("d", List.of(Fixtures.PHI), List.of("x\n.dcm"), List.of(
                new Finding("phi-attribute", Severity.LOW, "x\n.dcm", "", "a\n[ERROR] fake\u001b[31m\u0085", "\t")),
                List.of(), List.of(), Severity.NONE, Map.of());
        assertEquals(List.of(
                "deid:verify: 1 finding in 1 of 1 file (1 LOW), threshold NONE",
                "Rule phi-attribute: Retained PHI attribute \u2014 1 finding",
                "  x\\u000A.dcm: a\\u000A[ERROR] fake\\u001B[31m\\u0085 [hint \\u0009]"),
                ConsoleSummary.lines(report, 5, null));
    }

    @Test
    void zeroMaxFindingsListsNoneAndNegativeIsRejected() {
        List<String> lines = ConsoleSummary.lines(Fixtures.report(), 0, null);
        assertEquals("  ... and 6 more", lines.get(3));
        assertThrows(IllegalArgumentException.class, () -> ConsoleSummary.lines(Fixtures.report(), -1, null));
    }
}
