package org.dicomtools.deid.engine;

import java.time.LocalDate;
import java.util.regex.Pattern;

import org.dicomtools.deid.dicom.VR;

/**
 * Replacement values for action D (PS3.15 E.1: "a non-zero length value that may be a dummy
 * value and consistent with the VR"). A dummy is keyed on the original value, so it is consistent
 * across files and differs between originals (no constant that would merge patients or look like
 * a shared real value), and it has an unmistakable form that {@link #isDummy} recognises:
 * <ul>
 * <li>text VRs (LO, SH, LT, ST, UT, UC, CS, AE): {@code ANON} and 8 base32 characters, cut to the
 *     VR's maximum length (for example {@code ANONK4ZQ2MXA});</li>
 * <li>PN: {@code ANON^} and 8 base32 characters;</li>
 * <li>DA: a keyed day of the year 1900, DT: that day with a keyed time, TM: a keyed time;</li>
 * <li>AS {@code 000D}; DS and IS {@code 0}; UR {@code urn:deid:} and 8 characters;</li>
 * <li>binary VRs: zero bytes of the original length (at least one value).</li>
 * </ul>
 * UI values are not dummied here: action D on a UID maps it like U.
 */
public final class Dummies {
    private static final Pattern TEXT = Pattern.compile("ANON[A-Z2-7]{0,8}");
    private static final Pattern NAME = Pattern.compile("ANON\\^[A-Z2-7]{8}");
    private static final Pattern DATE = Pattern.compile("1900\\d{4}");
    private static final Pattern DATETIME = Pattern.compile("1900\\d{10}");
    private static final Pattern TIME = Pattern.compile("\\d{6}");

    private final Pseudonymizer keys;

    public Dummies(Pseudonymizer keys) {
        this.keys = keys;
    }

    /** Maximum characters of a value of each text VR (PS3.5 Table 6.2-1). */
    static int maxLength(VR vr) {
        return switch (vr) {
            case AE, CS, SH -> 16;
            case AS -> 4;
            case DA -> 8;
            case DS, IS -> vr == VR.DS ? 16 : 12;
            case DT -> 26;
            case LO, PN -> 64;
            case ST -> 1024;
            case TM -> 14;
            case UI -> 64;
            default -> Integer.MAX_VALUE;
        };
    }

    /** The dummy for one value of a text VR. */
    public String text(VR vr, String original) {
        String token = keys.token("dummy", vr.name() + "\0" + original, 8);
        return switch (vr) {
            case PN -> "ANON^" + token;
            case DA -> DateShifter.format(day1900(original));
            case DT -> DateShifter.format(day1900(original)) + time(original);
            case TM -> time(original);
            case AS -> "000D";
            case DS, IS -> "0";
            case UR -> "urn:deid:" + token;
            default -> {
                String s = "ANON" + token;
                yield s.length() > maxLength(vr) ? s.substring(0, maxLength(vr)) : s;
            }
        };
    }

    private LocalDate day1900(String original) {
        byte[] h = keys.mac("dummy-date", original);
        return LocalDate.of(1900, 1, 1).plusDays(((h[0] & 0xFF) << 8 | (h[1] & 0xFF)) % 365);
    }

    private String time(String original) {
        byte[] h = keys.mac("dummy-time", original);
        int seconds = (((h[0] & 0xFF) << 16) | ((h[1] & 0xFF) << 8) | (h[2] & 0xFF)) % 86400;
        return String.format("%02d%02d%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    /** Zero bytes standing in for a binary value: the original length, at least {@code unit} bytes. */
    public static byte[] binary(VR vr, long originalLength) {
        int unit = Math.max(2, vr.unitSize());
        long n = Math.max(unit, Math.min(originalLength, 64 * 1024));
        return new byte[(int) (n - n % unit)];
    }

    /** True when a value has the form of a dummy of this VR (used by verify to tell dummies from real data). */
    public static boolean isDummy(VR vr, String value) {
        return switch (vr) {
            case PN -> NAME.matcher(value).matches();
            case DA -> DATE.matcher(value).matches();
            case DT -> DATETIME.matcher(value).matches();
            case TM -> TIME.matcher(value).matches();
            case AS -> value.equals("000D");
            case DS, IS -> value.equals("0");
            case UR -> value.startsWith("urn:deid:");
            default -> TEXT.matcher(value).matches();
        };
    }
}
