package org.dicomtools.deid.dicom.dict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

class UIDTest {
    @Test
    void constantsAreTheRegisteredUids() {
        assertEquals("1.2.840.10008.1.2.1", UID.ExplicitVRLittleEndian);
        assertEquals("1.2.840.10008.1.2", UID.ImplicitVRLittleEndian);
        assertEquals("1.2.840.10008.5.1.4.1.1.2", UID.CTImageStorage);
    }

    @Test
    void everyConstantIsRegisteredUnderItsKeyword() throws IllegalAccessException {
        UidDictionary dict = UidDictionary.standard();
        int count = 0;
        for (Field f : UID.class.getDeclaredFields()) {
            if (Modifier.isPublic(f.getModifiers())) {
                UidDictionary.Entry e = dict.lookup((String) f.get(null));
                assertNotNull(e, f.getName());
                assertEquals(f.getName(), e.keyword());
                count++;
            }
        }
        assertEquals(488, count);
        assertEquals(dict.entries().stream().filter(e -> !e.keyword().isEmpty()).count(), count);
    }
}
