package org.dicomtools.deid.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The immutable result of one verify run, which every report writer renders.
 *
 * @param datasetName the dataset directory as given (relative to the project base directory when inside it)
 * @param rules every rule that ran, in id order
 * @param files every file that was checked (relative paths, sorted), including unreadable ones
 * @param findings findings that count, sorted by {@link Finding#ORDER}
 * @param accepted findings accepted by a baseline entry (reported, never failing)
 * @param staleBaseline baseline entries that no longer match any finding, as one line each
 * @param failOn the severity threshold in force
 * @param thumbnails relative paths of review thumbnails per dataset file (may be empty)
 */
public record VerifyReport(String datasetName, List<RuleInfo> rules, List<String> files, List<Finding> findings,
        List<Finding> accepted, List<String> staleBaseline, Severity failOn, Map<String, String> thumbnails) {

    public VerifyReport {
        Objects.requireNonNull(datasetName, "datasetName");
        rules = List.copyOf(rules);
        files = List.copyOf(files);
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Finding.ORDER);
        findings = List.copyOf(sorted);
        List<Finding> sortedAccepted = new ArrayList<>(accepted);
        sortedAccepted.sort(Finding.ORDER);
        accepted = List.copyOf(sortedAccepted);
        staleBaseline = List.copyOf(staleBaseline);
        Objects.requireNonNull(failOn, "failOn");
        thumbnails = Map.copyOf(thumbnails);
    }

    /** Findings at or above the threshold. */
    public List<Finding> failing() {
        return findings.stream().filter(f -> f.severity().reaches(failOn)).toList();
    }

    /** True when the build must fail. */
    public boolean failed() {
        return !failing().isEmpty();
    }

    /** Number of findings per rule id, in id order (rules without findings omitted). */
    public Map<String, Integer> countsByRule() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Finding f : findings) {
            counts.merge(f.ruleId(), 1, Integer::sum);
        }
        return counts;
    }

    /** The rule with this id, or null. */
    public RuleInfo rule(String id) {
        for (RuleInfo r : rules) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        return null;
    }
}
