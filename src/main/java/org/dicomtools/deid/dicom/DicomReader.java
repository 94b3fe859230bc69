package org.dicomtools.deid.dicom;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.dicomtools.deid.dicom.dict.ElementDictionary;

/**
 * Reads DICOM files: Part 10 files (PS3.10 7.1: preamble, {@code DICM}, File Meta Information) and
 * bare datasets whose transfer syntax is recognised from the first elements (implicit or explicit
 * VR little endian, explicit VR big endian).
 *
 * <p>The parser is iterative: nesting is kept on an explicit stack limited by
 * {@link ReadOptions#maxDepth()}, so deeply nested input fails with a {@link DicomFormatException}
 * rather than a {@code StackOverflowError}. No declared length is trusted beyond the bytes that
 * remain in the file or the enclosing item; values above {@link ReadOptions#bulkThreshold()} stay on
 * disk. Recoveries from known encoder bugs are listed in {@link DicomFile#warnings()}:
 * <ul>
 * <li>{@code DICM} at offset 128 that is not followed by File Meta Information: the file is read as
 *     a bare dataset from offset 0 (the bytes belong to a value);</li>
 * <li>File Meta Information without preamble, without group length, with a wrong group length or
 *     without Transfer Syntax UID (the syntax is then recognised from the dataset);</li>
 * <li>a declared transfer syntax that contradicts the dataset's first elements (explicit read as
 *     implicit or the reverse);</li>
 * <li>up to three stray bytes before the first element of a bare dataset;</li>
 * <li>an explicit VR that is not a VR code: the header form (16- or 32-bit length) that leads to a
 *     plausible next element is taken and the dictionary VR (or UN) is used;</li>
 * <li>a dictionary SQ in implicit VR whose value is not a sequence: kept as UN bytes;</li>
 * <li>a UN element (or an unknown private element in implicit VR) whose value is a run of items:
 *     parsed as an implicit VR little endian sequence (PS3.5 6.2.2, CP-246) and written back as UN;</li>
 * <li>item delimiters inside defined-length items, stray sequence delimiters at the top level and a
 *     missing item delimiter before a sequence delimiter;</li>
 * <li>trailing NUL bytes after the last element;</li>
 * <li>group length elements whose value is wrong and odd-length values (noted; the writer
 *     recomputes the former and pads the latter).</li>
 * </ul>
 * Truncated files (a value, item or encapsulated pixel data cut short) are not repaired.
 * Everything else that does not follow PS3.5 fails with a {@link DicomFormatException}.
 */
public final class DicomReader {
    private static final long UNDEFINED = 0xFFFFFFFFL;
    private static final int PIXEL_DATA = 0x7FE00010;

    private final ReadOptions options;

    public DicomReader() {
        this(ReadOptions.DEFAULT);
    }

    public DicomReader(ReadOptions options) {
        this.options = options;
    }

    /** Reads a file. The returned file must be closed when its bulk data is no longer needed. */
    public DicomFile read(Path file) throws IOException {
        try (ByteInput in = new ByteInput(file)) {
            return new Parse(in).run();
        }
    }

    /** One read of one file. */
    private final class Parse {
        private final ByteInput in;
        private final List<String> warnings = new ArrayList<>();
        private final Deque<Frame> stack = new ArrayDeque<>();
        private final ElementDictionary dictionary = ElementDictionary.standard();
        private int elements;
        private int depth;
        private int currentTag = -1;

        Parse(ByteInput in) {
            this.in = in;
        }

        DicomFile run() throws IOException {
            long size = in.size();
            boolean part10 = false;
            long metaStart = -1;
            if (size >= 132 && isDicmAt(128)) {
                if (looksLikeMetaAt(132)) {
                    metaStart = 132;
                    part10 = true;
                } else {
                    warnings.add("\"DICM\" at offset 128 is not followed by File Meta Information:"
                            + " read as a dataset without preamble");
                }
            }
            if (metaStart < 0 && looksLikeMetaAt(0)) {
                metaStart = 0;
                part10 = true;
                warnings.add("no 128-byte preamble and \"DICM\" prefix before the File Meta Information");
            }
            Dataset meta = new Dataset();
            long pos = 0;
            if (metaStart >= 0) {
                in.seek(metaStart);
                try {
                    readMeta(meta);
                } catch (EOFException e) {
                    throw error(in.size(), "file ends inside the File Meta Information");
                }
                pos = in.position();
            }
            String tsUid = meta.getString(0x00020010);
            TransferSyntax ts;
            if (tsUid == null) {
                Guess g = guess(pos);
                if (g == null) {
                    throw error(pos, part10
                            ? "no Transfer Syntax UID and no recognisable dataset after the File Meta Information"
                            : "not a DICOM file: no \"DICM\" prefix, no File Meta Information and no"
                                    + " recognisable element structure at the start");
                }
                if (g.offset > pos) {
                    warnings.add("skipped " + (g.offset - pos) + " stray byte(s) before the first element");
                }
                pos = g.offset;
                ts = g.syntax;
                warnings.add((part10 ? "File Meta Information has no Transfer Syntax UID"
                        : "no File Meta Information") + ": transfer syntax recognised as " + ts.uid());
            } else {
                ts = TransferSyntax.of(tsUid);
                if (!ts.deflated()) {
                    ts = checkDeclared(ts, pos);
                }
            }
            if (ts.deflated()) {
                return readDeflated(meta, ts, part10, pos);
            }
            Dataset dataset = new Dataset(ts.bigEndian());
            in.seek(pos);
            parseTopLevel(dataset, ts.explicitVR(), ts.bigEndian());
            return new DicomFile(in.file(), meta, dataset, ts, part10, pos, warnings, null);
        }

        private DicomFile readDeflated(Dataset meta, TransferSyntax ts, boolean part10, long pos) throws IOException {
            Path tmp = Files.createTempFile("deid-inflated", ".dcm");
            boolean ok = false;
            try {
                try {
                    inflate(pos, tmp, true);
                } catch (DataFormatException e) {
                    inflate(pos, tmp, false);
                    warnings.add("deflated dataset has a zlib header (PS3.5 A.5 requires raw deflate)");
                }
                try (ByteInput inflated = new ByteInput(tmp)) {
                    Parse inner = new Parse(inflated);
                    Dataset dataset = new Dataset(false);
                    inner.parseTopLevel(dataset, true, false);
                    warnings.addAll(inner.warnings);
                    ok = true;
                    return new DicomFile(in.file(), meta, dataset, ts, part10, 0, warnings, tmp);
                }
            } catch (DataFormatException e) {
                throw error(pos, "deflated dataset cannot be inflated: " + e.getMessage());
            } finally {
                if (!ok) {
                    Files.deleteIfExists(tmp);
                }
            }
        }

        private void inflate(long pos, Path out, boolean raw) throws IOException, DataFormatException {
            Inflater inflater = new Inflater(raw);
            try (FileChannel ch = FileChannel.open(in.file(), StandardOpenOption.READ);
                    InputStream src = Channels.newInputStream(ch.position(pos));
                    OutputStream dst = Files.newOutputStream(out)) {
                byte[] inBuf = new byte[64 * 1024];
                byte[] outBuf = new byte[64 * 1024];
                long total = 0;
                while (!inflater.finished()) {
                    if (inflater.needsInput()) {
                        int n = src.read(inBuf);
                        if (n < 0) {
                            if (total == 0) {
                                throw new DataFormatException("no deflated data");
                            }
                            warnings.add("deflated stream ends without its final block");
                            break;
                        }
                        inflater.setInput(inBuf, 0, n);
                    }
                    int n = inflater.inflate(outBuf);
                    if (n == 0 && inflater.needsDictionary()) {
                        throw new DataFormatException("deflate stream needs a preset dictionary");
                    }
                    total += n;
                    if (total > options.maxInflatedBytes()) {
                        throw error(pos, "deflated dataset inflates to more than the limit of "
                                + options.maxInflatedBytes() + " bytes");
                    }
                    dst.write(outBuf, 0, n);
                }
            } finally {
                inflater.end();
            }
        }

        // ------------------------------------------------------------ header recognition

        private boolean isDicmAt(long pos) throws IOException {
            byte[] b = in.peekAt(pos, 4);
            return b.length == 4 && b[0] == 'D' && b[1] == 'I' && b[2] == 'C' && b[3] == 'M';
        }

        /** True when an explicit VR little endian group 0002 element starts at {@code pos}. */
        private boolean looksLikeMetaAt(long pos) throws IOException {
            byte[] b = in.peekAt(pos, 6);
            return b.length == 6 && b[0] == 2 && b[1] == 0
                    && VR.ofCode(((b[4] & 0xFF) << 8) | (b[5] & 0xFF)) != null;
        }

        private void readMeta(Dataset meta) throws IOException {
            long metaStart = in.position();
            readMetaElements(meta);
            DicomElement gl = meta.get(0x00020000);
            if (gl == null) {
                warnings.add("File Meta Information has no group length (0002,0000)");
            } else if (gl.isInline() && gl.length() == 4) {
                long declared = readInt(gl.raw(), 0, false) & 0xFFFFFFFFL;
                long actual = in.position() - metaStart - 12;
                if (declared != actual) {
                    warnings.add("File Meta Information group length says " + declared + " bytes but the group has "
                            + actual);
                }
            }
        }

        private void readMetaElements(Dataset meta) throws IOException {
            int count = 0;
            while (in.remaining() >= 8) {
                long start = in.position();
                byte[] h = in.peekAt(start, 2);
                if (h[0] != 2 || h[1] != 0) {
                    break;
                }
                int tag = Tags.of(in.u16(false), in.u16(false));
                currentTag = tag;
                int code = (in.u8() << 8) | in.u8();
                VR vr = VR.ofCode(code);
                if (vr == null) {
                    throw error(start, "File Meta Information element has no valid VR");
                }
                long len;
                if (vr.hasLongLength()) {
                    if (in.remaining() < 6) {
                        throw error(start, "file ends inside a File Meta Information element header");
                    }
                    in.skip(2);
                    len = in.i32(false) & 0xFFFFFFFFL;
                } else {
                    len = in.u16(false);
                }
                if (len > in.remaining() || len > 1024 * 1024) {
                    throw error(start, "value length " + len + " exceeds the " + in.remaining() + " bytes left");
                }
                if (++count > 10_000) {
                    throw error(start, "more than 10000 File Meta Information elements");
                }
                meta.set(DicomElement.read(tag, vr, in.bytes((int) len), false, start));
            }
            currentTag = -1;
        }

        private record Guess(long offset, TransferSyntax syntax) {
        }

        private static final TransferSyntax[] CANDIDATES = {TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
            TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN};
        private static final int PROBE = 12;

        /** Recognises the encoding of a bare dataset at {@code pos}, allowing up to 3 stray bytes. */
        private Guess guess(long pos) throws IOException {
            for (int skip = 0; skip <= 3; skip++) {
                int best = 0;
                TransferSyntax bestTs = null;
                for (TransferSyntax ts : CANDIDATES) {
                    int score = plausibleElements(pos + skip, ts.explicitVR(), ts.bigEndian());
                    if (score > best) {
                        best = score;
                        bestTs = ts;
                    }
                }
                if (best >= 3) {
                    return new Guess(pos + skip, bestTs);
                }
            }
            return null;
        }

        /** Keeps the declared syntax unless the data plainly has the other VR encoding. */
        private TransferSyntax checkDeclared(TransferSyntax declared, long pos) throws IOException {
            if (in.size() - pos < 8) {
                return declared;
            }
            int score = plausibleElements(pos, declared.explicitVR(), declared.bigEndian());
            if (score >= 2) {
                return declared;
            }
            TransferSyntax other = declared.explicitVR()
                    ? TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN : TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
            if (plausibleElements(pos, other.explicitVR(), other.bigEndian()) > score + 1) {
                warnings.add("dataset is encoded " + (other.explicitVR() ? "explicit" : "implicit")
                        + " VR although the transfer syntax " + declared.uid() + " says otherwise: read as "
                        + (other.explicitVR() ? "explicit" : "implicit") + " VR little endian");
                // Written back under the syntax the data really has, so the output is consistent.
                return declared.encapsulated()
                        ? new TransferSyntax(declared.uid(), other.explicitVR(), false, false, true) : other;
            }
            return declared;
        }

        /**
         * Counts the top-level elements that parse plausibly from {@code pos} in the given encoding:
         * tags ascending, valid VR codes, lengths within the file. Reaching the end of the file
         * cleanly counts as {@link #PROBE}.
         */
        private int plausibleElements(long pos, boolean explicit, boolean be) throws IOException {
            long p = pos;
            long size = in.size();
            int prev = 0;
            int count = 0;
            while (count < PROBE) {
                if (p == size) {
                    return count > 0 ? PROBE : 0;
                }
                if (size - p < 8) {
                    return count;
                }
                byte[] h = in.peekAt(p, 12);
                int group = be ? ((h[0] & 0xFF) << 8) | (h[1] & 0xFF) : ((h[1] & 0xFF) << 8) | (h[0] & 0xFF);
                int elem = be ? ((h[2] & 0xFF) << 8) | (h[3] & 0xFF) : ((h[3] & 0xFF) << 8) | (h[2] & 0xFF);
                int tag = Tags.of(group, elem);
                if (Integer.compareUnsigned(tag, prev) < 0 || group == 0xFFFE) {
                    return count;
                }
                long len;
                int header;
                if (explicit) {
                    VR vr = VR.ofCode(((h[4] & 0xFF) << 8) | (h[5] & 0xFF));
                    if (vr == null) {
                        return count;
                    }
                    if (vr.hasLongLength()) {
                        if (h.length < 12) {
                            return count;
                        }
                        len = readInt(h, 8, be) & 0xFFFFFFFFL;
                        header = 12;
                    } else {
                        len = be ? ((h[6] & 0xFF) << 8) | (h[7] & 0xFF) : ((h[7] & 0xFF) << 8) | (h[6] & 0xFF);
                        header = 8;
                    }
                    if (len == UNDEFINED) {
                        // A sequence or encapsulated value ends the probe; its valid header is strong evidence.
                        return vr == VR.SQ || vr == VR.UN || vr == VR.OB || vr == VR.OW ? count + 3 : count;
                    }
                } else {
                    len = readInt(h, 4, be) & 0xFFFFFFFFL;
                    header = 8;
                    if (len == UNDEFINED) {
                        return count + 3;
                    }
                }
                if (p + header + len > size) {
                    return count;
                }
                count++;
                prev = tag;
                p += header + len;
            }
            return count;
        }

        private int readInt(byte[] b, int off, boolean be) {
            int a0 = b[off] & 0xFF;
            int a1 = b[off + 1] & 0xFF;
            int a2 = b[off + 2] & 0xFF;
            int a3 = b[off + 3] & 0xFF;
            return be ? (a0 << 24) | (a1 << 16) | (a2 << 8) | a3 : (a3 << 24) | (a2 << 16) | (a1 << 8) | a0;
        }

        // ------------------------------------------------------------ the parser

        /** A dataset or item being filled, or a sequence whose items are being read. */
        private static final class Frame {
            final Dataset dataset;
            final Sequence sequence;
            final int tag;
            final long end;
            final boolean explicit;
            final boolean bigEndian;
            final boolean topLevel;
            /** Where this frame must end at the latest: its own end, else the nearest enclosing one. */
            final long limit;
            int items;
            /** The last element read in this dataset, for messages about what follows it; -1 at first. */
            int lastTag = -1;
            /** Group of the last group length element read in this dataset, or -1. */
            int lengthGroup = -1;
            long lengthDeclared;
            long lengthStart;

            Frame(Dataset dataset, Sequence sequence, int tag, long end, long parentLimit, boolean explicit,
                    boolean bigEndian, boolean topLevel) {
                this.limit = end >= 0 ? end : parentLimit;
                this.dataset = dataset;
                this.sequence = sequence;
                this.tag = tag;
                this.end = end;
                this.explicit = explicit;
                this.bigEndian = bigEndian;
                this.topLevel = topLevel;
            }
        }

        void parseTopLevel(Dataset dataset, boolean explicit, boolean be) throws IOException {
            stack.push(new Frame(dataset, null, -1, -1, in.size(), explicit, be, true));
            loop();
        }

        private void loop() throws IOException {
            try {
                while (!stack.isEmpty()) {
                    Frame f = stack.peek();
                    if (f.sequence != null) {
                        sequenceStep(f);
                    } else {
                        datasetStep(f);
                    }
                }
            } catch (EOFException e) {
                throw error(in.size(), "file ends unexpectedly");
            }
        }

        private void popSequence() {
            stack.pop();
            depth--;
        }

        private void datasetStep(Frame f) throws IOException {
            long start = in.position();
            currentTag = -1;
            if (f.end >= 0) {
                if (start == f.end) {
                    checkGroupLength(f, -1, start);
                    stack.pop();
                    return;
                }
                if (start > f.end) {
                    throw error(start, "item content runs " + (start - f.end) + " bytes past the item's length");
                }
                if (f.end - start < 8) {
                    throw error(start, "item ends inside an element header");
                }
            } else if (f.topLevel) {
                long rem = in.remaining();
                if (rem == 0) {
                    checkGroupLength(f, -1, start);
                    stack.pop();
                    return;
                }
                if (rem < 8) {
                    byte[] tail = in.bytes((int) rem);
                    for (byte b : tail) {
                        if (b != 0) {
                            throw error(start, "file ends inside an element header (" + rem + " bytes left)");
                        }
                    }
                    warnings.add("ignored " + rem + " NUL byte(s) after the last element");
                    checkGroupLength(f, -1, start);
                    stack.pop();
                    return;
                }
            } else if (f.limit - start < 8) {
                throw error(start, f.limit == in.size() ? "file ends before the item delimiter"
                        : "item without delimiter runs past the end of its enclosing sequence or item at offset "
                                + f.limit);
            }
            boolean be = f.bigEndian;
            int group = in.u16(be);
            int elem = in.u16(be);
            int tag = Tags.of(group, elem);
            if (group == 0xFFFE) {
                in.i32(be);
                checkGroupLength(f, -1, start);
                delimiterInDataset(f, tag, start);
                return;
            }
            checkGroupLength(f, group, start);
            currentTag = tag;
            f.lastTag = tag;
            VR vr;
            long len;
            if (f.explicit) {
                int code = (in.u8() << 8) | in.u8();
                vr = VR.ofCode(code);
                if (vr == null) {
                    vr = recoverUnknownVR(f, tag, code, start);
                    len = lastRecoveredLength;
                } else if (vr.hasLongLength()) {
                    in.skip(2);
                    len = in.i32(be) & 0xFFFFFFFFL;
                } else {
                    len = in.u16(be);
                }
            } else {
                len = in.i32(be) & 0xFFFFFFFFL;
                vr = implicitVR(tag, f.dataset, len);
            }
            if (++elements > options.maxElements()) {
                throw error(start, "more than " + options.maxElements() + " elements");
            }
            element(f, tag, vr, len, start);
        }

        private void delimiterInDataset(Frame f, int tag, long start) throws IOException {
            if (tag == Tags.ITEM_DELIMITATION) {
                if (!f.topLevel && f.end < 0) {
                    stack.pop();
                } else if (f.topLevel) {
                    warnings.add("ignored an item delimiter at offset " + start + " outside any item");
                } else {
                    warnings.add("ignored an item delimiter at offset " + start + " inside a defined-length item");
                }
                return;
            }
            if (tag == Tags.SEQUENCE_DELIMITATION) {
                if (f.topLevel) {
                    warnings.add("ignored a sequence delimiter at offset " + start + " outside any sequence");
                    return;
                }
                Iterator<Frame> it = stack.iterator();
                it.next();
                Frame seq = it.next();
                if (f.end < 0 && seq.end < 0) {
                    warnings.add("item without delimiter closed by the sequence delimiter at offset " + start);
                    stack.pop();
                    popSequence();
                    return;
                }
                warnings.add("ignored a sequence delimiter at offset " + start + " inside an item");
                return;
            }
            throw error(start, Tags.toString(tag) + " where a data element was expected"
                    + (f.lastTag == -1 ? "" : ", after " + Tags.toString(f.lastTag)));
        }

        private long lastRecoveredLength;

        /**
         * An explicit VR header whose VR is not a VR code. Takes the header form that leads to a
         * plausible next element, and the dictionary's VR.
         */
        private VR recoverUnknownVR(Frame f, int tag, int code, long start) throws IOException {
            long p = in.position();
            byte[] h = in.peekAt(p, 6);
            if (h.length < 2) {
                throw error(start, "file ends inside an element header");
            }
            boolean be = f.bigEndian;
            long shortLen = be ? ((h[0] & 0xFF) << 8) | (h[1] & 0xFF) : ((h[1] & 0xFF) << 8) | (h[0] & 0xFF);
            long longLen = h.length == 6 ? readInt(h, 2, be) & 0xFFFFFFFFL : -1;
            long limit = f.limit;
            VR vr = dictionary.vrOf(tag);
            if (vr == VR.SQ) {
                vr = VR.UN;
            }
            String shown = printable(code);
            if (p + 2 + shortLen <= limit && plausibleNext(p + 2 + shortLen, tag, f, limit)) {
                in.skip(2);
                lastRecoveredLength = shortLen;
                warnings.add(Tags.toString(tag) + " at offset " + start + " has the invalid VR \"" + shown
                        + "\": read with a 16-bit length as " + vr);
                return vr;
            }
            if (longLen >= 0 && p + 6 + longLen <= limit && plausibleNext(p + 6 + longLen, tag, f, limit)) {
                in.skip(6);
                lastRecoveredLength = longLen;
                warnings.add(Tags.toString(tag) + " at offset " + start + " has the invalid VR \"" + shown
                        + "\": read with a 32-bit length as " + vr);
                return vr;
            }
            throw error(start, "invalid VR \"" + shown + "\"");
        }

        private boolean plausibleNext(long p, int tag, Frame f, long limit) throws IOException {
            if (p == limit) {
                return true;
            }
            byte[] h = in.peekAt(p, 6);
            if (h.length < 6) {
                return false;
            }
            boolean be = f.bigEndian;
            int group = be ? ((h[0] & 0xFF) << 8) | (h[1] & 0xFF) : ((h[1] & 0xFF) << 8) | (h[0] & 0xFF);
            int elem = be ? ((h[2] & 0xFF) << 8) | (h[3] & 0xFF) : ((h[3] & 0xFF) << 8) | (h[2] & 0xFF);
            int next = Tags.of(group, elem);
            if (group == 0xFFFE) {
                return Tags.isDelimiter(next);
            }
            return Integer.compareUnsigned(next, tag) > 0
                    && VR.ofCode(((h[4] & 0xFF) << 8) | (h[5] & 0xFF)) != null;
        }

        private String printable(int code) {
            StringBuilder sb = new StringBuilder();
            for (int c : new int[] {code >> 8, code & 0xFF}) {
                if (c >= 0x20 && c < 0x7F) {
                    sb.append((char) c);
                } else {
                    sb.append(String.format("\\x%02X", c));
                }
            }
            return sb.toString();
        }

        /** The VR of an implicit VR element: dictionary, with the "or" alternatives resolved. */
        private VR implicitVR(int tag, Dataset ds, long len) {
            if (Tags.isPrivateCreator(tag)) {
                return VR.LO;
            }
            ElementDictionary.Entry e = dictionary.lookup(tag);
            if (e == null || e.vrs().isEmpty()) {
                return VR.UN;
            }
            List<VR> vrs = e.vrs();
            if (vrs.size() == 1) {
                return vrs.get(0);
            }
            if (vrs.contains(VR.OW)) {
                // OB or OW, US or OW, US or SS or OW: implicit VR little endian uses OW (PS3.5 A.1).
                return vrs.contains(VR.US) && len == 2 ? VR.US : VR.OW;
            }
            if (vrs.contains(VR.SS)) {
                return ds.getInt(0x00280103, 0) == 1 ? VR.SS : VR.US;
            }
            return vrs.get(0);
        }

        private void element(Frame f, int tag, VR vr, long len, long start) throws IOException {
            Dataset ds = f.dataset;
            if (len == UNDEFINED) {
                boolean fragments = tag == PIXEL_DATA || vr == VR.OB || vr == VR.OW
                        || (vr == VR.UN && (tag & 0xFF00FFFF) == 0x7F000010);
                if (vr == VR.SQ || (vr == VR.UN && !fragments)) {
                    // A UN element of undefined length holds an implicit VR little endian sequence.
                    boolean itemsExplicit = vr == VR.SQ && f.explicit;
                    boolean itemsBe = vr == VR.SQ && f.bigEndian;
                    Sequence seq = new Sequence(ds, itemsBe);
                    put(ds, DicomElement.read(tag, vr, seq, true, start), start);
                    pushSequence(new Frame(null, seq, tag, -1, f.limit, itemsExplicit, itemsBe, false), start);
                    return;
                }
                if (fragments) {
                    put(ds, DicomElement.read(tag, vr, readFragments(f.bigEndian, start), true, start), start);
                    return;
                }
                throw error(start, "undefined length is not allowed for VR " + vr);
            }
            long limit = f.limit;
            long valueStart = in.position();
            if (len > limit - valueStart) {
                throw error(start, "value length " + len + " exceeds the " + (limit - valueStart)
                        + " bytes left in the " + (limit == in.size() ? "file" : "enclosing item"));
            }
            if (vr == VR.SQ && !f.explicit && len > 0 && !looksLikeItems(valueStart, len, f.bigEndian)) {
                warnings.add(Tags.toString(tag) + " at offset " + start
                        + " is a sequence in the dictionary but its value is not: kept as UN");
                vr = VR.UN;
            } else if (vr == VR.SQ) {
                Sequence seq = new Sequence(ds, f.bigEndian);
                put(ds, DicomElement.read(tag, vr, seq, false, start), start);
                pushSequence(new Frame(null, seq, tag, valueStart + len, f.limit, f.explicit, f.bigEndian, false), start);
                return;
            }
            if (vr == VR.UN && len >= 8 && tag != PIXEL_DATA && looksLikeItems(valueStart, len, false)) {
                Sequence seq = new Sequence(ds, false);
                put(ds, DicomElement.read(tag, vr, seq, false, start), start);
                pushSequence(new Frame(null, seq, tag, valueStart + len, f.limit, false, false, false), start);
                return;
            }
            Object value;
            if (len > options.bulkThreshold()) {
                value = new BulkData(in.file(), valueStart, len);
                in.seek(valueStart + len);
            } else {
                value = in.bytes((int) len);
            }
            if ((len & 1) != 0) {
                warnings.add(Tags.toString(tag) + " at offset " + start + " has the odd length " + len
                        + ": padded to even length on write");
            }
            if (Tags.isGroupLength(tag) && len == 4 && value instanceof byte[] v) {
                Frame top = stack.peek();
                top.lengthGroup = Tags.group(tag);
                top.lengthDeclared = readInt(v, 0, f.bigEndian) & 0xFFFFFFFFL;
                top.lengthStart = in.position();
            }
            put(ds, DicomElement.read(tag, vr, value, false, start), start);
        }

        /**
         * Compares a group length element with the bytes its group really took once the group ends,
         * and notes a mismatch: the writer recomputes group lengths, so such a file is not written
         * back byte for byte.
         */
        private void checkGroupLength(Frame f, int nextGroup, long pos) {
            if (f.lengthGroup < 0 || nextGroup == f.lengthGroup) {
                return;
            }
            long actual = pos - f.lengthStart;
            if (actual != f.lengthDeclared) {
                warnings.add("group length (" + String.format("%04X", f.lengthGroup) + ",0000) says "
                        + f.lengthDeclared + " bytes but the group has " + actual + ": corrected on write");
            }
            f.lengthGroup = -1;
        }

        private void put(Dataset ds, DicomElement e, long start) {
            int tag = e.tag();
            if (ds.contains(tag)) {
                warnings.add("duplicate element " + Tags.toString(tag) + " at offset " + start
                        + ": the later one is kept");
            } else if (!ds.isEmpty() && Integer.compareUnsigned(ds.lastTag(), tag) > 0) {
                warnings.add(Tags.toString(tag) + " at offset " + start
                        + " is out of tag order: elements are sorted on write");
            }
            ds.set(e);
        }

        private void pushSequence(Frame frame, long start) throws DicomFormatException {
            if (depth >= options.maxDepth()) {
                throw error(start, "sequences nested deeper than " + options.maxDepth() + " levels");
            }
            depth++;
            stack.push(frame);
        }

        /** True when {@code len} bytes at {@code pos} are a run of items (checked at the first level only). */
        private boolean looksLikeItems(long pos, long len, boolean be) throws IOException {
            long p = pos;
            long end = pos + len;
            int count = 0;
            while (p < end) {
                if (end - p < 8) {
                    return false;
                }
                byte[] h = in.peekAt(p, 8);
                if (h.length < 8 || readInt(h, 0, be) != (be ? 0xFFFEE000 : 0xE000FFFE)) {
                    return false;
                }
                long itemLen = readInt(h, 4, be) & 0xFFFFFFFFL;
                if (itemLen == UNDEFINED) {
                    return true;
                }
                p += 8 + itemLen;
                count++;
            }
            return p == end && count > 0;
        }

        private void sequenceStep(Frame f) throws IOException {
            long start = in.position();
            currentTag = -1;
            if (f.end >= 0) {
                if (start == f.end) {
                    popSequence();
                    return;
                }
                if (start > f.end) {
                    throw error(start, "sequence items run " + (start - f.end) + " bytes past the sequence's length");
                }
            }
            long limit = f.limit;
            if (limit - start < 8) {
                throw error(start, f.end >= 0 ? "sequence ends inside an item header"
                        : limit == in.size() ? "file ends before the sequence delimiter"
                        : "sequence without delimiter runs past the end of its enclosing item at offset " + limit);
            }
            boolean be = f.bigEndian;
            int tag = Tags.of(in.u16(be), in.u16(be));
            long len = in.i32(be) & 0xFFFFFFFFL;
            if (tag == Tags.ITEM) {
                if (++elements > options.maxElements()) {
                    throw error(start, "more than " + options.maxElements() + " elements");
                }
                Dataset item = new Dataset(f.sequence.parent(), be);
                item.offset(start);
                item.undefinedLength(len == UNDEFINED);
                f.sequence.addRead(item);
                f.items++;
                long end = -1;
                if (len != UNDEFINED) {
                    if (len > limit - in.position()) {
                        throw error(start, "item length " + len + " exceeds the " + (limit - in.position())
                                + " bytes left in the " + (f.end >= 0 ? "sequence"
                                        : limit == in.size() ? "file" : "enclosing item"));
                    }
                    end = in.position() + len;
                }
                stack.push(new Frame(item, null, -1, end, f.limit, f.explicit, be, false));
                return;
            }
            if (tag == Tags.SEQUENCE_DELIMITATION) {
                if (f.end < 0) {
                    popSequence();
                } else {
                    warnings.add("ignored a sequence delimiter at offset " + start + " inside a defined-length sequence");
                }
                return;
            }
            if (tag == Tags.ITEM_DELIMITATION) {
                warnings.add("ignored an item delimiter at offset " + start + " between items");
                return;
            }
            throw error(start, "expected an item (FFFE,E000) in the sequence, found " + Tags.toString(tag));
        }

        private Fragments readFragments(boolean be, long start) throws IOException {
            Fragments fragments = new Fragments();
            while (true) {
                long p = in.position();
                long rem = in.remaining();
                if (rem < 8) {
                    // A missing delimiter means a truncated file (frames may be missing): not repaired.
                    throw error(p, "file ends inside the encapsulated pixel data after " + fragments.size()
                            + " item(s), without sequence delimiter");
                }
                int tag = Tags.of(in.u16(be), in.u16(be));
                long len = in.i32(be) & 0xFFFFFFFFL;
                if (tag == Tags.SEQUENCE_DELIMITATION) {
                    return fragments;
                }
                if (tag != Tags.ITEM) {
                    throw error(p, "expected a pixel data fragment (FFFE,E000), found " + Tags.toString(tag));
                }
                if (len == UNDEFINED || len > in.remaining()) {
                    throw error(p, "fragment length " + (len == UNDEFINED ? "undefined" : Long.toString(len))
                            + " exceeds the " + in.remaining() + " bytes left in the file");
                }
                if (++elements > options.maxElements()) {
                    throw error(p, "more than " + options.maxElements() + " elements");
                }
                if (len > options.bulkThreshold()) {
                    fragments.add(new BulkData(in.file(), in.position(), len));
                        in.skip(len);
                } else {
                    fragments.addOwned(in.bytes((int) len));
                }
            }
        }

        // ------------------------------------------------------------ errors

        private DicomFormatException error(long offset, String reason) {
            return new DicomFormatException(in.file(), offset, tagPath(), reason);
        }

        /** The path of the element being read: sequences with item indexes, then the current tag. */
        private String tagPath() {
            StringBuilder sb = new StringBuilder();
            Iterator<Frame> it = stack.descendingIterator();
            while (it.hasNext()) {
                Frame f = it.next();
                if (f.sequence != null) {
                    if (sb.length() > 0) {
                        sb.append('/');
                    }
                    sb.append(Tags.toString(f.tag));
                    if (f.items > 0) {
                        sb.append('[').append(f.items - 1).append(']');
                    }
                }
            }
            if (currentTag != -1) {
                if (sb.length() > 0) {
                    sb.append('/');
                }
                sb.append(Tags.toString(currentTag));
            }
            return sb.toString();
        }
    }
}
