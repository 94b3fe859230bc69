package org.dicomtools.deid.dicom;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Buffered random-access reading of a file with an absolute position, for the parser. Reads never
 * go past the end of the file: callers check {@link #remaining()} before trusting a length.
 */
final class ByteInput implements Closeable {
    private static final int BUFFER_SIZE = 64 * 1024;

    private final Path file;
    private final FileChannel channel;
    private final long size;
    private final byte[] buf = new byte[BUFFER_SIZE];
    private long bufStart;
    private int bufLen;
    private int bufPos;

    ByteInput(Path file) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.size = channel.size();
    }

    Path file() {
        return file;
    }

    long size() {
        return size;
    }

    long position() {
        return bufStart + bufPos;
    }

    long remaining() {
        return size - position();
    }

    void seek(long pos) {
        if (pos >= bufStart && pos <= bufStart + bufLen) {
            bufPos = (int) (pos - bufStart);
        } else {
            bufStart = pos;
            bufLen = 0;
            bufPos = 0;
        }
    }

    void skip(long n) {
        seek(position() + n);
    }

    /** Makes at least {@code n} bytes available in the buffer (n at most the buffer size). */
    private void ensure(int n) throws IOException {
        if (bufLen - bufPos >= n) {
            return;
        }
        long pos = position();
        if (size - pos < n) {
            throw new EOFException("end of file at offset " + size);
        }
        System.arraycopy(buf, bufPos, buf, 0, bufLen - bufPos);
        bufLen -= bufPos;
        bufStart = pos;
        bufPos = 0;
        ByteBuffer bb = ByteBuffer.wrap(buf, bufLen, buf.length - bufLen);
        while (bufLen < n) {
            int r = channel.read(bb, bufStart + bufLen);
            if (r < 0) {
                throw new EOFException("end of file at offset " + (bufStart + bufLen));
            }
            bufLen += r;
        }
    }

    int u8() throws IOException {
        ensure(1);
        return buf[bufPos++] & 0xFF;
    }

    int u16(boolean bigEndian) throws IOException {
        ensure(2);
        int a = buf[bufPos] & 0xFF;
        int b = buf[bufPos + 1] & 0xFF;
        bufPos += 2;
        return bigEndian ? (a << 8) | b : (b << 8) | a;
    }

    int i32(boolean bigEndian) throws IOException {
        ensure(4);
        int a = buf[bufPos] & 0xFF;
        int b = buf[bufPos + 1] & 0xFF;
        int c = buf[bufPos + 2] & 0xFF;
        int d = buf[bufPos + 3] & 0xFF;
        bufPos += 4;
        return bigEndian ? (a << 24) | (b << 16) | (c << 8) | d : (d << 24) | (c << 16) | (b << 8) | a;
    }

    /** Reads {@code n} bytes; the caller has checked {@code n <= remaining()}. */
    byte[] bytes(int n) throws IOException {
        byte[] out = new byte[n];
        int done = 0;
        while (done < n) {
            int avail = bufLen - bufPos;
            if (avail == 0) {
                if (n - done >= BUFFER_SIZE) {
                    ByteBuffer bb = ByteBuffer.wrap(out, done, n - done);
                    long pos = position();
                    while (bb.hasRemaining()) {
                        int r = channel.read(bb, pos);
                        if (r < 0) {
                            throw new EOFException("end of file at offset " + pos);
                        }
                        pos += r;
                    }
                    seek(pos);
                    return out;
                }
                ensure(Math.min(BUFFER_SIZE, n - done));
                avail = bufLen - bufPos;
            }
            int c = Math.min(avail, n - done);
            System.arraycopy(buf, bufPos, out, done, c);
            bufPos += c;
            done += c;
        }
        return out;
    }

    /** Reads up to {@code n} bytes at an absolute position without moving the read position. */
    byte[] peekAt(long pos, int n) throws IOException {
        int len = (int) Math.max(0, Math.min(n, size - pos));
        byte[] out = new byte[len];
        ByteBuffer bb = ByteBuffer.wrap(out);
        long p = pos;
        while (bb.hasRemaining()) {
            int r = channel.read(bb, p);
            if (r < 0) {
                break;
            }
            p += r;
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
