package org.dicomtools.deid.engine;

import java.time.LocalDate;
import java.time.Period;

/** Age arithmetic for HIPAA Safe Harbor (45 CFR 164.514(b)(2)(i)(C): ages over 89 are aggregated). */
final class Ages {
    private Ages() {
    }

    /**
     * An AS value (PS3.5 6.2: {@code nnnD}, {@code nnnW}, {@code nnnM}, {@code nnnY}) capped at 90
     * years: older ages become {@code 090Y}; an invalid value becomes empty.
     */
    static String capAt90(String as) {
        String v = as.trim();
        if (v.length() != 4 || !Character.isDigit(v.charAt(0)) || !Character.isDigit(v.charAt(1))
                || !Character.isDigit(v.charAt(2))) {
            return "";
        }
        int n = Integer.parseInt(v.substring(0, 3));
        double years = switch (v.charAt(3)) {
            case 'D' -> n / 365.25;
            case 'W' -> n * 7 / 365.25;
            case 'M' -> n / 12.0;
            case 'Y' -> n;
            default -> -1;
        };
        if (years < 0) {
            return "";
        }
        return years >= 90 ? "090Y" : v;
    }

    /** Whole years from a birth date to a reference date (both {@code YYYYMMDD}); -1 when invalid. */
    static int yearsBetween(String birth, String reference) {
        LocalDate b = DateShifter.parseDate(birth.trim());
        LocalDate r = DateShifter.parseDate(reference.trim());
        if (b == null || r == null || r.isBefore(b)) {
            return -1;
        }
        return Period.between(b, r).getYears();
    }
}
