package org.dicomtools.deid.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The options carry the codes of PS3.16 CID 7050 (2024c), as in deidentification-method-codes.tsv. */
class OptionTest {
    @Test
    void codesAndMeaningsAreThoseOfCid7050() {
        List<String> expected = List.of(
                "retain-safe-private 113111 Retain Safe Private Option",
                "retain-uids 113110 Retain UIDs Option",
                "retain-device-identity 113109 Retain Device Identity Option",
                "retain-institution-identity 113112 Retain Institution Identity Option",
                "retain-patient-characteristics 113108 Retain Patient Characteristics Option",
                "retain-long-full-dates 113106 Retain Longitudinal Temporal Information Full Dates Option",
                "retain-long-modified-dates 113107 Retain Longitudinal Temporal Information Modified Dates Option",
                "clean-descriptors 113105 Clean Descriptors Option",
                "clean-structured-content 113104 Clean Structured Content Option",
                "clean-graphics 113103 Clean Graphics Option",
                "clean-pixel-data 113101 Clean Pixel Data Option",
                "clean-recognizable-visual-features 113102 Clean Recognizable Visual Features Option");
        assertEquals(expected, List.of(Option.values()).stream()
                .map(o -> o.keyword() + " " + o.codeValue() + " " + o.codeMeaning()).toList());
        assertEquals("113100", Option.BASIC_PROFILE_CODE_VALUE);
        assertEquals("Basic Application Confidentiality Profile", Option.BASIC_PROFILE_CODE_MEANING);
        assertEquals("DCM", Option.CODING_SCHEME_DESIGNATOR);
    }

    @Test
    void keywordsLookUpExactly() {
        for (Option o : Option.values()) {
            assertEquals(o, Option.ofKeyword(o.keyword()));
        }
        assertNull(Option.ofKeyword("Retain-UIDs"));
        assertNull(Option.ofKeyword("retain_uids"));
    }
}
