package org.dicomtools.deid.pixel;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.dicomtools.deid.dicom.BulkData;
import org.dicomtools.deid.dicom.Dataset;
import org.dicomtools.deid.dicom.DicomElement;
import org.dicomtools.deid.dicom.dict.Tag;

/**
 * Blanks rectangles in every frame of native (uncompressed) Pixel Data. The layouts of
 * {@link PixelLayout} are supported; anything else raises a {@link PixelDataException} so that the
 * image can be flagged for review instead.
 *
 * <p>Masked pixels get the value that displays as black (see {@link #fillValues}):
 * <ul>
 * <li>MONOCHROME2: the lowest value the stored bits can hold (0, or -2<sup>BitsStored-1</sup> when
 *     signed), black under any window and any increasing Modality LUT;</li>
 * <li>MONOCHROME1: the highest value (2<sup>BitsStored</sup>-1, or 2<sup>BitsStored-1</sup>-1 when signed),
 *     which MONOCHROME1 displays as black;</li>
 * <li>RGB: 0,0,0; YBR_FULL and YBR_FULL_422: luminance 0 and both chrominances at the midpoint
 *     (0,128,128 for 8 bits); YBR_PARTIAL_422: 16,128,128 (scaled for more bits);</li>
 * <li>PALETTE COLOR: the stored value of the darkest entry of the palette (lowest Rec. 601 luma);
 *     when the palette cannot be read (segmented or inconsistent), its first mapped value.</li>
 * </ul>
 * A viewer that windows an image from its minimum and maximum sees a wider range once a signed
 * image holds its lowest value, and Smallest/Largest Image Pixel Value (0028,0106/0107), if present,
 * no longer bound the data: callers should remove or update them. Bits above High Bit are set to the
 * sign (signed) or zero; bits below the stored bits are zero. For YBR 4:2:2 a rectangle is widened to
 * whole pixel pairs, because the two pixels of a pair share their chrominance. Bytes after the last
 * frame (the padding byte, or a tail shorter than a frame that some writers leave) are set to zero:
 * they are not pixels, and nothing unmasked should survive in them.
 *
 * <p>Memory stays bounded: pixel data longer than the inline limit is read one frame at a time from
 * its source and written to a temporary file, so a 2 GB multi-frame image needs one frame of heap.
 */
public final class NativePixelMasker {

    /** Masked pixel data up to this many bytes is returned in memory; larger data goes to a temporary file. */
    public static final int DEFAULT_INLINE_LIMIT = 1 << 20;

    /** Largest frame handled (a Java array bound). */
    private static final long MAX_FRAME = Integer.MAX_VALUE - 16;

    private NativePixelMasker() {
    }

    /** {@link #mask(Dataset, List, Path, int)} with {@link #DEFAULT_INLINE_LIMIT}. */
    public static DicomElement mask(Dataset ds, List<Rect> rects, Path tempDir) throws PixelDataException, IOException {
        return mask(ds, rects, tempDir, DEFAULT_INLINE_LIMIT);
    }

    /**
     * Masks {@code rects} in every frame of the Pixel Data (7FE0,0010) of {@code ds} and returns the new
     * Pixel Data element (same tag and VR; {@code ds} is not changed). Rectangles are clipped to the
     * image. When no rectangle covers any pixel, the original element is returned.
     *
     * @param tempDir where to create the temporary file for a result longer than {@code inlineLimit};
     *     the returned {@link BulkData} refers to it and the caller deletes it once the dataset is written
     * @param inlineLimit results up to this many bytes are returned in memory
     * @throws PixelDataException when there is no Pixel Data, it is encapsulated, its layout is not
     *     supported, or its length is too short for the frames or a frame or more too long
     * @throws IOException when reading the source or writing the temporary file fails
     */
    public static DicomElement mask(Dataset ds, List<Rect> rects, Path tempDir, int inlineLimit)
            throws PixelDataException, IOException {
        Objects.requireNonNull(tempDir, "tempDir");
        DicomElement pixels = ds.get(Tag.PixelData);
        if (pixels == null) {
            throw new PixelDataException("no Pixel Data (7FE0,0010) to mask");
        }
        if (pixels.isFragments()) {
            throw new PixelDataException("Pixel Data is encapsulated (compressed); native masking needs"
                    + " uncompressed pixel data");
        }
        if (!pixels.isInline() && !pixels.isBulk()) {
            throw new PixelDataException("Pixel Data is not a byte value");
        }
        PixelLayout layout = PixelLayout.of(ds);
        long frameLength = layout.frameLength();
        if (frameLength > MAX_FRAME) {
            throw new PixelDataException("a frame of " + frameLength + " bytes is too large to mask");
        }
        // With byte-swapped 8-bit samples and an odd frame (single frame only), the last sample sits in
        // the padding byte, so the buffer takes one byte more.
        int bufferLength = (int) frameLength + (layout.byteSwapped8() && frameLength % 2 != 0 ? 1 : 0);
        long needed = layout.frames() > 1 ? layout.valueLength() : bufferLength;
        long length = pixels.length();
        checkLength(layout, length, needed);

        List<Rect> clipped = new ArrayList<>();
        for (Rect r : rects) {
            Rect c = widenToPairs(layout, r.clip(layout.columns(), layout.rows()));
            if (!c.isEmpty()) {
                clipped.add(c);
            }
        }
        if (clipped.isEmpty()) {
            return pixels;
        }
        long[] fill = fillCells(ds, layout);

        if (length <= inlineLimit) {
            byte[] all = pixels.bytes(Integer.MAX_VALUE - 16);
            for (int f = 0; f < layout.frames(); f++) {
                maskFrame(new FrameBytes(layout, all, (int) (f * frameLength)), layout, clipped, fill);
            }
            Arrays.fill(all, (int) needed, all.length, (byte) 0);
            return DicomElement.of(Tag.PixelData, pixels.vr(), all);
        }
        Path temp = Files.createTempFile(tempDir, "deid-pixels-", ".raw");
        try {
            stream(pixels, layout, clipped, fill, bufferLength, temp);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return DicomElement.of(Tag.PixelData, pixels.vr(), new BulkData(temp, 0, length));
    }

    private static void checkLength(PixelLayout layout, long length, long needed) throws PixelDataException {
        String geometry = layout.rows() + " rows x " + layout.columns() + " columns x "
                + (layout.subsampled() ? "2 (4:2:2)" : Integer.toString(layout.samplesPerPixel())) + " samples x "
                + layout.bitsAllocated() + " bits x " + layout.frames() + " frames";
        if (length < needed) {
            throw new PixelDataException("Pixel Data holds " + length + " bytes, fewer than the " + needed
                    + " bytes that " + geometry + " need");
        }
        // Bytes after the last frame (the padding byte of an odd length, PS3.5 7.1.1, or a short tail that
        // some writers leave) are not pixels and get zeroed; a whole frame more means the attributes are wrong.
        if (length - needed >= layout.frameLength() && length - needed > 1) {
            throw new PixelDataException("Pixel Data holds " + length + " bytes, a frame or more beyond the " + needed
                    + " bytes that " + geometry + " need; Number of Frames may be wrong");
        }
    }

    /** For 4:2:2 data, extends a rectangle to even left and right edges. */
    private static Rect widenToPairs(PixelLayout layout, Rect r) {
        if (!layout.subsampled() || r.isEmpty()) {
            return r;
        }
        int x0 = r.x() & ~1;
        int x1 = (int) Math.min(layout.columns(), (r.right() + 1) & ~1L);
        return new Rect(x0, r.y(), x1 - x0, r.height());
    }

    private static void stream(DicomElement pixels, PixelLayout layout, List<Rect> rects, long[] fill,
            int bufferLength, Path temp) throws IOException {
        long frameLength = layout.frameLength();
        long length = pixels.length();
        byte[] buffer = new byte[bufferLength];
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                PixelSource in = PixelSource.of(pixels)) {
            long pos = 0;
            for (int f = 0; f < layout.frames(); f++) {
                in.read(pos, buffer, bufferLength);
                maskFrame(new FrameBytes(layout, buffer, 0), layout, rects, fill);
                write(out, buffer, bufferLength);
                pos += frameLength;
            }
            pos = Math.max(pos, bufferLength);
            int tail = (int) (length - pos);
            if (tail > 0) {
                Arrays.fill(buffer, 0, tail, (byte) 0);
                write(out, buffer, tail);
            }
        }
    }

    private static void write(FileChannel out, byte[] buffer, int n) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(buffer, 0, n);
        while (b.hasRemaining()) {
            out.write(b);
        }
    }

    private static void maskFrame(FrameBytes frame, PixelLayout layout, List<Rect> rects, long[] fill) {
        int samples = layout.samplesPerPixel();
        if (frame.fillable()) {
            fillRows(frame, layout, rects, fill);
            return;
        }
        for (Rect r : rects) {
            for (int y = r.y(); y < r.bottom(); y++) {
                for (int x = r.x(); x < r.right(); x++) {
                    for (int s = 0; s < samples; s++) {
                        frame.put(frame.offset(x, y, s), fill[s]);
                    }
                }
            }
        }
    }

    /** Writes each masked row segment as runs of whole pixels (pixel pairs for 4:2:2, samples for planar 1). */
    private static void fillRows(FrameBytes frame, PixelLayout layout, List<Rect> rects, long[] fill) {
        if (layout.subsampled()) {
            byte[] pair = frame.encode(fill[0], fill[0], fill[1], fill[2]);
            for (Rect r : rects) {
                for (int y = r.y(); y < r.bottom(); y++) {
                    frame.fill(frame.offset(r.x(), y, 0), r.width() / 2, pair);
                }
            }
        } else if (layout.planarConfiguration() == 1) {
            for (int s = 0; s < layout.samplesPerPixel(); s++) {
                byte[] sample = frame.encode(fill[s]);
                for (Rect r : rects) {
                    for (int y = r.y(); y < r.bottom(); y++) {
                        frame.fill(frame.offset(r.x(), y, s), r.width(), sample);
                    }
                }
            }
        } else {
            byte[] pixel = frame.encode(fill);
            for (Rect r : rects) {
                for (int y = r.y(); y < r.bottom(); y++) {
                    frame.fill(frame.offset(r.x(), y, 0), r.width(), pixel);
                }
            }
        }
    }

    /**
     * The sample values masked pixels get, one per sample (see the class description).
     *
     * @throws PixelDataException for signed colour samples, which have no defined black
     */
    public static long[] fillValues(Dataset ds, PixelLayout layout) throws PixelDataException, IOException {
        String pi = layout.photometric();
        if (layout.samplesPerPixel() == 3 && layout.signed()) {
            throw new PixelDataException(pi + " with signed samples is not supported");
        }
        switch (pi) {
            case "MONOCHROME1":
                return new long[] {layout.maxValue()};
            case "MONOCHROME2":
                return new long[] {layout.minValue()};
            case "PALETTE COLOR": {
                PaletteLut lut = PaletteLut.of(ds, layout.signed());
                long v = lut != null ? lut.darkestValue() : firstMapped(ds, layout);
                return new long[] {Math.max(layout.minValue(), Math.min(layout.maxValue(), v))};
            }
            case "RGB":
                return new long[] {0, 0, 0};
            case "YBR_PARTIAL_422": {
                if (layout.bitsStored() < 8) {
                    throw new PixelDataException("YBR_PARTIAL_422 with fewer than 8 bits stored is not supported");
                }
                int shift = layout.bitsStored() - 8;
                return new long[] {16L << shift, 128L << shift, 128L << shift};
            }
            default: {
                long mid = 1L << (layout.bitsStored() - 1);
                return new long[] {0, mid, mid};
            }
        }
    }

    private static long firstMapped(Dataset ds, PixelLayout layout) {
        List<String> d = ds.getStrings(Tag.RedPaletteColorLookupTableDescriptor);
        if (d.size() == 3) {
            try {
                long v = Long.parseLong(d.get(1));
                return layout.signed() ? (short) v : v & 0xFFFF;
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    private static long[] fillCells(Dataset ds, PixelLayout layout) throws PixelDataException, IOException {
        long[] values = fillValues(ds, layout);
        long[] cells = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            cells[i] = layout.cellOf(values[i]);
        }
        return cells;
    }
}
