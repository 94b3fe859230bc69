package org.dicomtools.deid.verify.checks;

import org.dicomtools.deid.dicom.Tags;
import org.dicomtools.deid.profile.ActionCode;
import org.dicomtools.deid.profile.Decision;
import org.dicomtools.deid.verify.Check;
import org.dicomtools.deid.verify.CheckedFile;
import org.dicomtools.deid.verify.ElementRef;
import org.dicomtools.deid.verify.FindingSink;
import org.dicomtools.deid.verify.RuleInfo;
import org.dicomtools.deid.verify.Severity;
import org.dicomtools.deid.verify.VerifyContext;

/**
 * {@code private-not-safe}: a private data element that the profile in force does not keep: its
 * (creator, group, element) is not on the safe list (PS3.15 E.3.10 with Retain Safe Private, or the
 * profile's own {@code K} rules), or its private creator is missing, which no safe list can cover, or
 * it lies outside every private block ({@code (gggg,0001-000F)}, {@code (gggg,0100-0FFF)}, PS3.5
 * 7.8.1). Private creator elements and group lengths are not data.
 */
public final class PrivateNotSafe implements Check {
    public static final RuleInfo INFO = new RuleInfo("private-not-safe", "Private element not safe-listed",
            Severity.HIGH, "A private element is present that the profile does not keep. Private tags often hold"
                    + " names, IDs and dates in vendor formats. Remove it (re-run deid:deidentify), or, if the vendor"
                    + " documents it as safe, add a K rule for its creator and element to your profile.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void checkFile(CheckedFile file, VerifyContext ctx, FindingSink out) {
        for (ElementRef r : file.elements()) {
            if (!Tags.isPrivate(r.tag()) || Tags.isPrivateCreator(r.tag()) || Tags.isGroupLength(r.tag())) {
                continue;
            }
            if (!Tags.isPrivateData(r.tag())) {
                // (gggg,0001-000F) and (gggg,0100-0FFF): no creator can reserve them (PS3.5 7.8.1).
                out.add(r.path(), "private element " + Tags.toString(r.tag()) + " lies outside any private block", "");
                continue;
            }
            String where = "(" + String.format("%04X", Tags.group(r.tag())) + ",xx"
                    + String.format("%02X", Tags.element(r.tag()) & 0xFF) + ")";
            if (r.creator() == null) {
                out.add(r.path(), "private element " + where + " has no private creator", "");
                continue;
            }
            Decision d = ctx.decide(r);
            if (d == null || d.action().code() != ActionCode.K) {
                out.add(r.path(), "private element " + where + " of \"" + r.creator()
                        + "\" is not on the profile's safe list", "");
            }
        }
    }
}
