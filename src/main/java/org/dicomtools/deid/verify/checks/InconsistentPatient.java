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
 * {@code inconsistent-patient}: one pseudonymous patient (Patient ID) with several birth dates or
 * sexes across the dataset: two patients merged under one pseudonym, or dates shifted with
 * different offsets. The finding is on the patient's first file; its Patient ID is only in the
 * masked hint, since on a dataset that is not de-identified it is the real one.
 */
public final class InconsistentPatient implements Check {
    public static final RuleInfo INFO = new RuleInfo("inconsistent-patient", "Inconsistent patient", Severity.MEDIUM,
            "Files of one pseudonymous patient disagree on birth date or sex: patients may have been merged, or the"
                    + " dataset was de-identified in parts with different secrets or profiles.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void checkDataset(List<FileFacts> files, VerifyContext ctx, FindingSink out) {
        Map<String, Set<String>> births = new TreeMap<>();
        Map<String, Set<String>> sexes = new TreeMap<>();
        Map<String, String> firstFile = new TreeMap<>();
        for (FileFacts f : files) {
            if (f.patientId().isEmpty()) {
                continue;
            }
            firstFile.putIfAbsent(f.patientId(), f.path());
            if (!f.birthDate().isEmpty()) {
                births.computeIfAbsent(f.patientId(), k -> new TreeSet<>()).add(f.birthDate());
            }
            if (!f.sex().isEmpty()) {
                sexes.computeIfAbsent(f.patientId(), k -> new TreeSet<>()).add(f.sex());
            }
        }
        for (Map.Entry<String, String> p : firstFile.entrySet()) {
            int b = births.getOrDefault(p.getKey(), Set.of()).size();
            int s = sexes.getOrDefault(p.getKey(), Set.of()).size();
            if (b > 1 || s > 1) {
                out.add(p.getValue(), "(0010,0020)", "the patient of this file has " + b + " birth date(s) and " + s
                        + " sex value(s) across the dataset", Hints.mask(p.getKey()));
            }
        }
    }
}
