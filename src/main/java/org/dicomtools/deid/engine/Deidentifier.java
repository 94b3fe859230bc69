package org.dicomtools.deid.engine;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import org.dicomtools.deid.dicom.Dataset;
import org.dicomtools.deid.dicom.Implementation;
import org.dicomtools.deid.dicom.DicomElement;
import org.dicomtools.deid.dicom.Sequence;
import org.dicomtools.deid.dicom.Tags;
import org.dicomtools.deid.dicom.VR;
import org.dicomtools.deid.dicom.dict.ElementDictionary;
import org.dicomtools.deid.dicom.dict.Tag;
import org.dicomtools.deid.profile.Action;
import org.dicomtools.deid.profile.ActionCode;
import org.dicomtools.deid.profile.AttributeLookup;
import org.dicomtools.deid.profile.Decision;
import org.dicomtools.deid.profile.Option;
import org.dicomtools.deid.profile.Profile;
import org.dicomtools.deid.profile.Selector;

/**
 * Applies a profile to one dataset, in place, at every depth (PS3.15 E.1).
 *
 * <p>Actions: X removes; Z empties (a sequence loses its items); D writes a keyed dummy (see
 * {@link Dummies}; UIDs are mapped, identifiers get their pseudonym, sequences are kept and their
 * items processed); K keeps (sequence items are processed); C cleans free text ({@link TextCleaner})
 * and shifts dates; U maps UIDs to {@code 2.25.} UIDs; {@code hash} writes the keyed pseudonym;
 * {@code replace} a template; {@code shift} the patient's date offset; {@code year} and
 * {@code cap-age} the Safe Harbor reductions. Conditions of rules see the original values.
 *
 * <p>Beyond the profile: private elements whose creator is missing are always removed; private
 * creator elements are removed when their block is empty; group lengths are dropped (the writer
 * would recompute them); a UI element that no rule names and whose value is not a registry UID is
 * mapped unless its keyword names a class, syntax or scheme; and every kept text value is checked
 * against the patient's PHI tokens (defence in depth): a hit is cleaned and recorded.
 */
public final class Deidentifier {
    private static final Set<PhiPatterns.Kind> CLEAN_KINDS = EnumSet.of(PhiPatterns.Kind.DATE,
            PhiPatterns.Kind.PHONE, PhiPatterns.Kind.EMAIL, PhiPatterns.Kind.SSN, PhiPatterns.Kind.ID_NUMBER,
            PhiPatterns.Kind.STREET_ADDRESS, PhiPatterns.Kind.POSTCODE, PhiPatterns.Kind.URL,
            PhiPatterns.Kind.IP_ADDRESS, PhiPatterns.Kind.PERSON_NAME);
    private static final Set<PhiPatterns.Kind> NO_KINDS = EnumSet.noneOf(PhiPatterns.Kind.class);
    /** Attributes of coded entries (PS3.3 8.8): vocabulary, kept inside dummied or cleaned content. */
    private static final Set<Integer> CODE_ATTRIBUTES = Set.of(Tag.CodeValue, Tag.CodingSchemeDesignator,
            Tag.CodingSchemeVersion, Tag.CodeMeaning, Tag.LongCodeValue, Tag.URNCodeValue, Tag.ContextIdentifier,
            Tag.ContextUID, Tag.MappingResource, Tag.MappingResourceUID, Tag.ContextGroupVersion,
            Tag.ContextGroupLocalVersion, Tag.ContextGroupExtensionCreatorUID);

    private final Profile profile;
    private final Pseudonymizer keys;
    private final Dummies dummies;
    private final ElementDictionary dictionary = ElementDictionary.standard();
    private final int maxShiftDays;

    public Deidentifier(Profile profile, Pseudonymizer keys) {
        this.profile = profile;
        this.keys = keys;
        this.dummies = new Dummies(keys);
        String max = profile.settings().get("date-shift-max-days");
        this.maxShiftDays = max == null ? 365 : Integer.parseInt(max.trim());
    }

    public Profile profile() {
        return profile;
    }

    /**
     * The key that groups files into patients: issuer and Patient ID, or when the ID is empty the
     * name and birth date, or as a last resort the study (each study then stands for its own
     * patient).
     */
    public static String patientKey(Dataset ds) {
        String id = value(ds, Tag.PatientID);
        if (!id.isEmpty()) {
            return "id\0" + value(ds, Tag.IssuerOfPatientID) + "\0" + id;
        }
        String name = value(ds, Tag.PatientName);
        if (!name.isEmpty()) {
            return "name\0" + name + "\0" + value(ds, Tag.PatientBirthDate);
        }
        return "study\0" + value(ds, Tag.StudyInstanceUID);
    }

    private static String value(Dataset ds, int tag) {
        String s = String.join("\\", ds.getStrings(tag));
        return s.trim();
    }

    /** The date offset of a patient, as this profile's settings bound it. */
    public int shiftDays(String patientKey) {
        return keys.dateShiftDays(patientKey, maxShiftDays);
    }

    /**
     * Collects into {@code record} the PHI tokens of every value the profile would remove or
     * change, without changing the dataset (the batch runner's first pass).
     */
    public void survey(Dataset ds, FileRecord record) {
        new Walk(ds, null, record, true).run();
    }

    /**
     * De-identifies {@code ds} in place. {@code patientTokens} are the PHI tokens of every file of
     * the patient (from a survey of the whole input; may be null), this file's own are added.
     * {@code knownPhi} tells whether a normalised token is an original PHI token of any patient of
     * the run (keyed fingerprints; may be null): kept values that contain one are cleaned, with the
     * same tokenising verify uses ({@link TokenHits}).
     */
    public void apply(Dataset ds, PhiTokens.TokenSet patientTokens, Predicate<String> knownPhi, FileRecord record) {
        FileRecord own = new FileRecord(false);
        survey(ds, own);
        PhiTokens.TokenSet tokens = FileRecord.tokens(patientTokens, List.of(own));
        record.nameTokens().addAll(own.nameTokens());
        record.idTokens().addAll(own.idTokens());
        record.dateTokens().addAll(own.dateTokens());
        record.phraseTokens().addAll(own.phraseTokens());
        String key = patientKey(ds);
        new Walk(ds, new Context(key, shiftDays(key), tokens, knownPhi == null ? t -> false : knownPhi), record,
                false).run();
        addMarkers(ds, record);
    }

    private record Context(String patientKey, int shiftDays, PhiTokens.TokenSet tokens, Predicate<String> knownPhi) {
    }

    /**
     * How the items of a sequence are treated beyond their own rules. D on a sequence (Content
     * Sequence, Graphic Annotation Sequence, person and institution code sequences...) means its
     * content is replaced by dummies: every free-text value without a rule of its own gets a dummy.
     * C means its content is cleaned: free text cleaned, names dummied, dates shifted. Nested code
     * sequences (concept names, units) are vocabulary and are kept.
     */
    private enum Mode {
        NORMAL, DUMMY, CLEAN
    }

    // ------------------------------------------------------------------ markers

    private void addMarkers(Dataset ds, FileRecord record) {
        ds.setString(Tag.PatientIdentityRemoved, VR.CS, "YES");
        List<String> method = new ArrayList<>();
        method.add("deid-maven-plugin " + Implementation.PLUGIN_VERSION);
        method.add("profile " + profile.name() + " " + profile.contentHash().substring(0, 12));
        if (!profile.standard().isEmpty()) {
            method.add(limit(profile.standard(), 64));
        }
        for (Option o : profile.options()) {
            method.add(limit("option " + o.keyword(), 64));
        }
        ds.setString(Tag.DeidentificationMethod, VR.LO, method.toArray(String[]::new));
        Sequence codes = ds.newSequence(Tag.DeidentificationMethodCodeSequence);
        addCode(codes, Option.BASIC_PROFILE_CODE_VALUE, Option.BASIC_PROFILE_CODE_MEANING);
        for (Option o : profile.options()) {
            addCode(codes, o.codeValue(), o.codeMeaning());
        }
        String longitudinal;
        if (profile.options().contains(Option.RETAIN_LONG_FULL_DATES)) {
            longitudinal = "UNMODIFIED";
        } else if (record.datesWereShifted() || profile.options().contains(Option.RETAIN_LONG_MODIFIED_DATES)) {
            longitudinal = "MODIFIED";
        } else {
            longitudinal = "REMOVED";
        }
        ds.setString(Tag.LongitudinalTemporalInformationModified, VR.CS, longitudinal);
    }

    private static void addCode(Sequence codes, String value, String meaning) {
        Dataset item = codes.addItem();
        item.setString(Tag.CodeValue, VR.SH, value);
        item.setString(Tag.CodingSchemeDesignator, VR.SH, "DCM");
        item.setString(Tag.CodeMeaning, VR.LO, meaning);
    }

    private static String limit(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    // ------------------------------------------------------------------ the walk

    /** One pass over a dataset tree: survey (collect tokens only) or apply (change values). */
    private final class Walk {
        private final Dataset root;
        private final Context ctx;
        private final FileRecord record;
        private final boolean survey;

        Walk(Dataset root, Context ctx, FileRecord record, boolean survey) {
            this.root = root;
            this.ctx = ctx;
            this.record = record;
            this.survey = survey;
        }

        void run() {
            dataset(root, null, "", Mode.NORMAL);
        }

        /** Original values of a dataset and its ancestors, for rule conditions. */
        private final class Frame implements AttributeLookup {
            final Dataset ds;
            final List<DicomElement> original;
            final Frame parent;

            Frame(Dataset ds, Frame parent) {
                this.ds = ds;
                this.original = ds.elements();
                this.parent = parent;
            }

            @Override
            public String value(int tag) {
                for (Frame f = this; f != null; f = f.parent) {
                    DicomElement e = find(f.original, tag);
                    if (e != null) {
                        return String.join("\\", f.ds.strings(e));
                    }
                }
                return null;
            }

            private DicomElement find(List<DicomElement> list, int tag) {
                int lo = 0;
                int hi = list.size() - 1;
                while (lo <= hi) {
                    int mid = (lo + hi) >>> 1;
                    int c = Integer.compareUnsigned(list.get(mid).tag(), tag);
                    if (c < 0) {
                        lo = mid + 1;
                    } else if (c > 0) {
                        hi = mid - 1;
                    } else {
                        return list.get(mid);
                    }
                }
                return null;
            }
        }

        private void dataset(Dataset ds, Frame parent, String path, Mode mode) {
            Frame frame = new Frame(ds, parent);
            for (DicomElement e : frame.original) {
                int tag = e.tag();
                if (Tags.isGroupLength(tag)) {
                    if (!survey) {
                        ds.remove(tag);
                    }
                    continue;
                }
                if (Tags.isPrivateCreator(tag)) {
                    continue;
                }
                String elementPath = path.isEmpty() ? Tags.toString(tag) : path + "/" + Tags.toString(tag);
                String creator = null;
                boolean creatorMissing = false;
                if (Tags.isPrivate(tag)) {
                    creator = ds.privateCreatorOf(tag);
                    creatorMissing = creator == null;
                }
                VR vr = e.isSequence() ? VR.SQ : Dataset.effectiveVR(e);
                Decision decision = profile.decide(tag, vr, creator, creatorMissing, frame);
                Action action = decision == null ? Action.of(ActionCode.K) : decision.action();
                if (mode != Mode.NORMAL && action.code() == ActionCode.K && !namesTheElement(decision)) {
                    action = modeAction(mode, tag, vr, e);
                }
                if (creatorMissing || (Tags.isPrivate(tag) && !Tags.isPrivateData(tag))) {
                    // PS3.15 E.3.10: private elements without a creator cannot be safe; always removed.
                    action = Action.of(ActionCode.X);
                } else if (e.vr() == VR.UN && !e.isSequence() && dictionary.vrOf(tag) == VR.SQ) {
                    // A sequence attribute whose value is not a sequence cannot be interpreted, so
                    // nothing can be checked in it: removed rather than passed on.
                    action = Action.of(ActionCode.X);
                }
                if (record.isDryRun() && !survey) {
                    record.dryRun(dryRunLine(elementPath, tag, vr, creator, action, decision));
                }
                apply(ds, frame, e, vr, action, decision, elementPath, mode);
            }
            if (!survey) {
                removeEmptyPrivateBlocks(ds);
            }
        }

        private String dryRunLine(String path, int tag, VR vr, String creator, Action action, Decision decision) {
            String keyword = creator != null ? "[" + creator + "]" : dictionary.keywordOf(tag);
            String rule = decision == null || decision.rule() == null ? "default: keep"
                    : decision.rule().source() + ":" + decision.rule().line() + " " + decision.declared();
            return path + " " + keyword + " " + vr + " -> " + action + " (" + rule + ")";
        }

        /** The action a default-kept element takes inside a dummied or cleaned sequence. */
        private Action modeAction(Mode mode, int tag, VR vr, DicomElement e) {
            if (e.isSequence() || CODE_ATTRIBUTES.contains(tag) || !isFreeTextVR(vr) && vr != VR.DA && vr != VR.DT) {
                return Action.of(ActionCode.K);
            }
            if (mode == Mode.DUMMY || vr == VR.PN) {
                return Action.of(ActionCode.D);
            }
            return Action.of(vr == VR.DA || vr == VR.DT ? ActionCode.SHIFT : ActionCode.C);
        }

        private void apply(Dataset ds, Frame frame, DicomElement e, VR vr, Action action, Decision decision,
                String path, Mode mode) {
            ActionCode code = action.code();
            int tag = e.tag();
            if (e.isSequence()) {
                sequence(ds, frame, e, code, path, mode);
                return;
            }
            if (!survey) {
                record.count(code.token());
            }
            switch (code) {
                case X -> {
                    collect(e, ds, vr);
                    if (!survey) {
                        ds.remove(tag);
                    }
                }
                case Z -> {
                    collect(e, ds, vr);
                    if (!survey) {
                        ds.set(DicomElement.of(tag, writeVR(e, vr), new byte[0]));
                    }
                }
                case K -> keep(ds, e, vr, path, decision);
                case D -> replaceValues(ds, e, vr, path, v -> dummyOrPseudonym(tag, vr, v));
                case HASH -> replaceValues(ds, e, vr, path, v -> pseudonym(tag, vr, v));
                case REPLACE -> replaceValues(ds, e, vr, path, v -> fit(vr, Templates.expand(action.template(), v,
                        dictionary.keywordOf(tag), keys, frame, this::pseudonymOf)));
                case U -> uids(ds, e, vr);
                case C -> clean(ds, e, vr, path);
                case SHIFT -> dates(ds, e, vr, false);
                case YEAR -> year(ds, e, vr);
                case CAP_AGE -> capAge(ds, e, vr, frame);
                default -> throw new IllegalStateException("unresolved action " + code);
            }
        }

        private void sequence(Dataset ds, Frame frame, DicomElement e, ActionCode code, String path, Mode mode) {
            if (!survey) {
                record.count(code.token());
            }
            switch (code) {
                case X -> {
                    surveyItems(e, frame, path);
                    if (!survey) {
                        ds.remove(e.tag());
                    }
                }
                case Z -> {
                    surveyItems(e, frame, path);
                    if (!survey) {
                        ds.set(DicomElement.of(e.tag(), e.vr(), new Sequence(ds), e.undefinedLength()));
                    }
                }
                default -> {
                    Mode inner = code == ActionCode.D ? Mode.DUMMY : code == ActionCode.C ? Mode.CLEAN
                            : dictionary.keywordOf(e.tag()).endsWith("CodeSequence") ? Mode.NORMAL : mode;
                    Sequence seq = e.sequence();
                    for (int i = 0; i < seq.size(); i++) {
                        dataset(seq.get(i), frame, path + "[" + i + "]", inner);
                    }
                }
            }
        }

        /** Values inside a removed sequence are removed PHI too: collect their tokens. */
        private void surveyItems(DicomElement e, Frame frame, String path) {
            if (!survey) {
                return;
            }
            Sequence seq = e.sequence();
            for (int i = 0; i < seq.size(); i++) {
                collectAll(seq.get(i));
            }
        }

        private void collectAll(Dataset ds) {
            for (DicomElement c : ds) {
                if (c.isSequence()) {
                    for (Dataset item : c.sequence()) {
                        collectAll(item);
                    }
                } else {
                    collect(c, ds, c.vr() == VR.UN ? Dataset.effectiveVR(c) : c.vr());
                }
            }
        }

        /** Records the PHI tokens of a value that is removed or replaced (and UIDs for the ledger). */
        private void collect(DicomElement e, Dataset ds, VR vr) {
            PhiCategory category = PhiCategory.of(e.tag(), vr);
            if (category == PhiCategory.NONE) {
                return;
            }
            for (String v : ds.strings(e)) {
                if (!v.isEmpty()) {
                    record.tokens(category, v);
                }
            }
        }

        private VR writeVR(DicomElement e, VR vr) {
            return e.vr() == VR.UN && vr != VR.UN ? vr : e.vr();
        }

        private void keep(Dataset ds, DicomElement e, VR vr, String path, Decision decision) {
            if (survey) {
                return;
            }
            if (vr == VR.UI && !namesTheElement(decision) && isInstanceUidAttribute(e.tag())) {
                // No rule names this UID attribute: an instance UID kept by default would link back.
                uids(ds, e, vr);
                return;
            }
            defence(ds, e, vr, path);
        }

        /** True when the decision comes from a rule that addresses this element, not from a default. */
        private boolean namesTheElement(Decision decision) {
            if (decision == null || decision.rule() == null) {
                return false;
            }
            Selector s = decision.rule().selector();
            return s instanceof Selector.ExactTag || s instanceof Selector.TagMask
                    || s instanceof Selector.CreatorElement || s instanceof Selector.CreatorBlock;
        }

        /**
         * Defence in depth: a kept text value that holds a PHI token of the patient (any spelling of
         * the patient's names, IDs and dates) or any original PHI token of the run is cleaned.
         */
        private void defence(Dataset ds, DicomElement e, VR vr, String path) {
            if (!isDefendedVR(vr) || !e.isInline() || TokenHits.isVocabulary(e.tag())) {
                return;
            }
            List<String> values = ds.strings(e);
            boolean changed = false;
            List<String> out = new ArrayList<>(values.size());
            for (String v : values) {
                String cleaned = cleanText(v, NO_KINDS);
                if (!cleaned.equals(v)) {
                    changed = true;
                    // AE and UR cannot hold the mask characters: such a value is dropped.
                    cleaned = vr == VR.AE || vr == VR.UR ? "" : fit(vr, cleaned);
                }
                out.add(cleaned);
            }
            if (changed) {
                record.defenceHit(path);
                if (vr.isSingleValuedText()) {
                    ds.setString(e.tag(), writeVR(e, vr), String.join("\\", out));
                } else {
                    ds.setString(e.tag(), writeVR(e, vr), out.toArray(String[]::new));
                }
            }
        }

        /**
         * Removes from a text the patient's PHI tokens (any spelling of names, IDs and dates), the
         * pattern matches of {@code kinds}, and every original PHI token of the run.
         */
        private String cleanText(String v, Set<PhiPatterns.Kind> kinds) {
            TextCleaner.Result r = TextCleaner.clean(v, ctx.tokens(), kinds);
            String cleaned = r.removed() > 0 ? r.text() : v;
            List<TokenHits.Span> hits = TokenHits.find(cleaned, ctx.knownPhi());
            return hits.isEmpty() ? cleaned : TokenHits.replace(cleaned, hits, TextCleaner.MASK);
        }

        private boolean isFreeTextVR(VR vr) {
            return vr == VR.LO || vr == VR.SH || vr == VR.ST || vr == VR.LT || vr == VR.UT || vr == VR.UC
                    || vr == VR.PN;
        }

        private boolean isDefendedVR(VR vr) {
            return TokenHits.isTokenVR(vr) && vr != VR.UN && vr != VR.OB;
        }

        /** Replaces each value with f(value); binary values become zero-filled dummies. */
        private void replaceValues(Dataset ds, DicomElement e, VR vr, String path,
                java.util.function.UnaryOperator<String> f) {
            collect(e, ds, vr);
            if (survey) {
                return;
            }
            if (vr == VR.UI) {
                uids(ds, e, vr);
                return;
            }
            if (!vr.isText()) {
                ds.set(DicomElement.of(e.tag(), writeVR(e, vr), Dummies.binary(vr, e.length())));
                return;
            }
            List<String> values = ds.strings(e);
            if (values.isEmpty()) {
                values = List.of("");
            }
            List<String> out = new ArrayList<>(values.size());
            for (String v : values) {
                out.add(f.apply(v));
            }
            if (e.tag() == Tag.PatientID) {
                record.patientId(String.join("\\", values), String.join("\\", out));
            }
            if (vr.isSingleValuedText()) {
                ds.setString(e.tag(), writeVR(e, vr), String.join("\\", out));
            } else {
                ds.setString(e.tag(), writeVR(e, vr), out.toArray(String[]::new));
            }
        }

        private String dummyOrPseudonym(int tag, VR vr, String v) {
            if (PhiCategory.of(tag, vr) == PhiCategory.ID || profile.settings().containsKey(
                    "pseudonym." + dictionary.keywordOf(tag))) {
                return pseudonym(tag, vr, v);
            }
            String configured = profile.settings().get("dummy." + vr.name());
            return configured != null ? fit(vr, configured) : dummies.text(vr, v);
        }

        /** The keyed pseudonym of a value: the element's {@code pseudonym.<Keyword>} template, or a default. */
        private String pseudonym(int tag, VR vr, String v) {
            if (v.isEmpty()) {
                return v;
            }
            switch (vr) {
                case DA, DT, TM, AS, DS, IS -> {
                    return dummies.text(vr, v);
                }
                case UI -> {
                    return keys.uid(v);
                }
                default -> {
                }
            }
            return pseudonymOf(dictionary.keywordOf(tag), v, vr);
        }

        /** Pseudonym of {@code value} as attribute {@code keyword} formats it. */
        String pseudonymOf(String keyword, String value, VR vr) {
            String template = profile.settings().get("pseudonym." + keyword);
            if (template == null) {
                template = vr == VR.PN ? "ANON^{hash:8}" : "{hash:16}";
            }
            return fit(vr, Templates.expand(template, value, keyword, keys, AttributeLookup.NONE, null));
        }

        private void uids(Dataset ds, DicomElement e, VR vr) {
            collect(e, ds, vr);
            if (survey && vr == VR.UI) {
                for (String v : ds.strings(e)) {
                    if (TokenHits.isUidToken(v) && !Pseudonymizer.isRegistryUid(v)) {
                        record.uidToken(v);
                    }
                }
            }
            if (survey || vr != VR.UI) {
                if (!survey && vr != VR.UI) {
                    ds.set(DicomElement.of(e.tag(), writeVR(e, vr), new byte[0]));
                }
                return;
            }
            List<String> values = ds.strings(e);
            if (values.isEmpty()) {
                return;
            }
            List<String> out = new ArrayList<>(values.size());
            for (String v : values) {
                String mapped = keys.uid(v);
                record.uid(v, mapped);
                out.add(mapped);
            }
            ds.setString(e.tag(), VR.UI, out.toArray(String[]::new));
        }

        private void clean(Dataset ds, DicomElement e, VR vr, String path) {
            if (vr == VR.DA || vr == VR.DT) {
                dates(ds, e, vr, true);
                return;
            }
            if (vr == VR.TM || !vr.isText()) {
                keep(ds, e, vr, path, null);
                return;
            }
            if (survey) {
                return;
            }
            List<String> values = ds.strings(e);
            List<String> out = new ArrayList<>(values.size());
            boolean changed = false;
            for (String v : values) {
                String cleaned = cleanText(v, CLEAN_KINDS);
                changed |= !cleaned.equals(v);
                out.add(fit(vr, cleaned));
            }
            if (changed) {
                record.cleaned();
                if (vr.isSingleValuedText()) {
                    ds.setString(e.tag(), writeVR(e, vr), String.join("\\", out));
                } else {
                    ds.setString(e.tag(), writeVR(e, vr), out.toArray(String[]::new));
                }
            }
        }

        /** Shifts DA and DT values by the patient's offset; TM is unchanged; anything unparseable is emptied. */
        private void dates(Dataset ds, DicomElement e, VR vr, boolean fromClean) {
            if (vr != VR.DA && vr != VR.DT) {
                if (vr != VR.TM && !survey) {
                    ds.set(DicomElement.of(e.tag(), writeVR(e, vr), new byte[0]));
                }
                return;
            }
            collect(e, ds, vr);
            if (survey) {
                return;
            }
            List<String> values = ds.strings(e);
            List<String> out = new ArrayList<>(values.size());
            for (String v : values) {
                String s = vr == VR.DA ? DateShifter.shiftDA(v, ctx.shiftDays()) : DateShifter.shiftDT(v, ctx.shiftDays());
                out.add(s == null ? "" : s);
            }
            record.datesShifted();
            ds.setString(e.tag(), writeVR(e, vr), out.toArray(String[]::new));
        }

        private void year(Dataset ds, DicomElement e, VR vr) {
            collect(e, ds, vr);
            if (survey) {
                return;
            }
            if (vr != VR.DA && vr != VR.DT) {
                ds.set(DicomElement.of(e.tag(), writeVR(e, vr), new byte[0]));
                return;
            }
            List<String> out = new ArrayList<>();
            for (String v : ds.strings(e)) {
                String s = vr == VR.DA ? DateShifter.yearOfDA(v) : DateShifter.yearOfDT(v);
                out.add(s == null ? "" : s);
            }
            ds.setString(e.tag(), writeVR(e, vr), out.toArray(String[]::new));
        }

        /**
         * Safe Harbor ages: an AS over 089Y becomes 090Y; a birth date of a patient aged 90 or more
         * (at the original study, acquisition, series or content date) is emptied, otherwise reduced
         * to its year; without any reference date it is emptied.
         */
        private void capAge(Dataset ds, DicomElement e, VR vr, Frame frame) {
            collect(e, ds, vr);
            if (survey) {
                return;
            }
            if (vr == VR.AS) {
                List<String> out = new ArrayList<>();
                for (String v : ds.strings(e)) {
                    out.add(Ages.capAt90(v));
                }
                ds.setString(e.tag(), VR.AS, out.toArray(String[]::new));
                return;
            }
            if (vr == VR.DA) {
                String birth = ds.getString(e.tag());
                String reference = firstNonEmpty(frame, Tag.StudyDate, Tag.AcquisitionDate, Tag.SeriesDate,
                        Tag.ContentDate);
                String year = birth == null ? null : DateShifter.yearOfDA(birth);
                if (year == null || reference == null || Ages.yearsBetween(birth, reference) >= 90) {
                    ds.set(DicomElement.of(e.tag(), VR.DA, new byte[0]));
                } else {
                    ds.setString(e.tag(), VR.DA, year);
                }
                return;
            }
            ds.set(DicomElement.of(e.tag(), writeVR(e, vr), new byte[0]));
        }

        private String firstNonEmpty(Frame frame, int... tags) {
            for (int t : tags) {
                String v = frame.value(t);
                if (v != null && DateShifter.parseDate(v.trim()) != null) {
                    return v.trim();
                }
            }
            return null;
        }

        private void removeEmptyPrivateBlocks(Dataset ds) {
            for (DicomElement e : ds.elements()) {
                int tag = e.tag();
                if (!Tags.isPrivateCreator(tag)) {
                    continue;
                }
                int block = Tags.element(tag);
                int first = (tag & 0xFFFF0000) | (block << 8);
                boolean used = false;
                for (DicomElement d : ds) {
                    int t = d.tag();
                    if (Integer.compareUnsigned(t, first) >= 0 && Integer.compareUnsigned(t, first | 0xFF) <= 0) {
                        used = true;
                        break;
                    }
                }
                if (!used) {
                    ds.remove(tag);
                }
            }
        }
    }

    /** Cuts a value to the maximum length of its VR. */
    static String fit(VR vr, String v) {
        int max = Dummies.maxLength(vr);
        return v.length() <= max ? v : v.substring(0, max);
    }

    /**
     * True for UI attributes that identify instances, so that a UID no rule names is still mapped;
     * false for those that name classes, syntaxes, schemes and other registry concepts.
     */
    public static boolean isInstanceUidAttribute(int tag) {
        String k = ElementDictionary.standard().keywordOf(tag).toLowerCase(Locale.ROOT);
        if (Tags.isPrivate(tag)) {
            return true;
        }
        return !(k.contains("classuid") || k.contains("syntaxuid") || k.contains("schemeuid")
                || k.contains("contextgroup") || k.contains("templateuid") || k.contains("mappingresource")
                || k.contains("creatoruid") || k.contains("implementation") || k.contains("codingscheme")
                || k.contains("contextuid") || k.contains("organizationuid") || k.contains("sopclass")
                || k.isEmpty());
    }
}
