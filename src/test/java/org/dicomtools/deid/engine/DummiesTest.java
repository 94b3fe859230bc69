package org.dicomtools.deid.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dicomtools.deid.dicom.VR;
import org.junit.jupiter.api.Test;

class DummiesTest {
    private final Dummies dummies = new Dummies(Pseudonymizer.of("0123456789abcdef0123"));

    @Test
    void dummiesAreKeyedOnTheOriginalAndValidForTheirVR() {
        String a = dummies.text(VR.PN, "DOE^JOHN");
        assertTrue(a.matches("ANON\\^[A-Z2-7]{8}"), a);
        assertEquals(a, dummies.text(VR.PN, "DOE^JOHN"));
        assertNotEquals(a, dummies.text(VR.PN, "ROE^JANE"), "no constant shared by different people");
        assertTrue(dummies.text(VR.DA, "19580214").matches("1900\\d{4}"));
        assertTrue(dummies.text(VR.TM, "101112").matches("\\d{6}"));
        assertTrue(dummies.text(VR.DT, "20240101101112").matches("1900\\d{10}"));
        assertTrue(dummies.text(VR.SH, "x").length() <= 16);
        assertTrue(dummies.text(VR.LO, "x").matches("ANON[A-Z2-7]{8}"));
        assertEquals("0", dummies.text(VR.DS, "72.5"));
        assertEquals("000D", dummies.text(VR.AS, "042Y"));
    }

    @Test
    void everyDummyIsRecognisedAsOneAndRealValuesAreNot() {
        for (VR vr : new VR[] {VR.PN, VR.LO, VR.SH, VR.DA, VR.DT, VR.TM, VR.AS, VR.DS, VR.IS, VR.UR, VR.CS}) {
            assertTrue(Dummies.isDummy(vr, dummies.text(vr, "some original")), vr.toString());
        }
        assertFalse(Dummies.isDummy(VR.PN, "DOE^JOHN"));
        assertFalse(Dummies.isDummy(VR.DA, "19580214"));
        assertFalse(Dummies.isDummy(VR.LO, "General Hospital"));
    }

    @Test
    void binaryDummiesAreZerosOfWholeUnits() {
        assertArrayEquals(new byte[4], Dummies.binary(VR.FL, 4));
        assertArrayEquals(new byte[8], Dummies.binary(VR.FD, 3));
        assertArrayEquals(new byte[2], Dummies.binary(VR.OB, 1));
    }
}
