package org.dicomtools.deid.pixel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import org.dicomtools.deid.dicom.Fragments;

/**
 * Frames of encapsulated pixel data (PS3.5 A.4): split by the Basic Offset Table when present, else
 * one fragment per frame when the counts agree, else at fragments that start a JPEG stream (SOI),
 * else all fragments are one frame. And the reverse: fragments from frames, one fragment per frame,
 * with a Basic Offset Table when the source had one.
 */
public final class EncapsulatedFrames {
    private static final int MAX_FRAME = 256 * 1024 * 1024;

    private EncapsulatedFrames() {
    }

    /** The frames' bytes; throws {@link PixelDataException} when they cannot be told apart. */
    public static List<byte[]> split(Fragments f, int numberOfFrames) throws PixelDataException, IOException {
        if (f.size() < 2) {
            throw new PixelDataException("encapsulated pixel data has no fragments");
        }
        List<byte[]> fragments = new ArrayList<>();
        for (int i = 1; i < f.size(); i++) {
            fragments.add(f.bytes(i, MAX_FRAME));
        }
        byte[] bot = f.bytes(0, MAX_FRAME);
        List<byte[]> frames = new ArrayList<>();
        if (bot.length >= 4 && bot.length / 4 == numberOfFrames) {
            ByteBuffer b = ByteBuffer.wrap(bot).order(ByteOrder.LITTLE_ENDIAN);
            long[] offsets = new long[numberOfFrames + 1];
            for (int i = 0; i < numberOfFrames; i++) {
                offsets[i] = b.getInt() & 0xFFFFFFFFL;
            }
            long pos = 0;
            int frag = 0;
            ByteArrayOutputStream cur = null;
            for (byte[] x : fragments) {
                if (frag < numberOfFrames && pos == offsets[frag]) {
                    if (cur != null) {
                        frames.add(cur.toByteArray());
                    }
                    cur = new ByteArrayOutputStream();
                    frag++;
                }
                if (cur == null) {
                    throw new PixelDataException("the Basic Offset Table does not start at the first fragment");
                }
                cur.writeBytes(x);
                pos += 8 + x.length;
            }
            frames.add(cur.toByteArray());
        } else if (fragments.size() == numberOfFrames) {
            frames.addAll(fragments);
        } else if (numberOfFrames == 1) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            fragments.forEach(all::writeBytes);
            frames.add(all.toByteArray());
        } else {
            ByteArrayOutputStream cur = null;
            for (byte[] x : fragments) {
                if (x.length >= 2 && (x[0] & 0xFF) == 0xFF && (x[1] & 0xFF) == 0xD8) {
                    if (cur != null) {
                        frames.add(cur.toByteArray());
                    }
                    cur = new ByteArrayOutputStream();
                }
                if (cur == null) {
                    throw new PixelDataException("the first fragment does not start a frame");
                }
                cur.writeBytes(x);
            }
            frames.add(cur.toByteArray());
        }
        if (frames.size() != numberOfFrames) {
            throw new PixelDataException("found " + frames.size() + " frames in the fragments, Number of Frames says "
                    + numberOfFrames);
        }
        return frames;
    }

    /** Fragments for frames: one fragment per frame (even length), with an offset table if asked. */
    public static Fragments join(List<byte[]> frames, boolean offsetTable) {
        Fragments out = new Fragments();
        ByteBuffer bot = ByteBuffer.allocate(offsetTable ? 4 * frames.size() : 0).order(ByteOrder.LITTLE_ENDIAN);
        long pos = 0;
        List<byte[]> padded = new ArrayList<>();
        for (byte[] f : frames) {
            byte[] p = f;
            if ((f.length & 1) != 0) {
                p = java.util.Arrays.copyOf(f, f.length + 1);
            }
            padded.add(p);
            if (offsetTable) {
                bot.putInt((int) pos);
            }
            pos += 8 + p.length;
        }
        out.add(bot.array());
        padded.forEach(out::add);
        return out;
    }
}
