package org.dicomtools.deid.verify.checks;

import org.dicomtools.deid.dicom.VR;
import org.dicomtools.deid.engine.Deidentifier;
import org.dicomtools.deid.engine.Pseudonymizer;
import org.dicomtools.deid.verify.Check;
import org.dicomtools.deid.verify.CheckedFile;
import org.dicomtools.deid.verify.ElementRef;
import org.dicomtools.deid.verify.FindingSink;
import org.dicomtools.deid.verify.Hints;
import org.dicomtools.deid.verify.RuleInfo;
import org.dicomtools.deid.verify.Severity;
import org.dicomtools.deid.verify.VerifyContext;

/**
 * {@code uid-not-regenerated}: every UI value that identifies an instance (any UI attribute but
 * those naming classes, transfer syntaxes, coding schemes and other registry concepts), at any
 * depth and in the file meta, must lie under the de-identification root ({@code 2.25} unless the
 * profile's {@code uid-root} says otherwise). UIDs of the standard's registry are never findings.
 * With the ledger, an original UID is a {@code fingerprint-match} finding wherever it appears.
 */
public final class UidNotRegenerated implements Check {
    public static final RuleInfo INFO = new RuleInfo("uid-not-regenerated", "UID not regenerated", Severity.HIGH,
            "An instance UID is not under the de-identification root, so it may be the original UID that links"
                    + " back to the source. Make sure the profile maps it (action U) and re-run deid:deidentify.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void checkFile(CheckedFile file, VerifyContext ctx, FindingSink out) {
        String root = ctx.uidRoot() + ".";
        for (ElementRef r : file.elements()) {
            if (r.vr() != VR.UI || r.element().isSequence() || !Deidentifier.isInstanceUidAttribute(r.tag())) {
                continue;
            }
            for (String v : r.values()) {
                if (!v.isEmpty() && !v.startsWith(root) && !Pseudonymizer.isRegistryUid(v)) {
                    out.add(r.path(), PhiPattern.keyword(r) + " is not under the de-identification root "
                            + ctx.uidRoot(), Hints.mask(v));
                }
            }
        }
    }
}
