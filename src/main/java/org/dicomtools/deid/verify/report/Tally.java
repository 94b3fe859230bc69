package org.dicomtools.deid.verify.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.dicomtools.deid.verify.Finding;
import org.dicomtools.deid.verify.RuleInfo;
import org.dicomtools.deid.verify.Severity;
import org.dicomtools.deid.verify.VerifyReport;

/**
 * The counts every summary shows (console, JSON, HTML), computed once from a report so the formats
 * cannot disagree. Accepted findings are counted apart and never in {@link #findings}.
 */
final class Tally {
    /** Severities a finding can have, most serious first ({@link Severity#NONE} is only a threshold). */
    static final List<Severity> SEVERITIES = List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM,
            Severity.LOW, Severity.INFO);

    final int files;
    final int filesWithFindings;
    final boolean datasetWide;
    final int findings;
    final int failing;
    final int accepted;
    final int stale;
    /** Count per severity, most serious first, zeros included. */
    final Map<Severity, Integer> bySeverity;
    /** Count per rule id: every rule that ran in report order (zeros included), then unknown ids sorted. */
    final Map<String, Integer> byRule;

    Tally(VerifyReport report) {
        files = report.files().size();
        Set<String> withFindings = new TreeSet<>();
        boolean wide = false;
        Map<Severity, Integer> severities = new EnumMap<>(Severity.class);
        Map<String, Integer> rules = new LinkedHashMap<>();
        for (RuleInfo r : report.rules()) {
            rules.put(r.id(), 0);
        }
        Map<String, Integer> unknown = new TreeMap<>();
        for (Finding f : report.findings()) {
            if (f.file().isEmpty()) {
                wide = true;
            } else {
                withFindings.add(f.file());
            }
            severities.merge(f.severity(), 1, Integer::sum);
            if (rules.containsKey(f.ruleId())) {
                rules.merge(f.ruleId(), 1, Integer::sum);
            } else {
                unknown.merge(f.ruleId(), 1, Integer::sum);
            }
        }
        rules.putAll(unknown);
        Map<Severity, Integer> ordered = new LinkedHashMap<>();
        for (Severity s : SEVERITIES) {
            ordered.put(s, severities.getOrDefault(s, 0));
        }
        filesWithFindings = withFindings.size();
        datasetWide = wide;
        findings = report.findings().size();
        failing = report.failing().size();
        accepted = report.accepted().size();
        stale = report.staleBaseline().size();
        bySeverity = Collections.unmodifiableMap(ordered);
        byRule = Collections.unmodifiableMap(rules);
    }

    /**
     * The one-line summary, for example
     * {@code 3 findings in 2 of 120 files (2 HIGH, 1 MEDIUM), threshold HIGH}; {@code and the dataset}
     * follows the file count when some findings concern the whole dataset.
     */
    String headline(Severity threshold) {
        if (findings == 0) {
            return "no findings in " + plural(files, "file") + ", threshold " + threshold;
        }
        StringBuilder b = new StringBuilder();
        b.append(plural(findings, "finding")).append(" in ").append(filesWithFindings).append(" of ")
                .append(plural(files, "file"));
        if (datasetWide) {
            b.append(" and the dataset");
        }
        List<String> parts = new ArrayList<>();
        bySeverity.forEach((s, n) -> {
            if (n > 0) {
                parts.add(n + " " + s);
            }
        });
        b.append(" (").append(String.join(", ", parts)).append("), threshold ").append(threshold);
        return b.toString();
    }

    /** {@code 1 finding}, {@code 2 findings}. */
    static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
