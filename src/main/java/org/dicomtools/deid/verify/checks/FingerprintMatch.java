package org.dicomtools.deid.verify.checks;

import java.util.EnumSet;

import org.dicomtools.deid.dicom.VR;
import org.dicomtools.deid.dicom.dict.Tag;
import org.dicomtools.deid.engine.Ledger;
import org.dicomtools.deid.engine.PhiPatterns;
import org.dicomtools.deid.engine.TokenHits;
import org.dicomtools.deid.verify.Check;
import org.dicomtools.deid.verify.CheckedFile;
import org.dicomtools.deid.verify.ElementRef;
import org.dicomtools.deid.verify.FindingSink;
import org.dicomtools.deid.verify.Hints;
import org.dicomtools.deid.verify.RuleInfo;
import org.dicomtools.deid.verify.Severity;
import org.dicomtools.deid.verify.VerifyContext;

/**
 * {@code fingerprint-match}: with the secret and the ledger of the run that made the dataset, every
 * token of every text value (words, hyphen/dot compounds, runs of up to six words), every date (DA
 * and DT values and dates found in text, per patient) and every UID, and every segment of every
 * file path, is fingerprinted and looked up among the fingerprints of the original PHI tokens: any
 * original name component, identifier, phrase, date or UID anywhere fails, whatever attribute it
 * hides in. Without secret or ledger the rule does not run (the run says so).
 */
public final class FingerprintMatch implements Check {
    public static final RuleInfo INFO = new RuleInfo("fingerprint-match", "Original PHI token found", Severity.CRITICAL,
            "A value or file name contains a token whose keyed fingerprint is in the ledger of original PHI: an"
                    + " original name, identifier, date, phrase or UID survived. Re-run deid:deidentify, or clean the"
                    + " attribute in the profile (action C or X).");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void checkFile(CheckedFile file, VerifyContext ctx, FindingSink out) {
        if (!ctx.canFingerprint()) {
            return;
        }
        String scope = file.dataset().getString(Tag.PatientID);
        scope = scope == null ? "" : scope;
        for (ElementRef r : file.elements()) {
            if (r.element().isSequence()) {
                continue;
            }
            VR vr = r.vr();
            if (vr == VR.UI) {
                for (String v : r.values()) {
                    if (!v.isEmpty() && ctx.inLedger(v)) {
                        out.add(r.path(), PhiPattern.keyword(r) + " holds an original UID", Hints.mask(v));
                    }
                }
                continue;
            }
            if (vr == VR.DA || vr == VR.DT) {
                for (String v : r.values()) {
                    String d = v.length() >= 8 ? v.substring(0, 8) : "";
                    if (!d.isEmpty() && ctx.inLedger(Ledger.patientToken(scope, d))) {
                        out.add(r.path(), PhiPattern.keyword(r) + " holds an original date of the patient",
                                Hints.mask(v));
                    }
                }
                continue;
            }
            if (!TokenHits.isTokenVR(vr) || TokenHits.isVocabulary(r.tag())) {
                continue;
            }
            for (String v : CheckedFile.text(r)) {
                String hit = firstHit(v, scope, ctx);
                if (hit != null) {
                    out.add(r.path(), PhiPattern.keyword(r) + " contains an original PHI token", Hints.mask(hit));
                    break;
                }
            }
        }
    }

    @Override
    public void checkPath(String path, VerifyContext ctx, FindingSink out) {
        if (!ctx.canFingerprint()) {
            return;
        }
        for (String segment : path.split("/")) {
            String hit = firstHit(segment, null, ctx);
            if (hit != null) {
                out.add("", "the file or folder name '" + Hints.mask(segment) + "' contains an original PHI token",
                        Hints.mask(hit));
                return;
            }
        }
    }

    /** The first text of {@code value} whose fingerprint is in the ledger, or null. */
    static String firstHit(String value, String scope, VerifyContext ctx) {
        TokenHits.Span s = TokenHits.first(value, t -> TokenHits.isGlobal(t) ? ctx.inLedger(t)
                : scope != null && ctx.inLedger(Ledger.patientToken(scope, t)));
        if (s != null) {
            return value.substring(s.start(), s.end());
        }
        if (scope != null) {
            for (PhiPatterns.Match d : PhiPatterns.find(value, EnumSet.of(PhiPatterns.Kind.DATE))) {
                for (String n : d.normalised()) {
                    if (ctx.inLedger(Ledger.patientToken(scope, n))) {
                        return value.substring(d.start(), d.end());
                    }
                }
            }
        }
        return null;
    }
}
