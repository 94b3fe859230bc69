package org.dicomtools.deid.pixel.jpeg;

/**
 * Test oracle: every block's quantised coefficients (zigzag order) of a sequential JPEG, decoded
 * with {@link JpegTranscoder} in decode-only mode.
 */
final class JpegCoefficients {
    final JpegFrame frame;
    /** [component][row * paddedBlocksWide + column] → 64 coefficients, null for blocks no scan coded. */
    final int[][][] blocks;
    final boolean ycbcr;

    private JpegCoefficients(JpegFrame frame, int[][][] blocks, boolean ycbcr) {
        this.frame = frame;
        this.blocks = blocks;
        this.ycbcr = ycbcr;
    }

    static JpegCoefficients read(byte[] jpeg) throws JpegException {
        Collector collector = new Collector();
        JpegFrame frame = JpegTranscoder.decode(jpeg, collector);
        return new JpegCoefficients(frame, collector.blocks, collector.ycbcr);
    }

    int[] block(int component, int row, int column) {
        return blocks[component][row * frame.components[component].paddedBlocksWide + column];
    }

    private static final class Collector implements JpegTranscoder.BlockHandler {
        int[][][] blocks;
        boolean ycbcr;

        @Override
        public void startScan(JpegFrame frame, JpegFrame.Component[] scanComponents, boolean ycbcr) {
            if (blocks == null) {
                blocks = new int[frame.components.length][][];
            }
            this.ycbcr = ycbcr;
            for (JpegFrame.Component c : scanComponents) {
                blocks[c.index] = new int[c.paddedBlocksWide * c.paddedBlocksHigh][];
            }
        }

        @Override
        public boolean block(JpegFrame.Component component, int row, int column, int[] zigzag) {
            blocks[component.index][row * component.paddedBlocksWide + column] = zigzag.clone();
            return false;
        }
    }
}
