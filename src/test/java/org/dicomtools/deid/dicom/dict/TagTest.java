package org.dicomtools.deid.dicom.dict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TagTest {
    @Test
    void constantsAreTheTagsOfTheirKeywords() {
        assertEquals(0x00100010, Tag.PatientName);
        assertEquals(0x7FE00010, Tag.PixelData);
        assertEquals(0xFFFEE000, Tag.Item);
        assertEquals(0x00080010, Tag.RecognitionCode);
    }

    @Test
    void everyConstantMatchesTheDictionaryAndEveryKeywordedTagHasOne() throws IllegalAccessException {
        ElementDictionary dict = ElementDictionary.standard();
        int count = 0;
        for (Field f : Tag.class.getDeclaredFields()) {
            if (Modifier.isPublic(f.getModifiers())) {
                assertTrue(Modifier.isStatic(f.getModifiers()) && Modifier.isFinal(f.getModifiers()), f.getName());
                assertEquals(OptionalInt.of(f.getInt(null)), dict.tagOf(f.getName()), f.getName());
                count++;
            }
        }
        long keyworded = dict.entries().stream().filter(e -> e.isExact() && !e.keyword().isEmpty()).count();
        assertEquals(5137, count);
        assertEquals(keyworded, count);
    }
}
