package org.dicomtools.deid.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.EnumSet;
import java.util.Set;

import org.dicomtools.deid.engine.PhiPatterns.Kind;
import org.dicomtools.deid.engine.PhiTokens.TokenSet;
import org.dicomtools.deid.engine.TextCleaner.Result;
import org.junit.jupiter.api.Test;

class TextCleanerTest {

    private static final Set<Kind> ALL = EnumSet.allOf(Kind.class);
    private static final Set<Kind> NONE = EnumSet.noneOf(Kind.class);

    @Test
    void namesDatesAndPhonesAreMaskedKeepingTheRest() {
        TokenSet phi = new TokenSet(Set.of("JOHN", "SMITH"), Set.of(), Set.of());
        Result r = TextCleaner.clean("Scan of John Smith on 31/01/2024, call 555-555-0123", phi, ALL);
        assertEquals(new Result("Scan of *** *** on ***, call ***", 4, EnumSet.of(Kind.DATE, Kind.PHONE), 2), r);
    }

    @Test
    void nameTokensMatchInAnyCaseAccentAndPnSpelling() {
        TokenSet phi = TokenSet.builder().addName("Doe^John").build();
        Result r = TextCleaner.clean("JOHN DOE^JOHN jöhn, Johnny Doe-Smith", phi, NONE);
        assertEquals("*** ***^*** ***, Johnny ***-Smith", r.text());
        assertEquals(5, r.removed());
        assertEquals(5, r.tokenHits());
        assertEquals(Set.of(), r.kinds());
    }

    @Test
    void idsMatchAsCompoundsAndAsNumericParts() {
        TokenSet phi = TokenSet.builder().addId("MR-0012345/7").build();
        assertEquals("Ref *** and *** but not 00123456",
                TextCleaner.clean("Ref MR-0012345/7 and 0012345 but not 00123456", phi, NONE).text());
    }

    @Test
    void phrasesMatchAsWholeWordSequencesOnly() {
        TokenSet phi = TokenSet.builder().addPhrase("St. Mary's Hospital").build();
        Result r = TextCleaner.clean("Seen at ST MARYS HOSPITAL today; hospital policy, St Mary", phi, NONE);
        assertEquals("Seen at *** today; hospital policy, St Mary", r.text());
        assertEquals(1, r.tokenHits());
    }

    @Test
    void removedDatesMatchInEverySpellingWithoutTheDatePattern() {
        TokenSet phi = TokenSet.builder().addDate("20240131").build();
        Result r = TextCleaner.clean("on 31 Jan 2024 and 2024-01-31 and 01/31/2024, not 2024-02-01", phi, NONE);
        assertEquals(new Result("on *** and *** and ***, not 2024-02-01", 3, Set.of(), 3), r);
    }

    @Test
    void cjkNamesAreFoundInsideUnspacedText() {
        TokenSet phi = TokenSet.builder().addName("山田^太郎").build();
        assertEquals("***様の検査、山本", TextCleaner.clean("山田太郎様の検査、山本", phi, NONE).text());
        TokenSet single = TokenSet.builder().addName("李^明").build();
        assertEquals("*** 明天 ***", TextCleaner.clean("李 明天 明", single, NONE).text());
    }

    @Test
    void overlappingMatchesAreRemovedAsTheirUnion() {
        TokenSet phi = TokenSet.builder().addName("Jones^Ann").build();
        assertEquals("Dr. ***", TextCleaner.clean("Dr. John Smith-Jones", phi, EnumSet.of(Kind.PERSON_NAME)).text());
        assertEquals("MRN ***", TextCleaner.clean("MRN 20240131", TokenSet.EMPTY, EnumSet.of(Kind.ID_NUMBER)).text());
    }

    @Test
    void labelsAndSurroundingSpacesAreKept() {
        Result r = TextCleaner.clean("MRN:  12345 ,  Tel. 030 1234567", TokenSet.EMPTY, ALL);
        assertEquals("MRN:  *** ,  Tel. ***", r.text());
        assertEquals(EnumSet.of(Kind.ID_NUMBER, Kind.PHONE), r.kinds());
    }

    @Test
    void onlyTheRequestedKindsAreRemoved() {
        String text = "Seen 31/01/2024, call 555-555-0123";
        assertEquals("Seen ***, call 555-555-0123",
                TextCleaner.clean(text, TokenSet.EMPTY, EnumSet.of(Kind.DATE)).text());
    }

    @Test
    void cleanTextIsReturnedUnchanged() {
        String text = "AX T2 FLAIR 5mm *** Head^Routine";
        Result r = TextCleaner.clean(text, TokenSet.builder().addName("Doe^John").build(), ALL);
        assertSame(text, r.text());
        assertEquals(0, r.removed());
        assertFalse(r.changed());
    }

    @Test
    void aRemovedNameThatIsAlsoAWordIsStillRemoved() {
        // defence in depth prefers privacy: a patient called Head cleans HEAD from descriptors
        TokenSet phi = TokenSet.builder().addName("Head^Anna").build();
        assertEquals("MR *** w/o contrast", TextCleaner.clean("MR Head w/o contrast", phi, ALL).text());
    }

    @Test
    void cleaningIsDeterministic() {
        TokenSet phi = TokenSet.builder().addName("Doe^John").addId("A-77").addDate("19500102").build();
        String text = "Doe John A-77 born 2.1.1950 at 12 Main Street, NY 10001 (john@doe.org)";
        Result first = TextCleaner.clean(text, phi, ALL);
        assertEquals("*** *** *** born *** at ***, NY *** (***)", first.text());
        assertEquals(first, TextCleaner.clean(text, phi, ALL));
    }
}
