package org.dicomtools.deid.pixel;

import java.util.List;
import java.util.Locale;

import org.dicomtools.deid.dicom.Dataset;
import org.dicomtools.deid.dicom.DicomElement;
import org.dicomtools.deid.dicom.VR;
import org.dicomtools.deid.dicom.dict.Tag;

/**
 * How native (uncompressed) pixel data is laid out, from the Image Pixel Module attributes
 * (PS3.3 C.7.6.3) and the byte order of the dataset (PS3.5 8.1.1, 8.2).
 *
 * <p>Supported: Bits Allocated 8, 16 or 32 (32 in little-endian datasets only); Bits Stored and High
 * Bit anywhere inside the cell; unsigned and two's complement samples; one sample per pixel
 * (MONOCHROME1, MONOCHROME2, PALETTE COLOR) or three (RGB, YBR_FULL, and YBR_FULL_422 or
 * YBR_PARTIAL_422 with Planar Configuration 0); Planar Configuration 0 and 1; any number of frames.
 * Not supported: Bits Allocated 1 (frames are not byte-aligned), other bit depths, 32-bit samples in
 * big-endian datasets, and the retired ARGB, CMYK and HSV interpretations.
 *
 * @param rows Rows (0028,0010)
 * @param columns Columns (0028,0011)
 * @param samplesPerPixel Samples per Pixel (0028,0002): 1 or 3
 * @param bitsAllocated Bits Allocated (0028,0100): 8, 16 or 32
 * @param bitsStored Bits Stored (0028,0101)
 * @param highBit High Bit (0028,0102)
 * @param signed Pixel Representation (0028,0103) is 1 (two's complement)
 * @param planarConfiguration Planar Configuration (0028,0006): 0 (R1G1B1R2G2B2...) or 1 (RRR...GGG...BBB...)
 * @param frames Number of Frames (0028,0008), 1 when absent
 * @param photometric Photometric Interpretation (0028,0004), trimmed and in upper case
 * @param bigEndian samples wider than 8 bits are stored most significant byte first
 * @param byteSwapped8 8-bit samples in an OW value of a big-endian dataset: each 16-bit word holds two
 *     samples, the first in its low byte, so byte {@code i} of the value holds sample {@code i ^ 1}
 */
public record PixelLayout(int rows, int columns, int samplesPerPixel, int bitsAllocated, int bitsStored,
        int highBit, boolean signed, int planarConfiguration, int frames, String photometric, boolean bigEndian,
        boolean byteSwapped8) {

    private static final List<String> MONOCHROME_OR_PALETTE = List.of("MONOCHROME1", "MONOCHROME2", "PALETTE COLOR");
    private static final List<String> COLOR = List.of("RGB", "YBR_FULL", "YBR_FULL_422", "YBR_PARTIAL_422");

    public PixelLayout {
        if (rows <= 0 || columns <= 0) {
            throw new IllegalArgumentException("rows and columns must be positive");
        }
        if (bitsAllocated != 8 && bitsAllocated != 16 && bitsAllocated != 32) {
            throw new IllegalArgumentException("bitsAllocated " + bitsAllocated);
        }
        if (bitsStored < 1 || bitsStored > bitsAllocated || highBit < bitsStored - 1 || highBit >= bitsAllocated) {
            throw new IllegalArgumentException("bitsStored " + bitsStored + ", highBit " + highBit);
        }
        if (samplesPerPixel != 1 && samplesPerPixel != 3) {
            throw new IllegalArgumentException("samplesPerPixel " + samplesPerPixel);
        }
        if (frames < 1) {
            throw new IllegalArgumentException("frames " + frames);
        }
    }

    /**
     * Reads the layout of the top-level Pixel Data of {@code ds}.
     *
     * @throws PixelDataException when an attribute is missing or invalid, or the layout is not supported
     */
    public static PixelLayout of(Dataset ds) throws PixelDataException {
        int rows = required(ds, Tag.Rows, "Rows (0028,0010)");
        int columns = required(ds, Tag.Columns, "Columns (0028,0011)");
        int bitsAllocated = required(ds, Tag.BitsAllocated, "Bits Allocated (0028,0100)");
        if (bitsAllocated != 8 && bitsAllocated != 16 && bitsAllocated != 32) {
            throw new PixelDataException("Bits Allocated " + bitsAllocated + " is not supported (only 8, 16 and 32)");
        }
        int bitsStored = ds.getInt(Tag.BitsStored, bitsAllocated);
        int highBit = ds.getInt(Tag.HighBit, bitsStored - 1);
        if (bitsStored < 1 || bitsStored > bitsAllocated || highBit < bitsStored - 1 || highBit >= bitsAllocated) {
            throw new PixelDataException("Bits Stored " + bitsStored + " and High Bit " + highBit
                    + " do not fit in Bits Allocated " + bitsAllocated);
        }
        int representation = ds.getInt(Tag.PixelRepresentation, 0);
        if (representation != 0 && representation != 1) {
            throw new PixelDataException("Pixel Representation " + representation + " is not 0 or 1");
        }
        int samples = ds.getInt(Tag.SamplesPerPixel, 1);
        String photometric = ds.getString(Tag.PhotometricInterpretation);
        if (photometric == null) {
            throw new PixelDataException("Photometric Interpretation (0028,0004) is missing");
        }
        photometric = photometric.trim().toUpperCase(Locale.ROOT);
        if (MONOCHROME_OR_PALETTE.contains(photometric)) {
            if (samples != 1) {
                throw new PixelDataException(photometric + " needs 1 sample per pixel, not " + samples);
            }
        } else if (COLOR.contains(photometric)) {
            if (samples != 3) {
                throw new PixelDataException(photometric + " needs 3 samples per pixel, not " + samples);
            }
        } else {
            throw new PixelDataException("Photometric Interpretation " + photometric
                    + " is not supported in native pixel data");
        }
        int planar = samples == 3 ? ds.getInt(Tag.PlanarConfiguration, 0) : 0;
        if (planar != 0 && planar != 1) {
            throw new PixelDataException("Planar Configuration " + planar + " is not 0 or 1");
        }
        if (photometric.endsWith("_422")) {
            if (planar != 0) {
                throw new PixelDataException(photometric + " needs Planar Configuration 0 (PS3.3 C.7.6.3.1.2)");
            }
            if (columns % 2 != 0) {
                throw new PixelDataException(photometric + " with an odd number of columns (" + columns
                        + ") is not supported");
            }
        }
        int frames = frames(ds);
        boolean bigEndian = ds.bigEndian();
        if (bigEndian && bitsAllocated == 32) {
            throw new PixelDataException("32-bit samples in a big-endian dataset are not supported");
        }
        DicomElement pixels = ds.get(Tag.PixelData);
        boolean swapped = bigEndian && bitsAllocated == 8 && pixels != null && pixels.vr() == VR.OW;
        PixelLayout layout = new PixelLayout(rows, columns, samples, bitsAllocated, bitsStored, highBit,
                representation == 1, planar, frames, photometric, bigEndian, swapped);
        if (swapped && frames > 1 && layout.frameLength() % 2 != 0) {
            // Frames would start in the middle of a 16-bit word; no known writer produces this.
            throw new PixelDataException("8-bit samples in an OW value of a big-endian dataset with several frames"
                    + " of odd length are not supported");
        }
        return layout;
    }

    private static int required(Dataset ds, int tag, String name) throws PixelDataException {
        int v = ds.getInt(tag, -1);
        if (v <= 0) {
            throw new PixelDataException(name + (ds.contains(tag) ? " is not a positive number" : " is missing"));
        }
        return v;
    }

    private static int frames(Dataset ds) throws PixelDataException {
        String s = ds.getString(Tag.NumberOfFrames);
        if (s == null) {
            return 1;
        }
        try {
            int n = Integer.parseInt(s.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            throw new PixelDataException("Number of Frames '" + s + "' is not a number", e);
        }
        throw new PixelDataException("Number of Frames " + s + " is not positive");
    }

    /** Bytes per sample: 1, 2 or 4. */
    public int bytesPerSample() {
        return bitsAllocated / 8;
    }

    /** True for YBR_FULL_422 and YBR_PARTIAL_422: two luminance samples share one pair of chrominance samples. */
    public boolean subsampled() {
        return photometric.endsWith("_422");
    }

    /** Bytes of one frame (frames follow each other without padding, PS3.5 8.2). */
    public long frameLength() {
        long pixels = (long) rows * columns;
        long samplesPerFrame = subsampled() ? pixels * 2 : pixels * samplesPerPixel;
        return samplesPerFrame * bytesPerSample();
    }

    /** Bytes of all frames, without the padding byte that an odd total gets (PS3.5 7.1.1). */
    public long valueLength() {
        return frameLength() * frames;
    }

    /** Bit position of the least significant stored bit. */
    public int lowBit() {
        return highBit - bitsStored + 1;
    }

    /** The smallest value a sample can hold: 0, or -2^(BitsStored-1) when signed. */
    public long minValue() {
        return signed ? -(1L << (bitsStored - 1)) : 0;
    }

    /** The largest value a sample can hold: 2^BitsStored - 1, or 2^(BitsStored-1) - 1 when signed. */
    public long maxValue() {
        return signed ? (1L << (bitsStored - 1)) - 1 : (1L << bitsStored) - 1;
    }

    /**
     * The cell (BitsAllocated bits) that stores {@code value}: the value in the stored bits, bits below
     * them zero, bits above High Bit a copy of the sign for signed samples and zero otherwise.
     */
    public long cellOf(long value) {
        long storedMask = (1L << bitsStored) - 1;
        long cell = (value & storedMask) << lowBit();
        if (signed && value < 0) {
            long allMask = (1L << bitsAllocated) - 1;
            long aboveHigh = allMask & ~((1L << (highBit + 1)) - 1);
            cell |= aboveHigh;
        }
        return cell;
    }

    /** The sample value a cell holds: its stored bits, sign-extended when signed (other bits ignored). */
    public long valueOf(long cell) {
        long v = (cell >>> lowBit()) & ((1L << bitsStored) - 1);
        if (signed && (v & (1L << (bitsStored - 1))) != 0) {
            v -= 1L << bitsStored;
        }
        return v;
    }
}
