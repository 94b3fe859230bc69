package org.dicomtools.deid.verify;

import java.util.Locale;

/**
 * How serious a finding is. {@code deid.failOn} names the lowest severity that fails the build;
 * {@link #NONE} as a threshold never fails.
 */
public enum Severity {
    INFO, LOW, MEDIUM, HIGH, CRITICAL, NONE;

    /** True when a finding of this severity reaches the threshold. */
    public boolean reaches(Severity threshold) {
        return threshold != NONE && this != NONE && compareTo(threshold) >= 0;
    }

    /** Parses a name case-insensitively ({@code high}, {@code HIGH}). */
    public static Severity parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown severity '" + text + "' (expected one of INFO, LOW, MEDIUM,"
                    + " HIGH, CRITICAL, NONE)", e);
        }
    }
}
