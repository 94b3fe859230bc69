package org.dicomtools.deid.pixel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.dicomtools.deid.dicom.Dataset;
import org.dicomtools.deid.dicom.VR;
import org.junit.jupiter.api.Test;

class OverlayRemoverTest {

    @Test
    void overlayDataAndCommentsOfEveryRepeatingGroupAreGraphics() {
        assertTrue(OverlayRemover.isGraphics(0x60003000));
        assertTrue(OverlayRemover.isGraphics(0x601E3000));
        assertTrue(OverlayRemover.isGraphics(0x60024000));
        assertTrue(OverlayRemover.isGraphics(0x50000000));
        assertTrue(OverlayRemover.isGraphics(0x501E3000));
    }

    @Test
    void overlayGeometryPrivateGroupsAndOtherGroupsAreNot() {
        assertFalse(OverlayRemover.isGraphics(0x60000010));
        assertFalse(OverlayRemover.isGraphics(0x60013000));
        assertFalse(OverlayRemover.isGraphics(0x60203000));
        assertFalse(OverlayRemover.isGraphics(0x50013000));
        assertFalse(OverlayRemover.isGraphics(0x50200000));
        assertFalse(OverlayRemover.isGraphics(0x7FE00010));
        assertFalse(OverlayRemover.isGraphics(0x00700001));
    }

    @Test
    void removeGraphicsReturnsTheRemovedTags() {
        Dataset ds = new Dataset();
        ds.setInts(0x60000010, VR.US, 4);
        ds.setBytes(0x60003000, VR.OW, new byte[2]);
        ds.setString(0x60004000, VR.LT, "by J. Doe");
        ds.setBytes(0x50003000, VR.OW, new byte[2]);
        ds.setBytes(0x7FE00010, VR.OW, new byte[2]);
        assertEquals(List.of(0x50003000, 0x60003000, 0x60004000), OverlayRemover.removeGraphics(ds));
        assertEquals(2, ds.size());
        assertTrue(ds.contains(0x60000010));
    }
}
