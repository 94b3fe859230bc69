package org.dicomtools.deid.dicom;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One data element: tag, VR and value. The value is one of raw bytes in the byte order of the
 * holding dataset, a {@link BulkData} reference, a {@link Sequence} or encapsulated
 * {@link Fragments}. Raw bytes are never decoded here: {@link Dataset} decodes them with the
 * character set and byte order in force.
 *
 * <p>The element header is rebuilt on write from the VR, the value length and the
 * {@link #undefinedLength()} flag, so an element that nothing changed is written with the same bytes
 * it was read from.
 */
public final class DicomElement {
    private final int tag;
    private final VR vr;
    private final Object value;
    private final boolean undefinedLength;
    private final long offset;

    private DicomElement(int tag, VR vr, Object value, boolean undefinedLength, long offset) {
        this.tag = tag;
        this.vr = Objects.requireNonNull(vr, "vr");
        this.value = Objects.requireNonNull(value, "value");
        this.undefinedLength = undefinedLength;
        this.offset = offset;
    }

    /** An element whose value is {@code bytes} (copied), already in the holding dataset's byte order. */
    public static DicomElement of(int tag, VR vr, byte[] bytes) {
        if (vr == VR.SQ) {
            throw new IllegalArgumentException("SQ element needs a Sequence: " + Tags.toString(tag));
        }
        return new DicomElement(tag, vr, bytes.clone(), false, -1);
    }

    /** An element whose value stays on disk. */
    public static DicomElement of(int tag, VR vr, BulkData bulk) {
        return new DicomElement(tag, vr, bulk, false, -1);
    }

    /**
     * A sequence element. {@code vr} is SQ, or UN for a sequence that was read from a UN element of
     * undefined length and is written back the same way.
     */
    public static DicomElement of(int tag, VR vr, Sequence sequence, boolean undefinedLength) {
        if (vr != VR.SQ && vr != VR.UN) {
            throw new IllegalArgumentException("a sequence needs VR SQ or UN, not " + vr);
        }
        return new DicomElement(tag, vr, sequence, undefinedLength, -1);
    }

    /** An encapsulated pixel data element (always of undefined length). */
    public static DicomElement of(int tag, VR vr, Fragments fragments) {
        return new DicomElement(tag, vr, fragments, true, -1);
    }

    static DicomElement read(int tag, VR vr, Object value, boolean undefinedLength, long offset) {
        return new DicomElement(tag, vr, value, undefinedLength, offset);
    }

    public int tag() {
        return tag;
    }

    public VR vr() {
        return vr;
    }

    /** Offset of the element header in the source, or -1 for an element built in memory. */
    public long offset() {
        return offset;
    }

    /** True when the element was (and will be) encoded with undefined length. */
    public boolean undefinedLength() {
        return undefinedLength;
    }

    public boolean isSequence() {
        return value instanceof Sequence;
    }

    public boolean isFragments() {
        return value instanceof Fragments;
    }

    /** True when the value is left on disk. */
    public boolean isBulk() {
        return value instanceof BulkData;
    }

    /** True when the value is bytes in memory. */
    public boolean isInline() {
        return value instanceof byte[];
    }

    /** The sequence, or null when this is not a sequence element. */
    public Sequence sequence() {
        return value instanceof Sequence s ? s : null;
    }

    /** The fragments, or null when the pixel data is not encapsulated. */
    public Fragments fragments() {
        return value instanceof Fragments f ? f : null;
    }

    /** The on-disk reference, or null when the value is not bulk data. */
    public BulkData bulkData() {
        return value instanceof BulkData b ? b : null;
    }

    /**
     * Length of the value in bytes for inline and bulk values; -1 for sequences and fragments, whose
     * length depends on how they are encoded.
     */
    public long length() {
        if (value instanceof byte[] b) {
            return b.length;
        }
        if (value instanceof BulkData bulk) {
            return bulk.length();
        }
        return -1;
    }

    /** A read-only view of an inline value (no copy); empty for other values. */
    public ByteBuffer buffer() {
        return value instanceof byte[] b ? ByteBuffer.wrap(b).asReadOnlyBuffer() : ByteBuffer.allocate(0);
    }

    /** A copy of an inline value; bulk values are read from disk up to {@code maxBytes}. */
    public byte[] bytes(int maxBytes) throws IOException {
        if (value instanceof byte[] b) {
            return b.clone();
        }
        if (value instanceof BulkData bulk) {
            return bulk.read(maxBytes);
        }
        throw new IllegalStateException(Tags.toString(tag) + " has no byte value");
    }

    /** The inline bytes without copying; package-private so only the codec can see them. */
    byte[] raw() {
        return value instanceof byte[] b ? b : null;
    }

    Object value() {
        return value;
    }

    /** The same value under another VR (used when a UN element's real VR is known). */
    public DicomElement withVR(VR newVR) {
        return new DicomElement(tag, newVR, value, undefinedLength, offset);
    }

    @Override
    public String toString() {
        return Tags.toString(tag) + " " + vr + " " + (isSequence() ? sequence().size() + " items"
                : isFragments() ? fragments().size() + " fragments" : length() + " bytes");
    }
}
