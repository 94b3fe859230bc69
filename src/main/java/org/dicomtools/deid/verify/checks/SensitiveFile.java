package org.dicomtools.deid.verify.checks;

import java.util.Set;

import org.dicomtools.deid.verify.Check;
import org.dicomtools.deid.verify.FindingSink;
import org.dicomtools.deid.verify.RuleInfo;
import org.dicomtools.deid.verify.Severity;
import org.dicomtools.deid.verify.VerifyContext;

/**
 * {@code sensitive-file}: a file that must never be shared lies inside the dataset: the UID or
 * Patient ID mapping, the fingerprint ledger, the audit log or the up-to-date index of
 * deidentify (by name, or by the first line of its content; the Verifier reads that line).
 */
public final class SensitiveFile implements Check {
    public static final RuleInfo INFO = new RuleInfo("sensitive-file", "Mapping, ledger or log inside the dataset",
            Severity.CRITICAL, "A mapping, ledger, log or index file of deid:deidentify is inside the dataset. Mappings"
                    + " link pseudonyms back to patients: delete the file from the dataset (and from the repository"
                    + " history) and keep these files in deid.workDir.");

    private static final Set<String> NAMES = Set.of("uid_mapping.csv", "patid_mapping.csv", "ledger.tsv",
            "deid-log.json", "index.tsv");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    /** True when the name or first line marks a deidentify work file. */
    public static boolean isSensitive(String fileName, String firstLine) {
        if (NAMES.contains(fileName)) {
            return true;
        }
        return firstLine != null && (firstLine.startsWith("id_old,id_new") || firstLine.startsWith("# deid-ledger")
                || firstLine.startsWith("# deid-index"));
    }

    @Override
    public void checkPath(String path, VerifyContext ctx, FindingSink out) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (NAMES.contains(name)) {
            out.add("", "a deid:deidentify work file is inside the dataset", "");
        }
    }
}
