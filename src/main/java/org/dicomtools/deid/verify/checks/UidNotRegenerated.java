package org.dicomtools.deid.verify.checks;

import org.dicomtools.deid.dicom.VR;
import org.dicomtools.deid.engine.Deidentifier;
import org.dicomtools.deid.engine.Pseudonymizer;
import org.dicomtools.deid.profile.ActionCode;
import org.dicomtools.deid.profile.Decision;
import org.dicomtools.deid.profile.Selector;
import org.dicomtools.deid.verify.Check;
import org.dicomtools.deid.verify.CheckedFile;
import org.dicomtools.deid.verify.ElementRef;
import org.dicomtools.deid.verify.FindingSink;
import org.dicomtools.deid.verify.Hints;
import org.dicomtools.deid.verify.RuleInfo;
import org.dicomtools.deid.verify.Severity;
import org.dicomtools.deid.verify.VerifyContext;

/**
 * {@code uid-not-regenerated}: every UI value that the profile maps (U, or D on a UID) or that
 * identifies an instance (any UI attribute but those naming classes, transfer syntaxes, coding
 * schemes and other registry concepts), at any depth and in the file meta, must lie under the
 * de-identification root where deidentify puts every UID it maps: the profile's {@code uid-root},
 * or {@code 2.25} (PS3.5 B.2) when it sets none. UIDs of the standard's registry are never findings, nor are UIDs that a
 * rule naming the attribute keeps (the Retain UIDs Option, PS3.15 E.3.9, or a safe private UID),
 * as deidentify keeps them too. With the ledger, an original UID is a {@code fingerprint-match}
 * finding wherever it appears.
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
            if (r.vr() != VR.UI || r.element().isSequence() || !mustBeRegenerated(r, ctx)) {
                continue;
            }
            for (String v : r.values()) {
                if (!v.isEmpty() && !v.startsWith(root) && !Pseudonymizer.isRegistryUid(v)) {
                    out.add(r.path(), PhiPattern.keyword(r) + " is not under the de-identification root " + ctx.uidRoot(),
                            Hints.mask(v));
                }
            }
        }
    }

    /**
     * True when deidentify would have mapped this UID: the profile says U (or D), or the attribute
     * identifies an instance and no rule naming it keeps it.
     */
    private static boolean mustBeRegenerated(ElementRef r, VerifyContext ctx) {
        Decision d = ctx.decide(r);
        ActionCode code = d.action().code();
        if (code == ActionCode.U || code == ActionCode.D) {
            return true;
        }
        if (code == ActionCode.K && d.rule() != null && namesTheElement(d.rule().selector())) {
            return false;
        }
        return Deidentifier.isInstanceUidAttribute(r.tag());
    }

    /** The selectors of rules written for particular elements rather than for whole classes of them. */
    private static boolean namesTheElement(Selector s) {
        return s instanceof Selector.ExactTag || s instanceof Selector.TagMask || s instanceof Selector.CreatorElement
                || s instanceof Selector.CreatorBlock;
    }
}
