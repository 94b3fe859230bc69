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
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The up-to-date index of deidentify, kept in the work directory. Its first line is a fingerprint
 * of everything that shapes the output (plugin version, profile content, options, the secret's key
 * id); each further line is {@code relative path, size, modified time, status, output path},
 * tab-separated. Entries are appended as files complete, so an interrupted run resumes where it
 * stopped; at the end the index is rewritten sorted. A missing, corrupt or foreign index means
 * "process everything" and is reported, never a failure.
 */
final class FileIndex implements AutoCloseable {
    private static final String HEADER = "# deid-index v1 ";

    record Entry(long size, long modified, String status, String output) {
    }

    private final Path file;
    private final String fingerprint;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private BufferedWriter journal;

    private FileIndex(Path file, String fingerprint) {
        this.file = file;
        this.fingerprint = fingerprint;
    }

    /** Loads the index if it was written with the same fingerprint; otherwise starts empty. */
    static FileIndex load(Path file, String fingerprint, EngineListener listener) {
        FileIndex index = new FileIndex(file, fingerprint);
        if (!Files.exists(file)) {
            listener.info("No up-to-date index yet: every file is processed");
            return index;
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null || !header.equals(HEADER + fingerprint)) {
                listener.info("The up-to-date index was written with another plugin version, profile, options"
                        + " or secret: every file is processed");
                return index;
            }
            String line;
            while ((line = r.readLine()) != null) {
                String[] c = line.split("\t", -1);
                if (c.length != 5) {
                    continue;
                }
                try {
                    index.entries.put(c[0], new Entry(Long.parseLong(c[1]), Long.parseLong(c[2]), c[3], c[4]));
                } catch (NumberFormatException e) {
                    listener.debug("ignored a damaged index line");
                }
            }
        } catch (IOException e) {
            listener.info("The up-to-date index cannot be read (" + e.getMessage() + "): every file is processed");
            index.entries.clear();
        }
        return index;
    }

    /** True when the file was written by a run with the same fingerprint and has not changed since. */
    boolean upToDate(String rel, long size, long modified, Path dataset) {
        Entry e = entries.get(rel);
        if (e == null || e.size() != size || e.modified() != modified) {
            return false;
        }
        return !e.status().equals("written") || Files.isRegularFile(dataset.resolve(e.output()));
    }

    Entry get(String rel) {
        return entries.get(rel);
    }

    /** Records a finished file and appends it to the journal at once (for resuming). */
    synchronized void put(String rel, Entry entry) throws IOException {
        entries.put(rel, entry);
        if (journal == null) {
            boolean fresh = !Files.exists(file) || !firstLineMatches();
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (fresh) {
                try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    w.write(HEADER + fingerprint + "\n");
                }
            }
            journal = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file, StandardOpenOption.APPEND),
                    StandardCharsets.UTF_8));
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

    private static String line(String rel, Entry e) {
        return rel + "\t" + e.size() + "\t" + e.modified() + "\t" + e.status() + "\t" + e.output() + "\n";
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
