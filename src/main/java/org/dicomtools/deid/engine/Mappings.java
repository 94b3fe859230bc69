package org.dicomtools.deid.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An {@code id_old,id_new} mapping file, the format of the MIDI-B de-identification benchmark
 * ({@code uid_mapping.csv}, {@code patid_mapping.csv}). These files hold original identifiers, so
 * they are written to the work directory, readable by the owner only, never into the dataset.
 * Values are quoted as RFC 4180 requires when they contain a comma, quote or line break.
 */
public final class Mappings {
    private final Map<String, String> map = new TreeMap<>();

    public void put(String original, String replacement) {
        map.put(original, replacement);
    }

    public void putAll(Map<String, String> m) {
        map.putAll(m);
    }

    public Map<String, String> asMap() {
        return map;
    }

    public int size() {
        return map.size();
    }

    /** Adds the rows of an existing mapping file (from an earlier run); missing file: nothing. */
    public void readExisting(Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null || !header.equals("id_old,id_new")) {
                throw new IOException(file + ": not a mapping file (first line must be id_old,id_new)");
            }
            String line;
            while ((line = r.readLine()) != null) {
                List<String> cells = parse(line);
                if (cells.size() == 2) {
                    map.putIfAbsent(cells.get(0), cells.get(1));
                }
            }
        }
    }

    /** Writes sorted rows atomically, owner-only. */
    public void write(Path file) throws IOException {
        SecureFiles.writeAtomically(file, true, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write("id_old,id_new\n");
            for (Map.Entry<String, String> e : map.entrySet()) {
                w.write(quote(e.getKey()) + "," + quote(e.getValue()) + "\n");
            }
            w.flush();
        });
    }

    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    static List<String> parse(String line) {
        List<String> cells = new ArrayList<>(2);
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        cells.add(cur.toString());
        return cells;
    }
}
