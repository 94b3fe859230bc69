package org.dicomtools.deid.dicom.dict;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The registry of DICOM unique identifiers (PS3.6 Tables A-1 and A-2): SOP Classes, Transfer
 * Syntaxes, well-known instances, coding schemes and the other UIDs the standard defines, loaded once
 * from the generated resource {@code uids.tsv}. Immutable and safe to share between threads.
 */
public final class UidDictionary {
    static final String RESOURCE = "uids.tsv";

    /**
     * One registered UID.
     *
     * @param uid the UID, such as {@code 1.2.840.10008.1.2.1}
     * @param keyword the keyword, such as {@code ExplicitVRLittleEndian}; empty for the two retired
     *     SOP Classes the standard leaves unnamed
     * @param type the UID type as printed in PS3.6, such as {@code SOP Class} or
     *     {@code Transfer Syntax}
     * @param retired whether PS3.6 marks the UID retired
     * @param name the UID name as printed, such as {@code Explicit VR Big Endian (Retired)}
     */
    public record Entry(String uid, String keyword, String type, boolean retired, String name) {
        /** Checks that no field is null. */
        public Entry {
            Objects.requireNonNull(uid, "uid");
            Objects.requireNonNull(keyword, "keyword");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(name, "name");
        }
    }

    private final String edition;
    private final List<Entry> entries;
    private final Map<String, Entry> byUid;

    private UidDictionary(String edition, List<Entry> entries) {
        this.edition = edition;
        this.entries = List.copyOf(entries);
        Map<String, Entry> map = new HashMap<>();
        for (Entry e : entries) {
            if (map.put(e.uid(), e) != null) {
                throw new IllegalStateException("duplicate UID " + e.uid());
            }
        }
        this.byUid = Map.copyOf(map);
    }

    /** The registry of the DICOM edition the resource was generated from; loaded on first use. */
    public static UidDictionary standard() {
        return Holder.STANDARD;
    }

    /** The DICOM edition of the tables, such as {@code 2024d}, as stated by the resource header. */
    public String edition() {
        return edition;
    }

    /** Every registered UID, in numeric order of its components. */
    public List<Entry> entries() {
        return entries;
    }

    /** The entry of a UID, or {@code null} when the standard does not register it. */
    public Entry lookup(String uid) {
        return byUid.get(uid);
    }

    /** True when the standard registers this UID (retired ones included). */
    public boolean isRegistered(String uid) {
        return byUid.containsKey(uid);
    }

    /** The UID name as printed in PS3.6, or the empty string for an unregistered UID. */
    public String nameOf(String uid) {
        Entry e = byUid.get(uid);
        return e == null ? "" : e.name();
    }

    private static UidDictionary load() {
        try (InputStream in = UidDictionary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource missing: " + RESOURCE);
            }
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * Reads the resource format: {@code #} comment lines (one names the edition), a header line, then
     * rows of uid, keyword, type, retired (Y/N) and name separated by tabs.
     */
    static UidDictionary read(BufferedReader reader) throws IOException {
        String edition = "";
        List<Entry> entries = new ArrayList<>(512);
        String line;
        int number = 0;
        boolean header = false;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.startsWith("#")) {
                int at = line.indexOf("edition ");
                if (at >= 0 && edition.isEmpty()) {
                    edition = line.substring(at + "edition ".length()).strip();
                }
                continue;
            }
            if (!header) {
                if (!line.equals("uid\tkeyword\ttype\tretired\tname")) {
                    throw new IllegalStateException(RESOURCE + " line " + number + ": unexpected header");
                }
                header = true;
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length != 5 || cells[0].isEmpty() || !(cells[3].equals("Y") || cells[3].equals("N"))) {
                throw new IllegalStateException(RESOURCE + " line " + number + ": malformed row");
            }
            entries.add(new Entry(cells[0], cells[1], cells[2], cells[3].equals("Y"), cells[4]));
        }
        return new UidDictionary(edition, entries);
    }

    /** Holds the standard registry; the JVM initialises it on first access, once (JLS 12.4.2). */
    private static final class Holder {
        static final UidDictionary STANDARD = load();
    }
}
