package org.dicomtools.deid.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.dicomtools.deid.engine.PhiPatterns.Kind;
import org.dicomtools.deid.engine.PhiPatterns.Match;
import org.dicomtools.deid.engine.PhiTokens.TokenSet;
import org.dicomtools.deid.engine.PhiTokens.Word;

/**
 * The clean action on free text (action code C of PS3.15 Table E.1-1) and the defence-in-depth pass:
 * removes every token that equals a PHI value removed elsewhere for the same patient, and every
 * {@link PhiPatterns} match of the requested kinds.
 *
 * <p>What is removed:
 * <ul>
 * <li>a {@linkplain PhiTokens#words word} or {@linkplain PhiTokens#compounds compound} whose
 * normalised form is in {@link TokenSet#words()} (so {@code John}, {@code JOHN}, {@code Jöhn}
 * and {@code DOE^JOHN}'s parts all match {@code JOHN});</li>
 * <li>a run of consecutive words whose normalised forms, joined by one space, are in
 * {@link TokenSet#phrases()};</li>
 * <li>a CJK name token of at least two characters anywhere inside a CJK run (CJK text has no
 * spaces between words; single-character CJK tokens only match as whole words);</li>
 * <li>a date, in any spelling {@link Kind#DATE} knows, one of whose readings is in
 * {@link TokenSet#dates()} (whether or not {@code DATE} is among the pattern kinds);</li>
 * <li>every candidate match of the pattern kinds, overlapping candidates included.</li>
 * </ul>
 *
 * <p>Each maximal removed span (overlapping or touching spans merged, so {@code 山田太郎} gives one
 * mask) becomes {@code ***}. Spans never begin or end with whitespace and everything outside them is kept as it
 * was, so no space is added, removed or doubled: {@code "Scan of John Smith on 31/01/2024"} →
 * {@code "Scan of *** *** on ***"}. The result can be longer than the input (a two-character token
 * becomes three characters); a caller writing to a VR with a maximum length must truncate.
 * A pure, deterministic function.
 */
public final class TextCleaner {

    /** What replaces each removed span. */
    public static final String MASK = "***";

    private TextCleaner() {
    }

    /**
     * The outcome of cleaning one text.
     *
     * @param text the cleaned text (the input itself when nothing was removed)
     * @param removed number of {@code ***} placeholders written (merged spans)
     * @param kinds the pattern kinds that matched
     * @param tokenHits number of token matches (words, compounds, phrases, CJK names, dates) before
     *     merging
     */
    public record Result(String text, int removed, Set<Kind> kinds, int tokenHits) {
        public Result {
            Objects.requireNonNull(text, "text");
            kinds = kinds.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(kinds));
        }

        /** True if anything was removed. */
        public boolean changed() {
            return removed > 0;
        }
    }

    /**
     * Cleans {@code text}.
     *
     * @param text free text (an LO, SH, ST, LT, UT, UC or PN value, decoded)
     * @param phi tokens removed from the same patient ({@link TokenSet#EMPTY} for patterns only)
     * @param kinds pattern kinds to remove (empty for tokens only)
     */
    public static Result clean(String text, TokenSet phi, Set<Kind> kinds) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(phi, "phi");
        Objects.requireNonNull(kinds, "kinds");
        List<int[]> spans = new ArrayList<>();
        EnumSet<Kind> found = EnumSet.noneOf(Kind.class);
        List<Match> dates = null;
        if (!kinds.isEmpty()) {
            List<Match> matches = PhiPatterns.findAll(text, kinds);
            for (Match m : matches) {
                spans.add(new int[] {m.start(), m.end()});
                found.add(m.kind());
            }
            if (kinds.contains(Kind.DATE)) {
                dates = matches;
            }
        }
        int hits = phi.isEmpty() ? 0 : collectTokenSpans(text, phi, spans, dates, false);
        if (spans.isEmpty()) {
            return new Result(text, 0, found, hits);
        }
        List<int[]> merged = merge(text, spans);
        StringBuilder sb = new StringBuilder(text.length());
        int at = 0;
        for (int[] s : merged) {
            sb.append(text, at, s[0]).append(MASK);
            at = s[1];
        }
        sb.append(text, at, text.length());
        return new Result(sb.toString(), merged.size(), found, hits);
    }

    /** Number of token matches of {@code phi} in {@code text}; with {@code firstOnly}, 0 or 1. */
    static int tokenSpans(String text, TokenSet phi, boolean firstOnly) {
        Objects.requireNonNull(text, "text");
        if (phi.isEmpty() || text.isEmpty()) {
            return 0;
        }
        return collectTokenSpans(text, phi, new ArrayList<>(), null, firstOnly);
    }

    /**
     * Adds the spans of token matches and returns their number.
     *
     * @param dates pattern matches that already include every DATE candidate, or null to find them
     */
    private static int collectTokenSpans(String text, TokenSet phi, List<int[]> spans, List<Match> dates,
            boolean firstOnly) {
        int hits = 0;
        List<Word> words = PhiTokens.words(text);
        if (!phi.words().isEmpty()) {
            for (Word w : words) {
                if (phi.words().contains(w.token())) {
                    spans.add(new int[] {w.start(), w.end()});
                    hits++;
                    if (firstOnly) {
                        return hits;
                    }
                }
            }
            for (Word c : PhiTokens.compounds(text, words)) {
                if (phi.words().contains(c.token())) {
                    spans.add(new int[] {c.start(), c.end()});
                    hits++;
                    if (firstOnly) {
                        return hits;
                    }
                }
            }
            for (String token : hasCjk(text) ? phi.words() : Set.<String>of()) {
                if (token.length() < 2 || !PhiTokens.isCjk(token)) {
                    continue;
                }
                for (int i = text.indexOf(token); i >= 0; i = text.indexOf(token, i + 1)) {
                    spans.add(new int[] {i, i + token.length()});
                    hits++;
                    if (firstOnly) {
                        return hits;
                    }
                }
            }
        }
        int maxWords = phi.maxPhraseWords();
        for (int i = 0; i < words.size() && maxWords >= 2; i++) {
            for (int len = 2; len <= maxWords && i + len <= words.size(); len++) {
                if (phi.phrases().contains(PhiTokens.join(words, i, i + len))) {
                    spans.add(new int[] {words.get(i).start(), words.get(i + len - 1).end()});
                    hits++;
                    if (firstOnly) {
                        return hits;
                    }
                }
            }
        }
        if (!phi.dates().isEmpty()) {
            for (Match m : dates != null ? dates : PhiPatterns.findAll(text, EnumSet.of(Kind.DATE))) {
                if (m.kind() != Kind.DATE) {
                    continue;
                }
                for (String reading : m.normalised()) {
                    if (phi.dates().contains(reading)) {
                        spans.add(new int[] {m.start(), m.end()});
                        hits++;
                        if (firstOnly) {
                            return hits;
                        }
                        break;
                    }
                }
            }
        }
        return hits;
    }

    private static boolean hasCjk(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x1100 && (Character.isIdeographic(c) || c >= 0x3040 && c <= 0x30FF || c >= 0xAC00 && c <= 0xD7AF
                    || c >= 0x1100 && c <= 0x11FF || Character.isSurrogate(c))) {
                return true;
            }
        }
        return false;
    }

    /** Sorted, trimmed of surrounding whitespace, overlapping and touching spans merged. */
    private static List<int[]> merge(String text, List<int[]> spans) {
        List<int[]> trimmed = new ArrayList<>(spans.size());
        for (int[] s : spans) {
            int a = s[0];
            int b = s[1];
            while (a < b && Character.isWhitespace(text.charAt(a))) {
                a++;
            }
            while (b > a && Character.isWhitespace(text.charAt(b - 1))) {
                b--;
            }
            if (a < b) {
                trimmed.add(new int[] {a, b});
            }
        }
        trimmed.sort((x, y) -> x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(y[1], x[1]));
        List<int[]> out = new ArrayList<>();
        for (int[] s : trimmed) {
            int[] last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && s[0] <= last[1]) {
                last[1] = Math.max(last[1], s[1]);
            } else {
                out.add(new int[] {s[0], s[1]});
            }
        }
        return out;
    }
}
