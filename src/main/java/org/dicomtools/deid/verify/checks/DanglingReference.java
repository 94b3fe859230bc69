package org.dicomtools.deid.verify.checks;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.dicomtools.deid.verify.Check;
import org.dicomtools.deid.verify.FileFacts;
import org.dicomtools.deid.verify.FindingSink;
import org.dicomtools.deid.verify.RuleInfo;
import org.dicomtools.deid.verify.Severity;
import org.dicomtools.deid.verify.VerifyContext;

/**
 * {@code dangling-reference}: a Referenced SOP Instance UID, at any depth, that is the SOP Instance
 * UID of no file in the dataset. Inconsistent remapping shows this way; so do references to
 * instances that were simply not exported (prior studies, localizers), hence the low severity.
 */
public final class DanglingReference implements Check {
    public static final RuleInfo INFO = new RuleInfo("dangling-reference", "Reference to a missing instance",
            Severity.LOW, "A Referenced SOP Instance UID matches no file of the dataset. If the referenced instance"
                    + " is part of the dataset, its UIDs were remapped with another secret; otherwise the reference"
                    + " points outside the dataset, which may be fine.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void checkDataset(List<FileFacts> files, VerifyContext ctx, FindingSink out) {
        Set<String> present = new HashSet<>();
        for (FileFacts f : files) {
            present.add(f.sopUid());
        }
        for (FileFacts f : files) {
            for (FileFacts.Reference r : f.references()) {
                if (!present.contains(r.uid())) {
                    out.add(f.path(), r.tagPath(), "refers to an instance that is not in the dataset", "");
                }
            }
        }
    }
}
