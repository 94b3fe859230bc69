package org.dicomtools.deid.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the parts of a text whose normalised tokens are known PHI: words of two or more characters,
 * hyphen/dot compounds, runs of two to six words (phrases such as an institution name) and
 * UID-like dotted numbers. deidentify uses it for defence in depth against the fingerprints of
 * every original token of the run; verify uses the very same code against the ledger, so what
 * deidentify leaves is what verify accepts.
 */
public final class TokenHits {
    private static final Pattern UID_IN_TEXT = Pattern.compile("\\d+(?:\\.\\d+){3,}");
    private static final int MAX_PHRASE_WORDS = 6;

    /** A span of the text, {@code [start, end)}. */
    public record Span(int start, int end) {
    }

    private TokenHits() {
    }

    /**
     * True for values that look like a UID worth remembering as an original (dotted digits, at least
     * 8 characters): junk such as {@code 0} in a UID element is no identifier and would match
     * everywhere.
     */
    public static boolean isUidToken(String value) {
        return value.length() >= 8 && value.matches("\\d+(\\.\\d+)+");
    }

    /**
     * True for the VRs whose values are words that can hold a PHI token: every text VR except the
     * numeric and temporal ones (DS, IS, AS, TM, DA, DT) and UIDs, which are checked as wholes.
     * Private values of unknown VR (UN) that read as text count too.
     */
    public static boolean isTokenVR(org.dicomtools.deid.dicom.VR vr) {
        return switch (vr) {
            case LO, SH, ST, LT, UT, UC, PN, AE, UR, UN, OB -> true;
            default -> false;
        };
    }

    /** Tokens shorter than this are PHI only for their own patient (scoped); longer ones for everyone. */
    public static final int GLOBAL_MIN_LENGTH = 4;

    /**
     * True when a token counts for every patient of a dataset: long enough not to be common
     * vocabulary ({@code US}, {@code MR}, {@code HU}). Shorter tokens are matched only in the files
     * of the patient they belong to.
     */
    public static boolean isGlobal(String token) {
        return token.length() >= GLOBAL_MIN_LENGTH;
    }

    /**
     * Attributes of coded entries (PS3.3 8.8) and coding scheme descriptions: vocabulary, never
     * patient text, so neither cleaned by defence in depth nor fingerprinted by verify. CS values
     * (defined terms) are left out for the same reason, see {@link #isTokenVR}.
     */
    public static boolean isVocabulary(int tag) {
        return VOCABULARY.contains(tag);
    }

    private static final java.util.Set<Integer> VOCABULARY = java.util.Set.of(
            org.dicomtools.deid.dicom.dict.Tag.CodeValue, org.dicomtools.deid.dicom.dict.Tag.CodingSchemeDesignator,
            org.dicomtools.deid.dicom.dict.Tag.CodingSchemeVersion, org.dicomtools.deid.dicom.dict.Tag.CodeMeaning,
            org.dicomtools.deid.dicom.dict.Tag.LongCodeValue, org.dicomtools.deid.dicom.dict.Tag.URNCodeValue,
            org.dicomtools.deid.dicom.dict.Tag.ContextIdentifier, org.dicomtools.deid.dicom.dict.Tag.MappingResource,
            org.dicomtools.deid.dicom.dict.Tag.MappingResourceName, org.dicomtools.deid.dicom.dict.Tag.CodingSchemeName,
            org.dicomtools.deid.dicom.dict.Tag.CodingSchemeResponsibleOrganization,
            org.dicomtools.deid.dicom.dict.Tag.CodingSchemeExternalID,
            org.dicomtools.deid.dicom.dict.Tag.DeidentificationMethod,
            org.dicomtools.deid.dicom.dict.Tag.ImplementationVersionName);

    /** Every known span, in text order, overlapping spans merged. */
    public static List<Span> find(String value, Predicate<String> known) {
        List<Span> out = new ArrayList<>();
        scan(value, known, out, false);
        return merge(out);
    }

    /** The first known span, or null. */
    public static Span first(String value, Predicate<String> known) {
        List<Span> out = new ArrayList<>(1);
        scan(value, known, out, true);
        return out.isEmpty() ? null : out.get(0);
    }

    private static void scan(String value, Predicate<String> known, List<Span> out, boolean firstOnly) {
        List<PhiTokens.Word> words = PhiTokens.words(value);
        for (PhiTokens.Word w : words) {
            if (w.token().length() >= 2 && known.test(w.token())) {
                out.add(new Span(w.start(), w.end()));
                if (firstOnly) {
                    return;
                }
            }
        }
        for (PhiTokens.Word w : PhiTokens.compounds(value)) {
            if (known.test(w.token())) {
                out.add(new Span(w.start(), w.end()));
                if (firstOnly) {
                    return;
                }
            }
        }
        for (int i = 0; i < words.size(); i++) {
            StringBuilder phrase = new StringBuilder(words.get(i).token());
            for (int j = i + 1; j < words.size() && j < i + MAX_PHRASE_WORDS; j++) {
                phrase.append(' ').append(words.get(j).token());
                if (known.test(phrase.toString())) {
                    out.add(new Span(words.get(i).start(), words.get(j).end()));
                    if (firstOnly) {
                        return;
                    }
                }
            }
        }
        Matcher m = UID_IN_TEXT.matcher(value);
        while (m.find()) {
            if (known.test(m.group())) {
                out.add(new Span(m.start(), m.end()));
                if (firstOnly) {
                    return;
                }
            }
        }
    }

    private static List<Span> merge(List<Span> spans) {
        spans.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
                : Integer.compare(a.end(), b.end()));
        List<Span> out = new ArrayList<>();
        for (Span s : spans) {
            if (!out.isEmpty() && s.start() <= out.get(out.size() - 1).end()) {
                Span last = out.remove(out.size() - 1);
                out.add(new Span(last.start(), Math.max(last.end(), s.end())));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    /** The text with every span replaced by {@code mask}. */
    public static String replace(String value, List<Span> spans, String mask) {
        StringBuilder sb = new StringBuilder();
        int pos = 0;
        for (Span s : spans) {
            sb.append(value, pos, s.start()).append(mask);
            pos = s.end();
        }
        return sb.append(value.substring(pos)).toString();
    }
}
