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
 * different offsets. The finding is on the first file (in path order) whose birth date or sex
 * differs from the patient's first one; the Patient ID is only in the masked hint, since on a
 * dataset that is not de-identified it is the real one.
 */
public final class InconsistentPatient implements Check {
    public static final RuleInfo INFO = new RuleInfo("inconsistent-patient", "Inconsistent patient", Severity.MEDIUM,
            "Files of one pseudonymous patient disagree on birth date or sex: patients may have been merged, or the"
                    + " dataset was de-identified in parts with different secrets or profiles.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    /** What the files of one patient say, in file order. */
    private static final class Patient {
        final Set<String> births = new TreeSet<>();
        final Set<String> sexes = new TreeSet<>();
        String birth;
        String sex;
        String conflict;

        void add(String path, String birthDate, String patientSex) {
            if (!birthDate.isEmpty()) {
                births.add(birthDate);
                birth = birth == null ? birthDate : birth;
                conflict = conflict == null && !birth.equals(birthDate) ? path : conflict;
            }
            if (!patientSex.isEmpty()) {
                sexes.add(patientSex);
                sex = sex == null ? patientSex : sex;
                conflict = conflict == null && !sex.equals(patientSex) ? path : conflict;
            }
        }
    }

    @Override
    public void checkDataset(List<FileFacts> files, VerifyContext ctx, FindingSink out) {
        Map<String, Patient> patients = new TreeMap<>();
        for (FileFacts f : files) {
            if (!f.patientId().isEmpty()) {
                patients.computeIfAbsent(f.patientId(), k -> new Patient()).add(f.path(), f.birthDate(), f.sex());
            }
        }
        for (Map.Entry<String, Patient> e : patients.entrySet()) {
            Patient p = e.getValue();
            if (p.conflict != null) {
                out.add(p.conflict, "(0010,0020)", "the patient of this file has " + p.births.size()
                        + " birth date(s) and " + p.sexes.size() + " sex value(s) across the dataset",
                        Hints.mask(e.getKey()));
            }
        }
    }
}
