package org.dicomtools.deid.verify.checks;

import java.util.ArrayList;
import java.util.List;

import org.dicomtools.deid.dicom.Dataset;
import org.dicomtools.deid.dicom.DicomElement;
import org.dicomtools.deid.dicom.dict.Tag;
import org.dicomtools.deid.verify.Check;
import org.dicomtools.deid.verify.CheckedFile;
import org.dicomtools.deid.verify.FindingSink;
import org.dicomtools.deid.verify.RuleInfo;
import org.dicomtools.deid.verify.Severity;
import org.dicomtools.deid.verify.VerifyContext;

/**
 * {@code deid-markers-missing}: the de-identification markers of PS3.15 E.1 and PS3.3 C.7.1.1 are
 * absent: Patient Identity Removed must be YES, and De-identification Method or De-identification
 * Method Code Sequence must say how.
 */
public final class MarkersMissing implements Check {
    public static final RuleInfo INFO = new RuleInfo("deid-markers-missing", "De-identification markers missing",
            Severity.MEDIUM, "The file does not say it was de-identified: Patient Identity Removed (0012,0062) must be"
                    + " YES, with De-identification Method (0012,0063) or its code sequence (0012,0064)."
                    + " deid:deidentify adds them; other tools may not.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void checkFile(CheckedFile file, VerifyContext ctx, FindingSink out) {
        Dataset ds = file.dataset();
        List<String> missing = new ArrayList<>();
        DicomElement codes = ds.get(Tag.DeidentificationMethodCodeSequence);
        boolean hasCodes = codes != null && codes.isSequence() && !codes.sequence().isEmpty();
        boolean hasMethod = ds.getString(Tag.DeidentificationMethod) != null || hasCodes;
        String removed = ds.getString(Tag.PatientIdentityRemoved);
        // NO with a method is what deidentify writes for an image whose pixels still wait for review:
        // the attributes are de-identified, burned-in-risk reports the pixels.
        if (!"YES".equals(removed) && !("NO".equals(removed) && hasMethod)) {
            missing.add("PatientIdentityRemoved=YES");
        }
        if (!hasMethod) {
            missing.add("DeidentificationMethod or DeidentificationMethodCodeSequence");
        }
        if (!missing.isEmpty()) {
            out.add("", "missing " + String.join(" and ", missing), "");
        }
    }
}
