package org.dicomtools.deid.dicom.dict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UidDictionaryTest {
    private final UidDictionary dict = UidDictionary.standard();

    @Test
    void ctImageStorageIsASopClass() {
        assertEquals(new UidDictionary.Entry("1.2.840.10008.5.1.4.1.1.2", "CTImageStorage", "SOP Class", false,
                "CT Image Storage"), dict.lookup("1.2.840.10008.5.1.4.1.1.2"));
    }

    @Test
    void explicitVrLittleEndianIsATransferSyntax() {
        assertEquals(new UidDictionary.Entry("1.2.840.10008.1.2.1", "ExplicitVRLittleEndian", "Transfer Syntax",
                false, "Explicit VR Little Endian"), dict.lookup(UID.ExplicitVRLittleEndian));
        assertEquals("Implicit VR Little Endian: Default Transfer Syntax for DICOM",
                dict.nameOf("1.2.840.10008.1.2"));
    }

    @Test
    void retiredUidsAreRegisteredAndFlagged() {
        assertEquals(new UidDictionary.Entry("1.2.840.10008.1.2.2", "ExplicitVRBigEndian", "Transfer Syntax", true,
                "Explicit VR Big Endian (Retired)"), dict.lookup("1.2.840.10008.1.2.2"));
        assertEquals(new UidDictionary.Entry("1.2.840.10008.5.1.4.1.1.40", "", "SOP Class", true, "(Retired)"),
                dict.lookup("1.2.840.10008.5.1.4.1.1.40"));
        assertTrue(dict.isRegistered("1.2.840.10008.1.2.2"));
    }

    @Test
    void wellKnownFramesOfReferenceFromTableA2AreIncluded() {
        assertEquals("Well-known frame of reference", dict.lookup("1.2.840.10008.1.4.1.1").type());
    }

    @Test
    void unregisteredUidsAreUnknown() {
        assertNull(dict.lookup("1.2.3.4"));
        assertFalse(dict.isRegistered("1.2.840.10008.1.2.1 "));
        assertFalse(dict.isRegistered("1.2.840.10008.1.2.1.97"));
        assertTrue(dict.isRegistered("1.2.840.10008.1.2.1.99"));
        assertEquals("", dict.nameOf("1.2.3.4"));
    }

    @Test
    void registryHoldsEveryRowWithItsEdition() {
        assertEquals(490, dict.entries().size());
        assertEquals(75, dict.entries().stream().filter(UidDictionary.Entry::retired).count());
        assertEquals("1.2.840.10008.1.1", dict.entries().get(0).uid());
        assertEquals("2024d", dict.edition());
    }
}
