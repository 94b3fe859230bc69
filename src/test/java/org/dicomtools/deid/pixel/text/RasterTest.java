package org.dicomtools.deid.pixel.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Behaviour of {@link Raster} and its factories. */
class RasterTest {

    @Test
    void gray8ReadsBytesAsUnsigned() {
        Raster r = Raster.ofGray8(new byte[] {0, 1, (byte) 0x80, (byte) 0xFF}, 2, 2);
        assertArrayEquals(new int[] {0, 1, 128, 255}, r.samples());
        assertEquals(255, r.maxValue());
        assertEquals(128, r.sample(0, 1));
    }

    @Test
    void gray16SignedIsShiftedToKeepOrder() {
        Raster r = Raster.ofGray16(new short[] {Short.MIN_VALUE, -1, 0, Short.MAX_VALUE}, 4, 1, true);
        assertArrayEquals(new int[] {0, 32767, 32768, 65535}, r.samples());
        assertEquals(65535, r.maxValue());
    }

    @Test
    void gray16UnsignedReadsWordsAsUnsigned() {
        Raster r = Raster.ofGray16(new short[] {0, 4095, (short) 0x8000, (short) 0xFFFF}, 1, 4, false);
        assertArrayEquals(new int[] {0, 4095, 32768, 65535}, r.samples());
    }

    @Test
    void rgbBecomesRec601Luminance() {
        Raster r = Raster.ofRgb(new int[] {0xFFFFFFFF, 0xFF0000, 0x00FF00, 0x0000FF, 0x808080, 0xFFFF00}, 6, 1);
        assertArrayEquals(new int[] {255, 76, 150, 29, 128, 226}, r.samples());
    }

    @Test
    void samplesAreCopiedInAndOut() {
        int[] values = {1, 2, 3, 4};
        Raster r = new Raster(2, 2, values, 10);
        values[0] = 9;
        assertEquals(1, r.sample(0, 0));
        r.samples()[1] = 9;
        assertEquals(2, r.sample(1, 0));
    }

    @Test
    void equalityComparesSamples() {
        assertEquals(new Raster(2, 1, new int[] {1, 2}, 3), new Raster(2, 1, new int[] {1, 2}, 3));
        assertEquals(new Raster(2, 1, new int[] {1, 2}, 3).hashCode(), new Raster(2, 1, new int[] {1, 2}, 3).hashCode());
        assertNotEquals(new Raster(2, 1, new int[] {1, 2}, 3), new Raster(2, 1, new int[] {1, 3}, 3));
        assertEquals("Raster[2x1, maxValue=3]", new Raster(2, 1, new int[] {1, 2}, 3).toString());
    }

    @Test
    void rejectsInconsistentInput() {
        assertThrows(IllegalArgumentException.class, () -> new Raster(0, 1, new int[0], 1));
        assertThrows(IllegalArgumentException.class, () -> new Raster(2, 2, new int[3], 1));
        assertThrows(IllegalArgumentException.class, () -> new Raster(1, 1, new int[] {1}, 0));
        assertThrows(IllegalArgumentException.class, () -> new Raster(2, 1, new int[] {0, 4}, 3));
        assertThrows(IllegalArgumentException.class, () -> new Raster(2, 1, new int[] {-1, 0}, 3));
        Raster r = new Raster(2, 1, new int[] {0, 1}, 3);
        assertThrows(IllegalArgumentException.class, () -> r.sample(2, 0));
    }
}
