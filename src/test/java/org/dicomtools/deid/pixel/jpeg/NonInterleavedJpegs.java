package org.dicomtools.deid.pixel.jpeg;

/**
 * Rewrites a single-scan interleaved JPEG as one non-interleaved scan per component (T.81
 * A.2.2), the layout ImageIO cannot write, with the same coefficients and Huffman tables and an
 * optional restart interval. Tests confirm with ImageIO that the result decodes to the same
 * pixels as the original.
 */
final class NonInterleavedJpegs {
    private NonInterleavedJpegs() {
    }

    static byte[] rewrite(byte[] jpeg, int restartInterval) throws JpegException {
        JpegCoefficients coefficients = JpegCoefficients.read(jpeg);
        HuffmanTable[] dc = new HuffmanTable[4];
        HuffmanTable[] ac = new HuffmanTable[4];
        EntropyWriter out = new EntropyWriter(jpeg.length * 2);
        out.copy(jpeg, 0, 2);
        int pos = 2;
        int sosBody;
        while (true) {
            int code = jpeg[pos + 1] & 0xFF;
            int length = (jpeg[pos + 2] & 0xFF) << 8 | (jpeg[pos + 3] & 0xFF);
            if (code == 0xDA) {
                sosBody = pos + 4;
                break;
            }
            if (code == 0xC4) {
                int at = pos + 4;
                while (at < pos + 2 + length) {
                    int tc = (jpeg[at] & 0xFF) >> 4;
                    (tc == 0 ? dc : ac)[jpeg[at] & 0x0F] = HuffmanTable.parse(jpeg, at + 1, pos + 2 + length);
                    at += 17 + HuffmanTable.symbolCount(jpeg, at + 1);
                }
            }
            if (code != 0xDD) {
                out.copy(jpeg, pos, length + 2);
            }
            pos += length + 2;
        }
        if (restartInterval > 0) {
            out.copy(new byte[] {(byte) 0xFF, (byte) 0xDD, 0, 4, (byte) (restartInterval >> 8), (byte) restartInterval},
                    0, 6);
        }
        JpegFrame frame = coefficients.frame;
        for (JpegFrame.Component c : frame.components) {
            int tables = 0;
            for (int i = 0; i < (jpeg[sosBody] & 0xFF); i++) {
                if ((jpeg[sosBody + 1 + 2 * i] & 0xFF) == c.id) {
                    tables = jpeg[sosBody + 2 + 2 * i] & 0xFF;
                }
            }
            out.copy(new byte[] {(byte) 0xFF, (byte) 0xDA, 0, 8, 1, (byte) c.id, (byte) tables, 0, 63, 0}, 0, 10);
            int predictor = 0;
            int blocks = 0;
            int restart = 0;
            for (int row = 0; row < c.blocksHigh; row++) {
                for (int column = 0; column < c.blocksWide; column++, blocks++) {
                    if (restartInterval > 0 && blocks > 0 && blocks % restartInterval == 0) {
                        out.marker(0xD0 + restart);
                        restart = (restart + 1) & 7;
                        predictor = 0;
                    }
                    predictor = JpegTranscoder.encode(out, coefficients.block(c.index, row, column), predictor,
                            dc[tables >> 4], ac[tables & 0x0F], c.id);
                }
            }
            out.flushBits();
        }
        out.marker(0xD9);
        return out.toByteArray();
    }
}
