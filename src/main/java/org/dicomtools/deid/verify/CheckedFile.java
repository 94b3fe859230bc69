package org.dicomtools.deid.verify;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.dicomtools.deid.dicom.Dataset;
import org.dicomtools.deid.dicom.DicomElement;
import org.dicomtools.deid.dicom.DicomFile;
import org.dicomtools.deid.dicom.Tags;
import org.dicomtools.deid.dicom.VR;
import org.dicomtools.deid.dicom.dict.Tag;

/**
 * A dataset file as the checks see it: its relative path, the parsed file and every element at
 * every depth (File Meta Information first), each visited once per file and shared by all checks.
 */
public final class CheckedFile {
    private final String path;
    private final DicomFile file;
    private final List<ElementRef> elements;

    CheckedFile(String path, DicomFile file) {
        this.path = path;
        this.file = file;
        List<ElementRef> out = new ArrayList<>();
        collect(file.meta(), "", true, out);
        collect(file.dataset(), "", false, out);
        this.elements = Collections.unmodifiableList(out);
    }

    private static void collect(Dataset ds, String prefix, boolean meta, List<ElementRef> out) {
        for (DicomElement e : ds) {
            String p = prefix.isEmpty() ? Tags.toString(e.tag()) : prefix + "/" + Tags.toString(e.tag());
            VR vr = e.isSequence() ? VR.SQ : Dataset.effectiveVR(e);
            String creator = Tags.isPrivateData(e.tag()) ? ds.privateCreatorOf(e.tag()) : null;
            out.add(new ElementRef(ds, e, p, vr, creator, meta));
            if (e.isSequence()) {
                for (int i = 0; i < e.sequence().size(); i++) {
                    collect(e.sequence().get(i), p + "[" + i + "]", meta, out);
                }
            }
        }
    }

    /** Path relative to the dataset root, with {@code /} separators. */
    public String path() {
        return path;
    }

    public DicomFile file() {
        return file;
    }

    public Dataset dataset() {
        return file.dataset();
    }

    /** Every element at every depth, File Meta Information first, in tag order within each dataset. */
    public List<ElementRef> elements() {
        return elements;
    }

    /**
     * The text of an element for pattern checks: decoded values of text VRs (and of UN elements
     * whose dictionary VR is text), or for a UN or OB element of unknown VR its bytes read as text
     * when they look like text (at least 4 bytes, 90% printable). Pixel, overlay, curve, waveform,
     * spectroscopy and audio samples are never text: a dark image with a grey ramp reads as runs of
     * digits. Empty when there is no text.
     */
    public static List<String> text(ElementRef r) {
        if (r.element().isSequence() || !r.element().isInline()) {
            return List.of();
        }
        if (r.vr().isText()) {
            return r.values();
        }
        if ((r.vr() == VR.UN || r.vr() == VR.OB) && !isSampleData(r.tag())) {
            ByteBuffer b = r.element().buffer();
            int n = b.remaining();
            if (n < 4) {
                return List.of();
            }
            int printable = 0;
            byte[] bytes = new byte[n];
            b.get(bytes);
            for (byte x : bytes) {
                int c = x & 0xFF;
                if ((c >= 0x20 && c < 0x7F) || c >= 0xA0 || c == 0 || c == '\t' || c == '\r' || c == '\n') {
                    printable++;
                }
            }
            if (printable * 10 >= n * 9) {
                String s = r.dataset().characterSet().decode(bytes, VR.LO).replace('\0', ' ').strip();
                return s.isEmpty() ? List.of() : List.of(s);
            }
        }
        return List.of();
    }

    /** Elements whose value is samples (PS3.3 C.7.6.3, C.9.2, C.10.9, C.8.18.8, C.10.4), not text. */
    private static boolean isSampleData(int tag) {
        int group = Tags.group(tag);
        int element = Tags.element(tag);
        return tag == Tag.PixelData || tag == Tag.FloatPixelData || tag == Tag.DoubleFloatPixelData
                || tag == Tag.WaveformData || tag == Tag.SpectroscopyData
                || (group & 0xFF01) == 0x6000 && element == 0x3000
                || (group & 0xFF01) == 0x5000 && (element == 0x3000 || element == 0x200C);
    }
}
