package org.dicomtools.deid.engine;

import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Normalisation and tokenising of PHI values, shared by the clean action ({@link TextCleaner}), the
 * defence-in-depth pass and the fingerprint ledger, so that a value removed by the engine and the
 * same value met later by {@code verify} become the same tokens.
 *
 * <p>Every token is {@link #normalise normalised}: compatibility-decomposed, accents stripped,
 * upper-cased and reduced to letters and digits. Free text is cut into
 * {@linkplain #words(String) words} (runs of letters and digits; an apostrophe inside a word is
 * dropped, so {@code O'Neil} is one word {@code ONEIL}) and
 * {@linkplain #compounds(String) compounds} (words joined by single {@code - . / _} characters,
 * such as {@code MR-12345} → {@code MR12345}).
 */
public final class PhiTokens {

    /**
     * Name prefixes and suffixes (PS3.5 6.2.1.1 components 4 and 5, and the same words written inside
     * other components) that identify nobody and are never name tokens.
     */
    static final Set<String> NAME_AFFIXES = Set.of("DR", "MR", "MRS", "MS", "MISS", "MX", "PROF", "JR", "SR",
            "II", "III", "IV", "MD", "PHD", "HERR", "FRAU");

    /**
     * Surname particles: kept inside the whole component ({@code van der Berg} → {@code VANDERBERG})
     * but not as tokens of their own, since alone they identify nobody and are common words.
     */
    static final Set<String> NAME_PARTICLES = Set.of("VAN", "VON", "DER", "DEN", "DE", "LA", "LE", "DI", "DA",
            "DEL", "DELLA", "DOS", "DAS", "DU", "DES", "TEN", "TER", "AL", "EL", "BIN", "ZU", "Y");

    private static final Set<UnicodeScript> CJK = EnumSet.of(UnicodeScript.HAN, UnicodeScript.HIRAGANA,
            UnicodeScript.KATAKANA, UnicodeScript.HANGUL);

    private PhiTokens() {
    }

    /**
     * One token of a text: its normalised form and the span it was read from.
     *
     * @param start index of the first char in the text
     * @param end index after the last char
     * @param token the normalised token (never empty)
     */
    public record Word(int start, int end, String token) {
        public Word {
            Objects.requireNonNull(token, "token");
            if (start < 0 || end <= start || token.isEmpty()) {
                throw new IllegalArgumentException("bad word " + start + ".." + end);
            }
        }
    }

    /**
     * Unicode NFKD, combining marks stripped, upper-cased with {@link Locale#ROOT}, letters and
     * digits kept: {@code Jérôme} → {@code JEROME}, {@code O'Neil} → {@code ONEIL}, {@code Straße}
     * → {@code STRASSE}, full-width {@code ＡＢ１} → {@code AB1}. Kana lose their voicing marks
     * ({@code だ} → {@code た}) as marks are stripped; the same happens on both sides of every
     * comparison, so matching is unaffected.
     */
    public static String normalise(String value) {
        Objects.requireNonNull(value, "value");
        int n = value.length();
        boolean ascii = true;
        for (int i = 0; i < n; i++) {
            if (value.charAt(i) >= 0x80) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            StringBuilder sb = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                char c = value.charAt(i);
                if (c >= 'a' && c <= 'z') {
                    sb.append((char) (c - 32));
                } else if (c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
                    sb.append(c);
                }
            }
            return sb.toString();
        }
        // decompose, upper-case (ß -> SS), decompose again (upper-casing can compose), then keep
        // letters and digits only: combining marks are neither and drop out
        String upper = Normalizer.normalize(
                Normalizer.normalize(value, Normalizer.Form.NFKD).toUpperCase(Locale.ROOT), Normalizer.Form.NFKD);
        StringBuilder sb = new StringBuilder(upper.length());
        upper.codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    /** {@link #normalise} of {@code text[start, end)}, without a copy when it is plain ASCII. */
    private static String normaliseRange(String text, int start, int end) {
        char[] out = new char[end - start];
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c >= 'a' && c <= 'z') {
                out[i - start] = (char) (c - 32);
            } else if (c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
                out[i - start] = c;
            } else {
                return normalise(text.substring(start, end));
            }
        }
        return new String(out);
    }

    /**
     * The words of a text in order: maximal runs of letters, digits and combining marks, with an
     * apostrophe ({@code ' ’ ʼ}) between two such characters taken as part of the word. Each word is
     * normalised; words that normalise to nothing are skipped. {@code "Doe^John, O'Neil"} →
     * {@code DOE, JOHN, ONEIL}.
     */
    public static List<Word> words(String text) {
        Objects.requireNonNull(text, "text");
        List<Word> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!isWordCodePoint(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            i += Character.charCount(cp);
            while (i < n) {
                int c = text.codePointAt(i);
                if (isWordCodePoint(c)) {
                    i += Character.charCount(c);
                } else if (isApostrophe(c) && i + 1 < n && isWordCodePoint(text.codePointAt(i + 1))) {
                    i++;
                } else {
                    break;
                }
            }
            String token = normaliseRange(text, start, i);
            if (!token.isEmpty()) {
                out.add(new Word(start, i, token));
            }
        }
        return out;
    }

    /**
     * The compounds of a text: maximal groups of two or more {@linkplain #words words} separated by
     * exactly one of {@code - . / _}, as one token. {@code "MR-12345-A and J.Smith"} →
     * {@code MR12345A, JSMITH}. IDs and hyphenated names are matched as a whole this way.
     */
    public static List<Word> compounds(String text) {
        return compounds(text, words(text));
    }

    static List<Word> compounds(String text, List<Word> words) {
        List<Word> out = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            int j = i;
            while (j + 1 < words.size() && joined(text, words.get(j), words.get(j + 1))) {
                j++;
            }
            if (j > i) {
                StringBuilder sb = new StringBuilder();
                for (int k = i; k <= j; k++) {
                    sb.append(words.get(k).token());
                }
                out.add(new Word(words.get(i).start(), words.get(j).end(), sb.toString()));
            }
            i = j + 1;
        }
        return out;
    }

    private static boolean joined(String text, Word a, Word b) {
        if (b.start() != a.end() + 1) {
            return false;
        }
        char c = text.charAt(a.end());
        return c == '-' || c == '.' || c == '/' || c == '_';
    }

    /**
     * Tokens of a person name (PN value, PS3.5 6.2.1): for every component group ({@code =}) and
     * component ({@code ^}), the whole normalised component and each of its space- or
     * hyphen-separated parts. Tokens must be at least 2 characters long, except tokens written wholly
     * in CJK scripts (Han, kana, Hangul), where one character can be a whole given name. The prefix
     * and suffix components (4th and 5th) and {@link #NAME_AFFIXES affix words} anywhere are skipped;
     * surname particles ({@code VAN}, {@code DE}, ...) are kept only inside their whole component.
     * {@code Doe^John^Q^Dr^Jr=山田^太郎} → {@code DOE, JOHN, 山田, 太郎}.
     */
    public static Set<String> nameTokens(String personName) {
        Objects.requireNonNull(personName, "personName");
        SortedSet<String> out = new TreeSet<>();
        for (String group : personName.split("=", -1)) {
            String[] components = group.split("\\^", -1);
            for (int c = 0; c < components.length && c < 3; c++) {
                String component = components[c];
                addNameToken(out, normalise(component), false);
                String[] parts = component.split("[\\s\\-\u2010-\u2015]+");
                if (parts.length > 1) {
                    for (String part : parts) {
                        addNameToken(out, normalise(part), true);
                    }
                }
            }
        }
        return Collections.unmodifiableSortedSet(out);
    }

    private static void addNameToken(Set<String> out, String token, boolean part) {
        if (token.isEmpty() || NAME_AFFIXES.contains(token) || part && NAME_PARTICLES.contains(token)) {
            return;
        }
        // A name part without any letter (test data such as "10" or "1^2") is no name and would
        // match every number.
        if ((token.length() >= 2 || isCjk(token)) && token.codePoints().anyMatch(Character::isLetter)) {
            out.add(token);
        }
    }

    /**
     * Tokens of an identifier (PatientID, AccessionNumber, ...): the whole normalised value when it
     * has at least 3 characters, and every word of it with at least 4 characters that contains a
     * digit. {@code MR-0012345/7} → {@code MR00123457, 0012345}.
     */
    public static Set<String> idTokens(String id) {
        Objects.requireNonNull(id, "id");
        SortedSet<String> out = new TreeSet<>();
        String whole = normalise(id);
        if (whole.length() >= 3) {
            out.add(whole);
        }
        for (Word w : words(id)) {
            if (w.token().length() >= 4 && hasDigit(w.token())) {
                out.add(w.token());
            }
        }
        return Collections.unmodifiableSortedSet(out);
    }

    /**
     * {@code YYYYMMDD} tokens of a DA, DT or free-text value: every date that
     * {@link PhiPatterns.Kind#DATE} finds, with every reading of an ambiguous spelling. Multiple
     * values ({@code \}) and DA ranges ({@code 20240101-20240131}) give one token per date.
     */
    public static Set<String> dateTokens(String daOrDtOrText) {
        Objects.requireNonNull(daOrDtOrText, "daOrDtOrText");
        SortedSet<String> out = new TreeSet<>();
        for (PhiPatterns.Match m : PhiPatterns.findAll(daOrDtOrText, EnumSet.of(PhiPatterns.Kind.DATE))) {
            out.addAll(m.normalised());
        }
        return Collections.unmodifiableSortedSet(out);
    }

    /**
     * Tokens of other removed text (institution names, addresses, station names): the whole phrase,
     * its words normalised and joined by single spaces (kept when it has at least two words, or one
     * word of at least 3 characters), and each word of at least 4 characters that contains a digit.
     * Plain words alone are not tokens, so that removing {@code St. Mary's Hospital} does not clean
     * {@code HOSPITAL} out of every descriptor. {@code "St. Mary's Hospital, Bldg 12B7"} →
     * {@code ST MARYS HOSPITAL BLDG 12B7, 12B7}.
     */
    public static Set<String> phraseTokens(String value) {
        Objects.requireNonNull(value, "value");
        SortedSet<String> out = new TreeSet<>();
        List<Word> words = words(value);
        if (words.size() >= 2 || words.size() == 1 && words.get(0).token().length() >= 3) {
            out.add(join(words, 0, words.size()));
        }
        for (Word w : words) {
            if (w.token().length() >= 4 && hasDigit(w.token())) {
                out.add(w.token());
            }
        }
        return Collections.unmodifiableSortedSet(out);
    }

    static String join(List<Word> words, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from) {
                sb.append(' ');
            }
            sb.append(words.get(i).token());
        }
        return sb.toString();
    }

    /** True if every code point of the (normalised) token is in a CJK script. */
    static boolean isCjk(String token) {
        if (token.isEmpty()) {
            return false;
        }
        return token.codePoints().allMatch(cp -> CJK.contains(UnicodeScript.of(cp)));
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWordCodePoint(int cp) {
        if (cp < 0x80) {
            return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9';
        }
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static boolean isApostrophe(int cp) {
        return cp == '\'' || cp == '\u2019' || cp == '\u02BC';
    }

    /**
     * The PHI tokens removed from one patient's files: {@code words} (name components, ID parts,
     * single-word phrases), {@code phrases} (multi-word normalised phrases, words joined by one space)
     * and {@code dates} ({@code YYYYMMDD}). Immutable and therefore safe to read from many threads;
     * iteration is in sorted order so that a ledger written from it is deterministic. Build one with
     * {@link #builder()}, whose {@code add...} methods may be called concurrently.
     *
     * @param words normalised single tokens
     * @param phrases normalised phrases of two or more words
     * @param dates dates as {@code YYYYMMDD}
     */
    public record TokenSet(Set<String> words, Set<String> phrases, Set<String> dates) {

        /** No tokens: cleaning with it removes pattern matches only. */
        public static final TokenSet EMPTY = new TokenSet(Set.of(), Set.of(), Set.of());

        public TokenSet {
            words = sortedCopy(words, "words");
            phrases = sortedCopy(phrases, "phrases");
            dates = sortedCopy(dates, "dates");
            for (String p : phrases) {
                if (p.indexOf(' ') < 0) {
                    throw new IllegalArgumentException("a phrase has at least two words: " + p.length() + " chars");
                }
            }
        }

        private static Set<String> sortedCopy(Set<String> in, String name) {
            Objects.requireNonNull(in, name);
            SortedSet<String> copy = new TreeSet<>();
            for (String s : in) {
                if (Objects.requireNonNull(s, name).isEmpty()) {
                    throw new IllegalArgumentException("empty token in " + name);
                }
                copy.add(s);
            }
            return Collections.unmodifiableSortedSet(copy);
        }

        /** A new, empty, thread-safe builder. */
        public static Builder builder() {
            return new Builder();
        }

        /** True if there is nothing to match. */
        public boolean isEmpty() {
            return words.isEmpty() && phrases.isEmpty() && dates.isEmpty();
        }

        /** Number of tokens of all three kinds. */
        public int size() {
            return words.size() + phrases.size() + dates.size();
        }

        /**
         * True if {@link TextCleaner#clean} would remove at least one token of this set from the text
         * (a word, compound, phrase or date); patterns are not considered.
         */
        public boolean matches(String text) {
            return TextCleaner.tokenSpans(text, this, true) > 0;
        }

        /** The largest number of words in one phrase (0 without phrases). */
        int maxPhraseWords() {
            int max = 0;
            for (String p : phrases) {
                int count = 1;
                for (int i = 0; i < p.length(); i++) {
                    if (p.charAt(i) == ' ') {
                        count++;
                    }
                }
                max = Math.max(max, count);
            }
            return max;
        }

        /**
         * Collects tokens while the engine's first pass reads a patient's files. Thread-safe: several
         * files of one patient may be read concurrently.
         */
        public static final class Builder {
            private final Set<String> words = ConcurrentHashMap.newKeySet();
            private final Set<String> phrases = ConcurrentHashMap.newKeySet();
            private final Set<String> dates = ConcurrentHashMap.newKeySet();

            private Builder() {
            }

            /** Adds the {@link PhiTokens#nameTokens name tokens} of a PN value. */
            public Builder addName(String personName) {
                words.addAll(nameTokens(personName));
                return this;
            }

            /** Adds the {@link PhiTokens#idTokens ID tokens} of an identifier. */
            public Builder addId(String id) {
                words.addAll(idTokens(id));
                return this;
            }

            /** Adds the {@link PhiTokens#dateTokens date tokens} of a DA, DT or text value. */
            public Builder addDate(String daOrDtOrText) {
                dates.addAll(dateTokens(daOrDtOrText));
                return this;
            }

            /**
             * Adds the {@link PhiTokens#phraseTokens phrase tokens} of other removed text: multi-word
             * phrases as phrases, single tokens as words.
             */
            public Builder addPhrase(String value) {
                for (String t : phraseTokens(value)) {
                    (t.indexOf(' ') >= 0 ? phrases : words).add(t);
                }
                return this;
            }

            /** Adds already normalised tokens (for example read back from a ledger). */
            public Builder addAll(TokenSet other) {
                words.addAll(other.words());
                phrases.addAll(other.phrases());
                dates.addAll(other.dates());
                return this;
            }

            /** An immutable snapshot of what was added so far. */
            public TokenSet build() {
                return new TokenSet(Set.copyOf(words), Set.copyOf(phrases), Set.copyOf(dates));
            }
        }
    }
}
