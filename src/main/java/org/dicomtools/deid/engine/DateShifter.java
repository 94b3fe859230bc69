package org.dicomtools.deid.engine;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Date arithmetic on DICOM DA and DT strings (PS3.5 6.2), keeping each value's precision, time,
 * fraction and time zone offset. Used for the longitudinal modified-dates option (one offset per
 * patient) and for the Safe Harbor reduction to the year.
 *
 * <p>Accepted forms: DA {@code YYYYMMDD} and the ACR-NEMA form {@code YYYY.MM.DD}; DT
 * {@code YYYY[MM[DD[HH[MM[SS[.F{1,6}]]]]]][&ZZXX]}; ranges {@code A-B}, {@code -B} and {@code A-}
 * of either. A partial DT ({@code YYYY} or {@code YYYYMM}) is shifted from its first day and
 * truncated back to its precision. Anything else is not a date: the methods return null and the
 * caller removes the value rather than keep something it could not shift.
 */
public final class DateShifter {
    private DateShifter() {
    }

    /** Shifts a DA value (or range) by {@code days}; null when it is not a valid DA. */
    public static String shiftDA(String value, int days) {
        String v = value.trim();
        if (v.isEmpty()) {
            return v;
        }
        int dash = v.indexOf('-');
        if (dash >= 0) {
            String a = v.substring(0, dash);
            String b = v.substring(dash + 1);
            String sa = a.isEmpty() ? "" : shiftSingleDA(a, days);
            String sb = b.isEmpty() ? "" : shiftSingleDA(b, days);
            return sa == null || sb == null || (a.isEmpty() && b.isEmpty()) ? null : sa + "-" + sb;
        }
        return shiftSingleDA(v, days);
    }

    private static String shiftSingleDA(String v, int days) {
        boolean dotted = v.length() == 10 && v.charAt(4) == '.' && v.charAt(7) == '.';
        String digits = dotted ? v.substring(0, 4) + v.substring(5, 7) + v.substring(8, 10) : v;
        LocalDate d = parseDate(digits);
        if (d == null) {
            return null;
        }
        String s = format(d.plusDays(days));
        return dotted ? s.substring(0, 4) + "." + s.substring(4, 6) + "." + s.substring(6, 8) : s;
    }

    /** Shifts a DT value (or range) by {@code days}; null when it is not a valid DT. */
    public static String shiftDT(String value, int days) {
        String v = value.trim();
        if (v.isEmpty()) {
            return v;
        }
        int[] end = new int[1];
        if (v.charAt(0) == '-') {
            String b = shiftSingleDT(v.substring(1), days, end);
            return b == null || end[0] != v.length() - 1 ? null : "-" + b;
        }
        String a = shiftSingleDT(v, days, end);
        if (a == null) {
            return null;
        }
        int rest = end[0];
        if (rest == v.length()) {
            return a;
        }
        if (v.charAt(rest) != '-') {
            return null;
        }
        String tail = v.substring(rest + 1);
        if (tail.isEmpty()) {
            return a + "-";
        }
        int[] end2 = new int[1];
        String b = shiftSingleDT(tail, days, end2);
        return b == null || end2[0] != tail.length() ? null : a + "-" + b;
    }

    /**
     * Parses one DT at the start of {@code v}: digits (4 to 14), optional fraction, optional
     * {@code +ZZXX}/{@code -ZZXX} offset. Sets {@code end[0]} to the index after it.
     */
    private static String shiftSingleDT(String v, int days, int[] end) {
        int i = 0;
        while (i < v.length() && i < 14 && Character.isDigit(v.charAt(i))) {
            i++;
        }
        int n = i;
        if (n < 4 || (n & 1) != 0) {
            return null;
        }
        if (i < v.length() && v.charAt(i) == '.') {
            if (n != 14) {
                return null;
            }
            int j = i + 1;
            while (j < v.length() && j - i - 1 < 6 && Character.isDigit(v.charAt(j))) {
                j++;
            }
            if (j == i + 1) {
                return null;
            }
            i = j;
        }
        // A time zone offset is a sign and exactly four digits; a '-' followed by anything else
        // separates a range.
        if (i + 5 <= v.length() && (v.charAt(i) == '+' || v.charAt(i) == '-') && allDigits(v, i + 1, i + 5)
                && (i + 5 == v.length() || v.charAt(i + 5) == '-')) {
            i += 5;
        }
        String datePart = v.substring(0, Math.min(8, n));
        String padded = datePart.length() == 4 ? datePart + "0101" : datePart.length() == 6 ? datePart + "01" : datePart;
        LocalDate d = parseDate(padded);
        if (d == null || !validTime(v.substring(8 > n ? n : 8, n))) {
            return null;
        }
        String shifted = format(d.plusDays(days)).substring(0, datePart.length());
        end[0] = i;
        return shifted + v.substring(datePart.length(), i);
    }

    private static boolean validTime(String hhmmss) {
        int[] max = {23, 59, 60};
        for (int k = 0; k + 2 <= hhmmss.length(); k += 2) {
            int x = Integer.parseInt(hhmmss.substring(k, k + 2));
            if (x > max[k / 2]) {
                return false;
            }
        }
        return true;
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!Character.isDigit(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** Reduces a DA value to January 1st of its year ({@code YYYY0101}); null when not a date. */
    public static String yearOfDA(String value) {
        String v = value.trim();
        String digits = v.length() == 10 && v.charAt(4) == '.' ? v.substring(0, 4) + v.substring(5, 7) + v.substring(8)
                : v;
        LocalDate d = parseDate(digits);
        return d == null ? null : digits.substring(0, 4) + "0101";
    }

    /** Reduces a DT value to its year ({@code YYYY}, a valid DT precision); null when not a DT. */
    public static String yearOfDT(String value) {
        String v = value.trim();
        return shiftDT(v, 0) == null || v.length() < 4 || v.charAt(0) == '-' ? null : v.substring(0, 4);
    }

    /** Parses {@code YYYYMMDD}; null when it is not a real calendar date. */
    public static LocalDate parseDate(String yyyymmdd) {
        if (yyyymmdd.length() != 8 || !allDigits(yyyymmdd, 0, 8)) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(yyyymmdd.substring(0, 4)), Integer.parseInt(yyyymmdd.substring(4, 6)),
                    Integer.parseInt(yyyymmdd.substring(6, 8)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Formats as {@code YYYYMMDD}. */
    public static String format(LocalDate d) {
        return String.format("%04d%02d%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }
}
