package org.dicomtools.deid.inspect;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

import com.google.gson.stream.JsonWriter;

import org.dicomtools.deid.dicom.Dataset;
import org.dicomtools.deid.dicom.DicomElement;
import org.dicomtools.deid.dicom.DicomFile;
import org.dicomtools.deid.dicom.Fragments;
import org.dicomtools.deid.dicom.Sequence;
import org.dicomtools.deid.dicom.Tags;
import org.dicomtools.deid.dicom.VR;

/**
 * Writes a DICOM file as one DICOM JSON object (PS3.18 F.2), File Meta Information included, in
 * UTF-8 with two-space indentation and a final line break. The output depends on nothing but the file
 * and the inline limit.
 *
 * <ul>
 * <li>Attributes are keyed by their tag as eight upper-case hex digits, in ascending order
 *     (PS3.18 F.2.2); group length elements (gggg,0000) are left out. File Meta Information and the
 *     dataset are one object; should the dataset repeat a (0002,eeee) tag, the File Meta Information
 *     element is written.</li>
 * <li>Each attribute has {@code vr} and at most one of {@code Value} and
 *     {@code InlineBinary}. An empty attribute, or one whose values are all empty, has neither
 *     (F.2.5); an empty value among others is {@code null}.</li>
 * <li>{@code vr} is the VR as read, except for an element read as UN whose tag the standard data
 *     dictionary knows: it gets the dictionary's VR (the first of alternatives such as "US or SS") and
 *     its value is decoded accordingly, as {@link Dataset#strings(DicomElement)} does, so that a
 *     standard attribute written as UN can be read (and searched) in the JSON. Private and unknown
 *     elements read as UN stay UN.</li>
 * <li>Text is decoded with the Specific Character Set in force; multi-valued VRs are split at the
 *     backslash (F.2.4), LT, ST, UT and UR are not.</li>
 * <li>PN values are objects with the non-empty component groups {@code Alphabetic},
 *     {@code Ideographic} and {@code Phonetic}, split at {@code =} (F.2.2).</li>
 * <li>DS and IS values are JSON numbers (F.2.3): a value that already follows the JSON number grammar
 *     is written as it is spelled, so {@code 1.50} stays {@code 1.50}; a valid decimal that does not
 *     ({@code +5}, {@code .5}, {@code 007}) is written as the same number in JSON form ({@code 5},
 *     {@code 0.5}, {@code 7}); anything else stays a string, as the note to Table F.2.3-1 allows, so
 *     that nothing is lost. FL, FD, SL, SS, SV, UL, US and UV are numbers; a NaN or infinite float,
 *     which JSON cannot express, is the string {@code NaN}, {@code Infinity} or
 *     {@code -Infinity}.</li>
 * <li>AT values are eight upper-case hex digits (F.2.3).</li>
 * <li>SQ values are arrays of objects, an empty item as {@code {}}. A sequence the reader found inside
 *     a UN element of undefined length (PS3.5 6.2.2) is written as SQ.</li>
 * <li>OB, OD, OF, OL, OV, OW and UN values up to the inline limit are {@code InlineBinary}, the base64
 *     of the value in little-endian byte order (F.2.7; values from a big-endian file are swapped per
 *     PS3.5 7.3). Encapsulated pixel data counts as the item stream of its value (Basic Offset Table
 *     and fragment items with their 8-byte headers, without the sequence delimiter).</li>
 * <li>A value above the limit is left out, as is a text or number value longer than 16 MiB: the
 *     attribute keeps its {@code vr} and nothing else, and the value is reported as an
 *     {@link OmittedValue} by {@link #write(DicomFile, OutputStream)}. PS3.18 has no member that says
 *     "value left out" ({@code BulkDataURI} must be a URL from which the value can be retrieved, and
 *     every member name of an attribute object is fixed by F.2.2), so the object stays plain DICOM
 *     JSON and the caller keeps the list beside it.</li>
 * </ul>
 */
public final class DicomJsonWriter {
    /** Default for {@code inlineBinaryLimit}. */
    public static final int DEFAULT_INLINE_BINARY_LIMIT = 1024;

    /** Ceiling on the bytes of one text or number value read back from disk. */
    private static final long MAX_DECODED_BYTES = 16L << 20;

    /** A JSON number (RFC 8259 section 6). */
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?");

    /** The characters of a decimal string (PS3.5 6.2, DS). */
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?");

    private final int inlineBinaryLimit;

    /**
     * @param inlineBinaryLimit the largest binary value, in bytes, written as {@code InlineBinary};
     *     0 leaves every non-empty binary value out
     * @throws IllegalArgumentException if the limit is negative
     */
    public DicomJsonWriter(int inlineBinaryLimit) {
        if (inlineBinaryLimit < 0) {
            throw new IllegalArgumentException("inlineBinaryLimit must be 0 or positive: " + inlineBinaryLimit);
        }
        this.inlineBinaryLimit = inlineBinaryLimit;
    }

    /**
     * Writes the DICOM JSON object of {@code file} to {@code out}, which is flushed but not closed.
     *
     * @return the values left out, in the order they occur
     * @throws IOException if writing fails or a value left on disk cannot be read back
     */
    public List<OmittedValue> write(DicomFile file, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        JsonWriter json = new JsonWriter(writer);
        json.setIndent("  ");
        json.setSerializeNulls(true);
        json.setHtmlSafe(false);
        List<OmittedValue> omitted = new ArrayList<>();
        Encoding encoding = new Encoding(json, omitted);
        json.beginObject();
        encoding.merged(file.meta(), file.dataset());
        json.endObject();
        json.flush();
        writer.write('\n');
        writer.flush();
        return List.copyOf(omitted);
    }

    /** One write of one file. */
    private final class Encoding {
        private final JsonWriter json;
        private final List<OmittedValue> omitted;

        Encoding(JsonWriter json, List<OmittedValue> omitted) {
            this.json = json;
            this.omitted = omitted;
        }

        /** File Meta Information and dataset as one tag-ordered object. */
        void merged(Dataset meta, Dataset dataset) throws IOException {
            Iterator<DicomElement> m = meta.iterator();
            Iterator<DicomElement> d = dataset.iterator();
            DicomElement a = m.hasNext() ? m.next() : null;
            DicomElement b = d.hasNext() ? d.next() : null;
            while (a != null || b != null) {
                int c = a == null ? 1 : b == null ? -1 : Integer.compareUnsigned(a.tag(), b.tag());
                if (c <= 0) {
                    attribute(meta, a, "");
                    a = m.hasNext() ? m.next() : null;
                    if (c == 0) {
                        b = d.hasNext() ? d.next() : null;
                    }
                } else {
                    attribute(dataset, b, "");
                    b = d.hasNext() ? d.next() : null;
                }
            }
        }

        void items(Dataset ds, String path) throws IOException {
            for (DicomElement e : ds) {
                attribute(ds, e, path);
            }
        }

        void attribute(Dataset ds, DicomElement e, String parentPath) throws IOException {
            if (Tags.isGroupLength(e.tag())) {
                return;
            }
            String path = parentPath + Tags.toString(e.tag());
            json.name(Tags.toHex(e.tag()));
            json.beginObject();
            Sequence seq = e.sequence();
            VR vr = seq != null ? VR.SQ : Dataset.effectiveVR(e);
            json.name("vr").value(vr.name());
            if (seq != null) {
                sequence(seq, path);
            } else if (e.isFragments()) {
                fragments(e.fragments(), vr, path);
            } else if (vr.kind() == VR.Kind.BULK) {
                binary(ds, e, vr, path);
            } else {
                values(ds, e, vr, path);
            }
            json.endObject();
        }

        private void sequence(Sequence seq, String path) throws IOException {
            if (seq.isEmpty()) {
                return;
            }
            json.name("Value").beginArray();
            for (int i = 0; i < seq.size(); i++) {
                json.beginObject();
                items(seq.get(i), path + "[" + i + "]/");
                json.endObject();
            }
            json.endArray();
        }

        private void values(Dataset ds, DicomElement e, VR vr, String path) throws IOException {
            if (e.length() == 0) {
                return;
            }
            ElementValues decoded = ElementValues.of(ds, e, MAX_DECODED_BYTES);
            if (!decoded.complete()) {
                omitted.add(new OmittedValue(path, vr, e.length()));
                return;
            }
            List<String> values = decoded.values();
            if (values.stream().allMatch(String::isEmpty)) {
                return;
            }
            json.name("Value").beginArray();
            for (String v : values) {
                if (v.isEmpty()) {
                    json.nullValue();
                } else if (vr == VR.PN) {
                    personName(v);
                } else if ((vr.kind() == VR.Kind.BINARY && vr != VR.AT) || vr == VR.DS || vr == VR.IS) {
                    number(v, vr == VR.DS || vr == VR.IS);
                } else {
                    json.value(v);
                }
            }
            json.endArray();
        }

        private void personName(String value) throws IOException {
            String[] groups = value.split("=", 3);
            String[] names = {"Alphabetic", "Ideographic", "Phonetic"};
            boolean any = false;
            for (String g : groups) {
                any |= !g.isEmpty();
            }
            if (!any) {
                json.nullValue();
                return;
            }
            json.beginObject();
            for (int i = 0; i < groups.length; i++) {
                if (!groups[i].isEmpty()) {
                    json.name(names[i]).value(groups[i]);
                }
            }
            json.endObject();
        }

        private void number(String v, boolean decimalString) throws IOException {
            BigDecimal d;
            if (JSON_NUMBER.matcher(v).matches()) {
                json.jsonValue(v);
            } else if (decimalString && (d = decimal(v)) != null) {
                json.value(d);
            } else {
                json.value(v);
            }
        }

        private void binary(Dataset ds, DicomElement e, VR vr, String path) throws IOException {
            long length = e.length();
            if (length == 0) {
                return;
            }
            if (length > inlineBinaryLimit) {
                omitted.add(new OmittedValue(path, vr, length));
                return;
            }
            byte[] bytes = e.bytes(inlineBinaryLimit);
            if (ds.bigEndian()) {
                toLittleEndian(bytes, vr.unitSize());
            }
            json.name("InlineBinary").value(Base64.getEncoder().encodeToString(bytes));
        }

        private void fragments(Fragments f, VR vr, String path) throws IOException {
            long length = 0;
            for (int i = 0; i < f.size(); i++) {
                length += 8 + f.length(i);
            }
            if (length > inlineBinaryLimit) {
                omitted.add(new OmittedValue(path, vr, length));
                return;
            }
            ByteBuffer items = ByteBuffer.allocate((int) length).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < f.size(); i++) {
                byte[] fragment = f.bytes(i, inlineBinaryLimit);
                items.putShort((short) 0xFFFE).putShort((short) 0xE000).putInt(fragment.length).put(fragment);
            }
            json.name("InlineBinary").value(Base64.getEncoder().encodeToString(items.array()));
        }
    }

    /**
     * The number a valid decimal string spells, or null for any other text; an exponent beyond the
     * range of {@link BigDecimal} also gives null, so that the value is kept as a string.
     */
    private static BigDecimal decimal(String v) {
        if (!DECIMAL.matcher(v).matches()) {
            return null;
        }
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException outOfRange) {
            return null;
        }
    }

    /** Reverses the bytes of each {@code unit}-byte word in place. */
    private static void toLittleEndian(byte[] b, int unit) {
        for (int start = 0; start + unit <= b.length; start += unit) {
            for (int i = start, j = start + unit - 1; i < j; i++, j--) {
                byte t = b[i];
                b[i] = b[j];
                b[j] = t;
            }
        }
    }
}
