package org.dicomtools.deid.engine;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the files a deidentify run has finished contribute to the work directory beyond the index:
 * their UID and Patient ID mappings and the pseudonymous Patient ID each was written with (the scope
 * of its patient's date fingerprints in the ledger). The mappings and the ledger are written once,
 * at the end of the run; until then each finished file appends its rows here, before the index
 * records the file. A run killed before its end leaves this journal behind, and the next run with
 * the same fingerprint folds it into the mappings and the ledger, so they cover the files written
 * before the interruption too. The journal is deleted once they are written.
 *
 * <p>Lines are CSV ({@link Mappings#quote}): {@code uid,<old>,<new>}, {@code patient,<old>,<new>}
 * and {@code scope,<relative input path>,<Patient ID written>}, after a header naming the
 * fingerprint. It holds original identifiers, so it is owner-only, in the work directory.
 */
final class RunJournal implements AutoCloseable {
    private static final String HEADER = "# deid-journal v1 ";

    private final Path file;
    private final String fingerprint;
    private final Map<String, String> uids = new TreeMap<>();
    private final Map<String, String> patientIds = new TreeMap<>();
    private final Map<String, String> scopes = new TreeMap<>();
    private boolean loaded;
    private BufferedWriter out;

    private RunJournal(Path file, String fingerprint) {
        this.file = file;
        this.fingerprint = fingerprint;
    }

    /**
     * Reads the journal an unfinished run left with the same fingerprint; one of another
     * fingerprint (plugin version, profile, options or secret) is dropped and reported.
     */
    static RunJournal open(Path file, String fingerprint, EngineListener listener) throws IOException {
        RunJournal journal = new RunJournal(file, fingerprint);
        if (!Files.exists(file)) {
            return journal;
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null || !header.equals(HEADER + fingerprint)) {
                listener.info("The journal of an unfinished run with another configuration is dropped");
                return journal;
            }
            String line;
            while ((line = r.readLine()) != null) {
                List<String> c = Mappings.parse(line);
                if (c.size() != 3) {
                    // The last line of a killed run may be cut short.
                    continue;
                }
                journal.put(c.get(0), c.get(1), c.get(2));
            }
        }
        journal.loaded = !journal.scopes.isEmpty();
        if (journal.loaded) {
            listener.info("Completing the mappings and ledger of an unfinished run (" + journal.scopes.size()
                    + " file(s))");
        }
        return journal;
    }

    private void put(String kind, String original, String value) {
        switch (kind) {
            case "uid" -> uids.put(original, value);
            case "patient" -> patientIds.put(original, value);
            case "scope" -> scopes.put(original, value);
            default -> {
                // An unknown kind comes from a cut line; the file is written again anyway.
            }
        }
    }

    /** True when an unfinished run left entries that the mappings and the ledger still lack. */
    boolean hasUnfinishedEntries() {
        return loaded;
    }

    /** Records a finished file: its mappings and the Patient ID it was written with (may be null). */
    synchronized void append(String relativeInput, FileRecord record, String scope) throws IOException {
        if (out == null) {
            // Rewritten from what was loaded, so a foreign or damaged journal does not survive.
            SecureFiles.writeAtomically(file, true, o -> {
                BufferedWriter w = new BufferedWriter(new OutputStreamWriter(o, StandardCharsets.UTF_8));
                w.write(HEADER + fingerprint + "\n");
                write(w, "uid", uids);
                write(w, "patient", patientIds);
                write(w, "scope", scopes);
                w.flush();
            });
            out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file, StandardOpenOption.APPEND),
                    StandardCharsets.UTF_8));
        }
        StringBuilder lines = new StringBuilder();
        for (Map.Entry<String, String> e : record.uids().entrySet()) {
            lines.append(line("uid", e.getKey(), e.getValue()));
            uids.put(e.getKey(), e.getValue());
        }
        for (Map.Entry<String, String> e : record.patientIds().entrySet()) {
            lines.append(line("patient", e.getKey(), e.getValue()));
            patientIds.put(e.getKey(), e.getValue());
        }
        String s = scope == null ? "" : scope;
        lines.append(line("scope", relativeInput, s));
        scopes.put(relativeInput, s);
        out.write(lines.toString());
        out.flush();
    }

    private static void write(BufferedWriter w, String kind, Map<String, String> rows) throws IOException {
        for (Map.Entry<String, String> e : rows.entrySet()) {
            w.write(line(kind, e.getKey(), e.getValue()));
        }
    }

    private static String line(String kind, String a, String b) {
        return kind + "," + Mappings.quote(a) + "," + Mappings.quote(b) + "\n";
    }

    /** Original UID to de-identified UID, over every finished file. */
    synchronized Map<String, String> uids() {
        return Map.copyOf(uids);
    }

    /** Original Patient ID to pseudonymous Patient ID, over every finished file. */
    synchronized Map<String, String> patientIds() {
        return Map.copyOf(patientIds);
    }

    /** Relative input path to the Patient ID its output was written with ("" for none). */
    synchronized Map<String, String> scopes() {
        return Map.copyOf(scopes);
    }

    /** Deletes the journal once the mappings and the ledger hold its content. */
    synchronized void delete() throws IOException {
        close();
        Files.deleteIfExists(file);
    }

    @Override
    public synchronized void close() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }
}
