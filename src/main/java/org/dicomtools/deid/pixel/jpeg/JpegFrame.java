package org.dicomtools.deid.pixel.jpeg;

/**
 * The frame header of an 8-bit Huffman sequential JPEG (T.81 B.2.2) with the block geometry
 * derived from it (T.81 A.1.1, A.2).
 */
final class JpegFrame {
    /** SOF0 (baseline) or SOF1 (extended sequential). */
    final int marker;
    final int width;
    final int height;
    final Component[] components;
    final int maxH;
    final int maxV;
    /** MCUs per row and per column of an interleaved scan. */
    final int mcusWide;
    final int mcusHigh;

    JpegFrame(int marker, int width, int height, Component[] components) {
        this.marker = marker;
        this.width = width;
        this.height = height;
        this.components = components;
        int h = 1;
        int v = 1;
        for (Component c : components) {
            h = Math.max(h, c.h);
            v = Math.max(v, c.v);
        }
        maxH = h;
        maxV = v;
        mcusWide = ceilDiv(width, 8 * h);
        mcusHigh = ceilDiv(height, 8 * v);
        for (Component c : components) {
            c.sampledWidth = ceilDiv(width * c.h, h);
            c.sampledHeight = ceilDiv(height * c.v, v);
            c.blocksWide = ceilDiv(c.sampledWidth, 8);
            c.blocksHigh = ceilDiv(c.sampledHeight, 8);
            c.paddedBlocksWide = mcusWide * c.h;
            c.paddedBlocksHigh = mcusHigh * c.v;
        }
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** One image component: its identifier, sampling factors and quantisation table. */
    static final class Component {
        final int index;
        final int id;
        final int h;
        final int v;
        final int tq;
        /** Samples per line and lines of this component (T.81 A.1.1). */
        int sampledWidth;
        int sampledHeight;
        /** Blocks holding samples: the extent of a non-interleaved scan (T.81 A.2.2). */
        int blocksWide;
        int blocksHigh;
        /** Blocks including the MCU padding of an interleaved scan (T.81 A.2.3). */
        int paddedBlocksWide;
        int paddedBlocksHigh;
        /** The quantisation table (zigzag order) in force when the component's scan started. */
        int[] quant;
        boolean scanned;

        Component(int index, int id, int h, int v, int tq) {
            this.index = index;
            this.id = id;
            this.h = h;
            this.v = v;
            this.tq = tq;
        }
    }
}
