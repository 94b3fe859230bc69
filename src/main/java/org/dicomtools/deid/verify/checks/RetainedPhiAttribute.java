package org.dicomtools.deid.verify.checks;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.dicomtools.deid.dicom.Tags;
import org.dicomtools.deid.dicom.VR;
import org.dicomtools.deid.dicom.dict.ElementDictionary;
import org.dicomtools.deid.engine.Dummies;
import org.dicomtools.deid.profile.ActionCode;
import org.dicomtools.deid.profile.Decision;
import org.dicomtools.deid.verify.Check;
import org.dicomtools.deid.verify.CheckedFile;
import org.dicomtools.deid.verify.ElementRef;
import org.dicomtools.deid.verify.FindingSink;
import org.dicomtools.deid.verify.Hints;
import org.dicomtools.deid.verify.RuleInfo;
import org.dicomtools.deid.verify.Severity;
import org.dicomtools.deid.verify.VerifyContext;

/**
 * {@code retained-phi-attribute}: an attribute the profile removes (X), empties (Z) or replaces
 * (D, hash, replace) still carries a real value, at any depth, in the file meta too. A value is not
 * real when it is empty, a dummy of this plugin ({@link Dummies#isDummy}), a pseudonym of the
 * expected form (base32 or hex tokens, the profile's {@code pseudonym.*} templates) or one of the
 * placeholders other de-identification tools write ({@code ANONYMOUS}, {@code REMOVED}, ...).
 * UIDs (U) are checked by {@code uid-not-regenerated}, private elements by
 * {@code private-not-safe}.
 */
public final class RetainedPhiAttribute implements Check {
    public static final RuleInfo INFO = new RuleInfo("retained-phi-attribute", "Retained PHI attribute",
            Severity.HIGH, "An attribute that the profile removes, empties or replaces still holds a real value."
                    + " Re-run deid:deidentify on the raw data with the same profile, or remove the value; if the"
                    + " value is not PHI, accept the finding in the baseline with a reason.");

    private static final Pattern TOKEN = Pattern.compile("(ANON[-_^ ]?)?[A-Z2-7]{6,32}|[0-9a-fA-F]{8,64}");
    private static final Set<String> PLACEHOLDERS = Set.of("ANONYMOUS", "ANONYMIZED", "ANONYMISED", "ANON",
            "REMOVED", "REDACTED", "DEIDENTIFIED", "DE-IDENTIFIED", "UNKNOWN", "NONE", "N/A", "NA", "XXX", "XXXX",
            "XXXXX", "***", "PATIENT", "ANONYMOUS^PATIENT", "ANONYMIZED^PATIENT", "^", "0", "00000000", "19000101",
            "000Y");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void checkFile(CheckedFile file, VerifyContext ctx, FindingSink out) {
        for (ElementRef r : file.elements()) {
            if (Tags.isPrivate(r.tag()) || Tags.isGroupLength(r.tag())) {
                continue;
            }
            Decision d = ctx.decide(r);
            if (d == null) {
                continue;
            }
            ActionCode code = d.action().code();
            if (code != ActionCode.X && code != ActionCode.Z && code != ActionCode.D && code != ActionCode.HASH
                    && code != ActionCode.REPLACE) {
                continue;
            }
            String keyword = ElementDictionary.standard().keywordOf(r.tag());
            if (r.element().isSequence()) {
                int items = r.element().sequence().size();
                if (code == ActionCode.X && items > 0 || code == ActionCode.Z && items > 0) {
                    out.add(r.path(), keyword + " is a sequence the profile " + verb(code) + " (" + d.declared()
                            + ") but it holds " + items + " item(s)", "");
                }
                continue;
            }
            if (r.vr() == VR.UI) {
                continue;
            }
            List<String> values = CheckedFile.text(r);
            for (String v : values) {
                if (!v.isBlank() && !acceptable(r.vr(), keyword, v, ctx, code)) {
                    out.add(r.path(), keyword + " holds a value although the profile " + verb(code) + " it ("
                            + d.declared() + ")", Hints.mask(v));
                    break;
                }
            }
            if (values.isEmpty() && !r.vr().isText() && r.element().length() > 0
                    && (code == ActionCode.X || code == ActionCode.Z)) {
                out.add(r.path(), keyword + " holds " + r.element().length() + " bytes although the profile "
                        + verb(code) + " it (" + d.declared() + ")", "");
            }
        }
    }

    private static String verb(ActionCode code) {
        return switch (code) {
            case X -> "removes";
            case Z -> "empties";
            default -> "replaces";
        };
    }

    /** True for values that are not real data: dummies, pseudonyms, placeholders. */
    static boolean acceptable(VR vr, String keyword, String v, VerifyContext ctx, ActionCode code) {
        String s = v.strip();
        if (Dummies.isDummy(vr, s) || PLACEHOLDERS.contains(s.toUpperCase(Locale.ROOT))) {
            return true;
        }
        if (code == ActionCode.X || code == ActionCode.Z) {
            return false;
        }
        String template = ctx.profile().settings().get("pseudonym." + keyword);
        if (template != null && templatePattern(template).matcher(s).matches()) {
            return true;
        }
        for (String part : s.split("[\\^=\\\\]")) {
            if (!part.isEmpty() && !TOKEN.matcher(part).matches() && !part.equals("ANON")) {
                return false;
            }
        }
        return true;
    }

    /** A template such as {@code ANON-{hash:8}} as a regular expression. */
    static Pattern templatePattern(String template) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                re.append(Pattern.quote(template.substring(i)));
                break;
            }
            re.append(Pattern.quote(template.substring(i, open)));
            int close = template.indexOf('}', open);
            String ph = template.substring(open + 1, close);
            if (ph.startsWith("hash:")) {
                re.append("[A-Z2-7]{1,").append(ph.substring(5)).append('}');
            } else {
                re.append(".*");
            }
            i = close + 1;
        }
        return Pattern.compile(re.toString());
    }
}
