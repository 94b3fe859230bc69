package org.dicomtools.deid.verify;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * Findings the dataset's curators accepted, kept in the dataset repository
 * ({@code deid-baseline.json}). Each entry names a rule, a file and a tag path (empty for
 * file-level findings), and must give a reason and a reviewer; an accepted finding is reported but
 * never fails the build. Entries that match nothing any more are reported as stale so the file
 * stays honest. Format:
 * <pre>
 * {
 *   "format": "deid-baseline/1",
 *   "accepted": [
 *     { "rule": "phi-pattern", "file": "P.../2.25.1.dcm", "tagPath": "(0008,103E)",
 *       "reason": "series name 'T2 31-01' is a protocol code, not a date",
 *       "reviewer": "A. Curator", "date": "2026-11-24" }
 *   ]
 * }
 * </pre>
 */
public final class Baseline {
    /**
     * One accepted finding.
     *
     * @param rule rule id
     * @param file file path relative to the dataset ({@code *} matches any file)
     * @param tagPath tag path ({@code *} matches any)
     * @param reason why it is not PHI
     * @param reviewer who decided
     * @param date when
     */
    public record Entry(String rule, String file, String tagPath, String reason, String reviewer, String date) {
        public Entry {
            Objects.requireNonNull(rule, "rule");
            file = file == null ? "" : file;
            tagPath = tagPath == null ? "" : tagPath;
        }

        boolean matches(Finding f) {
            return rule.equals(f.ruleId()) && (file.equals("*") || file.equals(f.file()))
                    && (tagPath.equals("*") || tagPath.equals(f.tagPath()));
        }

        /** One line for reports: rule, file, tag path. */
        public String describe() {
            return rule + " " + (file.isEmpty() ? "(dataset)" : file) + (tagPath.isEmpty() ? "" : " " + tagPath);
        }
    }

    private final List<Entry> entries;

    private Baseline(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** An empty baseline. */
    public static Baseline empty() {
        return new Baseline(List.of());
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The entry that accepts this finding, or null. */
    public Entry match(Finding f) {
        for (Entry e : entries) {
            if (e.matches(f)) {
                return e;
            }
        }
        return null;
    }

    /**
     * Reads a baseline; a missing file is an empty baseline. An entry without reason or reviewer is
     * an error: accepting a finding is a decision someone must own.
     */
    public static Baseline read(Path file) throws IOException {
        if (file == null || !Files.exists(file)) {
            return empty();
        }
        List<Entry> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            JsonObject root = JsonParser.parseReader(r).getAsJsonObject();
            JsonArray accepted = root.getAsJsonArray("accepted");
            if (accepted == null) {
                throw new IOException(file + ": no \"accepted\" array");
            }
            int i = 0;
            for (JsonElement el : accepted) {
                JsonObject o = el.getAsJsonObject();
                if (blank(string(o, "rule")) || blank(string(o, "reason")) || blank(string(o, "reviewer"))) {
                    throw new IOException(file + ": accepted entry " + i + " needs rule, reason and reviewer");
                }
                out.add(new Entry(string(o, "rule"), string(o, "file"), string(o, "tagPath"), string(o, "reason"),
                        string(o, "reviewer"), string(o, "date")));
                i++;
            }
        } catch (JsonParseException | IllegalStateException | ClassCastException | NullPointerException e) {
            throw new IOException(file + ": not a baseline file: " + e.getMessage(), e);
        }
        return new Baseline(out);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String string(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}
