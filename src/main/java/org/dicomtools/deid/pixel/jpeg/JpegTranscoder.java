package org.dicomtools.deid.pixel.jpeg;

import java.util.Arrays;

/**
 * Walks an 8-bit Huffman sequential JPEG stream (T.81 Annex B, F.2), decodes every block of
 * every scan to its quantised coefficients, hands each block to a {@link BlockHandler} that may
 * change it, and (when given an {@link EntropyWriter}) writes the stream back out with every scan
 * re-encoded with its own restart interval and either its own Huffman tables or, on request,
 * optimal tables computed from the changed blocks. Without a writer it only decodes.
 *
 * <p>Segments written back: DQT, DHT (unless tables are rebuilt), DRI, SOF, SOS and the markers
 * SOI, RSTn, EOI, verbatim;
 * APP0 JFIF without its thumbnail; APP2 ICC_PROFILE; APP14 Adobe. Every other APPn segment and
 * every COM segment is dropped, as are bytes after EOI, because they can carry thumbnails,
 * metadata or free text that the mask would not reach.
 */
final class JpegTranscoder {

    /** Receives the blocks of each scan in coding order. */
    interface BlockHandler {
        /**
         * Called at the start of each scan, after the quantisation tables of its components are
         * bound ({@link JpegFrame.Component#quant}).
         *
         * @param ycbcr whether a three-component frame is YCbCr (its second and third components
         *     are chroma), decided as libjpeg does from the JFIF and Adobe markers and the
         *     component identifiers; false for other component counts
         */
        void startScan(JpegFrame frame, JpegFrame.Component[] scanComponents, boolean ycbcr) throws JpegException;

        /**
         * One block, coefficients in zigzag order, DC at index 0. The handler may overwrite them.
         * In a pass that re-encodes, blocks for which it returns true are counted as changed.
         *
         * @param row block row in the component's padded block grid
         * @param column block column in the component's padded block grid
         */
        boolean block(JpegFrame.Component component, int row, int column, int[] zigzag);
    }

    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int DQT = 0xDB;
    private static final int DNL = 0xDC;
    private static final int DRI = 0xDD;
    private static final int DHT = 0xC4;
    private static final int COM = 0xFE;

    private final byte[] data;
    private final BlockHandler handler;
    private final EntropyWriter out;
    private final boolean rebuildTables;
    private int blocksChanged;
    private final int[][] quant = new int[4][];
    private final HuffmanTable[] dcTables = new HuffmanTable[4];
    private final HuffmanTable[] acTables = new HuffmanTable[4];
    private int restartInterval;
    private JpegFrame frame;
    private boolean jfif;
    private int adobeTransform = -1;
    private final int[] zigzag = new int[64];

    private JpegTranscoder(byte[] data, BlockHandler handler, EntropyWriter out, boolean rebuildTables) {
        this.data = data;
        this.handler = handler;
        this.out = out;
        this.rebuildTables = rebuildTables;
    }

    /** What a run produced: the frame header and the number of blocks the handler changed. */
    record Outcome(JpegFrame frame, int blocksChanged) {
    }

    /** Decodes one JPEG stream, handing every block to the handler; returns the frame header. */
    static JpegFrame decode(byte[] data, BlockHandler handler) throws JpegException {
        return new JpegTranscoder(data, handler, null, false).run().frame();
    }

    /**
     * Decodes one JPEG stream and writes it back with the handler's changes.
     *
     * @param rebuildTables false to re-encode with the stream's own Huffman tables (failing with
     *     {@link MissingCodeException} when they lack a needed code), true to write optimal tables
     *     (T.81 K.2) for each scan instead, before its SOS, and drop the original DHT segments
     * @throws JpegException for an unsupported coding process or malformed input
     */
    static Outcome transcode(byte[] data, BlockHandler handler, EntropyWriter out, boolean rebuildTables)
            throws JpegException {
        return new JpegTranscoder(data, handler, out, rebuildTables).run();
    }

    private Outcome run() throws JpegException {
        if (data.length < 2 || (data[0] & 0xFF) != 0xFF || (data[1] & 0xFF) != SOI) {
            throw new JpegException("not a JPEG stream: no SOI marker at offset 0");
        }
        if (out != null) {
            out.copy(data, 0, 2);
        }
        int pos = 2;
        while (true) {
            if (pos >= data.length) {
                throw new JpegException("JPEG data is truncated: no EOI marker");
            }
            if ((data[pos] & 0xFF) != 0xFF) {
                throw new JpegException("expected a marker at offset " + pos + " but found 0x"
                        + EntropyReader.hex(data[pos] & 0xFF));
            }
            while (pos < data.length && (data[pos] & 0xFF) == 0xFF) {
                pos++;
            }
            if (pos >= data.length) {
                throw new JpegException("JPEG data is truncated: no EOI marker");
            }
            int markerAt = pos - 1;
            int code = data[pos] & 0xFF;
            pos++;
            if (code == EOI) {
                finish(markerAt);
                return new Outcome(frame, blocksChanged);
            }
            if (code == SOI || code == 0x01 || (code >= 0xD0 && code <= 0xD7) || code == 0x00) {
                throw new JpegException("unexpected marker 0xFF" + EntropyReader.hex(code) + " at offset " + markerAt);
            }
            if (pos + 2 > data.length) {
                throw new JpegException("JPEG data is truncated inside the marker segment at offset " + markerAt);
            }
            int length = (data[pos] & 0xFF) << 8 | (data[pos + 1] & 0xFF);
            int end = pos + length;
            if (length < 2 || end > data.length) {
                throw new JpegException(length < 2
                        ? "marker segment at offset " + markerAt + " has invalid length " + length
                        : "JPEG data is truncated inside the marker segment at offset " + markerAt);
            }
            int body = pos + 2;
            pos = switch (code) {
                case 0xC0, 0xC1 -> {
                    readFrame(code, markerAt, body, end);
                    keep(markerAt, end);
                    yield end;
                }
                case DHT -> {
                    readHuffmanTables(body, end);
                    if (!rebuildTables) {
                        keep(markerAt, end);
                    }
                    yield end;
                }
                case DQT -> {
                    readQuantisationTables(body, end);
                    keep(markerAt, end);
                    yield end;
                }
                case DRI -> {
                    if (length != 4) {
                        throw new JpegException("DRI segment at offset " + markerAt + " has length " + length);
                    }
                    restartInterval = (data[body] & 0xFF) << 8 | (data[body + 1] & 0xFF);
                    keep(markerAt, end);
                    yield end;
                }
                case SOS -> {
                    yield scan(readScanHeader(markerAt, body, end), markerAt, end);
                }
                case COM -> end;
                default -> {
                    if (code >= 0xE0 && code <= 0xEF) {
                        application(code, markerAt, body, end);
                        yield end;
                    }
                    throw new JpegException(unsupported(code, markerAt));
                }
            };
        }
    }

    private static String unsupported(int code, int at) {
        String what = switch (code) {
            case 0xC2 -> "progressive DCT (SOF2)";
            case 0xC3 -> "lossless (SOF3)";
            case 0xC5, 0xC6, 0xC7 -> "hierarchical differential (SOF" + (code - 0xC0) + ")";
            case 0xC9, 0xCA, 0xCB -> "arithmetic coding (SOF" + (code - 0xC0) + ")";
            case 0xCD, 0xCE, 0xCF -> "hierarchical arithmetic coding (SOF" + (code - 0xC0) + ")";
            case 0xCC -> "arithmetic coding (DAC)";
            case 0xDE, 0xDF -> "hierarchical mode (" + (code == 0xDE ? "DHP" : "EXP") + ")";
            case DNL -> "a DNL marker (height defined after the first scan)";
            default -> "marker 0xFF" + EntropyReader.hex(code);
        };
        return "unsupported JPEG: " + what + " at offset " + at;
    }

    private void keep(int from, int to) {
        if (out != null) {
            out.copy(data, from, to - from);
        }
    }

    private void finish(int markerAt) throws JpegException {
        if (frame == null) {
            throw new JpegException("JPEG stream has no frame header before EOI at offset " + markerAt);
        }
        for (JpegFrame.Component c : frame.components) {
            if (!c.scanned) {
                throw new JpegException("JPEG stream ends (EOI at offset " + markerAt + ") before component "
                        + c.id + " was coded");
            }
        }
        if (out != null) {
            out.copy(data, markerAt, 2);
        }
    }

    /** APPn: keeps JFIF (thumbnail removed), ICC profiles and Adobe; notes the colour markers. */
    private void application(int code, int markerAt, int body, int end) {
        int n = code - 0xE0;
        if (n == 0 && startsWith(body, end, "JFIF\0")) {
            jfif = true;
            int thumbnailAt = body + 12;
            if (thumbnailAt + 2 <= end && (data[thumbnailAt] != 0 || data[thumbnailAt + 1] != 0)) {
                if (out != null) {
                    out.copy(data, markerAt, 2);
                    out.write(0);
                    out.write(16);
                    out.copy(data, body, 12);
                    out.write(0);
                    out.write(0);
                }
            } else {
                keep(markerAt, end);
            }
        } else if (n == 14 && startsWith(body, end, "Adobe") && end - body >= 12) {
            adobeTransform = data[body + 11] & 0xFF;
            keep(markerAt, end);
        } else if (n == 2 && startsWith(body, end, "ICC_PROFILE\0")) {
            keep(markerAt, end);
        }
    }

    private boolean startsWith(int at, int end, String ascii) {
        if (end - at < ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if ((data[at + i] & 0xFF) != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void readFrame(int code, int markerAt, int body, int end) throws JpegException {
        if (frame != null) {
            throw new JpegException("second frame header at offset " + markerAt);
        }
        if (end - body < 6) {
            throw new JpegException("frame header at offset " + markerAt + " is too short");
        }
        int precision = data[body] & 0xFF;
        int height = (data[body + 1] & 0xFF) << 8 | (data[body + 2] & 0xFF);
        int width = (data[body + 3] & 0xFF) << 8 | (data[body + 4] & 0xFF);
        int count = data[body + 5] & 0xFF;
        if (precision != 8) {
            throw new JpegException("unsupported JPEG: " + precision + "-bit samples (only 8-bit) at offset " + markerAt);
        }
        if (height == 0) {
            throw new JpegException(unsupported(DNL, markerAt));
        }
        if (width == 0) {
            throw new JpegException("frame header at offset " + markerAt + " has width 0");
        }
        if (count != 1 && count != 3) {
            throw new JpegException("unsupported JPEG: " + count + " components (only 1 or 3) at offset " + markerAt);
        }
        if (end - body != 6 + 3 * count) {
            throw new JpegException("frame header at offset " + markerAt + " has length " + (end - body + 2)
                    + " for " + count + " components");
        }
        JpegFrame.Component[] components = new JpegFrame.Component[count];
        for (int i = 0; i < count; i++) {
            int at = body + 6 + 3 * i;
            int id = data[at] & 0xFF;
            int h = (data[at + 1] & 0xFF) >> 4;
            int v = data[at + 1] & 0x0F;
            int tq = data[at + 2] & 0xFF;
            if (h < 1 || h > 4 || v < 1 || v > 4 || tq > 3) {
                throw new JpegException("frame header at offset " + markerAt + ": component " + id
                        + " has invalid sampling " + h + "x" + v + " or table " + tq);
            }
            for (int j = 0; j < i; j++) {
                if (components[j].id == id) {
                    throw new JpegException("frame header at offset " + markerAt + " repeats component " + id);
                }
            }
            components[i] = new JpegFrame.Component(i, id, h, v, tq);
        }
        frame = new JpegFrame(code, width, height, components);
    }

    private void readHuffmanTables(int body, int end) throws JpegException {
        int at = body;
        while (at < end) {
            int classAndId = data[at] & 0xFF;
            int tableClass = classAndId >> 4;
            int id = classAndId & 0x0F;
            if (tableClass > 1 || id > 3) {
                throw new JpegException("DHT at offset " + at + " has invalid class " + tableClass + " or id " + id);
            }
            HuffmanTable table = HuffmanTable.parse(data, at + 1, end);
            (tableClass == 0 ? dcTables : acTables)[id] = table;
            at += 17 + HuffmanTable.symbolCount(data, at + 1);
        }
    }

    private void readQuantisationTables(int body, int end) throws JpegException {
        int at = body;
        while (at < end) {
            int precision = (data[at] & 0xFF) >> 4;
            int id = data[at] & 0x0F;
            if (precision > 1 || id > 3) {
                throw new JpegException("DQT at offset " + at + " has invalid precision " + precision + " or id " + id);
            }
            int size = precision == 0 ? 64 : 128;
            if (at + 1 + size > end) {
                throw new JpegException("DQT segment ends inside table " + id + " at offset " + at);
            }
            int[] table = new int[64];
            for (int i = 0; i < 64; i++) {
                table[i] = precision == 0
                        ? data[at + 1 + i] & 0xFF
                        : (data[at + 1 + 2 * i] & 0xFF) << 8 | (data[at + 2 + 2 * i] & 0xFF);
            }
            if (table[0] == 0) {
                throw new JpegException("DQT table " + id + " at offset " + at + " has DC quantiser 0");
            }
            quant[id] = table;
            at += 1 + size;
        }
    }

    /** A scan header: its components and the Huffman tables each one uses (T.81 B.2.3). */
    private record Scan(JpegFrame.Component[] components, HuffmanTable[] dc, HuffmanTable[] ac, int[] dcIds,
            int[] acIds) {
    }

    private Scan readScanHeader(int markerAt, int body, int end) throws JpegException {
        if (frame == null) {
            throw new JpegException("scan header at offset " + markerAt + " before any frame header");
        }
        int count = end > body ? data[body] & 0xFF : 0;
        if (count < 1 || count > 4 || end - body != 4 + 2 * count) {
            throw new JpegException("scan header at offset " + markerAt + " is malformed");
        }
        JpegFrame.Component[] scan = new JpegFrame.Component[count];
        HuffmanTable[] dc = new HuffmanTable[count];
        HuffmanTable[] ac = new HuffmanTable[count];
        int[] dcIds = new int[count];
        int[] acIds = new int[count];
        int blocksPerMcu = 0;
        int previous = -1;
        for (int i = 0; i < count; i++) {
            int at = body + 1 + 2 * i;
            int id = data[at] & 0xFF;
            int td = (data[at + 1] & 0xFF) >> 4;
            int ta = data[at + 1] & 0x0F;
            JpegFrame.Component c = null;
            for (JpegFrame.Component candidate : frame.components) {
                if (candidate.id == id) {
                    c = candidate;
                }
            }
            if (c == null || c.index <= previous) {
                throw new JpegException("scan header at offset " + markerAt + " names component " + id
                        + (c == null ? ", which is not in the frame" : " out of frame order"));
            }
            if (c.scanned) {
                throw new JpegException("scan header at offset " + markerAt + " codes component " + id
                        + " a second time");
            }
            if (td > 3 || ta > 3 || dcTables[td] == null || acTables[ta] == null) {
                throw new JpegException("scan header at offset " + markerAt + ": component " + id
                        + " uses an undefined Huffman table (DC " + td + ", AC " + ta + ")");
            }
            if (quant[c.tq] == null) {
                throw new JpegException("scan header at offset " + markerAt + ": component " + id
                        + " uses undefined quantisation table " + c.tq);
            }
            c.quant = quant[c.tq].clone();
            dc[i] = dcTables[td];
            ac[i] = acTables[ta];
            dcIds[i] = td;
            acIds[i] = ta;
            previous = c.index;
            blocksPerMcu += c.h * c.v;
            scan[i] = c;
        }
        if (count > 1 && blocksPerMcu > 10) {
            throw new JpegException("scan header at offset " + markerAt + ": " + blocksPerMcu
                    + " blocks per MCU (at most 10)");
        }
        int ss = data[end - 3] & 0xFF;
        int se = data[end - 2] & 0xFF;
        int approximation = data[end - 1] & 0xFF;
        if (ss != 0 || se != 63 || approximation != 0) {
            throw new JpegException("unsupported JPEG: scan at offset " + markerAt + " has spectral selection "
                    + ss + ".." + se + " and approximation 0x" + EntropyReader.hex(approximation)
                    + " (sequential needs 0..63 and 0)");
        }
        return new Scan(scan, dc, ac, dcIds, acIds);
    }

    private boolean ycbcr() {
        if (frame.components.length != 3) {
            return false;
        }
        if (jfif) {
            return true;
        }
        if (adobeTransform >= 0) {
            return adobeTransform != 0;
        }
        JpegFrame.Component[] c = frame.components;
        return !(c[0].id == 'R' && c[1].id == 'G' && c[2].id == 'B');
    }

    /**
     * Decodes one scan and, when writing, re-encodes it: with the stream's own tables, or with
     * tables rebuilt from a first counting pass over the masked blocks. Returns the offset of the
     * marker that ends the scan.
     */
    private int scan(Scan scan, int headerAt, int start) throws JpegException {
        int end;
        if (out == null) {
            end = pass(scan, start, null, null, null, null);
        } else if (!rebuildTables) {
            keep(headerAt, start);
            end = pass(scan, start, scan.dc(), scan.ac(), null, null);
        } else {
            long[][] dcCounts = new long[4][];
            long[][] acCounts = new long[4][];
            for (int i = 0; i < scan.components().length; i++) {
                dcCounts[scan.dcIds()[i]] = new long[256];
                acCounts[scan.acIds()[i]] = new long[256];
            }
            pass(scan, start, null, null, dcCounts, acCounts);
            HuffmanTable[] dc = new HuffmanTable[4];
            HuffmanTable[] ac = new HuffmanTable[4];
            writeOptimalTables(dcCounts, acCounts, dc, ac);
            keep(headerAt, start);
            HuffmanTable[] scanDc = new HuffmanTable[scan.components().length];
            HuffmanTable[] scanAc = new HuffmanTable[scan.components().length];
            for (int i = 0; i < scanDc.length; i++) {
                scanDc[i] = dc[scan.dcIds()[i]];
                scanAc[i] = ac[scan.acIds()[i]];
            }
            end = pass(scan, start, scanDc, scanAc, null, null);
        }
        for (JpegFrame.Component c : scan.components()) {
            c.scanned = true;
        }
        return end;
    }

    /** Writes one DHT segment (T.81 B.2.4.2) with an optimal table for every table id counted. */
    private void writeOptimalTables(long[][] dcCounts, long[][] acCounts, HuffmanTable[] dc, HuffmanTable[] ac)
            throws JpegException {
        byte[][] specs = new byte[8][];
        int length = 2;
        for (int tableClass = 0; tableClass < 2; tableClass++) {
            long[][] counts = tableClass == 0 ? dcCounts : acCounts;
            for (int id = 0; id < 4; id++) {
                if (counts[id] != null) {
                    byte[] spec = HuffmanTable.optimalSpec(counts[id]);
                    specs[tableClass * 4 + id] = spec;
                    (tableClass == 0 ? dc : ac)[id] = HuffmanTable.parse(spec, 0, spec.length);
                    length += 1 + spec.length;
                }
            }
        }
        out.write(0xFF);
        out.write(DHT);
        out.write(length >> 8);
        out.write(length & 0xFF);
        for (int i = 0; i < 8; i++) {
            if (specs[i] != null) {
                out.write((i / 4) << 4 | (i % 4));
                out.copy(specs[i], 0, specs[i].length);
            }
        }
    }

    /**
     * One decoding pass over a scan. Each block goes to the handler, then is encoded with
     * {@code encodeDc}/{@code encodeAc} (per scan component) when they are given, or its symbols
     * are counted into {@code dcCounts}/{@code acCounts} (per table id) when those are given.
     */
    private int pass(Scan scan, int start, HuffmanTable[] encodeDc, HuffmanTable[] encodeAc, long[][] dcCounts,
            long[][] acCounts) throws JpegException {
        JpegFrame.Component[] components = scan.components();
        handler.startScan(frame, components, ycbcr());
        int n = components.length;
        int[] readPredictor = new int[n];
        int[] writePredictor = new int[n];
        EntropyReader in = new EntropyReader(data, start);
        int mcusWide;
        int mcusHigh;
        if (n == 1) {
            mcusWide = components[0].blocksWide;
            mcusHigh = components[0].blocksHigh;
        } else {
            mcusWide = frame.mcusWide;
            mcusHigh = frame.mcusHigh;
        }
        int interval = restartInterval;
        int nextRestart = 0;
        long mcu = 0;
        int[] zz = zigzag;
        for (int my = 0; my < mcusHigh; my++) {
            for (int mx = 0; mx < mcusWide; mx++, mcu++) {
                if (interval > 0 && mcu > 0 && mcu % interval == 0) {
                    in.restart(nextRestart);
                    if (encodeDc != null) {
                        out.marker(0xD0 + nextRestart);
                    }
                    nextRestart = (nextRestart + 1) & 7;
                    Arrays.fill(readPredictor, 0);
                    Arrays.fill(writePredictor, 0);
                }
                for (int i = 0; i < n; i++) {
                    JpegFrame.Component c = components[i];
                    int blocksH = n == 1 ? 1 : c.h;
                    int blocksV = n == 1 ? 1 : c.v;
                    for (int by = 0; by < blocksV; by++) {
                        for (int bx = 0; bx < blocksH; bx++) {
                            readPredictor[i] = decode(in, c, scan.dc()[i], scan.ac()[i], readPredictor[i], zz);
                            boolean changed = handler.block(c, my * blocksV + by, mx * blocksH + bx, zz);
                            if (encodeDc != null) {
                                writePredictor[i] = encode(out, zz, writePredictor[i], encodeDc[i], encodeAc[i], c.id);
                                if (changed) {
                                    blocksChanged++;
                                }
                            } else if (dcCounts != null) {
                                writePredictor[i] = count(zz, writePredictor[i], dcCounts[scan.dcIds()[i]],
                                        acCounts[scan.acIds()[i]], c.id);
                            }
                        }
                    }
                }
            }
        }
        int end = in.finishSegment();
        if (encodeDc != null) {
            out.flushBits();
        }
        return end;
    }

    /** Decodes one block into {@code zz} (T.81 F.2.2); returns the new DC predictor. */
    private static int decode(EntropyReader in, JpegFrame.Component c, HuffmanTable dc, HuffmanTable ac,
            int predictor, int[] zz) throws JpegException {
        Arrays.fill(zz, 0);
        int size = in.decode(dc);
        if (size > 11) {
            throw in.corrupt("DC difference category " + size + " in component " + c.id);
        }
        int value = size == 0 ? predictor : predictor + in.receiveExtend(size);
        zz[0] = value;
        for (int k = 1; k < 64; k++) {
            int rs = in.decode(ac);
            int run = rs >> 4;
            size = rs & 0x0F;
            if (size == 0) {
                if (run != 15) {
                    break;
                }
                k += 15;
            } else {
                k += run;
                if (k > 63) {
                    throw in.corrupt("AC coefficients past index 63 in component " + c.id);
                }
                zz[k] = in.receiveExtend(size);
            }
        }
        in.checkNotOverrun();
        return value;
    }

    /** Counts the symbols {@link #encode} would emit for one block; returns the new DC predictor. */
    private static int count(int[] zz, int predictor, long[] dc, long[] ac, int componentId) throws JpegException {
        int size = dcSize(zz[0] - predictor, componentId);
        dc[size]++;
        int run = 0;
        for (int k = 1; k < 64; k++) {
            int v = zz[k];
            if (v == 0) {
                run++;
                continue;
            }
            while (run > 15) {
                ac[0xF0]++;
                run -= 16;
            }
            ac[run << 4 | magnitudeSize(v)]++;
            run = 0;
        }
        if (run > 0) {
            ac[0x00]++;
        }
        return zz[0];
    }

    private static int dcSize(int diff, int componentId) throws JpegException {
        int size = magnitudeSize(diff);
        if (size > 11) {
            throw new JpegException("DC difference " + diff + " in component " + componentId
                    + " exceeds the 8-bit range after masking");
        }
        return size;
    }

    /**
     * Huffman-codes one block (T.81 F.1.2.1, F.1.2.2).
     *
     * @param zz coefficients in zigzag order
     * @param predictor the previous DC value of the component in this restart interval
     * @return the new DC predictor
     * @throws JpegException if a needed symbol has no code in the tables
     */
    static int encode(EntropyWriter out, int[] zz, int predictor, HuffmanTable dc, HuffmanTable ac, int componentId)
            throws JpegException {
        int diff = zz[0] - predictor;
        int size = dcSize(diff, componentId);
        emit(out, dc, size, componentId, "DC", diff < 0 ? diff - 1 : diff);
        int run = 0;
        for (int k = 1; k < 64; k++) {
            int v = zz[k];
            if (v == 0) {
                run++;
                continue;
            }
            while (run > 15) {
                emit(out, ac, 0xF0, componentId, "AC", 0);
                run -= 16;
            }
            size = magnitudeSize(v);
            emit(out, ac, run << 4 | size, componentId, "AC", v < 0 ? v - 1 : v);
            run = 0;
        }
        if (run > 0) {
            emit(out, ac, 0x00, componentId, "AC", 0);
        }
        return zz[0];
    }

    /** Writes a symbol's code followed by the low {@code symbol & 15} bits of {@code extra}. */
    private static void emit(EntropyWriter out, HuffmanTable table, int symbol, int componentId, String kind,
            int extra) throws JpegException {
        int length = table.lengthOf[symbol];
        if (length == 0) {
            throw new MissingCodeException("the " + kind + " Huffman table of component " + componentId
                    + " has no code for symbol 0x" + EntropyReader.hex(symbol)
                    + " needed after masking (an optimised table)");
        }
        int size = symbol & 0x0F;
        out.bits(table.codeOf[symbol] << size | (extra & ((1 << size) - 1)), length + size);
    }

    private static int magnitudeSize(int v) {
        return 32 - Integer.numberOfLeadingZeros(Math.abs(v));
    }
}
