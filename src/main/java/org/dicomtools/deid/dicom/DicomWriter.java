package org.dicomtools.deid.dicom;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes DICOM Part 10 files (PS3.10 7.1) and datasets (PS3.5 7).
 *
 * <p>File Meta Information is regenerated: group length, version, Media Storage SOP Class and
 * Instance UID from the dataset, the transfer syntax, and this plugin's Implementation Class UID
 * and Version Name; other meta elements are copied only when the caller passes them. The dataset
 * keeps its transfer syntax. Each element is written with the length form it was read with
 * (undefined-length sequences and items stay undefined; defined lengths are recomputed), group
 * length elements are recomputed, and values are written byte for byte, so an unchanged well-formed
 * dataset is written back with identical bytes. Odd-length values of malformed input are padded to
 * even length with the VR's padding byte, and a value too long for a 16-bit length field is written
 * as UN.
 */
public final class DicomWriter {
    /** Implementation Class UID of this plugin; see {@link Implementation}. */
    public static final String IMPLEMENTATION_CLASS_UID = Implementation.CLASS_UID;
    /** Implementation Version Name; see {@link Implementation}. */
    public static final String IMPLEMENTATION_VERSION_NAME = Implementation.VERSION_NAME;

    private static final long UNDEFINED = 0xFFFFFFFFL;
    private static final int[] REGENERATED_META = {0x00020000, 0x00020001, 0x00020002, 0x00020003,
        0x00020010, 0x00020012, 0x00020013};

    /**
     * Builds the File Meta Information for a dataset: the regenerated elements, plus every element
     * of {@code keep} (may be null) that is not regenerated.
     */
    public static Dataset fileMeta(Dataset dataset, TransferSyntax ts, Dataset keep) {
        Dataset meta = new Dataset();
        meta.setBytes(0x00020001, VR.OB, new byte[] {0, 1});
        String sopClass = first(dataset.getString(0x00080016), keep, 0x00020002);
        String sopInstance = first(dataset.getString(0x00080018), keep, 0x00020003);
        if (sopClass != null) {
            meta.setString(0x00020002, VR.UI, sopClass);
        }
        if (sopInstance != null) {
            meta.setString(0x00020003, VR.UI, sopInstance);
        }
        meta.setString(0x00020010, VR.UI, ts.uid());
        meta.setString(0x00020012, VR.UI, IMPLEMENTATION_CLASS_UID);
        meta.setString(0x00020013, VR.SH, IMPLEMENTATION_VERSION_NAME);
        if (keep != null) {
            for (DicomElement e : keep) {
                if (!isRegenerated(e.tag()) && Tags.group(e.tag()) == 0x0002) {
                    meta.set(e);
                }
            }
        }
        // The group length is recomputed by the writer; its presence makes it written.
        meta.setInts(0x00020000, VR.UL, 0);
        return meta;
    }

    private static String first(String fromDataset, Dataset meta, int metaTag) {
        return fromDataset != null ? fromDataset : meta == null ? null : meta.getString(metaTag);
    }

    private static boolean isRegenerated(int tag) {
        for (int t : REGENERATED_META) {
            if (t == tag) {
                return true;
            }
        }
        return false;
    }

    /** Writes a Part 10 file with a zero preamble and regenerated File Meta Information. */
    public void write(WritableByteChannel out, Dataset dataset, TransferSyntax ts, Dataset keepMeta)
            throws IOException {
        try (Output o = new Output(out)) {
            o.bytes(new byte[128]);
            o.bytes(new byte[] {'D', 'I', 'C', 'M'});
            new Encoder(o).dataset(fileMeta(dataset, ts, keepMeta), true, false);
            o.flush();
            if (ts.deflated()) {
                DeflaterOutputStream dos = new DeflaterOutputStream(Channels.newOutputStream(out),
                        new Deflater(Deflater.DEFAULT_COMPRESSION, true), 64 * 1024);
                try (Output d = new Output(Channels.newChannel(dos))) {
                    new Encoder(d).dataset(dataset, true, false);
                }
                dos.finish();
                dos.flush();
            } else {
                new Encoder(o).dataset(dataset, ts.explicitVR(), ts.bigEndian());
            }
        }
    }

    /** Writes a Part 10 file; see {@link #write(WritableByteChannel, Dataset, TransferSyntax, Dataset)}. */
    public void write(OutputStream out, Dataset dataset, TransferSyntax ts, Dataset keepMeta) throws IOException {
        write(Channels.newChannel(out), dataset, ts, keepMeta);
    }

    /** Writes a Part 10 file to {@code path} (created or truncated). */
    public void write(Path path, Dataset dataset, TransferSyntax ts, Dataset keepMeta) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            write(ch, dataset, ts, keepMeta);
        }
    }

    /** Writes only the dataset, in the transfer syntax's encoding (never deflated). */
    public void writeDataset(WritableByteChannel out, Dataset dataset, TransferSyntax ts) throws IOException {
        try (Output o = new Output(out)) {
            new Encoder(o).dataset(dataset, ts.explicitVR(), ts.bigEndian());
        }
    }

    /** The encoded length of a dataset (without item header), for callers that need offsets. */
    public static long encodedLength(Dataset dataset, TransferSyntax ts) {
        return new Encoder(null).contentLength(dataset, ts.explicitVR());
    }

    /** Encodes datasets to an {@link Output}, computing defined lengths once per write. */
    private static final class Encoder {
        private final Output out;
        private final Map<Object, Long> lengths = new IdentityHashMap<>();

        Encoder(Output out) {
            this.out = out;
        }

        /** The VR written in an explicit header: UN when the value does not fit a 16-bit length. */
        private static VR headerVR(DicomElement e, long valueLength) {
            VR vr = e.vr();
            return !vr.hasLongLength() && valueLength > 0xFFFF ? VR.UN : vr;
        }

        private static long padded(long len) {
            return len + (len & 1);
        }

        private static boolean itemsExplicit(DicomElement e, boolean explicit) {
            return e.vr() == VR.SQ && explicit;
        }

        long elementLength(DicomElement e, boolean explicit) {
            if (e.isSequence()) {
                boolean ie = itemsExplicit(e, explicit);
                long content = sequenceContentLength(e.sequence(), ie);
                return header(e.vr(), explicit) + content + (e.undefinedLength() ? 8 : 0);
            }
            if (e.isFragments()) {
                Fragments f = e.fragments();
                long total = header(e.vr(), explicit) + 8;
                for (int i = 0; i < f.size(); i++) {
                    total += 8 + padded(f.length(i));
                }
                return total;
            }
            long len = padded(e.length());
            return header(headerVR(e, len), explicit) + len;
        }

        private static int header(VR vr, boolean explicit) {
            return explicit && vr.hasLongLength() ? 12 : 8;
        }

        long sequenceContentLength(Sequence seq, boolean explicit) {
            Long cached = lengths.get(seq);
            if (cached != null) {
                return cached;
            }
            long total = 0;
            for (Dataset item : seq) {
                total += 8 + contentLength(item, explicit) + (item.undefinedLength() ? 8 : 0);
            }
            lengths.put(seq, total);
            return total;
        }

        long contentLength(Dataset ds, boolean explicit) {
            Long cached = lengths.get(ds);
            if (cached != null) {
                return cached;
            }
            long total = 0;
            for (DicomElement e : ds) {
                total += elementLength(e, explicit);
            }
            lengths.put(ds, total);
            return total;
        }

        void dataset(Dataset ds, boolean explicit, boolean be) throws IOException {
            List<DicomElement> elements = ds.elements();
            for (int i = 0; i < elements.size(); i++) {
                DicomElement e = elements.get(i);
                if (Tags.isGroupLength(e.tag()) && e.isInline() && e.length() == 4) {
                    groupLength(e, elements, i, explicit, be);
                } else {
                    element(e, explicit, be);
                }
            }
        }

        /** Writes a group length element with the length of the elements that follow in its group. */
        private void groupLength(DicomElement e, List<DicomElement> elements, int index, boolean explicit,
                boolean be) throws IOException {
            int group = Tags.group(e.tag());
            long total = 0;
            for (int j = index + 1; j < elements.size() && Tags.group(elements.get(j).tag()) == group; j++) {
                total += elementLength(elements.get(j), explicit);
            }
            out.header(e.tag(), VR.UL, 4, explicit, be);
            out.u32(total, be);
        }

        void element(DicomElement e, boolean explicit, boolean be) throws IOException {
            if (e.isSequence()) {
                boolean ie = itemsExplicit(e, explicit);
                boolean ibe = e.vr() == VR.SQ && be;
                long len = e.undefinedLength() ? UNDEFINED : sequenceContentLength(e.sequence(), ie);
                out.header(e.tag(), e.vr(), len, explicit, be);
                for (Dataset item : e.sequence()) {
                    long itemLen = item.undefinedLength() ? UNDEFINED : contentLength(item, ie);
                    out.delimiter(Tags.ITEM, itemLen, ibe);
                    dataset(item, ie, ibe);
                    if (item.undefinedLength()) {
                        out.delimiter(Tags.ITEM_DELIMITATION, 0, ibe);
                    }
                }
                if (e.undefinedLength()) {
                    // The delimiter is part of the value: implicit little endian inside a UN element.
                    out.delimiter(Tags.SEQUENCE_DELIMITATION, 0, ibe);
                }
                return;
            }
            if (e.isFragments()) {
                Fragments f = e.fragments();
                out.header(e.tag(), e.vr(), UNDEFINED, explicit, be);
                List<Object> raw = f.raw();
                for (int i = 0; i < raw.size(); i++) {
                    long len = f.length(i);
                    out.delimiter(Tags.ITEM, padded(len), be);
                    value(raw.get(i), len);
                    if ((len & 1) != 0) {
                        out.u8(0);
                    }
                }
                out.delimiter(Tags.SEQUENCE_DELIMITATION, 0, be);
                return;
            }
            long len = e.length();
            long padded = padded(len);
            out.header(e.tag(), headerVR(e, padded), padded, explicit, be);
            value(e.value(), len);
            if (padded != len) {
                out.u8(e.vr().paddingByte());
            }
        }

        private void value(Object value, long len) throws IOException {
            if (value instanceof byte[] b) {
                out.bytes(b);
            } else {
                out.bulk((BulkData) value);
            }
        }
    }

    /** Buffered output over a channel, with streaming of bulk data from its source file. */
    private static final class Output implements AutoCloseable {
        private final WritableByteChannel channel;
        private final ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        private final Map<Path, FileChannel> sources = new HashMap<>();

        Output(WritableByteChannel channel) {
            this.channel = channel;
        }

        private void room(int n) throws IOException {
            if (buf.remaining() < n) {
                flush();
            }
        }

        void flush() throws IOException {
            if (channel == null) {
                return;
            }
            buf.flip();
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            buf.clear();
        }

        void u8(int v) throws IOException {
            room(1);
            buf.put((byte) v);
        }

        void u16(int v, boolean be) throws IOException {
            room(2);
            if (be) {
                buf.put((byte) (v >> 8)).put((byte) v);
            } else {
                buf.put((byte) v).put((byte) (v >> 8));
            }
        }

        void u32(long v, boolean be) throws IOException {
            room(4);
            if (be) {
                buf.put((byte) (v >> 24)).put((byte) (v >> 16)).put((byte) (v >> 8)).put((byte) v);
            } else {
                buf.put((byte) v).put((byte) (v >> 8)).put((byte) (v >> 16)).put((byte) (v >> 24));
            }
        }

        void bytes(byte[] b) throws IOException {
            if (b.length > buf.remaining()) {
                flush();
                if (b.length > buf.capacity()) {
                    ByteBuffer wrap = ByteBuffer.wrap(b);
                    while (wrap.hasRemaining()) {
                        channel.write(wrap);
                    }
                    return;
                }
            }
            buf.put(b);
        }

        void header(int tag, VR vr, long len, boolean explicit, boolean be) throws IOException {
            u16(Tags.group(tag), be);
            u16(Tags.element(tag), be);
            if (explicit) {
                u8(vr.code() >> 8);
                u8(vr.code() & 0xFF);
                if (vr.hasLongLength()) {
                    u16(0, be);
                    u32(len, be);
                } else {
                    u16((int) len, be);
                }
            } else {
                u32(len, be);
            }
        }

        void delimiter(int tag, long len, boolean be) throws IOException {
            u16(Tags.group(tag), be);
            u16(Tags.element(tag), be);
            u32(len, be);
        }

        void bulk(BulkData bulk) throws IOException {
            flush();
            FileChannel src = sources.get(bulk.file());
            if (src == null) {
                src = FileChannel.open(bulk.file(), StandardOpenOption.READ);
                sources.put(bulk.file(), src);
            }
            long pos = bulk.offset();
            long end = pos + bulk.length();
            while (pos < end) {
                long n = src.transferTo(pos, end - pos, channel);
                if (n <= 0) {
                    if (pos >= src.size()) {
                        throw new IOException(bulk.file() + ": file ended at offset " + pos
                                + " while copying a value that should end at " + end);
                    }
                    continue;
                }
                pos += n;
            }
        }

        @Override
        public void close() throws IOException {
            IOException failure = null;
            try {
                flush();
            } catch (IOException e) {
                failure = e;
            }
            for (FileChannel ch : sources.values()) {
                try {
                    ch.close();
                } catch (IOException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }
}
