package org.dicomtools.deid.verify;

/**
 * Masked hints: enough of a suspected value for a reviewer to recognise it, never the value.
 * Every letter or digit after the first of each word becomes {@code *}; at most 24 characters.
 * {@code John Doe} becomes {@code J*** D**}, {@code 20240131} becomes {@code 2*******}.
 */
public final class Hints {
    private Hints() {
    }

    public static String mask(String value) {
        String v = value.strip();
        StringBuilder sb = new StringBuilder(Math.min(v.length(), 24));
        boolean inWord = false;
        for (int i = 0; i < v.length() && sb.length() < 24; i++) {
            char c = v.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(inWord ? '*' : c);
                inWord = true;
            } else {
                sb.append(Character.isISOControl(c) ? ' ' : c);
                inWord = false;
            }
        }
        return sb.toString();
    }
}
