package org.dicomtools.deid.bench;

import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/** A channel that discards what is written to it and counts the bytes. */
public final class NullChannel implements WritableByteChannel {
    private long count;
    private boolean open = true;

    @Override
    public int write(ByteBuffer src) {
        int n = src.remaining();
        src.position(src.limit());
        count += n;
        return n;
    }

    /** Bytes written so far. */
    public long count() {
        return count;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }
}
