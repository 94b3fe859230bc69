package org.dicomtools.deid.pixel;

import java.util.ArrayList;
import java.util.List;

import org.dicomtools.deid.dicom.Dataset;
import org.dicomtools.deid.dicom.DicomElement;
import org.dicomtools.deid.dicom.Tags;

/**
 * The bitmap graphics that the Clean Graphics Option of PS3.15 E.3.3 covers outside the pixel data:
 * Overlay Data (60xx,3000) with its Overlay Comments (60xx,4000), and curves (50xx,xxxx, retired).
 * PS3.15 Table E.1-1 marks them C (clean) under that option; text drawn into an overlay bitmap cannot
 * be cleaned short of masking it, so this class removes them. The Graphic Annotation Sequence
 * (0070,0001) of presentation states, also C, holds text objects and is left to the text rules.
 *
 * <p>Not covered: overlays stored in the unused high bits of Pixel Data (retired since 2004; an
 * (60xx,0010) group without (60xx,3000) describes one). Masking leaves those bits as they are
 * outside the masked rectangles.
 */
public final class OverlayRemover {

    private OverlayRemover() {
    }

    /** True for a top-level tag that the Clean Graphics Option covers (see the class description). */
    public static boolean isGraphics(int tag) {
        int group = Tags.group(tag);
        int element = Tags.element(tag);
        boolean repeatingGroup = (group & 0x1) == 0 && (group & 0xFF) <= 0x1E;
        if ((group & 0xFF00) == 0x6000 && repeatingGroup) {
            return element == 0x3000 || element == 0x4000;
        }
        return (group & 0xFF00) == 0x5000 && repeatingGroup;
    }

    /** Removes every graphics element from the top level of {@code ds}; returns the removed tags in order. */
    public static List<Integer> removeGraphics(Dataset ds) {
        List<Integer> removed = new ArrayList<>();
        for (DicomElement e : ds.elements()) {
            if (isGraphics(e.tag())) {
                ds.remove(e.tag());
                removed.add(e.tag());
            }
        }
        return removed;
    }
}
