package org.dicomtools.deid.pixel;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import org.dicomtools.deid.dicom.BulkData;
import org.dicomtools.deid.dicom.Dataset;
import org.dicomtools.deid.dicom.DicomElement;
import org.dicomtools.deid.dicom.Fragments;
import org.dicomtools.deid.dicom.dict.Tag;

/**
 * A SHA-256 fingerprint of an image's pixel data, which the review manifest keys decisions on: a
 * decision stays valid only while the pixels are byte for byte the ones that were reviewed.
 *
 * <p>What is hashed is the value of Pixel Data (7FE0,0010) (or, without it, Float Pixel Data
 * (7FE0,0008), then Double Float Pixel Data (7FE0,0009)) exactly as a file stores it:
 * <ul>
 * <li>native data: the value bytes in the dataset's byte order, the padding byte of an odd length
 *     included;</li>
 * <li>encapsulated data: every item as encoded (PS3.5 A.4), the Basic Offset Table first, each as the
 *     bytes {@code FE FF 00 E0}, its 32-bit little-endian length and its content, then the sequence
 *     delimiter {@code FE FF DD E0 00 00 00 00}. The item headers make fragment boundaries count, so
 *     two different fragmentations of the same stream hash differently, as do different offset
 *     tables.</li>
 * </ul>
 * The hash therefore changes with any re-encoding (transfer syntax, byte order, fragmentation) even
 * when the decoded pixels are the same; that is intended, since the reviewer looked at these bytes.
 * Values are streamed from disk, never loaded whole.
 */
public final class PixelHash {
    private static final byte[] ITEM = {(byte) 0xFE, (byte) 0xFF, 0x00, (byte) 0xE0};
    private static final byte[] SEQUENCE_DELIMITER = {(byte) 0xFE, (byte) 0xFF, (byte) 0xDD, (byte) 0xE0, 0, 0, 0, 0};
    private static final int MAX_INLINE_FRAGMENT = Integer.MAX_VALUE - 16;

    private PixelHash() {
    }

    /**
     * The lower-case hexadecimal SHA-256 of the pixel data value (see the class description), or empty
     * when the dataset has no pixel data.
     */
    public static Optional<String> sha256(Dataset ds) throws IOException {
        DicomElement e = ds.get(Tag.PixelData);
        if (e == null) {
            e = ds.get(Tag.FloatPixelData);
        }
        if (e == null) {
            e = ds.get(Tag.DoubleFloatPixelData);
        }
        if (e == null) {
            return Optional.empty();
        }
        MessageDigest md = newDigest();
        if (e.isFragments()) {
            Fragments f = e.fragments();
            for (int i = 0; i < f.size(); i++) {
                long length = f.length(i);
                md.update(ITEM);
                md.update(new byte[] {(byte) length, (byte) (length >> 8), (byte) (length >> 16), (byte) (length >> 24)});
                if (f.isBulk(i)) {
                    update(md, f.bulk(i));
                } else {
                    md.update(f.bytes(i, MAX_INLINE_FRAGMENT));
                }
            }
            md.update(SEQUENCE_DELIMITER);
        } else if (e.isBulk()) {
            update(md, e.bulkData());
        } else if (e.isInline()) {
            md.update(e.buffer());
        } else {
            throw new IOException("Pixel Data " + e + " is neither a byte value nor encapsulated");
        }
        return Optional.of(HexFormat.of().formatHex(md.digest()));
    }

    private static void update(MessageDigest md, BulkData bulk) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long read = 0;
        try (InputStream in = bulk.openStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                md.update(buffer, 0, n);
                read += n;
            }
        }
        if (read != bulk.length()) {
            throw new IOException(bulk.file() + ": file ended inside Pixel Data (" + read + " of " + bulk.length()
                    + " bytes at offset " + bulk.offset() + ")");
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
