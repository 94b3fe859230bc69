package org.dicomtools.deid.profile;

/**
 * A {@code mask} or {@code masks} directive of a profile, kept as text for the pixel layer to parse:
 * {@code mask <name> <key>=<value>... rect x,y,w,h ...} is a mask rule for burned-in text,
 * {@code masks <library>} includes a mask library (a shipped name such as {@code common}, or a
 * file).
 *
 * @param library the library of a {@code masks} directive, or null
 * @param rule the text after {@code mask} of a {@code mask} directive, or null
 * @param source the profile source it was written in
 * @param line its line number
 */
public record MaskLine(String library, String rule, String source, int line) {
    public MaskLine {
        if ((library == null) == (rule == null)) {
            throw new IllegalArgumentException("a mask line is either a library or a rule");
        }
    }

    /** {@code source:line}. */
    public String location() {
        return source + ":" + line;
    }
}
