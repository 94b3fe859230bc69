package org.dicomtools.deid.verify.checks;

import org.dicomtools.deid.verify.Check;
import org.dicomtools.deid.verify.CheckedFile;
import org.dicomtools.deid.verify.FindingSink;
import org.dicomtools.deid.verify.RuleInfo;
import org.dicomtools.deid.verify.Severity;
import org.dicomtools.deid.verify.VerifyContext;

/**
 * {@code malformed-file}: the file parses only with a recovery (a wrong length, a duplicate element,
 * an invalid VR...). A recovery may skip or reinterpret bytes, so the checks may not see all of
 * them. deidentify always writes well-formed files.
 */
public final class MalformedFile implements Check {
    public static final RuleInfo INFO = new RuleInfo("malformed-file", "Malformed file", Severity.MEDIUM,
            "The file needed a parser recovery, so some bytes may not have been checked. Rewrite it with"
                    + " deid:deidentify, which writes well-formed files.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void checkFile(CheckedFile file, VerifyContext ctx, FindingSink out) {
        for (String w : file.file().warnings()) {
            out.add("", "parsed with a recovery: " + w, "");
        }
    }
}
