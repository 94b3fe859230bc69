package org.dicomtools.deid.profile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.dicomtools.deid.dicom.VR;

/**
 * A de-identification profile: rules that map each element of a dataset to an action, the PS3.15
 * options enabled, and settings for the engine. The file format is described in
 * {@code profiles/README.md} and in {@link ProfileParser}.
 *
 * <p>A profile is loaded from a shipped name ({@link #builtin}), a file ({@link #load}) or text
 * ({@link #parse}); {@code extends} directives are followed depth first, each source once, and the
 * sources are merged in load order (an extended profile before the one that extends it), a later
 * rule with the same selector and condition replacing an earlier one. {@link #withOptions} and
 * {@link #withRules} then apply the pom's configuration.
 *
 * <p>Instances are immutable and safe to share between threads. All the work is done when the
 * profile is built; {@link #decide} only looks up precomputed decisions.
 */
public final class Profile {
    /** The profiles shipped in the plugin, loadable by name. */
    public static final List<String> BUILTIN_NAMES = List.of("basic", "research", "safe-harbor");

    private static final String BUILTIN_PREFIX = "builtin:";
    /** Longest {@code uid-root}: it leaves at least 31 digits (about 103 bits) of a 64-character UID to the keyed part. */
    public static final int MAX_UID_ROOT_LENGTH = 32;
    private static final Pattern UID_ROOT = Pattern.compile("(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*");

    /** True for a valid {@code uid-root}: UID components (PS3.5 9.1), at most {@value #MAX_UID_ROOT_LENGTH} characters. */
    public static boolean isUidRoot(String root) {
        return root.length() <= MAX_UID_ROOT_LENGTH && UID_ROOT.matcher(root).matches();
    }

    private final String name;
    private final String description;
    private final String standard;
    private final Set<Option> options;
    private final Map<String, String> settings;
    private final List<Rule> rules;
    private final List<String> sources;
    private final List<String> hashInputs;
    private final String contentHash;
    private final RuleIndex index;
    private final List<SafePrivate> safePrivate;
    private final List<MaskLine> masks;

    private Profile(String name, String description, String standard, Set<Option> options,
            Map<String, String> settings, List<Rule> rules, List<String> sources, List<String> hashInputs,
            List<MaskLine> masks) {
        this.masks = List.copyOf(masks);
        this.name = name;
        this.description = description;
        this.standard = standard;
        EnumSet<Option> enabled = EnumSet.noneOf(Option.class);
        enabled.addAll(options);
        this.options = Collections.unmodifiableSet(enabled);
        this.settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        this.rules = List.copyOf(rules);
        this.sources = List.copyOf(sources);
        this.hashInputs = List.copyOf(hashInputs);
        this.contentHash = sha256(this.hashInputs);
        this.index = new RuleIndex(this.rules, this.options);
        this.safePrivate = safePrivate(this.rules, this.options);
    }

    // ----- loading -----

    /**
     * Loads a shipped profile: {@code basic}, {@code research} or {@code safe-harbor}.
     *
     * @throws ProfileException if the name is not one of them
     */
    public static Profile builtin(String name) throws ProfileException {
        if (!BUILTIN_NAMES.contains(name)) {
            throw new ProfileException(name, 0, "unknown shipped profile '" + name + "'"
                    + ProfileParser.didYouMean(name, BUILTIN_NAMES) + "; shipped: " + String.join(", ", BUILTIN_NAMES));
        }
        return new Loader(null).load(Origin.builtin(name));
    }

    /**
     * Loads a shipped profile when {@code nameOrPath} is one of {@link #BUILTIN_NAMES}, else the
     * file {@code nameOrPath} resolved against {@code baseDir} (typically the project's base
     * directory). Sources inside {@code baseDir} are named relative to it in messages, rules and
     * {@link #sources()}; others by their absolute path.
     *
     * @throws ProfileException if the file is missing or unreadable, or any loaded source is wrong
     */
    public static Profile load(String nameOrPath, Path baseDir) throws ProfileException {
        Objects.requireNonNull(baseDir, "baseDir");
        if (BUILTIN_NAMES.contains(nameOrPath)) {
            return builtin(nameOrPath);
        }
        Path file = baseDir.resolve(nameOrPath).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new ProfileException(nameOrPath, 0, "no such profile file (" + file + ") and not a shipped profile ("
                    + String.join(", ", BUILTIN_NAMES) + ")" + ProfileParser.didYouMean(nameOrPath, BUILTIN_NAMES));
        }
        Loader loader = new Loader(baseDir.toAbsolutePath().normalize());
        return loader.load(loader.file(file));
    }

    /**
     * Parses profile text. Its {@code extends} directives may name shipped profiles only.
     *
     * @param sourceName the name used in messages and in {@link Rule#source()}
     */
    public static Profile parse(String text, String sourceName) throws ProfileException {
        return new Loader(null).load(Origin.text(text, sourceName));
    }

    /**
     * This profile with more options enabled (the pom's {@code deid.options}). Options already
     * enabled change nothing; the content hash covers the options actually added.
     */
    public Profile withOptions(Collection<Option> add) {
        EnumSet<Option> added = EnumSet.noneOf(Option.class);
        for (Option o : add) {
            if (!options.contains(Objects.requireNonNull(o, "option"))) {
                added.add(o);
            }
        }
        if (added.isEmpty()) {
            return this;
        }
        EnumSet<Option> all = EnumSet.copyOf(added);
        all.addAll(options);
        List<String> keywords = new ArrayList<>();
        added.forEach(o -> keywords.add(o.keyword()));
        List<String> inputs = new ArrayList<>(hashInputs);
        inputs.add("options\n" + String.join("\n", keywords));
        return new Profile(name, description, standard, all, settings, rules, sources, inputs, masks);
    }

    /**
     * This profile with rules added after all its sources (the pom's overrides): each line is a rule
     * (or a comment, or blank) in the file syntax, and replaces the profile's rule with the same
     * selector and condition. Errors name {@code sourceName} and the 1-based position in the list.
     *
     * @throws ProfileException if a line is not a rule
     */
    public Profile withRules(List<String> lines, String sourceName) throws ProfileException {
        if (lines.isEmpty()) {
            return this;
        }
        ProfileParser.ParsedFile parsed = ProfileParser.parseRules(lines, sourceName);
        LinkedHashMap<RuleKey, Rule> merged = new LinkedHashMap<>();
        merge(merged, rules);
        merge(merged, parsed.rules());
        List<String> allSources = new ArrayList<>(sources);
        allSources.add(sourceName);
        List<String> inputs = new ArrayList<>(hashInputs);
        inputs.add("rules\n" + parsed.text());
        return new Profile(name, description, standard, options, settings, new ArrayList<>(merged.values()), allSources,
                inputs, masks);
    }

    /** Identity of a rule for replacement: same selector, same condition. */
    private record RuleKey(Selector selector, Condition condition) {
    }

    private static void merge(LinkedHashMap<RuleKey, Rule> merged, List<Rule> later) {
        for (Rule r : later) {
            RuleKey key = new RuleKey(r.selector(), r.condition());
            merged.remove(key);
            merged.put(key, r);
        }
    }

    private static Profile assemble(List<ProfileParser.ParsedFile> files) {
        ProfileParser.ParsedFile top = files.get(files.size() - 1);
        EnumSet<Option> options = EnumSet.noneOf(Option.class);
        Map<String, String> settings = new LinkedHashMap<>();
        LinkedHashMap<RuleKey, Rule> rules = new LinkedHashMap<>();
        List<String> sources = new ArrayList<>();
        List<String> inputs = new ArrayList<>();
        List<MaskLine> masks = new ArrayList<>();
        for (ProfileParser.ParsedFile f : files) {
            masks.addAll(f.masks());
            for (ProfileParser.Toggle t : f.toggles()) {
                if (t.enable()) {
                    options.add(t.option());
                } else {
                    options.remove(t.option());
                }
            }
            f.settings().forEach((k, v) -> {
                settings.remove(k);
                settings.put(k, v);
            });
            merge(rules, f.rules());
            sources.add(f.source());
            inputs.add("source\n" + f.text());
        }
        return new Profile(top.name(), top.description(), top.standard(), options, settings,
                new ArrayList<>(rules.values()), sources, inputs, masks);
    }

    /** Where a source comes from. */
    private record Origin(String key, String display, String builtinName, Path file, String text) {
        static Origin builtin(String name) {
            return new Origin(BUILTIN_PREFIX + name, BUILTIN_PREFIX + name, name, null, null);
        }

        static Origin text(String text, String sourceName) {
            return new Origin("text:" + sourceName, sourceName, null, null, text);
        }
    }

    /** Follows {@code extends} depth first, each source once, and detects cycles. */
    private static final class Loader {
        private final Path baseDir;
        private final List<ProfileParser.ParsedFile> order = new ArrayList<>();
        private final Set<String> loaded = new HashSet<>();
        private final Deque<Origin> stack = new ArrayDeque<>();

        Loader(Path baseDir) {
            this.baseDir = baseDir;
        }

        Profile load(Origin origin) throws ProfileException {
            visit(origin, null, 0);
            return assemble(order);
        }

        Origin file(Path absolute) {
            String display = absolute.toString();
            if (baseDir != null && absolute.startsWith(baseDir)) {
                display = baseDir.relativize(absolute).toString().replace('\\', '/');
            }
            return new Origin(absolute.toString(), display, null, absolute, null);
        }

        private void visit(Origin origin, String fromSource, int fromLine) throws ProfileException {
            if (stack.stream().anyMatch(o -> o.key().equals(origin.key()))) {
                List<String> chain = new ArrayList<>();
                boolean inCycle = false;
                for (Iterator<Origin> it = stack.descendingIterator(); it.hasNext();) {
                    Origin o = it.next();
                    inCycle |= o.key().equals(origin.key());
                    if (inCycle) {
                        chain.add(o.display());
                    }
                }
                chain.add(origin.display());
                throw new ProfileException(fromSource, fromLine, "extends cycle: " + String.join(" -> ", chain));
            }
            if (!loaded.add(origin.key())) {
                return;
            }
            ProfileParser.ParsedFile parsed = ProfileParser.parseFile(read(origin, fromSource, fromLine), origin.display());
            stack.push(origin);
            for (ProfileParser.Extends parent : parsed.parents()) {
                visit(resolve(origin, parent), origin.display(), parent.line());
            }
            stack.pop();
            order.add(parsed);
        }

        private Origin resolve(Origin from, ProfileParser.Extends parent) throws ProfileException {
            String target = parent.target();
            if (BUILTIN_NAMES.contains(target)) {
                return Origin.builtin(target);
            }
            if (from.file() == null) {
                throw new ProfileException(from.display(), parent.line(), "unknown profile '" + target + "'"
                        + ProfileParser.didYouMean(target, BUILTIN_NAMES) + "; here only shipped profiles ("
                        + String.join(", ", BUILTIN_NAMES) + ") can be extended");
            }
            Path file = from.file().getParent().resolve(target).normalize();
            if (!Files.isRegularFile(file)) {
                throw new ProfileException(from.display(), parent.line(), "cannot find profile '" + target + "' ("
                        + file + ")" + ProfileParser.didYouMean(target, BUILTIN_NAMES));
            }
            return file(file);
        }

        private static String read(Origin origin, String fromSource, int fromLine) throws ProfileException {
            if (origin.text() != null) {
                return origin.text();
            }
            if (origin.builtinName() != null) {
                try (InputStream in = Profile.class.getResourceAsStream("builtin/" + origin.builtinName() + ".profile")) {
                    if (in == null) {
                        throw new ProfileException(origin.display(), 0, "shipped profile missing from the plugin");
                    }
                    return decode(in.readAllBytes());
                } catch (IOException e) {
                    throw new ProfileException(origin.display(), 0, "cannot read: " + e.getMessage(), e);
                }
            }
            try {
                return decode(Files.readAllBytes(origin.file()));
            } catch (CharacterCodingException e) {
                throw new ProfileException(origin.display(), 0, "not UTF-8 text", e);
            } catch (IOException e) {
                throw new ProfileException(fromSource == null ? origin.display() : fromSource, fromLine,
                        "cannot read " + origin.file() + ": " + e, e);
            }
        }

        private static String decode(byte[] bytes) throws CharacterCodingException {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        }
    }

    private static String sha256(List<String> inputs) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        for (String input : inputs) {
            byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
            digest.update((bytes.length + "\n").getBytes(StandardCharsets.US_ASCII));
            digest.update(bytes);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static List<SafePrivate> safePrivate(List<Rule> rules, Set<Option> options) {
        List<SafePrivate> list = new ArrayList<>();
        for (Rule r : rules) {
            if (Decision.of(r, options).action().code() != ActionCode.K) {
                continue;
            }
            if (r.selector() instanceof Selector.CreatorElement) {
                Selector.CreatorElement ce = (Selector.CreatorElement) r.selector();
                list.add(new SafePrivate(ce.creator(), ce.group(), ce.offset(), r));
            } else if (r.selector() instanceof Selector.CreatorBlock) {
                Selector.CreatorBlock cb = (Selector.CreatorBlock) r.selector();
                list.add(new SafePrivate(cb.creator(), cb.group(), -1, r));
            }
        }
        return List.copyOf(list);
    }

    // ----- accessors -----

    /** The name of the profile ({@code profile} directive of the file loaded, not of those it extends). */
    public String name() {
        return name;
    }

    /** The description of the file loaded, empty when it has none. */
    public String description() {
        return description;
    }

    /** The {@code standard} text of the file loaded, empty when it has none. */
    public String standard() {
        return standard;
    }

    /** The enabled options, in {@link Option} order. */
    public Set<Option> options() {
        return options;
    }

    /**
     * SHA-256 (lower-case hex) over every source text in load order, then the options and rules added
     * by {@link #withOptions} and {@link #withRules}. File paths do not enter it: the same content
     * gives the same hash on any machine.
     */
    public String contentHash() {
        return contentHash;
    }

    /**
     * The sources in load order: {@code builtin:<name>} for shipped profiles, a path for files
     * (relative to the base directory when inside it), the source name given to {@link #parse} or
     * {@link #withRules}.
     */
    public List<String> sources() {
        return sources;
    }

    /**
     * The {@code mask} rules and {@code masks} libraries of every source, extended profiles first, in
     * line order. The engine parses them (burned-in text masks, {@code org.dicomtools.deid.pixel}).
     */
    public List<MaskLine> masks() {
        return masks;
    }

    /** The settings, in the order of their first definition; a later source's value replaces an earlier one. */
    public Map<String, String> settings() {
        return settings;
    }

    /** The rules in effect after merging, in load order; replaced rules are not included. */
    public List<Rule> rules() {
        return rules;
    }

    /**
     * Decides the action for one element. The most specific rule that selects the element wins
     * (creator element, exact tag, creator block, masks by fixed digits, unknown creator, private
     * or private creator, VR, {@code *}); a rule with a condition takes part only when the condition
     * holds, and beats the rule of the same selector without one. The action is the rule's base
     * action unless an enabled option has an entry in the rule (the most protective such entry
     * then). Compound PS3.15 codes come resolved.
     *
     * <p>Cost: a few hash lookups, no allocation, no regular expression; conditions, where rules
     * have them, call {@code lookup} once per test (see {@link RuleIndex}).
     *
     * @param tag the element's tag
     * @param vr the element's VR as read, or {@code null} when unknown (VR rules then do not apply)
     * @param privateCreator for a private data element, the value of its creator element, else
     *     {@code null}
     * @param creatorMissing true for a private data element whose creator element is absent or
     *     empty; a {@code null} or blank {@code privateCreator} counts as missing too
     * @param lookup other attributes of the dataset, for conditions; {@code null} means none is
     *     present
     * @return the decision; {@link Decision#UNSELECTED} (K, no rule) when no rule selects the element
     */
    public Decision decide(int tag, VR vr, String privateCreator, boolean creatorMissing, AttributeLookup lookup) {
        return index.decide(tag, vr, privateCreator, creatorMissing, lookup);
    }

    /**
     * Every creator rule (one element or a whole block) whose action, with the enabled options, is
     * K: the private elements this profile keeps, for the verify goal.
     */
    public List<SafePrivate> safePrivate() {
        return safePrivate;
    }

    /** The name and enabled options, such as {@code research [retain-safe-private, ...]}. */
    @Override
    public String toString() {
        List<String> keywords = new ArrayList<>();
        options.forEach(o -> keywords.add(o.keyword()));
        return name + " " + keywords;
    }
}
