package org.dicomtools.deid.dicom;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * A value left on disk: {@code length} bytes at {@code offset} of {@code file}, in the byte order
 * of the dataset that holds it. The codec keeps values above the read threshold this way so that
 * memory stays bounded whatever the file size; the writer streams them to the output.
 *
 * @param file the source file (or the inflated copy of a deflated dataset)
 * @param offset position of the first value byte
 * @param length number of value bytes (as declared; may be odd in malformed files)
 */
public record BulkData(Path file, long offset, long length) {

    public BulkData {
        Objects.requireNonNull(file, "file");
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset " + offset + ", length " + length);
        }
    }

    /** Opens a stream over exactly the value bytes. */
    public InputStream openStream() throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        ch.position(offset);
        return new BoundedInputStream(Channels.newInputStream(ch), length);
    }

    /**
     * Reads the whole value into memory.
     *
     * @throws IOException if the value is larger than {@code maxBytes} or the file is shorter than it was
     */
    public byte[] read(int maxBytes) throws IOException {
        if (length > maxBytes) {
            throw new IOException(file + ": value of " + length + " bytes at offset " + offset
                    + " is larger than the limit of " + maxBytes + " bytes");
        }
        byte[] b = new byte[(int) length];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.wrap(b);
            long pos = offset;
            while (buf.hasRemaining()) {
                int n = ch.read(buf, pos);
                if (n < 0) {
                    throw new IOException(file + ": file ended inside the value at offset " + offset);
                }
                pos += n;
            }
        }
        return b;
    }

    /** An input stream that returns at most {@code limit} bytes of another one. */
    private static final class BoundedInputStream extends InputStream {
        private final InputStream in;
        private long left;

        BoundedInputStream(InputStream in, long limit) {
            this.in = in;
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
