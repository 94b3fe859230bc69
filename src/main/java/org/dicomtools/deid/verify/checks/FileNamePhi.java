package org.dicomtools.deid.verify.checks;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dicomtools.deid.engine.PhiPatterns;
import org.dicomtools.deid.verify.Check;
import org.dicomtools.deid.verify.FindingSink;
import org.dicomtools.deid.verify.Hints;
import org.dicomtools.deid.verify.RuleInfo;
import org.dicomtools.deid.verify.Severity;
import org.dicomtools.deid.verify.VerifyContext;

/**
 * {@code file-name-phi}: a file or folder name that carries PHI patterns: dates, phone numbers,
 * e-mail addresses, social security numbers, PN-shaped names ({@code DOE^JOHN}), and identifiers
 * (any run of five or more digits). Names of the de-identified layout ({@code P} and 12 base32
 * characters, {@code 2.25} UIDs, or UIDs under the profile's {@code uid-root}) are never findings. With the ledger, {@code fingerprint-match}
 * also checks every name for original tokens.
 */
public final class FileNamePhi implements Check {
    public static final RuleInfo INFO = new RuleInfo("file-name-phi", "PHI in a file or folder name", Severity.HIGH,
            "A file or folder name looks like it carries a date, identifier or name. deid:deidentify names files"
                    + " from keyed values only; rename the file or re-run deid:deidentify.");

    private static final Pattern LAYOUT = Pattern.compile("[PSEI][A-Z2-7]{12}(\\.dcm)?|2\\.25\\.\\d{1,39}(\\.dcm)?");
    private static final Pattern UID_TAIL = Pattern.compile("\\d+(\\.\\d+)*");
    private static final Pattern DIGITS = Pattern.compile("\\d{5,}");
    private static final Set<PhiPatterns.Kind> KINDS = EnumSet.of(PhiPatterns.Kind.DATE, PhiPatterns.Kind.PHONE,
            PhiPatterns.Kind.EMAIL, PhiPatterns.Kind.SSN, PhiPatterns.Kind.PERSON_NAME, PhiPatterns.Kind.ID_NUMBER);

    /** A UID under the profile's {@code uid-root}, possibly with {@code .dcm}: a de-identified name too. */
    private static boolean isUnderRoot(String segment, String root) {
        String s = segment.endsWith(".dcm") ? segment.substring(0, segment.length() - 4) : segment;
        String prefix = root + ".";
        return s.startsWith(prefix) && UID_TAIL.matcher(s.substring(prefix.length())).matches();
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void checkPath(String path, VerifyContext ctx, FindingSink out) {
        for (String segment : path.split("/")) {
            if (LAYOUT.matcher(segment).matches() || isUnderRoot(segment, ctx.uidRoot())) {
                continue;
            }
            List<PhiPatterns.Match> m = PhiPatterns.find(segment.replace('_', ' '), KINDS);
            if (!m.isEmpty()) {
                out.add("", "the name '" + Hints.mask(segment) + "' contains " + PhiPattern.describe(m.get(0).kind()),
                        "");
                return;
            }
            Matcher d = DIGITS.matcher(segment);
            if (d.find()) {
                out.add("", "the name '" + Hints.mask(segment) + "' contains a run of " + d.group().length()
                        + " digits that may be an identifier", "");
                return;
            }
        }
    }
}
