package org.dicomtools.deid.verify.checks;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
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
 * real when it is empty, a dummy of this plugin ({@link Dummies#isDummy}), one of the placeholders
 * other de-identification tools write ({@code ANONYMOUS}, {@code REMOVED}, ...), or for D, hash and
 * replace a pseudonym of the form the profile makes (see {@link #acceptable}).
 * UIDs (U) are checked by {@code uid-not-regenerated}, private elements by
 * {@code private-not-safe}.
 */
public final class RetainedPhiAttribute implements Check {
    public static final RuleInfo INFO = new RuleInfo("retained-phi-attribute", "Retained PHI attribute",
            Severity.HIGH, "An attribute that the profile removes, empties or replaces still holds a real value."
                    + " Re-run deid:deidentify on the raw data with the same profile, or remove the value; if the"
                    + " value is not PHI, accept the finding in the baseline with a reason.");

    /** A hexadecimal digest of another tool: 16-64 hex digits, at least one letter and one digit. */
    private static final Pattern DIGEST = Pattern.compile("(?=[0-9]*[a-fA-F])(?=[a-fA-F]*[0-9])[0-9a-fA-F]{16,64}");
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
                if (!v.isBlank() && !acceptable(r.vr(), keyword, v, ctx, d)) {
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

    /**
     * True for values that are not real data: dummies, placeholders, and for the replacing actions
     * (D, hash, replace) the profile's {@code dummy.<VR>} setting or a pseudonym of the form this
     * profile makes: the rule's {@code replace} template, the {@code pseudonym.<Keyword>} setting, or
     * deidentify's default ({@code ANON^} and 8 base32 characters for PN, 16 base32 characters
     * otherwise), possibly cut to the VR's maximum length; or, for data made by other tools, a hexadecimal digest of 16 to 64 digits that mixes
     * letters and digits. A run of letters or of decimal digits is never taken for a pseudonym: that
     * is what names and record numbers look like.
     */
    static boolean acceptable(VR vr, String keyword, String v, VerifyContext ctx, Decision d) {
        String s = v.strip();
        if (Dummies.isDummy(vr, s) || PLACEHOLDERS.contains(s.toUpperCase(Locale.ROOT))) {
            return true;
        }
        ActionCode code = d.action().code();
        if (code == ActionCode.X || code == ActionCode.Z) {
            return false;
        }
        Map<String, String> settings = ctx.profile().settings();
        String configured = settings.get("dummy." + vr.name());
        if (configured != null && isCut(s, configured.strip(), vr)) {
            return true;
        }
        String template = code == ActionCode.REPLACE ? d.action().template() : settings.get("pseudonym." + keyword);
        if (template == null) {
            template = defaultTemplate(vr);
        }
        Matcher m = templatePattern(template, settings, 0).matcher(s);
        if (m.matches() || s.length() >= maxLength(vr) && m.hitEnd()) {
            return true;
        }
        return DIGEST.matcher(s).matches();
    }

    /** True when {@code value} is {@code full} as deidentify writes it: whole, or cut to the VR's maximum length. */
    private static boolean isCut(String value, String full, VR vr) {
        return value.equals(full) || value.length() == maxLength(vr) && full.startsWith(value);
    }

    /** The template deidentify uses for a pseudonym without a {@code pseudonym.<Keyword>} setting. */
    private static String defaultTemplate(VR vr) {
        return vr == VR.PN ? "ANON^{hash:8}" : "{hash:16}";
    }

    /** The maximum length of a value of a text VR (PS3.5 Table 6.2-1), where deidentify cuts pseudonyms. */
    private static int maxLength(VR vr) {
        return switch (vr) {
            case AE, CS, SH -> 16;
            case LO, PN -> 64;
            case ST -> 1024;
            default -> Integer.MAX_VALUE;
        };
    }

    /**
     * A template such as {@code ANON-{hash:8}} as a regular expression: {@code {hash:N}} is N base32
     * characters, {@code {pseudonym:Keyword}} the pattern of that attribute's pseudonym (possibly
     * empty, when the attribute was absent).
     */
    static Pattern templatePattern(String template, Map<String, String> settings, int depth) {
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
                re.append("[A-Z2-7]{").append(ph.substring(5)).append('}');
            } else if (ph.startsWith("pseudonym:") && depth < 4) {
                String other = ph.substring("pseudonym:".length());
                String t = settings.get("pseudonym." + other);
                if (t == null) {
                    OptionalInt tag = ElementDictionary.standard().tagOf(other);
                    t = defaultTemplate(tag.isPresent() ? ElementDictionary.standard().vrOf(tag.getAsInt()) : VR.LO);
                }
                re.append("(?:").append(templatePattern(t, settings, depth + 1).pattern()).append(")?");
            } else {
                // A placeholder the profile parser does not know: nothing can be told about the value.
                re.append("(?!)");
            }
            i = close + 1;
        }
        return Pattern.compile(re.toString());
    }
}
