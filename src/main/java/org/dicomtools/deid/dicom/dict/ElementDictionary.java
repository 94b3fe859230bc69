package org.dicomtools.deid.dicom.dict;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import org.dicomtools.deid.dicom.Tags;
import org.dicomtools.deid.dicom.VR;

/**
 * The DICOM data dictionary (PS3.6 Tables 6-1, 7-1 and 8-1): keyword, name, VR, VM and retired flag
 * of every standard data element, loaded once from the generated resource {@code elements.tsv}.
 *
 * <p>Besides the table's rows, {@link #lookup(int)} answers two rules of PS3.5 that the table does
 * not list: every (gggg,0000) is a Group Length with VR UL (PS3.5 7.2), and (gggg,0010-00FF) in a
 * private group holds a Private Creator with VR LO (PS3.5 7.8.1). Other private elements are unknown
 * to this dictionary.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class ElementDictionary {
    static final String RESOURCE = "elements.tsv";

    private static final int EXACT = 0xFFFFFFFF;

    /**
     * The Group Length rule (PS3.5 7.2): any (gggg,0000) not listed in the table. Standard group
     * lengths are retired; the table's own group lengths, such as (0002,0000), take precedence.
     */
    static final Entry GROUP_LENGTH =
            new Entry(0x00000000, 0x0000FFFF, "GroupLength", "Group Length", List.of(VR.UL), "1", true);

    /**
     * The Private Creator rule (PS3.5 7.8.1): (gggg,0010-00FF) in an odd group above 0007. Its mask
     * states the rule only in part (odd group, element 00xx); {@link #lookup(int)} applies it in full.
     */
    static final Entry PRIVATE_CREATOR =
            new Entry(0x00010000, 0x0001FF00, "PrivateCreator", "Private Creator", List.of(VR.LO), "1", false);

    /**
     * One data element of the dictionary, or one repeating group or range of them.
     *
     * @param tag the tag, with 0 in every wildcard position of a mask entry: (60xx,3000) is
     *     {@code 0x60003000}
     * @param mask the bits a tag must share with {@code tag} to belong to this entry:
     *     {@code 0xFFFFFFFF} for a single tag, {@code 0xFF00FFFF} for (60xx,3000),
     *     {@code 0xFFFF000F} for (1000,xxx3)
     * @param keyword the keyword, empty for the retired rows the standard leaves blank
     * @param name the name as printed in PS3.6, empty for the blank retired rows
     * @param vrs the VRs in the standard's order ({@code US or SS} gives [US, SS]); empty for the
     *     item and delimitation tags (FFFE,E000/E00D/E0DD) and for retired rows without a VR
     * @param vm the value multiplicity as printed, such as {@code 1}, {@code 1-n}, {@code 2-2n}; empty
     *     when the standard gives none
     * @param retired whether PS3.6 marks the element retired
     */
    public record Entry(int tag, int mask, String keyword, String name, List<VR> vrs, String vm, boolean retired) {
        /** Validates the fields and copies {@code vrs}. */
        public Entry {
            Objects.requireNonNull(keyword, "keyword");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(vm, "vm");
            vrs = List.copyOf(vrs);
            if ((tag & ~mask) != 0) {
                throw new IllegalArgumentException(
                        "tag " + Tags.toHex(tag) + " has bits outside mask " + Tags.toHex(mask));
            }
        }

        /** True when the entry stands for a single tag rather than a repeating group or range. */
        public boolean isExact() {
            return mask == EXACT;
        }
    }

    private final String edition;
    private final List<Entry> entries;
    private final IntTable exact;
    private final int[] masks;
    private final IntTable[] byMask;
    private final Map<String, Entry> byKeyword;

    private ElementDictionary(String edition, List<Entry> entries) {
        this.edition = edition;
        this.entries = List.copyOf(entries);
        List<Entry> exactEntries = new ArrayList<>(entries.size());
        List<Entry> maskEntries = new ArrayList<>();
        Map<String, Entry> keywords = new HashMap<>(2 * entries.size());
        for (Entry e : entries) {
            (e.isExact() ? exactEntries : maskEntries).add(e);
            if (!e.keyword().isEmpty() && keywords.put(e.keyword(), e) != null) {
                throw new IllegalStateException("duplicate keyword " + e.keyword());
            }
        }
        this.exact = new IntTable(exactEntries);
        this.masks = masksBySpecificity(maskEntries);
        this.byMask = new IntTable[masks.length];
        for (int i = 0; i < masks.length; i++) {
            List<Entry> group = new ArrayList<>();
            for (Entry e : maskEntries) {
                if (e.mask() == masks[i]) {
                    group.add(e);
                }
            }
            byMask[i] = new IntTable(group);
        }
        this.byKeyword = Map.copyOf(keywords);
    }

    /**
     * The distinct masks, most specific first: more bits set, then the larger mask, so that the order
     * is total and lookups are deterministic. Sorted by hand; there are only a handful.
     */
    private static int[] masksBySpecificity(List<Entry> maskEntries) {
        int[] masks = new int[maskEntries.size()];
        int count = 0;
        for (Entry e : maskEntries) {
            int i = 0;
            while (i < count && masks[i] != e.mask()) {
                i++;
            }
            if (i < count) {
                continue;
            }
            int mask = e.mask();
            for (i = count++; i > 0 && moreSpecific(mask, masks[i - 1]); i--) {
                masks[i] = masks[i - 1];
            }
            masks[i] = mask;
        }
        return Arrays.copyOf(masks, count);
    }

    private static boolean moreSpecific(int a, int b) {
        int bits = Integer.bitCount(a) - Integer.bitCount(b);
        return bits != 0 ? bits > 0 : Integer.compareUnsigned(a, b) > 0;
    }

    /** The dictionary of the DICOM edition the resource was generated from; loaded on first use. */
    public static ElementDictionary standard() {
        return Holder.STANDARD;
    }

    /** The DICOM edition of the tables, such as {@code 2024d}, as stated by the resource header. */
    public String edition() {
        return edition;
    }

    /** Every row of the table (exact tags and masks), sorted by tag; the two rules are not included. */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * Finds the entry for a tag: the table's entry for exactly this tag; else the Group Length rule
     * for (gggg,0000); else the Private Creator rule for (gggg,0010-00FF) in a private group (and
     * {@code null} for any other private element); else the matching mask entry with the most mask
     * bits set, so (0028,0400) is Transform Label while (0028,0410) matches (0028,04x0).
     *
     * @return the entry, or {@code null} when the tag is unknown
     */
    public Entry lookup(int tag) {
        Entry e = exact.get(tag);
        if (e != null) {
            return e;
        }
        if (Tags.isGroupLength(tag)) {
            return GROUP_LENGTH;
        }
        if (Tags.isPrivate(tag)) {
            return Tags.isPrivateCreator(tag) ? PRIVATE_CREATOR : null;
        }
        for (int i = 0; i < masks.length; i++) {
            e = byMask[i].get(tag & masks[i]);
            if (e != null) {
                return e;
            }
        }
        return null;
    }

    /**
     * The VR to assume for a tag, as an implicit-VR reader needs it: the first VR the standard lists
     * ({@code OB or OW} gives OB, {@code US or SS} gives US), or {@link VR#UN} when the tag is unknown,
     * private (except creators) or has no VR.
     */
    public VR vrOf(int tag) {
        Entry e = lookup(tag);
        return e == null || e.vrs().isEmpty() ? VR.UN : e.vrs().get(0);
    }

    /** The keyword of a tag, or the empty string when the tag is unknown or its row has none. */
    public String keywordOf(int tag) {
        Entry e = lookup(tag);
        return e == null ? "" : e.keyword();
    }

    /** The name of a tag as printed in PS3.6, or the empty string when the tag is unknown. */
    public String nameOf(int tag) {
        Entry e = lookup(tag);
        return e == null ? "" : e.name();
    }

    /**
     * The tag of a keyword. Only single-tag entries have one: a keyword of a repeating group or range
     * such as {@code OverlayData} (60xx,3000) gives an empty result; use {@link #entryOf(String)} for
     * those.
     */
    public OptionalInt tagOf(String keyword) {
        Entry e = byKeyword.get(keyword);
        return e == null || !e.isExact() ? OptionalInt.empty() : OptionalInt.of(e.tag());
    }

    /**
     * The table's entry for a keyword, mask entries included ({@code OverlayData} gives (60xx,3000)
     * with mask {@code 0xFF00FFFF}), or {@code null} when no row has this keyword.
     */
    public Entry entryOf(String keyword) {
        return byKeyword.get(keyword);
    }

    private static ElementDictionary load() {
        try (InputStream in = ElementDictionary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource missing: " + RESOURCE);
            }
            // One decode of the whole (ASCII but for three names) file and indexOf scans: cheaper on a
            // cold JVM than a Reader that decodes and scans every character in interpreted code.
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * Parses the resource format: {@code #} comment lines (the first naming an edition gives it), a
     * header line, then rows of tag, keyword, VR, VM, retired (Y/N) and name separated by tabs, each
     * ending with a line feed.
     *
     * @throws IllegalStateException if the text does not follow the format
     */
    static ElementDictionary parse(String text) {
        String edition = "";
        List<Entry> entries = new ArrayList<>(6000);
        Map<String, List<VR>> vrLists = new HashMap<>();
        Map<String, String> vms = new HashMap<>();
        int number = 0;
        boolean header = false;
        for (int start = 0, end; start < text.length(); start = end + 1) {
            end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            number++;
            if (text.charAt(start) == '#') {
                int at = text.indexOf("edition ", start);
                if (edition.isEmpty() && at >= 0 && at < end) {
                    edition = text.substring(at + "edition ".length(), end).strip();
                }
            } else if (!header) {
                if (!text.startsWith("tag\tkeyword\tvr\tvm\tretired\tname\n", start)) {
                    throw new IllegalStateException(RESOURCE + " line " + number + ": unexpected header");
                }
                header = true;
            } else {
                entries.add(parseRow(text, start, end, number, vrLists, vms));
            }
        }
        return new ElementDictionary(edition, entries);
    }

    private static Entry parseRow(String text, int start, int end, int number, Map<String, List<VR>> vrLists,
            Map<String, String> vms) {
        int t1 = text.indexOf('\t', start);
        int t2 = text.indexOf('\t', t1 + 1);
        int t3 = text.indexOf('\t', t2 + 1);
        int t4 = text.indexOf('\t', t3 + 1);
        int t5 = text.indexOf('\t', t4 + 1);
        int t6 = text.indexOf('\t', t5 + 1);
        if (t1 != start + 8 || t5 < 0 || t5 >= end || (t6 >= 0 && t6 < end) || t5 - t4 != 2) {
            throw new IllegalStateException(RESOURCE + " line " + number + ": malformed row");
        }
        int tag = 0;
        int mask = 0;
        for (int i = start; i < t1; i++) {
            char c = text.charAt(i);
            int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (c == 'x') {
                tag <<= 4;
                mask <<= 4;
            } else if (digit >= 0) {
                tag = (tag << 4) | digit;
                mask = (mask << 4) | 0xF;
            } else {
                throw new IllegalStateException(RESOURCE + " line " + number + ": bad tag");
            }
        }
        String vrText = text.substring(t2 + 1, t3);
        List<VR> vrs = vrLists.get(vrText);
        if (vrs == null) {
            vrs = parseVrs(vrText, number);
            vrLists.put(vrText, vrs);
        }
        String vm = text.substring(t3 + 1, t4);
        String known = vms.putIfAbsent(vm, vm);
        char retired = text.charAt(t4 + 1);
        if (retired != 'Y' && retired != 'N') {
            throw new IllegalStateException(RESOURCE + " line " + number + ": retired flag is not Y or N");
        }
        return new Entry(tag, mask, text.substring(t1 + 1, t2), text.substring(t5 + 1, end), vrs,
                known == null ? vm : known, retired == 'Y');
    }

    private static List<VR> parseVrs(String text, int number) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<VR> vrs = new ArrayList<>(3);
        try {
            for (String code : text.split(" or ", -1)) {
                vrs.add(VR.of(code));
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(RESOURCE + " line " + number + ": bad VR " + text, e);
        }
        return List.copyOf(vrs);
    }

    /** Holds the standard dictionary; the JVM initialises it on first access, once (JLS 12.4.2). */
    private static final class Holder {
        static final ElementDictionary STANDARD = load();
    }

    /**
     * Open-addressing hash table from {@code int} keys to entries (no boxing): the keys are the
     * entries' tags, probed linearly from a Fibonacci hash. Filled once in the constructor.
     */
    private static final class IntTable {
        private final int[] keys;
        private final Entry[] values;
        private final int shift;

        IntTable(List<Entry> entries) {
            int bits = 1;
            while ((1 << bits) < 2 * entries.size()) {
                bits++;
            }
            keys = new int[1 << bits];
            values = new Entry[1 << bits];
            shift = 32 - bits;
            int last = keys.length - 1;
            for (Entry e : entries) {
                int i = slot(e.tag());
                while (values[i] != null) {
                    if (keys[i] == e.tag()) {
                        throw new IllegalStateException("duplicate tag " + Tags.toHex(e.tag()));
                    }
                    i = (i + 1) & last;
                }
                keys[i] = e.tag();
                values[i] = e;
            }
        }

        private int slot(int key) {
            return (key * 0x9E3779B9) >>> shift;
        }

        Entry get(int key) {
            int last = keys.length - 1;
            for (int i = slot(key);; i = (i + 1) & last) {
                Entry e = values[i];
                if (e == null || keys[i] == key) {
                    return e;
                }
            }
        }
    }
}
