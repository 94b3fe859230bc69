package org.dicomtools.deid.verify.checks;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.dicomtools.deid.verify.Check;
import org.dicomtools.deid.verify.FileFacts;
import org.dicomtools.deid.verify.FindingSink;
import org.dicomtools.deid.verify.Hints;
import org.dicomtools.deid.verify.RuleInfo;
import org.dicomtools.deid.verify.Severity;
import org.dicomtools.deid.verify.VerifyContext;

/**
 * {@code series-in-several-studies}: one Series Instance UID in files of different studies, which
 * happens when UIDs were remapped inconsistently (different secrets, or a study UID left original).
 * The finding is on the first file (in path order) whose study differs from the study of the
 * series' first file; the UID is only in the masked hint, since it may be an original one.
 */
public final class SeriesInSeveralStudies implements Check {
    public static final RuleInfo INFO = new RuleInfo("series-in-several-studies", "Series spread over several studies",
            Severity.MEDIUM, "Files of one series carry different Study Instance UIDs: the UIDs were not remapped"
                    + " consistently. De-identify the whole series in one run with one secret.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void checkDataset(List<FileFacts> files, VerifyContext ctx, FindingSink out) {
        Map<String, Set<String>> studies = new TreeMap<>();
        Map<String, String> firstStudy = new TreeMap<>();
        Map<String, String> conflict = new TreeMap<>();
        for (FileFacts f : files) {
            if (f.seriesUid().isEmpty()) {
                continue;
            }
            studies.computeIfAbsent(f.seriesUid(), k -> new TreeSet<>()).add(f.studyUid());
            String first = firstStudy.putIfAbsent(f.seriesUid(), f.studyUid());
            if (first != null && !first.equals(f.studyUid())) {
                conflict.putIfAbsent(f.seriesUid(), f.path());
            }
        }
        for (Map.Entry<String, String> e : conflict.entrySet()) {
            out.add(e.getValue(), "(0020,000E)", "the series of this file appears in "
                    + studies.get(e.getKey()).size() + " studies", Hints.mask(e.getKey()));
        }
    }
}
