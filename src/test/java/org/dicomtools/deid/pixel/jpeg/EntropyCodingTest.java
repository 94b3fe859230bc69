package org.dicomtools.deid.pixel.jpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** {@link EntropyWriter} and {@link EntropyReader} at the byte level. */
class EntropyCodingTest {

    @Test
    void writerStuffsAZeroAfterEveryFfByteAndPadsWithOnes() {
        EntropyWriter out = new EntropyWriter(0);
        out.bits(0xFF, 8);
        out.bits(0b0, 1);
        out.marker(0xD9);

        assertArrayEquals(new byte[] {(byte) 0xFF, 0, 0x7F, (byte) 0xFF, (byte) 0xD9}, out.toByteArray());
    }

    @Test
    void readerRemovesStuffingAndStopsAtTheMarker() throws JpegException {
        byte[] data = {(byte) 0xFF, 0, 0x5A, (byte) 0xFF, (byte) 0xD0, 0x12};
        EntropyReader in = new EntropyReader(data, 0);

        assertEquals(0xFF, in.receiveExtend(8));
        assertEquals(0x5A - 0xFF, in.receiveExtend(8));
        in.checkNotOverrun();
        assertEquals(3, in.finishSegment());
        in.restart(0);
        assertEquals(0x12 - 0xFF, in.receiveExtend(8));
    }

    @Test
    void readingIntoTheMarkerIsReported() {
        byte[] data = {0x55, (byte) 0xFF, (byte) 0xD9};
        EntropyReader in = new EntropyReader(data, 0);
        in.receiveExtend(9);

        JpegException e = assertThrows(JpegException.class, in::checkNotOverrun);

        assertEquals("corrupt entropy-coded data: a block runs into the marker at offset 1", e.getMessage());
    }

    @Test
    void leftoverDataBeforeTheMarkerIsReported() {
        byte[] data = {0x55, 0x66, (byte) 0xFF, (byte) 0xD9};
        EntropyReader in = new EntropyReader(data, 0);
        in.receiveExtend(4);

        JpegException e = assertThrows(JpegException.class, in::finishSegment);

        assertEquals("corrupt entropy-coded data: 1 unused byte(s) before offset 2", e.getMessage());
    }

    @Test
    void wrongRestartMarkerIsReported() {
        byte[] data = {(byte) 0xFF, (byte) 0xD3};
        EntropyReader in = new EntropyReader(data, 0);

        JpegException e = assertThrows(JpegException.class, () -> in.restart(2));

        assertEquals("expected restart marker RST2 at offset 0 but found 0xFFD3", e.getMessage());
    }
}
