package org.dicomtools.deid.inspect;

import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.dicomtools.deid.dicom.Dataset;
import org.dicomtools.deid.dicom.DicomElement;
import org.dicomtools.deid.dicom.DicomFile;
import org.dicomtools.deid.dicom.DicomWriter;
import org.dicomtools.deid.dicom.Fragments;
import org.dicomtools.deid.dicom.Sequence;
import org.dicomtools.deid.dicom.Tags;
import org.dicomtools.deid.dicom.TransferSyntax;
import org.dicomtools.deid.dicom.VR;
import org.dicomtools.deid.dicom.dict.ElementDictionary;

/**
 * Prints a DICOM file as an indented tree, one line per element: File Meta Information first, then
 * the dataset, each in tag order. A line reads
 *
 * <pre>
 * (0010,0010) PatientName PN 8 [Doe^John]
 * (0029,1008) [SIEMENS CSA HEADER] CS 4 [IMAGE]
 * (7FE0,0010) PixelData OW 524288 &lt;524288 bytes&gt;
 * (0008,1140) ReferencedImageSequence SQ u/l
 *   [item 0]
 *     (0008,1150) ReferencedSOPClassUID UI 26 [1.2.840.10008.5.1.4.1.1.2]
 * </pre>
 *
 * <ul>
 * <li>the tag as {@code (GGGG,EEEE)};</li>
 * <li>the keyword from the data dictionary, {@code ?} for a tag it does not know, and for a private
 *     data element the private creator that reserved its block in brackets ({@code [?]} when the
 *     creator element is missing, PS3.5 7.8.1);</li>
 * <li>the VR as read;</li>
 * <li>the value length in bytes, or {@code u/l} for undefined length (sequences, encapsulated pixel
 *     data); for a sequence of defined length the length the codec writes, which equals the source
 *     length for a well-formed file;</li>
 * <li>the value, absent when the length is 0: text and numbers in brackets, decoded with the
 *     Specific Character Set in force and the dataset's byte order, values separated by a backslash,
 *     attribute tags as {@code (GGGG,EEEE)}; byte values (OB, OD, OF, OL, OV, OW, and UN when the
 *     dictionary does not say what it holds) as {@code <N bytes>}; encapsulated pixel data as
 *     {@code <N fragments, M bytes>} (fragments after the Basic Offset Table and their bytes).</li>
 * </ul>
 * Values are escaped so that no control character reaches the output (see {@link ControlEscaper}: a
 * literal backslash inside a value prints as {@code \\}) and are cut to at most
 * {@code maxValueLength} characters, the last one {@code …}.
 *
 * <p>Sequence items print as {@code [item n]}, numbered from 0 as in the tag paths of
 * {@link org.dicomtools.deid.dicom.DicomFormatException}, indented two spaces below their sequence;
 * their elements two spaces further.
 *
 * <p>With {@code privateOnly} only private elements (odd groups, PS3.5 7.8) print, private creator
 * elements included, with everything nested inside a private sequence; a standard sequence prints,
 * with the items that lead there, only when a private element is nested in it.
 *
 * <p>The output depends on nothing but the file and the two settings. Nesting is followed
 * recursively: its depth is bounded by the reader's {@code ReadOptions.maxDepth()}.
 */
public final class TreePrinter {
    /** Default for {@code maxValueLength}. */
    public static final int DEFAULT_MAX_VALUE_LENGTH = 64;

    /** Ceiling on the bytes read back from disk to show a long text or number value. */
    private static final long MAX_DECODED_BYTES = 16L << 20;

    private static final TransferSyntax EXPLICIT = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
    private static final TransferSyntax IMPLICIT = TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;

    private final int maxValueLength;
    private final boolean privateOnly;
    private final ControlEscaper escaper;
    private final ElementDictionary dictionary = ElementDictionary.standard();

    /**
     * @param maxValueLength the most characters a value shows, the closing {@code …} included; 0 for
     *     no limit
     * @param privateOnly true to print only private elements and the sequences that lead to them
     * @throws IllegalArgumentException if {@code maxValueLength} is negative
     */
    public TreePrinter(int maxValueLength, boolean privateOnly) {
        if (maxValueLength < 0) {
            throw new IllegalArgumentException("maxValueLength must be 0 (no limit) or positive: " + maxValueLength);
        }
        this.escaper = new ControlEscaper(maxValueLength);
        this.maxValueLength = maxValueLength;
        this.privateOnly = privateOnly;
    }

    /** The lines of the tree; see {@link #print(DicomFile, Consumer)}. */
    public List<String> lines(DicomFile file) throws IOException {
        List<String> lines = new ArrayList<>();
        print(file, lines::add);
        return lines;
    }

    /**
     * Passes the lines of the tree to {@code out}, File Meta Information first.
     *
     * @throws IOException if a value the reader left on disk cannot be read back
     */
    public void print(DicomFile file, Consumer<String> out) throws IOException {
        Walk walk = new Walk(out);
        walk.dataset(file.meta(), true, 0, !privateOnly);
        walk.dataset(file.dataset(), file.transferSyntax().explicitVR(), 0, !privateOnly);
    }

    /** One print of one file, with the memo of which datasets hold private elements. */
    private final class Walk {
        private final Consumer<String> out;
        private final Map<Object, Boolean> holdsPrivate = new IdentityHashMap<>();

        Walk(Consumer<String> out) {
            this.out = out;
        }

        void dataset(Dataset ds, boolean explicitVR, int depth, boolean all) throws IOException {
            for (DicomElement e : ds) {
                boolean shown = all || Tags.isPrivate(e.tag());
                Sequence seq = e.sequence();
                if (!shown && (seq == null || !holdsPrivate(seq))) {
                    continue;
                }
                out.accept(line(ds, e, explicitVR, depth));
                if (seq != null) {
                    boolean itemsExplicit = explicitVR && e.vr() == VR.SQ;
                    for (int i = 0; i < seq.size(); i++) {
                        Dataset item = seq.get(i);
                        if (shown || holdsPrivate(item)) {
                            out.accept(indent(4 * depth + 2) + "[item " + i + "]");
                            dataset(item, itemsExplicit, depth + 1, shown);
                        }
                    }
                }
            }
        }

        private boolean holdsPrivate(Sequence seq) {
            Boolean known = holdsPrivate.get(seq);
            if (known == null) {
                known = false;
                for (Dataset item : seq) {
                    if (holdsPrivate(item)) {
                        known = true;
                        break;
                    }
                }
                holdsPrivate.put(seq, known);
            }
            return known;
        }

        private boolean holdsPrivate(Dataset ds) {
            Boolean known = holdsPrivate.get(ds);
            if (known == null) {
                known = false;
                for (DicomElement e : ds) {
                    if (Tags.isPrivate(e.tag()) || (e.isSequence() && holdsPrivate(e.sequence()))) {
                        known = true;
                        break;
                    }
                }
                holdsPrivate.put(ds, known);
            }
            return known;
        }
    }

    private String line(Dataset ds, DicomElement e, boolean explicitVR, int depth) throws IOException {
        StringBuilder sb = new StringBuilder(96).append(indent(4 * depth))
                .append(Tags.toString(e.tag())).append(' ').append(name(ds, e.tag()))
                .append(' ').append(e.vr().name()).append(' ').append(length(e, explicitVR));
        String value = value(ds, e);
        if (value != null) {
            sb.append(' ').append(value);
        }
        return sb.toString();
    }

    private String name(Dataset ds, int tag) {
        if (Tags.isPrivateData(tag)) {
            String creator = ds.privateCreatorOf(tag);
            return "[" + (creator == null ? "?" : ControlEscaper.escape(creator)) + "]";
        }
        String keyword = dictionary.keywordOf(tag);
        return keyword.isEmpty() ? "?" : keyword;
    }

    private static String length(DicomElement e, boolean explicitVR) {
        if (e.undefinedLength() || e.isFragments()) {
            return "u/l";
        }
        if (e.isSequence()) {
            TransferSyntax items = explicitVR && e.vr() == VR.SQ ? EXPLICIT : IMPLICIT;
            long total = 0;
            for (Dataset item : e.sequence()) {
                total += 8 + DicomWriter.encodedLength(item, items) + (item.undefinedLength() ? 8 : 0);
            }
            return Long.toString(total);
        }
        return Long.toString(e.length());
    }

    /** The value text, or null when nothing follows the length. */
    private String value(Dataset ds, DicomElement e) throws IOException {
        if (e.isSequence()) {
            return null;
        }
        if (e.isFragments()) {
            return fragments(e.fragments());
        }
        if (e.length() == 0) {
            return null;
        }
        if (!ElementValues.isDecodable(e)) {
            return "<" + count(e.length(), "byte") + ">";
        }
        long prefix = maxValueLength == 0 ? MAX_DECODED_BYTES : 4L * (maxValueLength + 1) + 16;
        ElementValues values = ElementValues.of(ds, e, prefix);
        List<String> shown = values.values();
        if (Dataset.effectiveVR(e) == VR.AT) {
            shown = shown.stream().map(hex -> Tags.toString(Tags.parse(hex))).toList();
        }
        return "[" + escaper.apply(shown, !values.complete()) + "]";
    }

    private static String fragments(Fragments f) {
        long bytes = 0;
        for (int i = 1; i < f.size(); i++) {
            bytes += f.length(i);
        }
        return "<" + count(Math.max(0, f.size() - 1), "fragment") + ", " + count(bytes, "byte") + ">";
    }

    private static String count(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    private static String indent(int n) {
        return " ".repeat(n);
    }
}
