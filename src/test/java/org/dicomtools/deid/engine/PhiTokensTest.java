package org.dicomtools.deid.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.dicomtools.deid.engine.PhiTokens.TokenSet;
import org.dicomtools.deid.engine.PhiTokens.Word;
import org.junit.jupiter.api.Test;

class PhiTokensTest {

    @Test
    void normaliseStripsAccentsAndKeepsLettersAndDigitsInUpperCase() {
        assertEquals("JEROME", PhiTokens.normalise("Jérôme"));
        assertEquals("ONEIL", PhiTokens.normalise("O'Neil"));
        assertEquals("STRASSE", PhiTokens.normalise("Straße"));
        assertEquals("AB1", PhiTokens.normalise("ＡＢ１"));
        assertEquals("FIX", PhiTokens.normalise("ﬁx"));
        assertEquals("ÆRØ", PhiTokens.normalise("Ærø"));
        assertEquals("ŁODZ", PhiTokens.normalise("Łódź"));
        assertEquals("ΑΛΕΞΗΣ", PhiTokens.normalise("Αλέξης"));
        assertEquals("MR12345", PhiTokens.normalise(" mr-12.345 "));
        assertEquals("山田", PhiTokens.normalise("山田"));
        assertEquals("", PhiTokens.normalise("^ - ."));
    }

    @Test
    void kanaLoseVoicingMarksOnBothSidesOfAComparison() {
        assertEquals("やまた", PhiTokens.normalise("やまだ"));
        assertEquals(PhiTokens.normalise("ヤマダ"), PhiTokens.normalise("ﾔﾏﾀﾞ"));
    }

    @Test
    void wordsAreRunsOfLettersAndDigitsWithInnerApostrophes() {
        assertEquals(List.of(new Word(0, 3, "DOE"), new Word(4, 8, "JOHN"), new Word(10, 16, "ONEIL")),
                PhiTokens.words("Doe^John, O'Neil"));
        assertEquals(List.of(new Word(0, 3, "DOE"), new Word(5, 6, "X")), PhiTokens.words("doe' x'"));
        assertEquals(List.of(new Word(0, 8, "JEROME")), PhiTokens.words("Je\u0301ro\u0302me"));
        assertEquals(List.of(), PhiTokens.words(" \\^ "));
    }

    @Test
    void compoundsJoinWordsSeparatedByOneConnector() {
        assertEquals(List.of(new Word(0, 10, "MR12345A"), new Word(15, 22, "JSMITH")),
                PhiTokens.compounds("MR-12345-A and J.Smith"));
        assertEquals(List.of(new Word(0, 11, "SMITHJONES")), PhiTokens.compounds("Smith-Jones --x"));
        assertEquals(List.of(), PhiTokens.compounds("a - b, c"));
    }

    @Test
    void nameTokensCoverComponentsPartsAndEveryGroup() {
        assertEquals(Set.of("DOE", "JOHN", "山田", "太郎", "やまた", "たろう"),
                PhiTokens.nameTokens("Doe^John^Q^Dr^Jr=山田^太郎=やまだ^たろう"));
        assertEquals(Set.of("SMITHJONES", "SMITH", "JONES", "MARYANN", "MARY", "ANN"),
                PhiTokens.nameTokens("Smith-Jones^Mary Ann"));
        assertEquals(Set.of("JEROME", "ONEIL"), PhiTokens.nameTokens("O'Neil^Jérôme"));
    }

    @Test
    void nameTokensSkipAffixesParticlesAndSingleLatinLetters() {
        assertEquals(Set.of("VANDERBERG", "BERG", "JAN"), PhiTokens.nameTokens("van der Berg^Jan^J"));
        assertEquals(Set.of("DOE", "JOHN"), PhiTokens.nameTokens("Doe^John^^Rev^III"));
        assertEquals(Set.of("JOHN", "SMITH", "DRJOHNSMITH"), PhiTokens.nameTokens("Dr John Smith"));
        assertEquals(Set.of("李", "明"), PhiTokens.nameTokens("李^明"));
        assertEquals(Set.of(), PhiTokens.nameTokens("^^"));
    }

    @Test
    void idTokensAreTheWholeValueAndItsLongerNumericParts() {
        assertEquals(Set.of("MR00123457", "0012345"), PhiTokens.idTokens("MR-0012345/7"));
        assertEquals(Set.of("1234"), PhiTokens.idTokens("12-34"));
        assertEquals(Set.of("ABC"), PhiTokens.idTokens("abc"));
        assertEquals(Set.of(), PhiTokens.idTokens("A1"));
        assertEquals(Set.of("PAT2024X", "2024X"), PhiTokens.idTokens("PAT 2024X"));
    }

    @Test
    void dateTokensReadDaDtRangesAndTextDates() {
        assertEquals(Set.of("20240131"), PhiTokens.dateTokens("20240131"));
        assertEquals(Set.of("20240131"), PhiTokens.dateTokens("20240131101112.123456+0100"));
        assertEquals(Set.of("20240101", "20240131"), PhiTokens.dateTokens("20240101-20240131"));
        assertEquals(Set.of("20240101", "19991231"), PhiTokens.dateTokens("20240101\\19991231"));
        assertEquals(Set.of("20240102", "20240201"), PhiTokens.dateTokens("seen 01/02/2024"));
        assertEquals(Set.of("19970609"), PhiTokens.dateTokens("1997.06.09"));
        assertEquals(Set.of(), PhiTokens.dateTokens("20240230"));
        assertEquals(Set.of(), PhiTokens.dateTokens(""));
    }

    @Test
    void phraseTokensAreTheWholePhraseAndNumericWords() {
        assertEquals(Set.of("ST MARYS HOSPITAL BLDG 12B7", "12B7"),
                PhiTokens.phraseTokens("St. Mary's Hospital, Bldg 12B7"));
        assertEquals(Set.of("UCH"), PhiTokens.phraseTokens("UCH"));
        assertEquals(Set.of(), PhiTokens.phraseTokens("CT"));
        assertEquals(Set.of("CT 2"), PhiTokens.phraseTokens("CT 2"));
    }

    @Test
    void builderSortsTokensIntoWordsPhrasesAndDates() {
        TokenSet set = TokenSet.builder()
                .addName("Doe^John")
                .addId("MR-0012345")
                .addDate("19500102")
                .addPhrase("St. Mary's Hospital")
                .addPhrase("Charité")
                .build();
        assertEquals(List.of("CHARITE", "DOE", "JOHN", "MR0012345", "0012345").stream().sorted().toList(),
                List.copyOf(set.words()));
        assertEquals(Set.of("ST MARYS HOSPITAL"), set.phrases());
        assertEquals(Set.of("19500102"), set.dates());
        assertEquals(7, set.size());
        assertFalse(set.isEmpty());
        assertTrue(TokenSet.EMPTY.isEmpty());
    }

    @Test
    void tokenSetIsImmutableAndValidated() {
        TokenSet set = new TokenSet(Set.of("B", "A"), Set.of("X Y"), Set.of());
        assertEquals(List.of("A", "B"), List.copyOf(set.words()));
        assertThrows(UnsupportedOperationException.class, () -> set.words().add("C"));
        assertThrows(IllegalArgumentException.class, () -> new TokenSet(Set.of(), Set.of("ONEWORD"), Set.of()));
        assertThrows(IllegalArgumentException.class, () -> new TokenSet(Set.of(""), Set.of(), Set.of()));
    }

    @Test
    void tokenSetMatchesTextHoldingOneOfItsTokens() {
        TokenSet set = TokenSet.builder().addName("Doe^John").addDate("20240131").addPhrase("Main Clinic").build();
        assertTrue(set.matches("Copy of DOE JOHN"));
        assertTrue(set.matches("ref 31 Jan 2024"));
        assertTrue(set.matches("at main clinic"));
        assertFalse(set.matches("JOHNNY at main hall on 2024-02-01"));
        assertFalse(TokenSet.EMPTY.matches("Doe^John"));
    }

    @Test
    void builderAcceptsConcurrentAdds() throws Exception {
        TokenSet.Builder builder = TokenSet.builder();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        builder.addId("ID" + (thread * 500 + i));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2000, builder.build().words().size());
    }
}
