package org.dicomtools.deid.profile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.dicomtools.deid.dicom.Tags;
import org.dicomtools.deid.dicom.VR;
import org.dicomtools.deid.dicom.dict.ElementDictionary;

/**
 * Parses the text of one profile file. {@link Profile} loads files, follows {@code extends} and
 * merges them; this class knows the syntax only.
 *
 * <h2>The profile format</h2>
 *
 * <p>UTF-8 text, one directive or rule per line, so that a change to one attribute is a one-line
 * diff. {@code #} starts a comment when it begins the line or follows whitespace (outside a quoted
 * string); blank lines are ignored. Words are separated by spaces or tabs; text with spaces or
 * {@code #} is quoted with {@code "..."}, inside which {@code \"} and {@code \\} stand for a quote
 * and a backslash; any other backslash is itself, so {@code "ORIGINAL\PRIMARY"} needs no escape.
 *
 * <h3>Directives</h3>
 * <dl>
 *   <dt>{@code profile <name>}</dt>
 *   <dd>Required, and the first directive of every file. The name is letters, digits,
 *       {@code . _ -}.</dd>
 *   <dt>{@code description <text>}, {@code standard <text>}</dt>
 *   <dd>Free text for logs and the DeidentificationMethod attribute; {@code standard} names the
 *       edition the profile follows, such as {@code PS3.15 2024b Table E.1-1}.</dd>
 *   <dt>{@code extends <name-or-path>}</dt>
 *   <dd>Start from another profile: a shipped name ({@code basic}, {@code research},
 *       {@code safe-harbor}) or a path relative to this file's folder. Several are allowed; they
 *       load in order, then this file, and a later source overrides an earlier one. A file reached
 *       twice loads once; a cycle is an error.</dd>
 *   <dt>{@code option <option>}, {@code no-option <option>}</dt>
 *   <dd>Enable or disable a PS3.15 option (see {@link Option#keyword()}).</dd>
 *   <dt>{@code set <key> <value...>}</dt>
 *   <dd>A setting for the engine. Keys: {@code uid-root} (a UID prefix),
 *       {@code date-shift-max-days} (a whole number), {@code pseudonym.<Keyword>} (the template of
 *       that attribute's keyed pseudonym: text and {@code {hash:N}}), {@code dummy.<VR>} (the
 *       dummy value of a VR for the D action).</dd>
 * </dl>
 *
 * <h3>Rules</h3>
 * <pre>{@code <selector> <action> [<option>=<action> ...] [when <condition>]}</pre>
 * <p>Selectors, most specific first (the most specific matching rule wins, whatever the order of
 * the lines):
 * <ol>
 *   <li>{@code "<creator>" (GGGG,xxEE)}: one element of a private block, by creator (compared
 *       trimmed, case-sensitively) and odd group;</li>
 *   <li>{@code (GGGG,EEEE)}, optionally followed by its keyword (which must agree), or a keyword
 *       alone: one tag;</li>
 *   <li>{@code "<creator>" (GGGG,xxxx)}: every element of that creator's block in that group;</li>
 *   <li>a mask with {@code x} for wildcard digits, such as {@code (50xx,xxxx)}, {@code (60xx,3000)}
 *       or {@code (0020,31xx)}; more fixed digits win over fewer; a mask with a wildcard in the
 *       group matches even groups only; a keyword of a repeating group (such as
 *       {@code OverlayData}) stands for its mask;</li>
 *   <li>{@code unknown-creator}: private data elements whose creator element is missing or
 *       empty;</li>
 *   <li>{@code private}: every element of an odd group above 0007 except the creators (the private
 *       data elements, element 1000 or above, and the unused elements below 1000), and
 *       {@code private-creator}: every private creator element (odd group, element 0010-00FF);</li>
 *   <li>{@code vr:<VR>}, such as {@code vr:PN}: every element of that VR;</li>
 *   <li>{@code *}: every element.</li>
 * </ol>
 * <p>Between two masks with as many fixed digits that both match, the later rule wins. A later rule
 * with the same selector and the same condition (later in the file, in an extending file, or in the
 * pom) replaces the earlier one.
 *
 * <p>Actions: the PS3.15 codes {@code X Z D K C U}, the choices {@code X/Z X/D Z/D X/Z/D X/Z/U*}
 * (resolved as {@link ActionCode} documents), {@code hash}, {@code shift}, {@code year},
 * {@code cap-age} and {@code replace "<template>"} (see {@link Action} for templates).
 *
 * <p>Per-option actions: {@code StudyDate Z retain-long-full-dates=K retain-long-modified-dates=C}.
 * When an enabled option has an entry, it replaces the base action; when several do, the most
 * protective action wins: X, Z, D, C, U, hash, replace, shift, year, cap-age, K.
 *
 * <p>Conditions: {@code when <test> [and <test> ...]} with tests {@code <attr> = <value>},
 * {@code <attr> != <value>}, {@code <attr> in (<v1>, <v2>, ...)}, {@code <attr> present},
 * {@code <attr> absent}; {@code <attr>} is a keyword or {@code (GGGG,EEEE)}; values are compared
 * trimmed and case-sensitively, and may be quoted. A rule with a condition competes only when the
 * condition holds, and then beats the rule with the same selector and no condition.
 *
 * <h3>Errors</h3>
 * <p>Every problem is a {@link ProfileException} whose message starts with {@code <source>:<line>:}.
 */
final class ProfileParser {
    /** The directive words, for suggestions. */
    private static final List<String> DIRECTIVES =
            List.of("profile", "description", "standard", "extends", "option", "no-option", "set", "mask", "masks");
    /** The lower-case words that start a rule. */
    private static final List<String> SELECTOR_WORDS = List.of("private", "private-creator", "unknown-creator");
    private static final List<String> SETTINGS = List.of("uid-root", "date-shift-max-days");
    private static final String PSEUDONYM_PREFIX = "pseudonym.";
    private static final String DUMMY_PREFIX = "dummy.";
    private static final int MAX_HASH_LENGTH = 32;
    private static final Pattern PROFILE_NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern DAYS = Pattern.compile("[0-9]{1,5}");
    private static final Pattern KEYWORD = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
    private static final Pattern HASH_LENGTH = Pattern.compile("[0-9]{1,2}");

    /** What a file may contain. */
    enum Mode {
        /** A profile file: directives and rules, starting with {@code profile}. */
        FILE,
        /** Pom overrides: rules only. */
        RULES
    }

    /** An {@code extends} directive and where it was written. */
    record Extends(String target, int line) {
    }

    /** An {@code option} or {@code no-option} directive. */
    record Toggle(Option option, boolean enable) {
    }

    /**
     * One parsed file.
     *
     * @param source the source name used in messages and rules
     * @param text the whole text, for the content hash
     * @param name the {@code profile} name, {@code null} in {@link Mode#RULES}
     * @param description the description, empty when absent
     * @param standard the standard text, empty when absent
     * @param parents the {@code extends} directives in order
     * @param toggles the option directives in order
     * @param settings the settings in order, a later line replacing an earlier one
     * @param rules the rules in order
     * @param masks the {@code mask} and {@code masks} directives in order
     */
    record ParsedFile(String source, String text, String name, String description, String standard,
            List<Extends> parents, List<Toggle> toggles, Map<String, String> settings, List<Rule> rules,
            List<MaskLine> masks) {
    }

    private final ElementDictionary dictionary = ElementDictionary.standard();
    private final String source;
    private final Mode mode;

    private ProfileParser(String source, Mode mode) {
        this.source = source;
        this.mode = mode;
    }

    /** Parses a whole profile file. */
    static ParsedFile parseFile(String text, String source) throws ProfileException {
        return new ProfileParser(source, Mode.FILE).parse(text.split("\r\n|\r|\n", -1), text);
    }

    /** Parses pom override lines: rules, comments and blank lines only; line numbers are 1-based list positions. */
    static ParsedFile parseRules(List<String> lines, String source) throws ProfileException {
        return new ProfileParser(source, Mode.RULES).parse(lines.toArray(new String[0]), String.join("\n", lines));
    }

    private ParsedFile parse(String[] lines, String text) throws ProfileException {
        String name = null;
        String description = "";
        String standard = "";
        List<Extends> parents = new ArrayList<>();
        List<Toggle> toggles = new ArrayList<>();
        Map<String, String> settings = new LinkedHashMap<>();
        List<Rule> rules = new ArrayList<>();
        List<MaskLine> masks = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = stripComment(lines[i], lineNo).strip();
            if (line.isEmpty()) {
                continue;
            }
            String word = firstWord(line);
            String rest = line.substring(word.length()).strip();
            boolean directive = DIRECTIVES.contains(word);
            if (mode == Mode.RULES) {
                if (directive) {
                    throw error(lineNo, "only rules are allowed here, not '" + word + "'");
                }
            } else if (name == null && !word.equals("profile")) {
                throw error(lineNo, "a profile must start with 'profile <name>'");
            }
            if (!directive) {
                rules.add(parseRule(line, lineNo));
                continue;
            }
            switch (word) {
                case "profile":
                    if (name != null) {
                        throw error(lineNo, "duplicate 'profile' directive");
                    }
                    name = singleArgument(word, rest, lineNo);
                    if (!PROFILE_NAME.matcher(name).matches()) {
                        throw error(lineNo, "profile name '" + name + "' may contain only letters, digits, '.', '_' and '-'");
                    }
                    break;
                case "description":
                    description = textArgument(word, rest, lineNo);
                    break;
                case "standard":
                    standard = textArgument(word, rest, lineNo);
                    break;
                case "extends":
                    parents.add(new Extends(singleArgument(word, rest, lineNo), lineNo));
                    break;
                case "option":
                case "no-option":
                    toggles.add(new Toggle(option(singleArgument(word, rest, lineNo), lineNo), word.equals("option")));
                    break;
                case "mask":
                    if (rest.isEmpty()) {
                        throw error(lineNo, "'mask' needs a name, conditions and rectangles");
                    }
                    masks.add(new MaskLine(null, rest, source, lineNo));
                    break;
                case "masks":
                    masks.add(new MaskLine(singleArgument(word, rest, lineNo), null, source, lineNo));
                    break;
                default:
                    parseSetting(rest, lineNo, settings);
                    break;
            }
        }
        if (mode == Mode.FILE && name == null) {
            throw error(0, "a profile must start with 'profile <name>'");
        }
        return new ParsedFile(source, text, name, description, standard, List.copyOf(parents), List.copyOf(toggles),
                settings, List.copyOf(rules), List.copyOf(masks));
    }

    private ProfileException error(int line, String reason) {
        return new ProfileException(source, line, reason);
    }

    /** Removes a comment: {@code #} at the start or after whitespace, outside quotes. */
    private String stripComment(String line, int lineNo) throws ProfileException {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (isEscape(line, i)) {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        if (quoted) {
            throw error(lineNo, "unterminated quoted string");
        }
        return line;
    }

    private static String firstWord(String line) {
        int end = 0;
        while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
            end++;
        }
        return line.substring(0, end);
    }

    private String singleArgument(String directive, String rest, int lineNo) throws ProfileException {
        if (rest.isEmpty()) {
            throw error(lineNo, "'" + directive + "' needs an argument");
        }
        Scanner s = new Scanner(rest, lineNo);
        String value = s.peek() == '"' ? s.quoted() : s.word();
        s.skipSpace();
        if (!s.atEnd()) {
            throw error(lineNo, "'" + directive + "' takes one argument; quote it if it contains spaces");
        }
        return value;
    }

    private String textArgument(String directive, String rest, int lineNo) throws ProfileException {
        if (rest.isEmpty()) {
            throw error(lineNo, "'" + directive + "' needs a text");
        }
        if (rest.charAt(0) == '"') {
            Scanner s = new Scanner(rest, lineNo);
            String value = s.quoted();
            s.skipSpace();
            if (s.atEnd()) {
                return value;
            }
        }
        return rest;
    }

    private Option option(String keyword, int lineNo) throws ProfileException {
        Option option = Option.ofKeyword(keyword);
        if (option == null) {
            List<String> names = new ArrayList<>();
            for (Option o : Option.values()) {
                names.add(o.keyword());
            }
            throw error(lineNo, "unknown option '" + keyword + "'" + didYouMean(keyword, names));
        }
        return option;
    }

    private void parseSetting(String rest, int lineNo, Map<String, String> settings) throws ProfileException {
        String key = firstWord(rest);
        if (key.isEmpty()) {
            throw error(lineNo, "'set' needs a key and a value");
        }
        String value = rest.substring(key.length()).strip();
        if (value.isEmpty()) {
            throw error(lineNo, "setting '" + key + "' needs a value");
        }
        if (value.charAt(0) == '"') {
            Scanner s = new Scanner(value, lineNo);
            String unquoted = s.quoted();
            s.skipSpace();
            if (s.atEnd()) {
                value = unquoted;
            }
        }
        if (key.startsWith(PSEUDONYM_PREFIX)) {
            String keyword = key.substring(PSEUDONYM_PREFIX.length());
            ElementDictionary.Entry entry = dictionary.entryOf(keyword);
            if (entry == null || !entry.isExact()) {
                throw error(lineNo, "unknown keyword '" + keyword + "' in setting '" + key + "'" + suggestKeyword(keyword));
            }
            checkTemplate(value, false, lineNo);
        } else if (key.startsWith(DUMMY_PREFIX)) {
            String vr = key.substring(DUMMY_PREFIX.length());
            if (vr(vr) == null) {
                throw error(lineNo, "unknown VR '" + vr + "' in setting '" + key + "'");
            }
        } else if (key.equals("date-shift-max-days")) {
            if (!DAYS.matcher(value).matches()) {
                throw error(lineNo, "setting 'date-shift-max-days' needs a whole number of days, not '" + value + "'");
            }
        } else if (key.equals("uid-root")) {
            if (!Profile.isUidRoot(value)) {
                throw error(lineNo, "setting 'uid-root' needs a UID prefix of at most "
                        + Profile.MAX_UID_ROOT_LENGTH + " characters"
                        + " (digits and dots, PS3.5 9.1), not '" + value + "'");
            }
        } else if (!SETTINGS.contains(key)) {
            List<String> keys = new ArrayList<>(SETTINGS);
            keys.add("pseudonym.<Keyword>");
            keys.add("dummy.<VR>");
            throw error(lineNo, "unknown setting '" + key + "'" + didYouMean(key, keys));
        }
        settings.remove(key);
        settings.put(key, value);
    }

    private static VR vr(String name) {
        if (name.length() != 2) {
            return null;
        }
        try {
            return VR.of(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // ----- rules -----

    private Rule parseRule(String line, int lineNo) throws ProfileException {
        Scanner s = new Scanner(line, lineNo);
        Selector selector = parseSelector(s);
        s.skipSpace();
        if (s.atEnd()) {
            throw error(lineNo, "missing action after selector " + selector);
        }
        Action action = parseAction(s, s.word());
        Map<Option, Action> options = new EnumMap<>(Option.class);
        Condition condition = null;
        while (true) {
            s.skipSpace();
            if (s.atEnd()) {
                break;
            }
            String word = s.word();
            if (word.equals("when")) {
                condition = parseCondition(s);
                break;
            }
            int eq = word.indexOf('=');
            if (eq < 0) {
                throw error(lineNo, "unexpected '" + word + "' after the action (expected <option>=<action> or 'when')");
            }
            Option option = option(word.substring(0, eq), lineNo);
            if (options.containsKey(option)) {
                throw error(lineNo, "option '" + option.keyword() + "' given twice");
            }
            String actionWord = word.substring(eq + 1);
            if (actionWord.isEmpty()) {
                throw error(lineNo, "missing action after '" + word + "'");
            }
            options.put(option, parseAction(s, actionWord));
        }
        return new Rule(selector, action, options, condition, source, lineNo);
    }

    private Selector parseSelector(Scanner s) throws ProfileException {
        char c = s.peek();
        if (c == '(') {
            String tagText = s.parenthesized();
            Selector selector = tagSelector(tagText, s.line);
            int mark = s.pos;
            s.skipSpace();
            if (!s.atEnd() && s.peek() != '"') {
                String word = s.word();
                if (looksLikeKeyword(word)) {
                    checkKeywordAgrees(word, selector, tagText, s.line);
                } else {
                    s.pos = mark;
                }
            }
            return selector;
        }
        if (c == '"') {
            String creator = s.quoted().strip();
            if (creator.isEmpty()) {
                throw error(s.line, "empty private creator");
            }
            s.skipSpace();
            if (s.atEnd() || s.peek() != '(') {
                throw error(s.line, "expected (GGGG,xxEE) or (GGGG,xxxx) after the private creator");
            }
            return creatorSelector(creator, s.parenthesized(), s.line);
        }
        String word = s.word();
        switch (word) {
            case "*":
                return new Selector.Any();
            case "private":
                return new Selector.PrivateData();
            case "private-creator":
                return new Selector.PrivateCreator();
            case "unknown-creator":
                return new Selector.UnknownCreator();
            default:
                break;
        }
        if (word.startsWith("vr:")) {
            VR vr = vr(word.substring(3));
            if (vr == null) {
                throw error(s.line, "unknown VR '" + word.substring(3) + "'");
            }
            return new Selector.ByVr(vr);
        }
        if (!word.isEmpty() && Character.isLowerCase(word.charAt(0))) {
            List<String> words = new ArrayList<>(DIRECTIVES);
            words.addAll(SELECTOR_WORDS);
            throw error(s.line, "unknown directive '" + word + "'" + didYouMean(word, words));
        }
        if (!KEYWORD.matcher(word).matches()) {
            throw error(s.line, "'" + word + "' is not a selector");
        }
        ElementDictionary.Entry entry = dictionary.entryOf(word);
        if (entry == null) {
            throw error(s.line, "unknown keyword '" + word + "'" + suggestKeyword(word));
        }
        return entry.isExact() ? new Selector.ExactTag(entry.tag()) : new Selector.TagMask(entry.tag(), entry.mask());
    }

    private static boolean looksLikeKeyword(String word) {
        return word.length() > 1 && Character.isUpperCase(word.charAt(0)) && KEYWORD.matcher(word).matches()
                && ActionCode.ofToken(word) == null;
    }

    private void checkKeywordAgrees(String keyword, Selector selector, String tagText, int lineNo)
            throws ProfileException {
        ElementDictionary.Entry entry = dictionary.entryOf(keyword);
        if (entry == null) {
            throw error(lineNo, "unknown keyword '" + keyword + "'" + suggestKeyword(keyword));
        }
        Selector ofKeyword = entry.isExact() ? new Selector.ExactTag(entry.tag())
                : new Selector.TagMask(entry.tag(), entry.mask());
        if (!ofKeyword.equals(selector)) {
            throw error(lineNo, "keyword " + keyword + " is " + tagOnly(ofKeyword) + ", not (" + tagText + ")");
        }
    }

    private static String tagOnly(Selector selector) {
        return selector instanceof Selector.ExactTag
                ? Tags.toString(((Selector.ExactTag) selector).tag()) : selector.toString();
    }

    /** Parses {@code GGGG,EEEE} with hex digits or {@code x}: an exact tag or a mask. */
    private Selector tagSelector(String text, int lineNo) throws ProfileException {
        long[] valueMask = hexWithWildcards(text);
        if (valueMask == null) {
            throw error(lineNo, "malformed tag '(" + text + ")': expected (GGGG,EEEE) with hex digits, or x as a wildcard");
        }
        int value = (int) valueMask[0];
        int mask = (int) valueMask[1];
        return mask == 0xFFFFFFFF ? new Selector.ExactTag(value) : new Selector.TagMask(value, mask);
    }

    /** {value, mask} for {@code GGGG,EEEE} with hex digits or x/X, or null when malformed. */
    private static long[] hexWithWildcards(String text) {
        if (text.length() != 9 || text.charAt(4) != ',') {
            return null;
        }
        long value = 0;
        long mask = 0;
        for (int i = 0; i < 9; i++) {
            if (i == 4) {
                continue;
            }
            char c = text.charAt(i);
            value <<= 4;
            mask <<= 4;
            if (c == 'x' || c == 'X') {
                continue;
            }
            int digit = Character.digit(c, 16);
            if (digit < 0) {
                return null;
            }
            value |= digit;
            mask |= 0xF;
        }
        return new long[] {value, mask};
    }

    private Selector creatorSelector(String creator, String text, int lineNo) throws ProfileException {
        long[] valueMask = hexWithWildcards(text);
        boolean element = valueMask != null && (valueMask[1] & 0xFFFFFFFFL) == 0xFFFF00FFL;
        boolean block = valueMask != null && (valueMask[1] & 0xFFFFFFFFL) == 0xFFFF0000L;
        if (!element && !block) {
            throw error(lineNo, "a private creator selector needs (GGGG,xxEE) or (GGGG,xxxx), not (" + text + ")");
        }
        int group = (int) (valueMask[0] >>> 16);
        if ((group & 1) == 0 || group < 0x0009 || group == 0xFFFF) {
            throw error(lineNo, "group " + text.substring(0, 4) + " is not a private group (odd, above 0007)");
        }
        return element ? new Selector.CreatorElement(creator, group, (int) (valueMask[0] & 0xFF))
                : new Selector.CreatorBlock(creator, group);
    }

    private Action parseAction(Scanner s, String word) throws ProfileException {
        ActionCode code = ActionCode.ofToken(word);
        if (code == null) {
            List<String> tokens = new ArrayList<>();
            for (ActionCode c : ActionCode.values()) {
                tokens.add(c.token());
            }
            throw error(s.line, "unknown action '" + word + "'" + didYouMean(word, tokens));
        }
        if (code != ActionCode.REPLACE) {
            return Action.of(code);
        }
        s.skipSpace();
        if (s.atEnd() || s.peek() != '"') {
            throw error(s.line, "'replace' needs a quoted template, such as replace \"ANON-{hash:8}\"");
        }
        String template = s.quoted();
        checkTemplate(template, true, s.line);
        return new Action(ActionCode.REPLACE, template);
    }

    /**
     * Checks a template: literal text, {@code {hash:N}} with 1 <= N <= 32 and, where allowed,
     * {@code {pseudonym:Keyword}}.
     */
    private void checkTemplate(String template, boolean pseudonymAllowed, int lineNo) throws ProfileException {
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '}') {
                throw error(lineNo, "'}' without '{' in template \"" + template + "\"");
            }
            if (c != '{') {
                i++;
                continue;
            }
            int end = template.indexOf('}', i);
            if (end < 0) {
                throw error(lineNo, "unclosed '{' in template \"" + template + "\"");
            }
            String placeholder = template.substring(i + 1, end);
            if (placeholder.startsWith("hash:")) {
                String n = placeholder.substring(5);
                if (!HASH_LENGTH.matcher(n).matches() || Integer.parseInt(n) < 1 || Integer.parseInt(n) > MAX_HASH_LENGTH) {
                    throw error(lineNo, "{" + placeholder + "} needs a length from 1 to " + MAX_HASH_LENGTH);
                }
            } else if (placeholder.startsWith("pseudonym:") && pseudonymAllowed) {
                String keyword = placeholder.substring(10);
                ElementDictionary.Entry entry = dictionary.entryOf(keyword);
                if (entry == null || !entry.isExact()) {
                    throw error(lineNo, "unknown keyword '" + keyword + "' in {" + placeholder + "}" + suggestKeyword(keyword));
                }
            } else {
                throw error(lineNo, "unknown placeholder {" + placeholder + "} in template \"" + template + "\" (expected "
                        + (pseudonymAllowed ? "{hash:N} or {pseudonym:Keyword})" : "{hash:N})"));
            }
            i = end + 1;
        }
    }

    // ----- conditions -----

    private Condition parseCondition(Scanner s) throws ProfileException {
        List<Condition.Test> tests = new ArrayList<>();
        while (true) {
            s.skipSpace();
            if (s.atEnd()) {
                throw error(s.line, tests.isEmpty() ? "'when' needs a condition" : "'and' needs a condition");
            }
            tests.add(parseTest(s));
            s.skipSpace();
            if (s.atEnd()) {
                return new Condition(tests);
            }
            String word = s.word();
            if (!word.equals("and")) {
                throw error(s.line, "expected 'and' or the end of the line, not '" + word + "'");
            }
        }
    }

    private Condition.Test parseTest(Scanner s) throws ProfileException {
        int tag;
        String attribute;
        if (s.peek() == '(') {
            String text = s.parenthesized();
            attribute = "(" + text + ")";
            long[] valueMask = hexWithWildcards(text);
            if (valueMask == null || (int) valueMask[1] != 0xFFFFFFFF) {
                throw error(s.line, "a condition needs a single tag, not " + attribute);
            }
            tag = (int) valueMask[0];
        } else {
            attribute = s.identifier();
            if (attribute.isEmpty()) {
                throw error(s.line, "expected an attribute keyword or (GGGG,EEEE) in the condition");
            }
            ElementDictionary.Entry entry = dictionary.entryOf(attribute);
            if (entry == null) {
                throw error(s.line, "unknown keyword '" + attribute + "'" + suggestKeyword(attribute));
            }
            if (!entry.isExact()) {
                throw error(s.line, "a condition needs a single tag, not " + attribute + " "
                        + new Selector.TagMask(entry.tag(), entry.mask()));
            }
            tag = entry.tag();
        }
        s.skipSpace();
        if (s.atEnd()) {
            throw error(s.line, "expected '=', '!=', 'in', 'present' or 'absent' after " + attribute);
        }
        if (s.peek() == '=' || s.startsWith("!=")) {
            Condition.Operator op = s.peek() == '=' ? Condition.Operator.EQUALS : Condition.Operator.NOT_EQUALS;
            s.pos += op == Condition.Operator.EQUALS ? 1 : 2;
            s.skipSpace();
            if (s.atEnd()) {
                throw error(s.line, "missing value after " + attribute + (op == Condition.Operator.EQUALS ? " =" : " !="));
            }
            String value = s.peek() == '"' ? s.quoted() : s.word();
            return new Condition.Test(tag, op, List.of(value.strip()));
        }
        String word = s.identifier();
        switch (word) {
            case "present":
                return new Condition.Test(tag, Condition.Operator.PRESENT, List.of());
            case "absent":
                return new Condition.Test(tag, Condition.Operator.ABSENT, List.of());
            case "in":
                return new Condition.Test(tag, Condition.Operator.IN, valueList(s, attribute));
            default:
                throw error(s.line, "expected '=', '!=', 'in', 'present' or 'absent' after " + attribute);
        }
    }

    private List<String> valueList(Scanner s, String attribute) throws ProfileException {
        s.skipSpace();
        if (s.atEnd() || s.peek() != '(') {
            throw error(s.line, "'in' needs a list of values in parentheses after " + attribute);
        }
        s.pos++;
        List<String> values = new ArrayList<>();
        while (true) {
            s.skipSpace();
            String value;
            if (!s.atEnd() && s.peek() == '"') {
                value = s.quoted();
            } else {
                int start = s.pos;
                while (!s.atEnd() && s.peek() != ',' && s.peek() != ')') {
                    s.pos++;
                }
                value = s.text.substring(start, s.pos).strip();
                if (value.isEmpty()) {
                    throw error(s.line, s.atEnd() ? "missing ')' after the values of 'in'" : "empty value in the list of 'in'");
                }
            }
            values.add(value.strip());
            s.skipSpace();
            if (s.atEnd()) {
                throw error(s.line, "missing ')' after the values of 'in'");
            }
            char c = s.text.charAt(s.pos++);
            if (c == ')') {
                return values;
            }
            if (c != ',') {
                throw error(s.line, "expected ',' or ')' in the list of 'in', not '" + c + "'");
            }
        }
    }

    // ----- helpers -----

    private String suggestKeyword(String word) {
        List<String> keywords = new ArrayList<>();
        for (ElementDictionary.Entry e : dictionary.entries()) {
            if (!e.keyword().isEmpty()) {
                keywords.add(e.keyword());
            }
        }
        return didYouMean(word, keywords);
    }

    /**
     * A hint such as {@code " (did you mean retain-uids?)"} naming the candidate closest to
     * {@code word} (edit distance, ignoring case), or the empty string when none is close: at most
     * 2 edits, 3 for words of 10 characters or more; no hint for words shorter than 3 characters.
     */
    static String didYouMean(String word, Collection<String> candidates) {
        if (word.length() < 3) {
            return "";
        }
        String lower = word.toLowerCase(Locale.ROOT);
        int limit = word.length() >= 10 ? 3 : 2;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(lower, candidate.toLowerCase(Locale.ROOT), bestDistance);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= limit && !best.equals(word) ? " (did you mean " + best + "?)" : "";
    }

    /** Levenshtein distance, or a value of at least {@code bound} once it cannot be below it. */
    private static int distance(String a, String b, int bound) {
        if (Math.abs(a.length() - b.length()) >= bound) {
            return bound;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin >= bound) {
                return bound;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** True when {@code text[i]} is a backslash that escapes a quote or a backslash; any other backslash is literal. */
    private static boolean isEscape(String text, int i) {
        return text.charAt(i) == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == '"' || text.charAt(i + 1) == '\\');
    }

    /** Quotes text for a profile file: {@code "..."} with {@code \"} and {@code \\} escaped. */
    static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** A cursor over one line (comment already removed). */
    private final class Scanner {
        final String text;
        final int line;
        int pos;

        Scanner(String text, int line) {
            this.text = text;
            this.line = line;
        }

        boolean atEnd() {
            return pos >= text.length();
        }

        char peek() {
            return text.charAt(pos);
        }

        boolean startsWith(String prefix) {
            return text.startsWith(prefix, pos);
        }

        void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        /** Characters up to the next whitespace. */
        String word() {
            int start = pos;
            while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            return text.substring(start, pos);
        }

        /** Letters and digits. */
        String identifier() {
            int start = pos;
            while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) {
                pos++;
            }
            return text.substring(start, pos);
        }

        /** A {@code "..."} string at the cursor, unescaped. */
        String quoted() throws ProfileException {
            StringBuilder sb = new StringBuilder();
            pos++;
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c == '"') {
                    return sb.toString();
                }
                if (isEscape(text, pos - 1)) {
                    c = text.charAt(pos++);
                }
                sb.append(c);
            }
            throw error(line, "unterminated quoted string");
        }

        /** The text between {@code (} at the cursor and the next {@code )}, without them. */
        String parenthesized() throws ProfileException {
            int end = text.indexOf(')', pos);
            if (end < 0) {
                throw error(line, "missing ')' after '" + text.substring(pos) + "'");
            }
            String inner = text.substring(pos + 1, end);
            pos = end + 1;
            return inner;
        }
    }
}
