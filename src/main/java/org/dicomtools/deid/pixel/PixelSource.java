package org.dicomtools.deid.pixel;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

import org.dicomtools.deid.dicom.BulkData;
import org.dicomtools.deid.dicom.DicomElement;

/** Positional reads from a native Pixel Data value held in memory or left on disk. */
abstract class PixelSource implements AutoCloseable {

    /** Reads {@code n} bytes of the value from {@code position} into {@code dst}. */
    abstract void read(long position, byte[] dst, int n) throws IOException;

    @Override
    public abstract void close() throws IOException;

    /** A source over an inline or bulk value. */
    static PixelSource of(DicomElement pixels) throws IOException {
        BulkData bulk = pixels.bulkData();
        return bulk == null ? new InMemory(pixels.buffer()) : new OnDisk(bulk);
    }

    /**
     * The bytes of frame {@code frame}, plus the byte after it when the layout stores 8-bit samples in
     * byte-swapped words and the frame length is odd (its last sample sits in the padding byte).
     */
    static byte[] frame(DicomElement pixels, PixelLayout layout, int frame) throws IOException, PixelDataException {
        long frameLength = layout.frameLength();
        long length = frameLength + (layout.byteSwapped8() && frameLength % 2 != 0 ? 1 : 0);
        long start = frame * frameLength;
        if (length > Integer.MAX_VALUE - 16) {
            throw new PixelDataException("a frame of " + frameLength + " bytes is too large");
        }
        if (start + length > pixels.length()) {
            throw new PixelDataException("Pixel Data holds " + pixels.length() + " bytes, too few for frame "
                    + (frame + 1) + " of " + layout.frames() + " (" + frameLength + " bytes each)");
        }
        byte[] b = new byte[(int) length];
        try (PixelSource in = of(pixels)) {
            in.read(start, b, b.length);
        }
        return b;
    }

    private static final class InMemory extends PixelSource {
        private final ByteBuffer value;

        InMemory(ByteBuffer value) {
            this.value = value;
        }

        @Override
        void read(long position, byte[] dst, int n) {
            value.get((int) position, dst, 0, n);
        }

        @Override
        public void close() {
            // Nothing to release for a value in memory.
        }
    }

    private static final class OnDisk extends PixelSource {
        private final BulkData bulk;
        private final FileChannel channel;

        OnDisk(BulkData bulk) throws IOException {
            this.bulk = bulk;
            this.channel = FileChannel.open(bulk.file(), StandardOpenOption.READ);
        }

        @Override
        void read(long position, byte[] dst, int n) throws IOException {
            ByteBuffer b = ByteBuffer.wrap(dst, 0, n);
            long p = bulk.offset() + position;
            while (b.hasRemaining()) {
                int r = channel.read(b, p);
                if (r < 0) {
                    throw new EOFException(bulk.file() + ": file ended inside Pixel Data at offset " + p);
                }
                p += r;
            }
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
