package org.dicomtools.deid.pixel;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

import org.dicomtools.deid.dicom.Dataset;
import org.dicomtools.deid.dicom.DicomElement;
import org.dicomtools.deid.dicom.dict.Tag;

/**
 * The red, green and blue Palette Color Lookup Tables of an image (PS3.3 C.7.6.3.1.5 and C.7.6.3.1.6),
 * as 16-bit intensities. Only the plain tables are read; segmented tables (0028,1221-1223) are not.
 */
final class PaletteLut {
    private static final int MAX_TABLE_BYTES = 1 << 20;

    private final long firstMapped;
    private final int[][] rgb;

    private PaletteLut(long firstMapped, int[][] rgb) {
        this.firstMapped = firstMapped;
        this.rgb = rgb;
    }

    /**
     * The tables of {@code ds}, or null when they are missing, segmented, or inconsistent (the three
     * descriptors must agree, and each table must hold one byte or one 16-bit word per entry).
     */
    static PaletteLut of(Dataset ds, boolean signed) throws IOException {
        int[] descriptorTags = {Tag.RedPaletteColorLookupTableDescriptor, Tag.GreenPaletteColorLookupTableDescriptor,
            Tag.BluePaletteColorLookupTableDescriptor};
        int[] dataTags = {Tag.RedPaletteColorLookupTableData, Tag.GreenPaletteColorLookupTableData,
            Tag.BluePaletteColorLookupTableData};
        List<String> first = ds.getStrings(descriptorTags[0]);
        if (first.size() != 3) {
            return null;
        }
        for (int i = 1; i < 3; i++) {
            if (!ds.getStrings(descriptorTags[i]).equals(first)) {
                return null;
            }
        }
        int entries;
        long mapped;
        int bits;
        try {
            entries = Integer.parseInt(first.get(0)) & 0xFFFF;
            mapped = Long.parseLong(first.get(1));
            bits = Integer.parseInt(first.get(2));
        } catch (NumberFormatException e) {
            return null;
        }
        entries = entries == 0 ? 65536 : entries;
        // The descriptor's first mapped value has the sign of the pixel samples (PS3.3 C.7.6.3.1.5).
        mapped = signed ? (short) mapped : mapped & 0xFFFF;
        if (bits != 8 && bits != 16) {
            return null;
        }
        int[][] tables = new int[3][];
        for (int i = 0; i < 3; i++) {
            DicomElement data = ds.get(dataTags[i]);
            if (data == null || !(data.isInline() || data.isBulk()) || data.length() > MAX_TABLE_BYTES) {
                return null;
            }
            tables[i] = table(data.bytes(MAX_TABLE_BYTES), entries, bits, ds.bigEndian());
            if (tables[i] == null) {
                return null;
            }
        }
        return new PaletteLut(mapped, tables);
    }

    private static int[] table(byte[] data, int entries, int bits, boolean bigEndian) {
        int[] out = new int[entries];
        if (data.length == entries || (bits == 8 && data.length == entries + 1 && entries % 2 == 1)) {
            for (int i = 0; i < entries; i++) {
                out[i] = (data[i] & 0xFF) * 257;
            }
            return out;
        }
        if (data.length != 2 * entries) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(data).order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        int max = 0;
        for (int i = 0; i < entries; i++) {
            out[i] = b.getShort() & 0xFFFF;
            max = Math.max(max, out[i]);
        }
        if (bits == 8 && max <= 255) {
            // 8-bit entries written one per 16-bit word.
            for (int i = 0; i < entries; i++) {
                out[i] *= 257;
            }
        }
        return out;
    }

    /** Number of entries. */
    int size() {
        return rgb[0].length;
    }

    /** The stored pixel value that maps to entry 0. */
    long firstMapped() {
        return firstMapped;
    }

    /** The entry index for a stored value: values outside the table map to its first or last entry. */
    int index(long value) {
        long i = value - firstMapped;
        return (int) Math.max(0, Math.min(size() - 1, i));
    }

    /** The colour of a stored value as 8-bit {@code 0xRRGGBB}. */
    int rgb(long value) {
        int i = index(value);
        return ((rgb[0][i] >> 8) << 16) | ((rgb[1][i] >> 8) << 8) | (rgb[2][i] >> 8);
    }

    /** The stored value of the darkest entry (lowest Rec. 601 luma; the first of equals). */
    long darkestValue() {
        int best = 0;
        long bestLuma = Long.MAX_VALUE;
        for (int i = 0; i < size(); i++) {
            long luma = 299L * rgb[0][i] + 587L * rgb[1][i] + 114L * rgb[2][i];
            if (luma < bestLuma) {
                bestLuma = luma;
                best = i;
            }
        }
        return firstMapped + best;
    }
}
