package org.dicomtools.deid.dicom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds DICOM byte streams by hand, element by element, for byte-level parser fixtures. Nothing here
 * uses the codec under test, so a fixture states exactly what is on the wire.
 */
final class DicomBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final boolean explicit;
    private final boolean bigEndian;

    private DicomBytes(boolean explicit, boolean bigEndian) {
        this.explicit = explicit;
        this.bigEndian = bigEndian;
    }

    static DicomBytes explicitLE() {
        return new DicomBytes(true, false);
    }

    static DicomBytes implicitLE() {
        return new DicomBytes(false, false);
    }

    static DicomBytes explicitBE() {
        return new DicomBytes(true, true);
    }

    DicomBytes u16(int v) {
        if (bigEndian) {
            out.write(v >> 8);
            out.write(v);
        } else {
            out.write(v);
            out.write(v >> 8);
        }
        return this;
    }

    DicomBytes u32(long v) {
        if (bigEndian) {
            out.write((int) (v >> 24));
            out.write((int) (v >> 16));
            out.write((int) (v >> 8));
            out.write((int) v);
        } else {
            out.write((int) v);
            out.write((int) (v >> 8));
            out.write((int) (v >> 16));
            out.write((int) (v >> 24));
        }
        return this;
    }

    DicomBytes raw(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    DicomBytes raw(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }

    DicomBytes tag(int tag) {
        return u16(tag >>> 16).u16(tag & 0xFFFF);
    }

    /** An element header with a defined or undefined (-1) length. */
    DicomBytes header(int tag, String vr, long length) {
        tag(tag);
        long len = length < 0 ? 0xFFFFFFFFL : length;
        if (explicit) {
            out.write(vr.charAt(0));
            out.write(vr.charAt(1));
            if (VR.of(vr).hasLongLength()) {
                u16(0).u32(len);
            } else {
                u16((int) len);
            }
        } else {
            u32(len);
        }
        return this;
    }

    DicomBytes element(int tag, String vr, byte[] value) {
        return header(tag, vr, value.length).raw(value);
    }

    /** A text element; the value must already have even length. */
    DicomBytes text(int tag, String vr, String value) {
        return element(tag, vr, value.getBytes(StandardCharsets.ISO_8859_1));
    }

    DicomBytes us(int tag, int value) {
        return header(tag, "US", 2).u16(value);
    }

    DicomBytes item(long length) {
        return tag(Tags.ITEM).u32(length < 0 ? 0xFFFFFFFFL : length);
    }

    DicomBytes itemEnd() {
        return tag(Tags.ITEM_DELIMITATION).u32(0);
    }

    DicomBytes sequenceEnd() {
        return tag(Tags.SEQUENCE_DELIMITATION).u32(0);
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    int size() {
        return out.size();
    }

    /** Prefixes the dataset with a preamble, DICM and explicit VR little endian File Meta Information. */
    static byte[] part10(String transferSyntax, byte[] dataset) {
        DicomBytes meta = explicitLE();
        byte[] ts = evenUid(transferSyntax);
        byte[] sopClass = evenUid("1.2.840.10008.5.1.4.1.1.7");
        byte[] sopInstance = evenUid("1.2.3.4");
        DicomBytes body = explicitLE()
                .element(0x00020001, "OB", new byte[] {0, 1})
                .element(0x00020002, "UI", sopClass)
                .element(0x00020003, "UI", sopInstance)
                .element(0x00020010, "UI", ts);
        meta.raw(new byte[128]).raw('D', 'I', 'C', 'M');
        meta.header(0x00020000, "UL", 4).u32(body.size()).raw(body.bytes());
        return meta.raw(dataset).bytes();
    }

    static byte[] evenUid(String uid) {
        byte[] b = uid.getBytes(StandardCharsets.US_ASCII);
        if ((b.length & 1) == 0) {
            return b;
        }
        byte[] p = new byte[b.length + 1];
        System.arraycopy(b, 0, p, 0, b.length);
        return p;
    }

    static Path write(Path dir, String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }
}
