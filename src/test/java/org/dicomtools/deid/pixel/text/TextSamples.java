package org.dicomtools.deid.pixel.text;

import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Made-up identifying text of the kinds burned into images: names, dates, IDs, times,
 * institutions and acquisition details, in mixed case and common spellings.
 */
final class TextSamples {

    private static final String[] SURNAMES = {"DOE", "SMITH", "MUELLER", "GARCIA", "NGUYEN", "OKAFOR", "ROSSI",
        "KOWALSKI", "TANAKA", "JOHANSSON", "OBRIEN", "DUBOIS", "SILVA", "KIM", "PETROV", "HASSAN", "MORGAN",
        "BAKER", "WEBER", "LOPEZ"};
    private static final String[] GIVEN = {"JOHN", "ANNA", "MARIA", "PETER", "LI", "AMARA", "LUCA", "EWA", "KENJI",
        "INGRID", "SEAN", "CLAIRE", "JOAO", "MINJI", "OLGA", "OMAR", "GRACE", "TOM", "HANNA", "DIEGO"};
    private static final String[] INSTITUTIONS = {"St. Mary Hospital", "General Hospital", "City Clinic Radiology",
        "UNIV MED CTR", "Dept. of Radiology", "Northside Imaging", "REGIONAL HOSP US2", "Childrens Hospital",
        "Lakeview Medical Center", "Heart & Vascular Inst."};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};

    private final RandomGenerator random;

    TextSamples(RandomGenerator random) {
        this.random = random;
    }

    /** One line of text of a random kind. */
    String next() {
        return switch (random.nextInt(7)) {
            case 0, 1 -> name();
            case 2 -> date();
            case 3 -> id();
            case 4 -> time();
            case 5 -> institution();
            default -> acquisition();
        };
    }

    String name() {
        String s = pick(SURNAMES);
        String g = pick(GIVEN);
        return switch (random.nextInt(6)) {
            case 0 -> s + "^" + g;
            case 1 -> title(s) + ", " + title(g);
            case 2 -> title(g) + " " + title(s);
            case 3 -> s + "^" + g + "^" + (char) ('A' + random.nextInt(26));
            case 4 -> "Name: " + title(s) + " " + title(g);
            default -> "PT " + s + " " + g.charAt(0) + ".";
        };
    }

    String date() {
        int y = 1930 + random.nextInt(95);
        int m = 1 + random.nextInt(12);
        int d = 1 + random.nextInt(28);
        return switch (random.nextInt(7)) {
            case 0 -> String.format(Locale.ROOT, "%04d-%02d-%02d", y, m, d);
            case 1 -> String.format(Locale.ROOT, "%02d/%02d/%04d", d, m, y);
            case 2 -> String.format(Locale.ROOT, "%04d%02d%02d", y, m, d);
            case 3 -> String.format(Locale.ROOT, "%02d.%02d.%04d", d, m, y);
            case 4 -> String.format(Locale.ROOT, "%02d-%s-%04d", d, MONTHS[m - 1], y);
            case 5 -> String.format(Locale.ROOT, "DOB %04d-%02d-%02d", y, m, d);
            default -> String.format(Locale.ROOT, "%s %d %04d", MONTHS[m - 1], d, y);
        };
    }

    String id() {
        return switch (random.nextInt(6)) {
            case 0 -> "MRN " + digits(8);
            case 1 -> "ACC-" + digits(5);
            case 2 -> "ID: " + digits(7);
            case 3 -> "Pat ID " + digits(7);
            case 4 -> "Acc# " + digits(7);
            default -> "PID " + digits(2) + "-" + digits(4);
        };
    }

    String time() {
        int h = random.nextInt(24);
        int m = random.nextInt(60);
        int s = random.nextInt(60);
        return switch (random.nextInt(4)) {
            case 0 -> String.format(Locale.ROOT, "%02d:%02d:%02d", h, m, s);
            case 1 -> String.format(Locale.ROOT, "%02d:%02d", h, m);
            case 2 -> String.format(Locale.ROOT, "%d:%02d %s", 1 + h % 12, m, h < 12 ? "AM" : "PM");
            default -> String.format(Locale.ROOT, "T %02d:%02d:%02d", h, m, s);
        };
    }

    String institution() {
        return pick(INSTITUTIONS);
    }

    String acquisition() {
        return switch (random.nextInt(10)) {
            case 0 -> "C5-2 " + (2 + random.nextInt(6)) + "." + random.nextInt(10) + "MHz";
            case 1 -> "kV " + (80 + 10 * random.nextInt(6)) + " mAs " + (50 + random.nextInt(300));
            case 2 -> "Gain " + (20 + random.nextInt(70)) + "%";
            case 3 -> "D " + (4 + random.nextInt(20)) + "cm";
            case 4 -> "FR " + (10 + random.nextInt(50)) + "Hz";
            case 5 -> "TIS 0." + random.nextInt(10) + " MI 1." + random.nextInt(10);
            case 6 -> "SL " + (1 + random.nextInt(9)) + ".0mm";
            case 7 -> "W " + (50 * (2 + random.nextInt(40))) + " L " + (random.nextInt(100) - 20);
            case 8 -> "Se: " + (1 + random.nextInt(12)) + " Im: " + (1 + random.nextInt(300));
            default -> "Age " + (18 + random.nextInt(80)) + "Y " + (random.nextBoolean() ? "F" : "M");
        };
    }

    private String digits(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + random.nextInt(10)));
        }
        return b.toString();
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String title(String upper) {
        return upper.charAt(0) + upper.substring(1).toLowerCase(Locale.ROOT);
    }
}
