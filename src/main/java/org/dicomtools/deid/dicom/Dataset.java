package org.dicomtools.deid.dicom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.dicomtools.deid.dicom.dict.ElementDictionary;

/**
 * A DICOM dataset or sequence item: elements kept sorted by tag in two parallel arrays (tags and
 * elements), with an append fast path for elements that arrive in order, as they do from a file.
 * Values stay as raw bytes; the accessors decode them with the Specific Character Set in force
 * (the nearest one in this item or its ancestors, PS3.5 7.5.3) and the byte order of the dataset.
 */
public final class Dataset implements Iterable<DicomElement> {
    private static final int[] NO_TAGS = new int[0];
    private static final DicomElement[] NO_ELEMENTS = new DicomElement[0];

    private final Dataset parent;
    private final boolean bigEndian;
    private int[] tags = NO_TAGS;
    private DicomElement[] elements = NO_ELEMENTS;
    private int size;
    private int modCount;
    private boolean undefinedLength = true;
    private long offset = -1;
    private SpecificCharacterSet characterSet;

    /** An empty top-level dataset in little-endian byte order. */
    public Dataset() {
        this(null, false);
    }

    /** An empty top-level dataset in the given byte order. */
    public Dataset(boolean bigEndian) {
        this(null, bigEndian);
    }

    Dataset(Dataset parent, boolean bigEndian) {
        this.parent = parent;
        this.bigEndian = bigEndian;
    }

    /** The dataset that holds the sequence this item belongs to; null at the top level. */
    public Dataset parent() {
        return parent;
    }

    /** Nesting depth: 0 at the top level, 1 in an item of a top-level sequence, and so on. */
    public int depth() {
        int d = 0;
        for (Dataset p = parent; p != null; p = p.parent) {
            d++;
        }
        return d;
    }

    public boolean bigEndian() {
        return bigEndian;
    }

    /** For items: true when the item was (and will be) encoded with undefined length. */
    public boolean undefinedLength() {
        return undefinedLength;
    }

    void undefinedLength(boolean undefined) {
        this.undefinedLength = undefined;
    }

    /** Offset of the item header in the source, or -1. */
    public long offset() {
        return offset;
    }

    void offset(long offset) {
        this.offset = offset;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    private int indexOf(int tag) {
        // Unsigned order: group FFFE/FFFC sorts after everything else.
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Integer.compareUnsigned(tags[mid], tag);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    /** The highest tag in the dataset; the dataset must not be empty. */
    int lastTag() {
        return tags[size - 1];
    }

    /** The element with this tag, or null. */
    public DicomElement get(int tag) {
        int i = indexOf(tag);
        return i >= 0 ? elements[i] : null;
    }

    public boolean contains(int tag) {
        return indexOf(tag) >= 0;
    }

    /** Adds the element, replacing any element with the same tag. */
    public void set(DicomElement element) {
        int tag = element.tag();
        if (tag == 0x00080005) {
            invalidateCharacterSet();
        }
        if (size > 0 && Integer.compareUnsigned(tags[size - 1], tag) < 0) {
            insertAt(size, element);
            return;
        }
        int i = indexOf(tag);
        if (i >= 0) {
            elements[i] = element;
            modCount++;
        } else {
            insertAt(-i - 1, element);
        }
    }

    private void insertAt(int index, DicomElement element) {
        if (size == tags.length) {
            int n = Math.max(16, size * 2);
            tags = Arrays.copyOf(tags, n);
            elements = Arrays.copyOf(elements, n);
        }
        System.arraycopy(tags, index, tags, index + 1, size - index);
        System.arraycopy(elements, index, elements, index + 1, size - index);
        tags[index] = element.tag();
        elements[index] = element;
        size++;
        modCount++;
    }

    /** Removes the element with this tag; returns it, or null when there was none. */
    public DicomElement remove(int tag) {
        int i = indexOf(tag);
        if (i < 0) {
            return null;
        }
        DicomElement e = elements[i];
        System.arraycopy(tags, i + 1, tags, i, size - i - 1);
        System.arraycopy(elements, i + 1, elements, i, size - i - 1);
        size--;
        elements[size] = null;
        modCount++;
        if (tag == 0x00080005) {
            invalidateCharacterSet();
        }
        return e;
    }

    private void invalidateCharacterSet() {
        characterSet = null;
    }

    /** A snapshot of the elements in tag order, safe to iterate while modifying the dataset. */
    public List<DicomElement> elements() {
        return new ArrayList<>(Arrays.asList(elements).subList(0, size));
    }

    /** Iterates in tag order; fails fast if the dataset is modified meanwhile. */
    @Override
    public Iterator<DicomElement> iterator() {
        return new Iterator<>() {
            private final int expected = modCount;
            private int next;

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            public DicomElement next() {
                if (expected != modCount) {
                    throw new ConcurrentModificationException();
                }
                if (next >= size) {
                    throw new NoSuchElementException();
                }
                return elements[next++];
            }
        };
    }

    // ---------------------------------------------------------------- character set

    /**
     * The Specific Character Set in force for this dataset: its own (0008,0005), or the nearest
     * ancestor's, or the default repertoire.
     */
    public SpecificCharacterSet characterSet() {
        SpecificCharacterSet cs = characterSet;
        if (cs != null) {
            return cs;
        }
        DicomElement e = get(0x00080005);
        if (e != null && e.isInline()) {
            // Only a dataset's own value is cached: an inherited one may change with the ancestor.
            cs = SpecificCharacterSet.of(decodeStrings(e, VR.CS, SpecificCharacterSet.DEFAULT));
            characterSet = cs;
            return cs;
        }
        return parent != null ? parent.characterSet() : SpecificCharacterSet.DEFAULT;
    }

    // ---------------------------------------------------------------- decoding

    /**
     * The VR to interpret an element's value with: its own, or for UN the dictionary's (first choice
     * of "US or SS" style alternatives), so that a standard element written as UN still decodes.
     */
    public static VR effectiveVR(DicomElement e) {
        if (e.vr() != VR.UN) {
            return e.vr();
        }
        VR v = ElementDictionary.standard().vrOf(e.tag());
        return v == VR.SQ ? VR.UN : v;
    }

    /**
     * The values of a text element, decoded and split at backslashes (not for LT, ST, UT, UR), with
     * padding removed: trailing spaces (and NULs for UI) always, leading spaces where they are not
     * significant (PS3.5 6.2). Binary values are formatted as decimal text (AT as {@code GGGGEEEE}).
     * Empty list for an element without value, a sequence, fragments or bulk data.
     */
    public List<String> strings(DicomElement e) {
        if (!e.isInline()) {
            return List.of();
        }
        VR vr = effectiveVR(e);
        if (vr.isText()) {
            return decodeStrings(e, vr, characterSet());
        }
        if (vr.kind() == VR.Kind.BINARY) {
            return formatBinary(e.raw(), vr);
        }
        return List.of();
    }

    private static List<String> decodeStrings(DicomElement e, VR vr, SpecificCharacterSet cs) {
        byte[] raw = e.raw();
        if (raw.length == 0) {
            return List.of();
        }
        String s = cs.decode(raw, vr);
        if (vr.isSingleValuedText()) {
            return List.of(trimValue(s, vr));
        }
        List<String> out = new ArrayList<>(2);
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == '\\') {
                out.add(trimValue(s.substring(start, i), vr));
                start = i + 1;
            }
        }
        return out;
    }

    /** Removes the padding of one value as PS3.5 6.2 allows for its VR. */
    static String trimValue(String s, VR vr) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) {
            end--;
        }
        int start = 0;
        if (vr != VR.LT && vr != VR.ST && vr != VR.UT && vr != VR.UC && vr != VR.PN) {
            while (start < end && s.charAt(start) == ' ') {
                start++;
            }
        }
        return s.substring(start, end);
    }

    private List<String> formatBinary(byte[] raw, VR vr) {
        ByteBuffer b = ByteBuffer.wrap(raw).order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        int n = raw.length / vr.unitSize();
        if (vr == VR.AT) {
            n = raw.length / 4;
        }
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            switch (vr) {
                case US -> out.add(Integer.toString(b.getShort() & 0xFFFF));
                case SS -> out.add(Integer.toString(b.getShort()));
                case UL -> out.add(Long.toString(b.getInt() & 0xFFFFFFFFL));
                case SL -> out.add(Integer.toString(b.getInt()));
                case FL -> out.add(Float.toString(b.getFloat()));
                case FD -> out.add(Double.toString(b.getDouble()));
                case SV -> out.add(Long.toString(b.getLong()));
                case UV -> out.add(Long.toUnsignedString(b.getLong()));
                case AT -> out.add(Tags.toHex(Tags.of(b.getShort() & 0xFFFF, b.getShort() & 0xFFFF)));
                default -> throw new IllegalStateException(vr.toString());
            }
        }
        return out;
    }

    /** All values of the element with this tag (see {@link #strings(DicomElement)}); empty if absent. */
    public List<String> getStrings(int tag) {
        DicomElement e = get(tag);
        return e == null ? List.of() : strings(e);
    }

    /** The first value of the element with this tag, or null when absent or empty. */
    public String getString(int tag) {
        List<String> values = getStrings(tag);
        return values.isEmpty() || values.get(0).isEmpty() ? null : values.get(0);
    }

    /**
     * The first value as an integer (US, SS, UL, SL, IS and friends), or {@code defaultValue} when
     * absent, empty or not a number.
     */
    public int getInt(int tag, int defaultValue) {
        String s = getString(tag);
        if (s == null) {
            return defaultValue;
        }
        try {
            return (int) Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            try {
                return (int) Double.parseDouble(s.trim());
            } catch (NumberFormatException e2) {
                return defaultValue;
            }
        }
    }

    // ---------------------------------------------------------------- encoding

    /**
     * Sets a text element to the given values, encoded with the character set in force (default
     * repertoire for VRs that only allow it), joined by backslashes and padded to even length.
     */
    public void setString(int tag, VR vr, String... values) {
        if (!vr.isText()) {
            throw new IllegalArgumentException(vr + " is not a text VR");
        }
        set(DicomElement.read(tag, vr, encodeText(vr, values), false, -1));
    }

    /** Encodes text values as this dataset would store them, padded to even length. */
    public byte[] encodeText(VR vr, String... values) {
        String joined = String.join("\\", values);
        byte[] b = vr.kind() == VR.Kind.TEXT_SPECIFIC
                ? characterSet().encode(joined, vr)
                : SpecificCharacterSet.DEFAULT.encode(joined, vr);
        if ((b.length & 1) != 0) {
            b = Arrays.copyOf(b, b.length + 1);
            b[b.length - 1] = vr.paddingByte();
        }
        return b;
    }

    /** Sets a binary element (US, SS, UL, SL) to the given integer values in this dataset's byte order. */
    public void setInts(int tag, VR vr, int... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * vr.unitSize())
                .order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            switch (vr) {
                case US, SS -> b.putShort((short) v);
                case UL, SL -> b.putInt(v);
                default -> throw new IllegalArgumentException(vr + " is not an integer VR");
            }
        }
        set(DicomElement.read(tag, vr, b.array(), false, -1));
    }

    /** Sets an element to raw bytes already in this dataset's byte order (copied, padded to even length). */
    public void setBytes(int tag, VR vr, byte[] value) {
        byte[] b = value;
        if ((b.length & 1) != 0) {
            b = Arrays.copyOf(b, b.length + 1);
            b[b.length - 1] = vr.paddingByte();
        } else {
            b = b.clone();
        }
        set(DicomElement.read(tag, vr, b, false, -1));
    }

    /** Adds an empty sequence element with this tag (replacing any element) and returns the sequence. */
    public Sequence newSequence(int tag) {
        Sequence seq = new Sequence(this);
        set(DicomElement.of(tag, VR.SQ, seq, true));
        return seq;
    }

    // ---------------------------------------------------------------- private blocks

    /**
     * The private creator that reserves the block of a private data element (PS3.5 7.8.1), or null
     * when the creator element is missing or empty.
     */
    public String privateCreatorOf(int tag) {
        if (!Tags.isPrivateData(tag)) {
            return null;
        }
        DicomElement creator = get(Tags.creatorOf(tag));
        if (creator == null || !creator.isInline()) {
            return null;
        }
        List<String> v = decodeStrings(creator, VR.LO, characterSet());
        return v.isEmpty() || v.get(0).isEmpty() ? null : v.get(0);
    }

    /**
     * Resolves an element addressed by creator: the tag of element {@code elementOffset} (00-FF) in
     * the block that {@code creator} reserved in {@code group}, or -1 when this dataset has no such
     * block. Creator names compare after trimming padding, case-sensitively (PS3.5 7.8.1).
     */
    public int privateTag(String creator, int group, int elementOffset) {
        for (int block = 0x10; block <= 0xFF; block++) {
            DicomElement e = get(Tags.of(group, block));
            if (e != null && e.isInline()) {
                List<String> v = decodeStrings(e, VR.LO, characterSet());
                if (!v.isEmpty() && v.get(0).equals(creator.trim())) {
                    return Tags.of(group, (block << 8) | (elementOffset & 0xFF));
                }
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return "Dataset[" + size + " elements]";
    }
}
