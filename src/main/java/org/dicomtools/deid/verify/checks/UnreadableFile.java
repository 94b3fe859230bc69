package org.dicomtools.deid.verify.checks;

import org.dicomtools.deid.verify.Check;
import org.dicomtools.deid.verify.RuleInfo;
import org.dicomtools.deid.verify.Severity;

/**
 * {@code unreadable-file}: a file of the dataset is not DICOM or cannot be parsed. verify fails
 * closed: what it cannot read it cannot clear. The Verifier raises these findings while reading.
 */
public final class UnreadableFile implements Check {
    public static final RuleInfo INFO = new RuleInfo("unreadable-file", "Unreadable or non-DICOM file", Severity.HIGH,
            "verify cannot read this file, so it cannot tell whether it holds PHI. Remove it from the dataset, or"
                    + " replace it with a de-identified, well-formed copy.");

    @Override
    public RuleInfo info() {
        return INFO;
    }
}
