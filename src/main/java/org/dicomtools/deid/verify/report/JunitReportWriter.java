package org.dicomtools.deid.verify.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.dicomtools.deid.verify.Finding;
import org.dicomtools.deid.verify.RuleInfo;
import org.dicomtools.deid.verify.Severity;
import org.dicomtools.deid.verify.VerifyReport;

/**
 * Writes {@code verify-junit.xml} in the JUnit XML shape that Surefire writes and CI servers read
 * (Jenkins, GitLab, GitHub test reporters): every checked file is a test suite, every rule a test case
 * in it, so a clean file shows as passed tests.
 *
 * <pre>
 * &lt;?xml version="1.0" encoding="UTF-8"?&gt;
 * &lt;testsuites name="deid:verify" tests="9" failures="3" errors="0" skipped="3"&gt;
 *   &lt;testsuite name="(dataset)" tests="1" failures="1" errors="0" skipped="0" time="0"&gt;
 *     &lt;testcase classname="(dataset)" name="uid-root" time="0"&gt;
 *       &lt;failure type="uid-root" message="Referenced UID exists in no file"&gt;[HIGH] Referenced UID exists in no file&lt;/failure&gt;
 *     &lt;/testcase&gt;
 *   &lt;/testsuite&gt;
 *   &lt;testsuite name="a/one.dcm" tests="2" failures="1" errors="0" skipped="1" time="0"&gt;
 *     &lt;testcase classname="a/one.dcm" name="phi-attribute" time="0"&gt;
 *       &lt;failure type="phi-attribute" message="(0010,0010): PatientName still holds a value [hint J*** D**]"&gt;
 * [HIGH] (0010,0010): PatientName still holds a value [hint J*** D**]&lt;/failure&gt;
 *     &lt;/testcase&gt;
 *     &lt;testcase classname="a/one.dcm" name="uid-root" time="0"&gt;
 *       &lt;skipped message="1 finding below the threshold HIGH"&gt;[MEDIUM, below threshold] (0008,0018): ...&lt;/skipped&gt;
 *     &lt;/testcase&gt;
 *   &lt;/testsuite&gt;
 *   &lt;testsuite name="d/four.dcm" tests="2" failures="0" errors="0" skipped="0" time="0"&gt;
 *     &lt;testcase classname="d/four.dcm" name="phi-attribute" time="0"/&gt;
 *     &lt;testcase classname="d/four.dcm" name="uid-root" time="0"/&gt;
 *   &lt;/testsuite&gt;
 * &lt;/testsuites&gt;
 * </pre>
 *
 * <ul>
 *   <li>Suites: {@code (dataset)} first when some finding concerns the whole dataset (empty file), then
 *       one per checked file in report order (plus, defensively, any file that has findings but is not
 *       in the checked list). A file suite has a test case for every rule that ran; the {@code (dataset)}
 *       suite only for the rules with dataset-wide findings.</li>
 *   <li>A test case fails when the rule has findings in that file at or above the threshold
 *       ({@code deid.failOn}) that the baseline does not accept: {@code <failure type="<ruleId>">} whose
 *       {@code message} is the first such finding (with {@code (+n more)}) and whose text lists each of
 *       them as {@code [SEVERITY] <tagPath>: <message> [hint <hint>]}. Other findings of the rule in
 *       that file then go to {@code <system-out>}.</li>
 *   <li>A test case is skipped when all its findings are below the threshold or accepted by the
 *       baseline: {@code <skipped message="...">} with the same list, each line marked
 *       {@code below threshold} or {@code accepted}.</li>
 *   <li>Otherwise it passes (empty element). {@code errors} is always 0; {@code time} is always 0 so
 *       that the file is the same on every run.</li>
 * </ul>
 *
 * <p>The file is UTF-8 and says so. Text and attribute values are escaped; characters that XML 1.0
 * does not allow (most C0 controls, unpaired surrogates, U+FFFE, U+FFFF) are dropped; tabs and line
 * breaks in attribute values are written as character references so that they survive parsing.
 */
public final class JunitReportWriter implements ReportWriter {

    @Override
    public void write(VerifyReport report, OutputStream out) throws IOException {
        Objects.requireNonNull(report, "report");
        Severity threshold = report.failOn();
        Map<String, List<Finding>> findingsByFile = byFile(report.findings());
        Map<String, List<Finding>> acceptedByFile = byFile(report.accepted());

        Set<String> suites = new LinkedHashSet<>();
        if (findingsByFile.containsKey("") || acceptedByFile.containsKey("")) {
            suites.add("");
        }
        suites.addAll(report.files());
        Set<String> extra = new TreeSet<>(findingsByFile.keySet());
        extra.addAll(acceptedByFile.keySet());
        extra.remove("");
        suites.addAll(extra);

        List<String> ruleIds = new ArrayList<>();
        for (RuleInfo r : report.rules()) {
            ruleIds.add(r.id());
        }

        StringBuilder body = new StringBuilder();
        int tests = 0;
        int failures = 0;
        int skipped = 0;
        for (String file : suites) {
            List<Finding> counting = findingsByFile.getOrDefault(file, List.of());
            List<Finding> accepted = acceptedByFile.getOrDefault(file, List.of());
            Set<String> rules = new LinkedHashSet<>();
            if (file.isEmpty()) {
                for (String id : ruleIds) {
                    if (hasRule(counting, id) || hasRule(accepted, id)) {
                        rules.add(id);
                    }
                }
            } else {
                rules.addAll(ruleIds);
            }
            Set<String> unknown = new TreeSet<>();
            counting.forEach(f -> unknown.add(f.ruleId()));
            accepted.forEach(f -> unknown.add(f.ruleId()));
            unknown.removeAll(rules);
            unknown.removeAll(ruleIds);
            rules.addAll(unknown);

            String name = file.isEmpty() ? ConsoleSummary.DATASET : file;
            StringBuilder cases = new StringBuilder();
            int suiteFailures = 0;
            int suiteSkipped = 0;
            for (String ruleId : rules) {
                List<Finding> failing = new ArrayList<>();
                List<String> other = new ArrayList<>();
                for (Finding f : counting) {
                    if (f.ruleId().equals(ruleId)) {
                        if (f.severity().reaches(threshold)) {
                            failing.add(f);
                        } else {
                            other.add("[" + f.severity() + ", below threshold] " + detail(f));
                        }
                    }
                }
                int below = other.size();
                for (Finding f : accepted) {
                    if (f.ruleId().equals(ruleId)) {
                        other.add("[" + f.severity() + ", accepted] " + detail(f));
                    }
                }
                cases.append("    <testcase classname=\"").append(Markup.xmlAttribute(name)).append("\" name=\"")
                        .append(Markup.xmlAttribute(ruleId)).append("\" time=\"0\"");
                if (!failing.isEmpty()) {
                    suiteFailures++;
                    String message = detail(failing.get(0))
                            + (failing.size() > 1 ? " (+" + (failing.size() - 1) + " more)" : "");
                    List<String> lines = new ArrayList<>();
                    for (Finding f : failing) {
                        lines.add("[" + f.severity() + "] " + detail(f));
                    }
                    cases.append(">\n      <failure type=\"").append(Markup.xmlAttribute(ruleId))
                            .append("\" message=\"").append(Markup.xmlAttribute(message)).append("\">")
                            .append(Markup.xmlText(String.join("\n", lines))).append("</failure>\n");
                    if (!other.isEmpty()) {
                        cases.append("      <system-out>").append(Markup.xmlText(String.join("\n", other)))
                                .append("</system-out>\n");
                    }
                    cases.append("    </testcase>\n");
                } else if (!other.isEmpty()) {
                    suiteSkipped++;
                    List<String> why = new ArrayList<>();
                    if (below > 0) {
                        why.add(Tally.plural(below, "finding") + " below the threshold " + threshold);
                    }
                    if (other.size() > below) {
                        why.add((other.size() - below) + " accepted by the baseline");
                    }
                    cases.append(">\n      <skipped message=\"").append(Markup.xmlAttribute(String.join(", ", why)))
                            .append("\">").append(Markup.xmlText(String.join("\n", other))).append("</skipped>\n")
                            .append("    </testcase>\n");
                } else {
                    cases.append("/>\n");
                }
            }
            body.append("  <testsuite name=\"").append(Markup.xmlAttribute(name)).append("\" tests=\"")
                    .append(rules.size()).append("\" failures=\"").append(suiteFailures)
                    .append("\" errors=\"0\" skipped=\"").append(suiteSkipped).append("\" time=\"0\"");
            if (rules.isEmpty()) {
                body.append("/>\n");
            } else {
                body.append(">\n").append(cases).append("  </testsuite>\n");
            }
            tests += rules.size();
            failures += suiteFailures;
            skipped += suiteSkipped;
        }

        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        w.write("<testsuites name=\"deid:verify\" tests=\"" + tests + "\" failures=\"" + failures
                + "\" errors=\"0\" skipped=\"" + skipped + "\" time=\"0\"");
        if (suites.isEmpty()) {
            w.write("/>\n");
        } else {
            w.write(">\n");
            w.write(body.toString());
            w.write("</testsuites>\n");
        }
        w.flush();
    }

    /** {@code <tagPath>: <message> [hint <hint>]}, without the tag path for file-level findings. */
    private static String detail(Finding f) {
        return (f.tagPath().isEmpty() ? "" : f.tagPath() + ": ") + f.message()
                + (f.hint().isEmpty() ? "" : " [hint " + f.hint() + "]");
    }

    private static boolean hasRule(List<Finding> findings, String ruleId) {
        for (Finding f : findings) {
            if (f.ruleId().equals(ruleId)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, List<Finding>> byFile(List<Finding> findings) {
        Map<String, List<Finding>> map = new TreeMap<>();
        for (Finding f : findings) {
            map.computeIfAbsent(f.file(), k -> new ArrayList<>()).add(f);
        }
        return map;
    }
}
