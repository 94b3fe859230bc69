package org.dicomtools.deid.engine;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;

/**
 * The review manifest for burned-in text (the audit workflow's step 5, kept in the dataset
 * repository next to the dataset): one entry per image at risk, keyed by its de-identified SOP
 * Instance UID, with a SHA-256 of its pixel data, the risk signals, the decision and who made it.
 * deidentify adds {@code masked} entries for images it masked and {@code pending} ones for images it
 * could not; a reviewer changes a pending entry to {@code cleared} (looked, no identifying text) or
 * {@code excluded} (the image must not be shared). verify fails on pending entries, on risky images
 * without an entry, on excluded images still present and on entries whose pixel hash no longer
 * matches the file. Format ({@code deid-review.json}):
 * <pre>
 * {
 *   "format": "deid-review/1",
 *   "images": [
 *     { "sopInstanceUid": "2.25...", "file": "P.../x.dcm", "pixelHash": "sha256:...",
 *       "risk": ["modality=US", "burned-in-annotation=YES"], "status": "masked",
 *       "rule": "us-top-band", "reviewer": null, "date": "2026-11-24", "note": null }
 *   ]
 * }
 * </pre>
 * Entries are written sorted by file, so the file diffs well.
 */
public final class ReviewManifest {
    /** The decision about one image. */
    public enum Status {
        PENDING, MASKED, CLEARED, EXCLUDED;

        String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Status parse(String s) {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        }
    }

    /**
     * One image.
     *
     * @param sopInstanceUid de-identified SOP Instance UID (the key)
     * @param file path in the dataset, relative to its root
     * @param pixelHash {@code sha256:} and the hex digest of the pixel data as stored
     * @param risk the risk signals that put the image here
     * @param status the decision
     * @param rule the mask rule(s) applied, for masked images
     * @param reviewer who decided (required for cleared and excluded)
     * @param date when (ISO date)
     * @param note free text (must not contain PHI)
     */
    public record Entry(String sopInstanceUid, String file, String pixelHash, List<String> risk, Status status,
            String rule, String reviewer, String date, String note) {
        public Entry {
            Objects.requireNonNull(sopInstanceUid, "sopInstanceUid");
            Objects.requireNonNull(status, "status");
            risk = risk == null ? List.of() : List.copyOf(risk);
        }
    }

    private final Map<String, Entry> entries = new TreeMap<>();

    /**
     * The key of an image: its SOP Instance UID, or for the rare file without one, {@code file:}
     * and its path in the dataset.
     */
    public static String key(String sopInstanceUid, String file) {
        return sopInstanceUid != null && !sopInstanceUid.isBlank() ? sopInstanceUid : "file:" + file;
    }

    /** Reads a manifest; an absent file is an empty manifest. */
    public static ReviewManifest read(Path file) throws IOException {
        ReviewManifest m = new ReviewManifest();
        if (file == null || !Files.exists(file)) {
            return m;
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            JsonObject root = JsonParser.parseReader(r).getAsJsonObject();
            JsonArray images = root.getAsJsonArray("images");
            if (images == null) {
                throw new IOException(file + ": no \"images\" array");
            }
            int i = 0;
            for (JsonElement el : images) {
                JsonObject o = el.getAsJsonObject();
                String uid = string(o, "sopInstanceUid");
                String status = string(o, "status");
                if (uid == null || status == null) {
                    throw new IOException(file + ": image " + i + " needs sopInstanceUid and status");
                }
                List<String> risk = new ArrayList<>();
                if (o.has("risk") && o.get("risk").isJsonArray()) {
                    for (JsonElement x : o.getAsJsonArray("risk")) {
                        risk.add(x.getAsString());
                    }
                }
                Status st;
                try {
                    st = Status.parse(status);
                } catch (IllegalArgumentException e) {
                    throw new IOException(file + ": image " + i + " has the unknown status '" + status
                            + "' (pending, masked, cleared or excluded)", e);
                }
                m.put(new Entry(uid, string(o, "file"), string(o, "pixelHash"), risk, st, string(o, "rule"),
                        string(o, "reviewer"), string(o, "date"), string(o, "note")));
                i++;
            }
        } catch (JsonParseException | IllegalStateException | ClassCastException e) {
            throw new IOException(file + ": not a review manifest: " + e.getMessage(), e);
        }
        return m;
    }

    private static String string(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    public Entry get(String sopInstanceUid) {
        return entries.get(sopInstanceUid);
    }

    /** Adds or replaces the entry of an image. */
    public void put(Entry e) {
        entries.put(e.sopInstanceUid(), e);
    }

    public List<Entry> entries() {
        List<Entry> list = new ArrayList<>(entries.values());
        list.sort(Comparator.comparing((Entry e) -> e.file() == null ? "" : e.file())
                .thenComparing(Entry::sopInstanceUid));
        return list;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Writes the manifest atomically (readable by everyone: it belongs to the dataset repository). */
    public void write(Path file) throws IOException {
        SecureFiles.writeAtomically(file, false, out -> {
            JsonWriter w = new JsonWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.setIndent("  ");
            w.setSerializeNulls(true);
            w.beginObject();
            w.name("format").value("deid-review/1");
            w.name("images").beginArray();
            for (Entry e : entries()) {
                w.beginObject();
                w.name("sopInstanceUid").value(e.sopInstanceUid());
                w.name("file").value(e.file());
                w.name("pixelHash").value(e.pixelHash());
                w.name("risk").beginArray();
                for (String r : e.risk()) {
                    w.value(r);
                }
                w.endArray();
                w.name("status").value(e.status().json());
                w.name("rule").value(e.rule());
                w.name("reviewer").value(e.reviewer());
                w.name("date").value(e.date());
                w.name("note").value(e.note());
                w.endObject();
            }
            w.endArray();
            w.endObject();
            w.flush();
            out.write('\n');
        });
    }
}
