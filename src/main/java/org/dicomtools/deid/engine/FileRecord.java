package org.dicomtools.deid.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What de-identifying one file did: actions counted by code, UID and identifier mappings, the PHI
 * tokens of removed values (for cleaning and for the fingerprint ledger), defence-in-depth hits, and
 * for a dry run one line per element. Holds original values only in the mappings and token sets,
 * which the batch runner keeps in memory and writes to owner-only files; nothing here is logged.
 */
public final class FileRecord {
    private final Map<String, Integer> actions = new TreeMap<>();
    private final Map<String, String> uids = new LinkedHashMap<>();
    private final Map<String, String> patientIds = new LinkedHashMap<>();
    private final Set<String> nameTokens = new HashSet<>();
    private final Set<String> idTokens = new HashSet<>();
    private final Set<String> dateTokens = new HashSet<>();
    private final Set<String> phraseTokens = new HashSet<>();
    private final Set<String> uidTokens = new HashSet<>();
    private final List<String> defenceHits = new ArrayList<>();
    private final List<String> dryRun;
    private boolean datesShifted;
    private int cleaned;

    public FileRecord(boolean dryRun) {
        this.dryRun = dryRun ? new ArrayList<>() : null;
    }

    void count(String code) {
        actions.merge(code, 1, Integer::sum);
    }

    void uid(String original, String replacement) {
        if (!original.equals(replacement)) {
            uids.put(original, replacement);
        }
    }

    void patientId(String original, String replacement) {
        patientIds.put(original, replacement);
    }

    void tokens(PhiCategory category, String value) {
        switch (category) {
            case NAME -> nameTokens.addAll(PhiTokens.nameTokens(value));
            case ID -> idTokens.addAll(PhiTokens.idTokens(value));
            case DATE -> dateTokens.addAll(PhiTokens.dateTokens(value));
            case PHRASE -> phraseTokens.addAll(PhiTokens.phraseTokens(value));
            default -> {
            }
        }
    }

    void uidToken(String originalUid) {
        uidTokens.add(originalUid);
    }

    /** Original instance UIDs the profile maps (from the survey). */
    public Set<String> uidTokens() {
        return uidTokens;
    }

    void defenceHit(String tagPath) {
        defenceHits.add(tagPath);
    }

    void cleaned() {
        cleaned++;
    }

    void datesShifted() {
        datesShifted = true;
    }

    void dryRun(String line) {
        if (dryRun != null) {
            dryRun.add(line);
        }
    }

    boolean isDryRun() {
        return dryRun != null;
    }

    /** Actions applied, by code ({@code X}, {@code Z}, {@code hash}, ...), in code order. */
    public Map<String, Integer> actions() {
        return actions;
    }

    /** Original UID to de-identified UID, for every UID this file changed. */
    public Map<String, String> uids() {
        return uids;
    }

    /** Original PatientID to pseudonymous PatientID. */
    public Map<String, String> patientIds() {
        return patientIds;
    }

    public Set<String> nameTokens() {
        return nameTokens;
    }

    public Set<String> idTokens() {
        return idTokens;
    }

    public Set<String> dateTokens() {
        return dateTokens;
    }

    public Set<String> phraseTokens() {
        return phraseTokens;
    }

    /**
     * The PHI tokens of several files as one set: name and identifier tokens as words, phrases,
     * dates. {@code base} (may be null) is added.
     */
    static PhiTokens.TokenSet tokens(PhiTokens.TokenSet base, List<FileRecord> records) {
        Set<String> words = new HashSet<>();
        Set<String> phrases = new HashSet<>();
        Set<String> dates = new HashSet<>();
        if (base != null) {
            words.addAll(base.words());
            phrases.addAll(base.phrases());
            dates.addAll(base.dates());
        }
        for (FileRecord r : records) {
            words.addAll(r.nameTokens);
            words.addAll(r.idTokens);
            for (String t : r.phraseTokens) {
                // phraseTokens gives whole phrases (several words) and single digit-bearing words.
                (t.indexOf(' ') >= 0 ? phrases : words).add(t);
            }
            dates.addAll(r.dateTokens);
        }
        return new PhiTokens.TokenSet(words, phrases, dates);
    }

    /** Tag paths where a kept value held a PHI token of the patient and was cleaned. */
    public List<String> defenceHits() {
        return defenceHits;
    }

    /** Values cleaned by action C. */
    public int cleanedValues() {
        return cleaned;
    }

    public boolean datesWereShifted() {
        return datesShifted;
    }

    /** The dry-run listing (empty unless requested). */
    public List<String> dryRunLines() {
        return dryRun == null ? List.of() : dryRun;
    }
}
