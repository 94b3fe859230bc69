package org.dicomtools.deid.verify;

import java.util.List;
import java.util.Objects;

import org.dicomtools.deid.dicom.Dataset;
import org.dicomtools.deid.dicom.DicomElement;
import org.dicomtools.deid.dicom.Tags;
import org.dicomtools.deid.engine.Ledger;
import org.dicomtools.deid.engine.Pseudonymizer;
import org.dicomtools.deid.engine.ReviewManifest;
import org.dicomtools.deid.profile.Decision;
import org.dicomtools.deid.profile.Profile;

/**
 * What checks may consult: the profile in force, and when available the secret and the ledger of
 * the run that produced the dataset, and the review manifest.
 *
 * @param profile the profile the dataset should satisfy
 * @param keys the keyed pseudonymizer, or null without a secret (its UIDs go under {@code uidRoot})
 * @param ledger the fingerprint ledger, or null
 * @param review the review manifest, or null
 * @param uidRoot the root every instance UID must lie under (without trailing dot)
 * @param detectText run the pixel text detector
 */
public record VerifyContext(Profile profile, Pseudonymizer keys, Ledger ledger, ReviewManifest review, String uidRoot,
        boolean detectText) {

    public VerifyContext {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(uidRoot, "uidRoot");
        keys = keys == null ? null : keys.withUidRoot(uidRoot);
    }

    /** True when fingerprints can be checked: a secret and a ledger made with it. */
    public boolean canFingerprint() {
        return keys != null && ledger != null && ledger.keyId().equals(keys.keyId());
    }

    /** True when the ledger knows this token (normalised) as an original PHI token or UID. */
    public boolean inLedger(String token) {
        return canFingerprint() && ledger.contains(keys.fingerprint(token));
    }

    /** The profile's decision for an element, conditions evaluated on the file's values. */
    public Decision decide(ElementRef r) {
        boolean creatorMissing = Tags.isPrivateData(r.tag()) && r.creator() == null;
        Dataset ds = r.dataset();
        return profile.decide(r.tag(), r.vr(), r.creator(), creatorMissing, tag -> {
            for (Dataset d = ds; d != null; d = d.parent()) {
                DicomElement e = d.get(tag);
                if (e != null) {
                    List<String> v = d.strings(e);
                    return String.join("\\", v);
                }
            }
            return null;
        });
    }
}
