package org.dicomtools.deid.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class ControlEscaperTest {

    @Test
    void escapesEveryCharacterThatCouldAlterTheLine() {
        assertEquals("a\\x00\\x07\\x1B\\x7F\\x85b", ControlEscaper.escape("a\u0000\u0007\u001B\u007F\u0085b"));
        assertEquals("\\u202Eevil\\u202C \\u200B \\u2028 \\uD800",
                ControlEscaper.escape("\u202Eevil\u202C \u200B \u2028 \uD800"));
        assertEquals("\\U000E0001", ControlEscaper.escape(new String(Character.toChars(0xE0001))));
    }

    @Test
    void keepsLettersOfEveryScript() {
        String text = "M\u00fcller \u5c71\u7530 \u0414\u0438\u043e \ud83d\ude00";
        assertEquals(text, ControlEscaper.escape(text));
    }

    @Test
    void cutsByCodePointsAndNeverSplitsASurrogatePair() {
        String face = "\ud83d\ude00";
        assertEquals("ab" + face, new ControlEscaper(3).apply(List.of("ab" + face), false));
        assertEquals("ab\u2026", new ControlEscaper(3).apply(List.of("ab" + face + "c"), false));
        assertEquals("ab\u2026", new ControlEscaper(3).apply(List.of("ab" + face), true));
    }

    @Test
    void joinsValuesWithABackslashThatCountsTowardsTheWidth() {
        assertEquals("a\\b\\\\c", new ControlEscaper(0).apply(List.of("a", "b\\c"), false));
        assertEquals("a\\\u2026", new ControlEscaper(3).apply(List.of("a", "bc"), false));
    }
}
