package org.dicomtools.deid.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The fingerprint ledger (DESIGN.md decision 7): keyed 64-bit fingerprints of every original PHI
 * token (name components, identifiers, dates, phrases) and of every original UID, written by
 * deidentify and read by verify. It holds no original value: without the secret a fingerprint
 * reveals nothing. File format, UTF-8 text:
 * <pre>
 * # deid-ledger v1 key &lt;key id&gt;
 * &lt;16 lower-case hex digits&gt;
 * ...
 * </pre>
 * sorted and without duplicates. Held in memory as a sorted {@code long[]} (8 bytes per token).
 */
public final class Ledger {
    private static final String HEADER = "# deid-ledger v1 key ";

    private final String keyId;
    private final long[] fingerprints;

    private Ledger(String keyId, long[] sortedUnique) {
        this.keyId = keyId;
        this.fingerprints = sortedUnique;
    }

    /** A ledger of the given fingerprints (any order, duplicates allowed). */
    public static Ledger of(String keyId, long[] fingerprints) {
        long[] f = fingerprints.clone();
        Arrays.sort(f);
        int n = 0;
        for (int i = 0; i < f.length; i++) {
            if (i == 0 || f[i] != f[i - 1]) {
                f[n++] = f[i];
            }
        }
        return new Ledger(keyId, Arrays.copyOf(f, n));
    }

    /**
     * The ledger form of a token that is PHI only for one patient: dates and short words are
     * common, so they count only in the files of the patient whose pseudonymous Patient ID
     * ({@code scope}) they are recorded under.
     */
    public static String patientToken(String scope, String token) {
        return "patient\0" + scope + "\0" + token;
    }

    /** The key id of the secret the fingerprints were made with. */
    public String keyId() {
        return keyId;
    }

    public int size() {
        return fingerprints.length;
    }

    /** True when the fingerprint is in the ledger. */
    public boolean contains(long fingerprint) {
        return Arrays.binarySearch(fingerprints, fingerprint) >= 0;
    }

    /** A copy of the fingerprints in ascending order. */
    public long[] fingerprints() {
        return fingerprints.clone();
    }

    /** This ledger and {@code more} together. */
    public Ledger merge(long[] more) {
        long[] all = Arrays.copyOf(fingerprints, fingerprints.length + more.length);
        System.arraycopy(more, 0, all, fingerprints.length, more.length);
        return of(keyId, all);
    }

    /**
     * Reads a ledger; returns null when the file is missing. Throws when it is not a ledger, so a
     * corrupt ledger is never mistaken for an empty one.
     */
    public static Ledger read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null || !header.startsWith(HEADER)) {
                throw new IOException(file + ": not a deid ledger (first line must start with '" + HEADER.trim() + "')");
            }
            String key = header.substring(HEADER.length()).trim();
            long[] values = new long[1024];
            int n = 0;
            String line;
            int lineNo = 1;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isEmpty()) {
                    continue;
                }
                if (line.length() != 16) {
                    throw new IOException(file + ":" + lineNo + ": not a 16-digit fingerprint");
                }
                if (n == values.length) {
                    values = Arrays.copyOf(values, n * 2);
                }
                try {
                    values[n++] = Long.parseUnsignedLong(line, 16);
                } catch (NumberFormatException e) {
                    throw new IOException(file + ":" + lineNo + ": not a 16-digit fingerprint", e);
                }
            }
            return of(key, Arrays.copyOf(values, n));
        }
    }

    /** Writes the ledger atomically, readable by the owner only. */
    public void write(Path file) throws IOException {
        SecureFiles.writeAtomically(file, true, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(HEADER + keyId + "\n");
            for (long f : fingerprints) {
                w.write(String.format(Locale.ROOT, "%016x", f));
                w.write('\n');
            }
            w.flush();
        });
    }
}
