package org.dicomtools.deid.engine;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The up-to-date index of deidentify, kept in the work directory. Its first line is a fingerprint
 * of everything that shapes the output (plugin version, profile content, options, the secret's key
 * id); each further line is {@code relative path, size, modified time, status, output path},
 * tab-separated. Entries are appended as files complete, so an interrupted run resumes where it
 * stopped; at the end the index is rewritten sorted. A missing, corrupt or foreign index means
 * "process everything" and is reported, never a failure.
 *
 * <p>The index also remembers every output an earlier run wrote, whatever its fingerprint: the
 * entries of a foreign index are kept with the status {@value #SUPERSEDED} (never up to date) until
 * their file is processed again, and an output that a file no longer writes stays named on a
 * {@value #RETIRED} line (empty path) until the run's end, so that {@link #staleOutputs} can name
 * the outputs that the current input no longer produces (a removed input, an image a reviewer
 * excluded, a path that changed with the secret or profile) even across an interrupted run.
 */
final class FileIndex implements AutoCloseable {
    private static final String HEADER = "# deid-index v1 ";
    /** Status of an entry written under another fingerprint: its output is remembered, never up to date. */
    static final String SUPERSEDED = "superseded";
    /** Status of a line that only names an output an earlier run wrote and no entry names any more. */
    private static final String RETIRED = "retired";

    record Entry(long size, long modified, String status, String output) {
    }

    /** The output column of a file that wrote nothing. */
    static final String NO_OUTPUT = "-";

    private final Path file;
    private final String fingerprint;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** Outputs named by the index as loaded, before this run changed it. */
    private final Set<String> loadedOutputs = new HashSet<>();
    private BufferedWriter journal;

    private FileIndex(Path file, String fingerprint) {
        this.file = file;
        this.fingerprint = fingerprint;
    }

    /**
     * Loads the index. Entries written with another fingerprint are kept as {@value #SUPERSEDED}, so
     * their outputs are remembered but every file is processed again.
     */
    static FileIndex load(Path file, String fingerprint, EngineListener listener) {
        FileIndex index = new FileIndex(file, fingerprint);
        if (!Files.exists(file)) {
            listener.info("No up-to-date index yet: every file is processed");
            return index;
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            boolean foreign = header == null || !header.equals(HEADER + fingerprint);
            if (foreign) {
                listener.info("The up-to-date index was written with another plugin version, profile, options"
                        + " or secret: every file is processed");
            }
            if (header == null || !header.startsWith(HEADER)) {
                return index;
            }
            String line;
            while ((line = r.readLine()) != null) {
                String[] c = line.split("\t", -1);
                if (c.length != 5) {
                    continue;
                }
                if (c[3].equals(RETIRED)) {
                    index.loadedOutputs.add(c[4]);
                    continue;
                }
                try {
                    String status = foreign ? SUPERSEDED : c[3];
                    index.entries.put(c[0], new Entry(Long.parseLong(c[1]), Long.parseLong(c[2]), status, c[4]));
                } catch (NumberFormatException e) {
                    listener.debug("ignored a damaged index line");
                }
            }
        } catch (IOException e) {
            listener.info("The up-to-date index cannot be read (" + e.getMessage() + "): every file is processed");
            index.entries.clear();
        }
        for (Entry e : index.entries.values()) {
            if (!e.output().equals(NO_OUTPUT)) {
                index.loadedOutputs.add(e.output());
            }
        }
        return index;
    }

    /** True when the file was written by a run with the same fingerprint and has not changed since. */
    boolean upToDate(String rel, long size, long modified, Path dataset) {
        Entry e = entries.get(rel);
        if (e == null || e.status().equals(SUPERSEDED) || e.size() != size || e.modified() != modified) {
            return false;
        }
        return !e.status().equals("written") || Files.isRegularFile(dataset.resolve(e.output()));
    }

    Entry get(String rel) {
        return entries.get(rel);
    }

    /** Records a finished file and appends it to the journal at once (for resuming). */
    synchronized void put(String rel, Entry entry) throws IOException {
        Entry old = entries.put(rel, entry);
        if (journal == null) {
            boolean fresh = !Files.exists(file) || !firstLineMatches();
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (fresh) {
                // The superseded entries go along, so an interrupted run still knows the old outputs.
                Map<String, Entry> carried = new TreeMap<>(entries);
                carried.remove(rel);
                SecureFiles.writeAtomically(file, true, out -> {
                    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                    w.write(HEADER + fingerprint + "\n");
                    for (Map.Entry<String, Entry> e : carried.entrySet()) {
                        w.write(line(e.getKey(), e.getValue()));
                    }
                    for (String output : new TreeSet<>(loadedOutputs)) {
                        w.write(retired(output));
                    }
                    w.flush();
                });
            }
            journal = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file, StandardOpenOption.APPEND),
                    StandardCharsets.UTF_8));
        }
        if (old != null && !old.output().equals(NO_OUTPUT) && !old.output().equals(entry.output())) {
            journal.write(retired(old.output()));
        }
        journal.write(line(rel, entry));
        journal.flush();
    }

    private boolean firstLineMatches() throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            return header != null && header.equals(HEADER + fingerprint);
        }
    }

    private static String retired(String output) {
        return line("", new Entry(0, 0, RETIRED, output));
    }

    private static String line(String rel, Entry e) {
        return rel + "\t" + e.size() + "\t" + e.modified() + "\t" + e.status() + "\t" + e.output() + "\n";
    }

    /**
     * Forgets the files that are no longer in the input and returns the outputs that an entry named
     * when the index was loaded and that no entry produces now (status written or pending), sorted.
     * A superseded entry of another shard still counts as producing its output: that shard's run
     * replaces it.
     *
     * @param present relative paths of every file now in the input (all shards)
     * @param mine whether a relative path belongs to this run's shard
     */
    synchronized List<String> staleOutputs(Set<String> present, Predicate<String> mine) {
        entries.keySet().retainAll(present);
        Set<String> current = new HashSet<>();
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            String status = e.getValue().status();
            if (status.equals("written") || status.equals("pending")
                    || status.equals(SUPERSEDED) && !mine.test(e.getKey())) {
                current.add(e.getValue().output());
            }
        }
        return loadedOutputs.stream().filter(o -> !current.contains(o)).sorted().toList();
    }

    /** Rewrites the index sorted and compacted, atomically. */
    void compact() throws IOException {
        close();
        Map<String, Entry> sorted = new TreeMap<>(entries);
        SecureFiles.writeAtomically(file, true, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(HEADER + fingerprint + "\n");
            for (Map.Entry<String, Entry> e : sorted.entrySet()) {
                w.write(line(e.getKey(), e.getValue()));
            }
            w.flush();
        });
    }

    @Override
    public synchronized void close() throws IOException {
        if (journal != null) {
            journal.close();
            journal = null;
        }
    }
}
