package org.dicomtools.deid.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds text that looks like PHI: the pattern half of the clean action (action code C of PS3.15
 * Table E.1-1) and of verify's "PHI patterns in text" rule. Every pattern favours precision: it
 * must stay silent on the technical strings a de-identified file keeps (UIDs, version strings, sequence and protocol names,
 * code values, decimals, times, sizes) while catching the common spellings of each kind. The rules
 * and thresholds of each {@link Kind} are documented on the constant.
 *
 * <p>Shared boundary rules: a match never starts or ends inside a word (letters, digits and
 * {@code _} join a word, as in {@code T1_MPRAGE_SAG} or {@code ALOKA20010925}), and a numeric match
 * never continues a dotted or decimal number ({@code 1.2.840.10008.5.1}, {@code 0.12345678}). A
 * caller checking a file name should therefore replace {@code _} by a space first.
 *
 * <p>Stateless and thread-safe; patterns are compiled once and every call first checks which
 * characters the text holds, so that a pattern whose required characters are absent is never run.
 */
public final class PhiPatterns {

    /** The kinds of PHI text, each with its rules and thresholds. */
    public enum Kind {
        /**
         * A full calendar date (1900-2099, validated), with an optional time. Numeric:
         * {@code 20240131}, {@code 2024-01-31}, {@code 2024/01/31}, {@code 1997.06.09} (ACR-NEMA),
         * {@code 31/01/2024}, {@code 01/31/2024}, {@code 31.01.2024}, {@code 31-01-2024}; two-digit
         * years only with {@code /} ({@code 31/01/24}, read as 19YY and 20YY) and as
         * {@code 31-JAN-24}; DT forms {@code 20240131101112.123+0100} and ISO
         * {@code 2024-01-31T10:11:12}. Textual (English, German, French month names and
         * abbreviations, any case): {@code Jan 31, 2024}, {@code January 31 2024},
         * {@code 31 Jan 2024}, {@code 31-Jan-2024}, {@code 31st January 2024},
         * {@code 31. Januar 2024}, {@code 31JAN2024}; CJK {@code 2024年1月31日}. {@code normalised}:
         * every {@code YYYYMMDD} reading, sorted (both for day/month ambiguity). A month and year
         * alone is not matched.
         */
        DATE,
        /**
         * A telephone number with at least 9 digits in a phone-like shape: North American
         * {@code (555) 555-0123}, {@code 555-555-0123}, {@code 555.555.0123} (NANP area and
         * exchange codes start 2-9; a bare space-separated form needs {@code +1}); international
         * {@code +44 20 7946 0958}, {@code +49 (0)30 1234567}, {@code 0049 30 1234567} (9-15
         * digits after the country prefix); national with a trunk 0: {@code 020 7946 0958},
         * {@code 030/1234567}, {@code 01 23 45 67 89} (9-12 digits, one kind of separator; with
         * dots only in 2-digit groups, {@code 01.23.45.67.89}); and after a label ({@code Tel.},
         * {@code Phone}, {@code Fax}, {@code Mobile}) 7-15 digits. {@code normalised}: the digits
         * ({@code (0)} dropped); North American forms give the 10-digit national number, and
         * {@code +1} forms also all 11 digits.
         */
        PHONE,
        /** An e-mail address. {@code normalised}: the address in lower case. */
        EMAIL,
        /**
         * A US social security number {@code 123-45-6789} (area not 000 or 666, group not 00,
         * serial not 0000; 9xx is kept as it is an ITIN), or 9 digits with or without dashes or
         * spaces after {@code SSN}, {@code SS#}, {@code Social Security (No|Number)}. The span is
         * the number. {@code normalised}: the 9 digits.
         */
        SSN,
        /**
         * A medical-record-like number. Labelled: a value with at least 3 digits (letters, digits and
         * inner {@code - / .}, at most 30 characters) after {@code MRN}, {@code MR#},
         * {@code Patient ID}, {@code Pat. Nr.}, {@code Acc. No.}, {@code Accession}, {@code Case},
         * {@code Chart}, {@code Encounter}, {@code Visit}, {@code Order}, {@code Study},
         * {@code Exam}, {@code Insurance} ... ({@code ID}/{@code No}/{@code #}); or after a bare
         * {@code ID:} that follows no other word (so {@code Stack ID: 2} and {@code TableID=4} are
         * not labels). The span is the value. Unlabelled: a run of at least 8 digits that is not part
         * of a dotted or decimal number, not a valid compact date or date-time, and not glued to
         * letters or {@code _}. A 9-digit SNOMED CT code ({@code 363679005}) matches too: callers
         * exclude coded attributes (CodeValue and friends) and numeric VRs. {@code normalised}: the
         * normalised value.
         */
        ID_NUMBER,
        /**
         * A street address. English: house number, 1-3 capitalised words, street type (Street, St,
         * Avenue, Ave, Road, Rd, Boulevard, Blvd, Lane, Ln, Drive, Dr, Court, Ct, Way, Place, Pl,
         * Terrace, Parkway, Highway, Hwy, Square, Circle; full words also in capitals, but
         * {@code CT}, {@code DR}, {@code ST}, {@code PL} only in title case). German/Dutch:
         * {@code Hauptstraße 5}, {@code Musterstr. 12}, {@code Escherweg 2},
         * {@code Berliner Straße 5}, {@code Kalverstraat 12} (-straße, -strasse, -str., -gasse,
         * -weg, -allee, -platz, -straat, -laan, -plein, -gracht). French {@code 12 rue de la Paix};
         * Italian, Spanish, Portuguese {@code Via Roma 10}, {@code Calle Mayor 3}. PO boxes
         * ({@code P.O. Box 123}, {@code Postfach 1234}). {@code normalised}: the normalised words
         * joined by spaces.
         */
        STREET_ADDRESS,
        /**
         * A postcode, high-precision forms only: US ZIP after a state code ({@code CA 94110},
         * {@code NY 10001-1234}; codes that are also common words or abbreviations such as
         * {@code ID}, {@code IN}, {@code OR}, {@code CT}, {@code MD} only after a comma, the span is
         * the ZIP); UK ({@code SW1A 1AA}) and Canada ({@code K1A 0B1}) with their letter rules and a
         * space; continental codes only with a country prefix and a city ({@code D-26121 Oldenburg},
         * {@code CH-8001 Zürich}, {@code NL-1234 AB Amsterdam}) or after a comma with a city and then a
         * comma or the end ({@code , 26121 Oldenburg,}, {@code , 1234 AB Amsterdam}). A bare
         * {@code 1234 AB} or 5-digit number is never a postcode (too many technical values look so).
         * {@code normalised}: the normalised code.
         */
        POSTCODE,
        /**
         * An age of 90 years or more (up to 125): {@code 92 years old}, {@code 93-year-old},
         * {@code 93 y/o}, {@code 93yo}, {@code 93 Y}, {@code 93 Jahre}, {@code aged 93},
         * {@code age: 95}, and the DICOM AS form {@code 093Y}. {@code 090Y} exactly is not matched:
         * it is the "90 or older" category that HIPAA Safe Harbor and this plugin write. Three-digit
         * AS values in months, weeks or days cannot reach 90 years. {@code normalised}: the age as
         * AS, {@code 093Y}.
         */
        AGE_OVER_89,
        /**
         * A person name in a high-precision shape: PN syntax ({@code Doe^John}, {@code DOE^JOHN^A},
         * {@code 山田^太郎}; both first components letters only, at least 2 letters unless CJK);
         * a title and 1-3 capitalised words ({@code Dr. Smith}, {@code Dr Jane Smith},
         * {@code Mr. John Doe}, {@code Mrs}, {@code Ms}, {@code Miss}, {@code Prof.}, {@code Herr},
         * {@code Frau}, {@code Mme}; upper-case titles only with a period, since {@code DR} and
         * {@code MR} are modalities); after a label with {@code :} ({@code Patient:},
         * {@code Name:} following no other word, {@code Pt:}, {@code Referring:},
         * {@code Physician:}, {@code Radiologist:}, {@code Reported by:} ...) either
         * {@code Lastname, Firstname} or {@code Firstname Lastname}. A shape is dropped when any of
         * its words is an anatomical or acquisition term ({@code Head^Routine}, {@code AX^FLAIR}),
         * and {@code Ax T2^FLAIR} is no name (a component has a digit). The span is the name without
         * title or label. {@code normalised}: the name tokens.
         */
        PERSON_NAME,
        /** A web address starting {@code http://}, {@code https://}, {@code ftp://} or {@code www.}. */
        URL,
        /**
         * An IPv4 dotted quad, each octet 0-255 without leading zeros, not part of a longer dotted
         * number, optionally with {@code :port}. A first octet below 10 (as in version strings
         * {@code 2.6.3.6}) needs context: a label ({@code IP}, {@code host}, {@code address},
         * {@code server}, {@code gateway}), a {@code ://} before or a port after.
         */
        IP_ADDRESS
    }

    /**
     * One match.
     *
     * @param kind what was found
     * @param start index of its first char
     * @param end index after its last char
     * @param normalised comparable forms (see each {@link Kind}); may be empty
     */
    public record Match(Kind kind, int start, int end, List<String> normalised) {
        public Match {
            Objects.requireNonNull(kind, "kind");
            if (start < 0 || end <= start) {
                throw new IllegalArgumentException("bad span " + start + ".." + end);
            }
            normalised = List.copyOf(normalised);
        }

        /** The matched part of {@code text}. */
        public String in(String text) {
            return text.substring(start, end);
        }

        boolean overlaps(Match o) {
            return start < o.end && o.start < end;
        }
    }

    // Boundaries. Strict: not inside a word, not continuing a number through . , : / -
    private static final String WC = "\\p{L}\\p{Nd}_";
    private static final String BEFORE = "(?<![" + WC + "])(?<![0-9][.,:/-])";
    private static final String AFTER = "(?![" + WC + "])(?![.,:/-][0-9])";

    // ---------------------------------------------------------------- DATE
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("january", 1), Map.entry("jan", 1), Map.entry("januar", 1), Map.entry("jänner", 1),
            Map.entry("janvier", 1), Map.entry("janv", 1),
            Map.entry("february", 2), Map.entry("feb", 2), Map.entry("februar", 2), Map.entry("février", 2),
            Map.entry("fevrier", 2), Map.entry("févr", 2), Map.entry("fevr", 2),
            Map.entry("march", 3), Map.entry("mar", 3), Map.entry("märz", 3), Map.entry("maerz", 3),
            Map.entry("mär", 3), Map.entry("mars", 3),
            Map.entry("april", 4), Map.entry("apr", 4), Map.entry("avril", 4), Map.entry("avr", 4),
            Map.entry("may", 5), Map.entry("mai", 5),
            Map.entry("june", 6), Map.entry("jun", 6), Map.entry("juni", 6), Map.entry("juin", 6),
            Map.entry("july", 7), Map.entry("jul", 7), Map.entry("juli", 7), Map.entry("juillet", 7),
            Map.entry("juil", 7),
            Map.entry("august", 8), Map.entry("aug", 8), Map.entry("août", 8), Map.entry("aout", 8),
            Map.entry("september", 9), Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("septembre", 9),
            Map.entry("october", 10), Map.entry("oct", 10), Map.entry("oktober", 10), Map.entry("okt", 10),
            Map.entry("octobre", 10),
            Map.entry("november", 11), Map.entry("nov", 11), Map.entry("novembre", 11),
            Map.entry("december", 12), Map.entry("dec", 12), Map.entry("dezember", 12), Map.entry("dez", 12),
            Map.entry("décembre", 12), Map.entry("decembre", 12), Map.entry("déc", 12));
    private static final String MONTH = "(" + MONTHS.keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
            .collect(Collectors.joining("|")) + ")";
    private static final Set<String> MONTH_PREFIXES = MONTHS.keySet().stream()
            .map(m -> m.substring(0, 3)).collect(Collectors.toUnmodifiableSet());
    private static final String YEAR = "((?:19|20)[0-9]{2})";
    private static final String TIME = "((?:T|\\s)([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:[.,][0-9]{1,6})?)?"
            + "(?:\\s?(?:Z|[+-][0-9]{2}:?[0-9]{2}))?)?";
    private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    /** 2024-01-31, 2024/01/31, 1997.06.09 with optional time. */
    private static final Pattern DATE_YMD = Pattern.compile(
            "(?=[0-9])" + BEFORE + YEAR + "([-/.])([0-9]{1,2})\\2([0-9]{1,2})" + TIME + AFTER);
    /** 31/01/2024, 01/31/2024, 31.01.2024, 31-01-2024 with optional time. */
    private static final Pattern DATE_DMY = Pattern.compile(
            "(?=[0-9])" + BEFORE + "([0-9]{1,2})([-/.])([0-9]{1,2})\\2" + YEAR + TIME + AFTER);
    /** 31/01/24. */
    private static final Pattern DATE_DMY2 = Pattern.compile(
            "(?=[0-9])" + BEFORE + "([0-9]{1,2})/([0-9]{1,2})/([0-9]{2})" + AFTER);
    /** Jan 31, 2024; January 31st 2024. */
    private static final Pattern DATE_MDY_TEXT = Pattern.compile(
            "(?=\\p{L})" + BEFORE + MONTH + "\\.?\\s{1,3}([0-9]{1,2})(?:st|nd|rd|th)?,?\\s{1,3}" + YEAR + AFTER, CI);
    /** 31 Jan 2024; 31st January 2024; 31-Jan-2024; 31. Januar 2024; 31JAN2024. */
    private static final Pattern DATE_DMY_TEXT = Pattern.compile(
            "(?=[0-9])" + BEFORE + "([0-9]{1,2})(?:st|nd|rd|th|er|\\.)?(?:\\s{0,3}|-|\\s+of\\s+)" + MONTH + "\\.?(?:,?\\s{0,3}|-)"
                    + YEAR + AFTER, CI);
    /** 31-JAN-24. */
    private static final Pattern DATE_DMY2_TEXT = Pattern.compile(
            "(?=[0-9])" + BEFORE + "([0-9]{1,2})-" + MONTH + "-([0-9]{2})" + AFTER, CI);
    /** 2024年1月31日, 2024년 1월 31일. */
    private static final Pattern DATE_CJK = Pattern.compile(
            "(?=[12])(?<![0-9])" + YEAR + "\\s?[年년]\\s?([0-9]{1,2})\\s?[月월]\\s?([0-9]{1,2})\\s?[日일]");

    // ---------------------------------------------------------------- PHONE
    private static final Pattern PHONE_NANP = Pattern.compile(
            "(?=[0-9+])" + BEFORE + "(\\+?1[-. ]?)?([2-9][0-9]{2})([-.])([2-9][0-9]{2})\\3([0-9]{4})" + AFTER);
    private static final Pattern PHONE_NANP_PAREN = Pattern.compile(
            "(?=[(+1])(?<![" + WC + "])(\\+?1[-. ]?)?\\(([2-9][0-9]{2})\\)\\s?([2-9][0-9]{2})[-. ]([0-9]{4})" + AFTER);
    private static final Pattern PHONE_PLUS = Pattern.compile(
            "(?=\\+)(?<![" + WC + "+])\\+[1-9][0-9]{0,2}+(?:[ .-]?(?:\\(0\\)|\\([0-9]{1,4}\\)|[0-9]{1,8}+)){1,8}+" + AFTER);
    private static final Pattern PHONE_00 = Pattern.compile(
            "(?=0)" + BEFORE + "00[1-9][0-9]{0,2}[ .-](?:\\(0\\)\\s?)?[0-9]{1,8}(?:[ .-][0-9]{1,8}){0,6}" + AFTER);
    private static final Pattern PHONE_TRUNK = Pattern.compile(
            "(?=[0(])" + BEFORE + "(?:\\(0[1-9][0-9]{0,4}\\)\\s?|0[1-9][0-9]{0,4}(?:\\s?/\\s?|([ .-])))([0-9]{2,8}(?:[ .-][0-9]{2,8}){0,4})"
                    + AFTER);
    private static final Pattern PHONE_LABEL = Pattern.compile(
            "(?=[tTpPfFmMcChH])(?<!\\p{L})(?:tel(?:ephone|efon)?|phone|fax|mobile|mob|cell|handy)\\.?(?:\\s*(?:no\\.?|nr\\.?|number|#))?"
                    + "\\s*[:.]?\\s*(\\+?[0-9(][0-9 ()./-]{4,22}[0-9])" + AFTER, CI);

    // ---------------------------------------------------------------- EMAIL, URL, IP
    private static final Pattern EMAIL = Pattern.compile(
            "(?=[A-Za-z0-9])(?<![\\p{L}\\p{Nd}._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\\.[A-Za-z]{2,24}(?![A-Za-z0-9-])");
    private static final Pattern URL = Pattern.compile(
            "(?=[hHfFwW])(?<![\\p{L}\\p{Nd}])(?:https?://|ftp://|www\\.)[^\\s<>\"'`\\\\]+", CI);
    private static final Pattern IP = Pattern.compile(
            "(?=[0-9])(?<![" + WC + ".])([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})(:[0-9]{2,5})?(?![" + WC
                    + "])(?![.:][0-9])");
    private static final Pattern IP_CONTEXT = Pattern.compile(
            "(?:\\bip(?:v4)?|\\bhost(?:name)?|\\baddr(?:ess)?|\\bserver|\\bgateway|\\brouter|\\bdns|://)\\s*[:=#]?\\s*$",
            CI);

    // ---------------------------------------------------------------- SSN
    private static final Pattern SSN = Pattern.compile("(?=[0-9])" + BEFORE + "([0-9]{3})-([0-9]{2})-([0-9]{4})" + AFTER);
    private static final Pattern SSN_LABEL = Pattern.compile(
            "(?=[sS])(?<!\\p{L})(?:SSN|SS#|SS\\s?No\\.?|Social\\s+Security(?:\\s+(?:No\\.?|Number|#))?)\\s*[:#.]?\\s*"
                    + "([0-9]{3}[- ]?[0-9]{2}[- ]?[0-9]{4})" + AFTER, CI);

    // ---------------------------------------------------------------- ID_NUMBER
    private static final String ID_VALUE = "([A-Za-z0-9](?:[A-Za-z0-9]|[-/.](?=[A-Za-z0-9])){2,29})(?![" + WC + "])";
    private static final String ID_SUFFIX = "(?:ID|No\\.?|Nr\\.?|Number|Nummer|#)";
    private static final Pattern ID_LABEL = Pattern.compile(
            "(?=[mMpPaAcCeEvVoOrRsSiIfF])(?<![" + WC + "])(?:MRN|MR\\s?#|MR\\s?(?:No|Nr|Number)\\.?"
                    + "|Med(?:ical)?\\.?\\s*Rec(?:ord)?s?\\.?\\s*" + ID_SUFFIX + "?"
                    + "|Patient(?:en)?\\s*-?\\s*" + ID_SUFFIX + "|Pat\\.?\\s*-?\\s*(?:ID|No\\.?|Nr\\.?)"
                    + "|Pt\\.?\\s*(?:ID|No\\.?|#)|PID|Acc\\.?\\s*" + ID_SUFFIX + "|Accession(?:\\s*" + ID_SUFFIX + ")?"
                    + "|Acc#|(?:Case|Chart|Account|Acct|Encounter|Visit|Admission|Order|Requisition|Request"
                    + "|Requested\\s+Procedure|Study|Exam|Insurance|Member|Policy|Fall)\\.?\\s*-?\\s*" + ID_SUFFIX
                    + "|Fallnummer)(?![\\p{L}])\\s*[:#=]?\\s*" + ID_VALUE, CI);
    private static final Pattern ID_LABEL_BARE = Pattern.compile(
            "(?=[iI])(?<![" + WC + "]\\s?)(?<![" + WC + "])ID\\s?[:#=]\\s*" + ID_VALUE, CI);

    // ---------------------------------------------------------------- STREET_ADDRESS
    private static final String NAME_WORD = "\\p{Lu}[\\p{L}'’]+";
    private static final String STREET_TYPE = "(?:Street|STREET|Avenue|AVENUE|Road|ROAD|Boulevard|BOULEVARD|Lane|LANE"
            + "|Drive|DRIVE|Court|COURT|Way|WAY|Place|PLACE|Terrace|TERRACE|Parkway|PARKWAY|Highway|HIGHWAY"
            + "|Square|SQUARE|Circle|CIRCLE|St|Ave|AVE|Rd|RD|Blvd|BLVD|Ln|LN|Dr|Ct|Pl|Hwy|HWY|Pkwy|PKWY|Ter|Cir|Sq)";
    private static final Pattern STREET_EN = Pattern.compile(
            "(?=[0-9])" + BEFORE + "[0-9]{1,5}[A-Za-z]?(?:-[0-9]{1,5})?\\s+(?:(?:[NSEW]\\.?|North|South|East|West|NORTH|SOUTH|EAST|WEST)"
                    + "\\s+)?(?:" + NAME_WORD + "|[0-9]{1,3}(?:st|nd|rd|th|ST|ND|RD|TH))(?:\\s+" + NAME_WORD + "){0,2}\\s+"
                    + STREET_TYPE + "(?![\\p{L}\\p{Nd}])\\.?");
    private static final Pattern STREET_PO = Pattern.compile(
            "(?=[pPbB])(?<![\\p{L}\\p{Nd}])(?:P\\.?\\s?O\\.?\\s?Box|Post\\s?Office\\s+Box|Postfach|Bo[iî]te\\s+Postale)\\s*[0-9]{1,6}"
                    + "(?![\\p{L}\\p{Nd}])", CI);
    private static final Pattern STREET_DE = Pattern.compile(
            "(?=\\p{Lu})(?<![\\p{L}\\p{Nd}])(?:\\p{Lu}\\p{Ll}{2,}(?:straße|strasse|str\\.|gasse|weg|allee|platz|straat|laan|plein"
                    + "|gracht)|\\p{Lu}{3,}(?:STRASSE|STRAßE|STR\\.|GASSE|WEG|ALLEE|PLATZ|STRAAT|LAAN|PLEIN|GRACHT)"
                    + "|\\p{Lu}\\p{Ll}+\\s+(?:Straße|Strasse|Str\\.|Gasse|Weg|Allee|Platz))\\s?[0-9]{1,4}[a-z]?"
                    + "(?:\\s?-\\s?[0-9]{1,4})?(?![\\p{L}\\p{Nd}])");
    private static final Pattern STREET_FR = Pattern.compile(
            "(?=[0-9])(?<![\\p{L}\\p{Nd}])[0-9]{1,4}(?:\\s?(?:bis|ter))?,?\\s+(?:rue|Rue|RUE|avenue|boulevard|Boulevard|bd|Bd"
                    + "|place|allée|Allée|chemin|Chemin|impasse|Impasse|quai|Quai)\\s+(?:(?:de la|de l'|de l’|du|des|de|d'|d’"
                    + "|la|le|les)\\s*)?\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+){0,2}");
    private static final Pattern STREET_IT = Pattern.compile(
            "(?=[VPCALRT])(?<![\\p{L}\\p{Nd}])(?:Via|Viale|Piazza|Piazzale|Corso|Vicolo|Calle|Avenida|Plaza|Paseo|Carrer|Rua|Travessa"
                    + "|Largo)\\s+(?:(?:del|della|delle|dei|degli|de|di|da|la|las|los|do|dos|das)\\s+)?\\p{Lu}[\\p{L}'’-]+"
                    + "(?:\\s+\\p{Lu}[\\p{L}'’-]+){0,2},?\\s+(?:n\\.?\\s?|nº\\s?)?[0-9]{1,4}[a-zA-Z]?(?![\\p{L}\\p{Nd}])");

    // ---------------------------------------------------------------- POSTCODE
    private static final String US_STATES = "AK|AZ|AR|CA|FL|IL|IA|KS|KY|MN|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|RI|SD|TN|TX|VT"
            + "|WA|WV|WI|WY|PR|VI|GU|MP";
    private static final String US_STATES_AMBIGUOUS = "AL|AS|CO|CT|DC|DE|GA|HI|ID|IN|LA|MA|MD|ME|MI|MS|OK|OR|PA|SC|UT"
            + "|VA";
    private static final Pattern POST_US = Pattern.compile(
            "(?=[,A-Z])(?:,\\s*(?:" + US_STATES + "|" + US_STATES_AMBIGUOUS + ")|(?<![" + WC + "])(?:" + US_STATES + "))\\s+"
                    + "([0-9]{5}(?:-[0-9]{4})?)" + AFTER);
    private static final Pattern POST_UK = Pattern.compile(
            "(?=[A-Z])(?<![" + WC + "])(?:(?:[BEGLMNSW][0-9]{1,2}|[EMNW][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9]{1,2}"
                    + "|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY]) [0-9][ABD-HJLNP-UW-Z]{2}|GIR 0AA)(?![" + WC + "])");
    private static final Pattern POST_CA = Pattern.compile(
            "(?=[A-Z])(?<![" + WC + "])[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z] [0-9][ABCEGHJ-NPRSTV-Z][0-9](?![" + WC + "])");
    private static final String CITY = "\\p{Lu}\\p{Ll}{2,}(?:[ -]\\p{Lu}\\p{Ll}+)?";
    private static final Pattern POST_EU = Pattern.compile(
            "(?=[A-Z])(?<![" + WC + "-])(?:D|DE|A|AT|CH|F|FR|I|IT|B|BE|L|LU|DK|NL|E|ES|P|PT|S|SE|N|NO|FI|PL)-[0-9]{4,5}"
                    + "(?:\\s?[A-Z]{2})?\\s+" + CITY + "(?![\\p{L}\\p{Nd}])");
    private static final Pattern POST_COMMA_CITY = Pattern.compile(
            "(?=[0-9])(?<=,\\s{0,2})(?:[0-9]{5}|[1-9][0-9]{3}\\s?[A-Z]{2})\\s+" + CITY + "(?=\\s*(?:,|$|\\r|\\n))");

    // ---------------------------------------------------------------- AGE_OVER_89
    private static final Pattern AGE_UNIT = Pattern.compile(
            "(?=[1-9])" + BEFORE + "([1-9][0-9]{1,2})\\s?-?\\s?(?:years|year|yrs\\.?|yr\\.?|y/o|y\\.o\\.|yo|y|jahre|jährige[rnm]?|jährig"
                    + "|ans|años|anni)(?:[\\s-]?old)?(?![\\p{L}\\p{Nd}_])", CI);
    private static final Pattern AGE_LABEL = Pattern.compile(
            "(?=[aAâÂeE])(?<!\\p{L})(?:age|aged|alter|âge|edad|età)(?:\\s+of)?\\s*[:=]?\\s*([1-9][0-9]{1,2})(?![0-9])(?![.,][0-9])", CI);
    private static final Pattern AGE_AS = Pattern.compile("(?=[0-9])(?<![" + WC + "])([0-9]{3})([DWMY])(?![" + WC + "])");

    // ---------------------------------------------------------------- PERSON_NAME
    private static final String PN_COMPONENT = "\\p{L}[\\p{L}'’-]*";
    private static final Pattern NAME_CARET = Pattern.compile(
            "(?=\\p{L})(?<![" + WC + "^])(" + PN_COMPONENT + ")\\^(" + PN_COMPONENT + ")((?:\\^[\\p{L}.'’-]*){0,3})(?![\\p{Nd}_^])");
    private static final String TITLE_NAME = "(?:\\p{Lu}(?:['’]\\p{Lu})?\\p{Ll}+(?:\\p{Lu}\\p{Ll}+)?(?:-\\p{Lu}\\p{Ll}+)?|\\p{Lu}{2,}(?:-\\p{Lu}{2,})?"
            + "|\\p{Lu}\\.)";
    private static final Pattern NAME_TITLE = Pattern.compile(
            "(?=[DMPHF])(?<![" + WC + "])(?:(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Herr|Frau|Mme|Mlle|Dott|Dra)(?:\\.\\s*|\\s+)"
                    + "|(?:DR|MR|MRS|MS|PROF)\\.\\s+)(?:(?:Dr|Prof|med|rer\\.\\s*nat|h\\.\\s*c|dent|vet)\\.\\s*)*("
                    + TITLE_NAME + "(?:\\s+" + TITLE_NAME + "){0,2})(?![\\p{L}\\p{Nd}])");
    private static final String LABEL_NAME_WORD = "\\p{Lu}[\\p{L}'’-]*\\p{L}";
    private static final Pattern NAME_LABEL = Pattern.compile(
            "(?=[pPrRdDtTsSnN])(?:(?<![" + WC + "])(?i:patient(?:'s)?(?:\\s+name)?|pt\\.?(?:\\s+name)?|pat\\.?\\s*name"
                    + "|referring(?:\\s+(?:physician|doctor|dr\\.?))?|ref\\.?\\s*(?:phys(?:ician)?|dr)\\.?|physician|doctor"
                    + "|radiologist|technologist|(?:reported|dictated|signed|read|performed|requested)\\s+by)"
                    + "|(?<![" + WC + "]\\s{0,3})(?<![" + WC + "])(?i:name))\\s*[:=]\\s*"
                    + "(" + LABEL_NAME_WORD + ",\\s*" + LABEL_NAME_WORD + "(?:\\s+\\p{Lu}\\.?(?![\\p{L}]))?"
                    + "|" + LABEL_NAME_WORD + "(?:\\s+\\p{Lu}\\.)?\\s+" + LABEL_NAME_WORD + "(?:\\s+" + LABEL_NAME_WORD
                    + ")?)(?![\\p{L}\\p{Nd}])");

    /**
     * Words that make a name shape technical: anatomy, acquisition and protocol vocabulary, modality
     * codes and placeholders. A shape containing one of them is not reported ({@code Head^Routine},
     * {@code AX^FLAIR}, {@code Name: Head First}).
     */
    static final Set<String> NOT_NAMES = Set.of(
            // anatomy
            "HEAD", "BRAIN", "NECK", "CHEST", "THORAX", "ABDOMEN", "ABD", "PELVIS", "SPINE", "CSPINE", "TSPINE",
            "LSPINE", "KNEE", "HIP", "SHOULDER", "ANKLE", "WRIST", "HAND", "FOOT", "ELBOW", "CARDIAC", "HEART",
            "LIVER", "KIDNEY", "KIDNEYS", "BREAST", "PROSTATE", "SINUS", "SINUSES", "ORBIT", "ORBITS", "IAC", "FACE",
            "LUNG", "LUNGS", "BODY", "EXTREMITY", "ARM", "LEG", "TEMPORAL", "PITUITARY", "CERVICAL", "THORACIC",
            "LUMBAR", "SACRUM", "SKULL", "AORTA", "CORONARY", "CAROTID", "PANCREAS", "BLADDER", "UTERUS", "BONE",
            "BONES", "JOINT", "FEMUR", "TIBIA", "HUMERUS", "CORONARIES", "ABDOMINAL", "PELVIC", "NEURO", "VASCULAR",
            "WHOLE", "WB", "CHESTABD", "TISSUE", "MUSCLE",
            // acquisition and protocol words
            "ROUTINE", "CONTRAST", "WITH", "WITHOUT", "WO", "CTA", "MRA", "MRV", "ANGIO", "PERFUSION", "SCOUT",
            "LOCALIZER", "LOCALISER", "SURVEY", "AX", "AXIAL", "SAG", "SAGITTAL", "COR", "CORONAL", "TRA",
            "TRANSVERSE", "OBL", "OBLIQUE", "FLAIR", "DWI", "ADC", "SWI", "MPRAGE", "SPACE", "TSE", "FSE", "GRE", "EPI",
            "BOLD", "DTI", "STIR", "SPGR", "FIESTA", "TOF", "PROTOCOL", "ADULT", "PEDS", "PEDIATRIC", "PAEDIATRIC",
            "CHILD", "STANDARD", "ONCO", "ONCOLOGY", "EMERGENCY", "TRAUMA", "SCREENING", "BILATERAL", "LEFT",
            "RIGHT", "LT", "RT", "HIGH", "LOW", "RES", "DOSE", "PLAIN", "NATIVE", "SERIES", "STUDY", "EXAM",
            "DEFAULT", "TEST", "QA", "QC", "PHANTOM", "FIRST", "FEET", "SUPINE", "PRONE", "POST", "PRE", "DELAYED",
            "ARTERIAL", "VENOUS", "PORTAL", "HELICAL", "SPIRAL", "SEQUENCE", "IMAGE", "IMAGES", "RECON", "MIP",
            "MPR", "VR", "SCAN", "LOCATOR", "TOPOGRAM", "SCANOGRAM", "CALIBRATION", "SERVICE", "RESEARCH",
            // modalities
            "CT", "MR", "MRI", "PET", "US", "XR", "CR", "DX", "NM", "MG", "XA", "RF", "OT", "SC", "SR", "SPECT",
            "ECHO", "ULTRASOUND", "MAMMO", "MAMMOGRAPHY", "FLUORO",
            // placeholders
            "UNKNOWN", "ANONYMOUS", "ANONYMIZED", "ANONYMISED", "REMOVED", "NONE", "DEMO", "SAMPLE", "NA", "NULL");

    private static final int[] DAYS = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private PhiPatterns() {
    }

    /**
     * Non-overlapping matches of the given kinds, in text order. Where candidates overlap, the longest
     * wins; on equal length the more specific kind (URL, EMAIL, DATE, IP_ADDRESS, SSN, PHONE,
     * AGE_OVER_89, POSTCODE, STREET_ADDRESS, PERSON_NAME, ID_NUMBER, in that order), so that a date
     * is never also a phone number or an ID.
     */
    public static List<Match> find(String text, Set<Kind> kinds) {
        List<Match> all = findAll(text, kinds);
        if (all.size() <= 1) {
            return all;
        }
        List<Match> bySize = new ArrayList<>(all);
        bySize.sort(Comparator.comparingInt((Match m) -> m.start() - m.end())
                .thenComparingInt(m -> rank(m.kind()))
                .thenComparingInt(Match::start));
        List<Match> chosen = new ArrayList<>();
        outer:
        for (Match m : bySize) {
            for (Match c : chosen) {
                if (c.overlaps(m)) {
                    continue outer;
                }
            }
            chosen.add(m);
        }
        chosen.sort(Comparator.comparingInt(Match::start));
        return List.copyOf(chosen);
    }

    private static int rank(Kind kind) {
        return switch (kind) {
            case URL -> 0;
            case EMAIL -> 1;
            case DATE -> 2;
            case IP_ADDRESS -> 3;
            case SSN -> 4;
            case PHONE -> 5;
            case AGE_OVER_89 -> 6;
            case POSTCODE -> 7;
            case STREET_ADDRESS -> 8;
            case PERSON_NAME -> 9;
            case ID_NUMBER -> 10;
        };
    }

    /**
     * Every candidate of the given kinds, overlapping ones included, in no particular order. The
     * cleaner removes their union, so that nothing a losing candidate covered survives.
     */
    static List<Match> findAll(String text, Set<Kind> kinds) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kinds, "kinds");
        if (text.isEmpty() || kinds.isEmpty()) {
            return List.of();
        }
        Features f = new Features(text);
        List<Match> out = new ArrayList<>(0);
        if (f.maxRun >= 8 && (kinds.contains(Kind.DATE) || kinds.contains(Kind.ID_NUMBER))) {
            digitRuns(text, kinds.contains(Kind.DATE), kinds.contains(Kind.ID_NUMBER), out);
        }
        if (kinds.contains(Kind.DATE) && f.digits >= 4) {
            dates(text, f, out);
        }
        if (kinds.contains(Kind.PHONE) && f.digits >= 7) {
            phones(text, f, out);
        }
        if (kinds.contains(Kind.EMAIL) && f.at) {
            simple(text, EMAIL, Kind.EMAIL, out, m -> List.of(m.group().toLowerCase(Locale.ROOT)));
        }
        if (kinds.contains(Kind.URL) && f.letters && (text.contains("://") || f.dots > 0 && f.lowerContainsAny("www."))) {
            urls(text, out);
        }
        if (kinds.contains(Kind.IP_ADDRESS) && f.dots >= 3 && f.digits >= 4) {
            ips(text, out);
        }
        if (kinds.contains(Kind.SSN) && f.digits >= 9) {
            ssns(text, f, out);
        }
        if (kinds.contains(Kind.ID_NUMBER) && f.digits >= 3 && f.letters && (f.wordStartsWithAny("mrn", "mr#", "mr #",
                "mr no", "mr nr", "mr num", "med", "pat", "pt", "pid", "acc", "case", "chart", "acct", "account",
                "encounter", "visit", "admission", "order", "req", "study", "exam", "insurance", "member", "policy",
                "fall") || f.bareIdLabel())) {
            labelledIds(text, out);
        }
        if (kinds.contains(Kind.STREET_ADDRESS) && f.digits >= 1 && f.letters) {
            streets(text, f, out);
        }
        if (kinds.contains(Kind.POSTCODE) && f.digits >= 2 && f.upper) {
            postcodes(text, f, out);
        }
        if (kinds.contains(Kind.AGE_OVER_89) && (f.ageNumber || f.asValue)) {
            ages(text, f, out);
        }
        if (kinds.contains(Kind.PERSON_NAME) && (f.caret || f.upper && f.letters)) {
            names(text, f, out);
        }
        return out;
    }

    /**
     * What a text holds, counted in one pass, so that a pattern whose required characters are absent
     * is never run: digit runs by length, separators, and a few shapes (a possible age, a possible AS
     * value, a run starting with 0).
     */
    private static final class Features {
        private final String text;
        int digits;
        int maxRun;
        /** Bit k set when a maximal digit run of length k (k at most 31) occurs. */
        int runs;
        int dots;
        int dashes;
        int slashes;
        int spaces;
        int commas;
        boolean letters;
        boolean upper;
        boolean at;
        boolean caret;
        boolean colon;
        boolean equals;
        boolean plus;
        boolean paren;
        boolean cjkDate;
        /** A run of 2-3 digits not starting with 0 whose value is 90-125. */
        boolean ageNumber;
        /** A run of 3 digits followed by D, W, M or Y. */
        boolean asValue;
        /** A run of 1-5 digits starting with 0, or "(0". */
        boolean trunk;
        private String lower;

        Features(String t) {
            this.text = t;
            int n = t.length();
            int run = 0;
            int value = 0;
            for (int i = 0; i <= n; i++) {
                char c = i < n ? t.charAt(i) : ' ';
                if (c >= '0' && c <= '9') {
                    if (run == 0 && c == '0' && (i + 1 >= n || t.charAt(i + 1) != '.')) {
                        trunk = true;
                    }
                    digits++;
                    run++;
                    value = value * 10 + c - '0';
                    continue;
                }
                if (run > 0) {
                    endRun(t, i, run, value, c);
                    run = 0;
                    value = 0;
                }
                if (c >= 'a' && c <= 'z') {
                    letters = true;
                } else if (c >= 'A' && c <= 'Z') {
                    letters = true;
                    upper = true;
                } else if (c < 0x80) {
                    switch (c) {
                        case '.' -> dots++;
                        case '-' -> dashes++;
                        case '/' -> slashes++;
                        case ' ', '\t', '\n', '\r', '\f', '\u000B' -> spaces++;
                        case ',' -> commas++;
                        case '@' -> at = true;
                        case '^' -> caret = true;
                        case ':' -> colon = true;
                        case '=' -> equals = true;
                        case '+' -> plus = true;
                        case '(' -> {
                            paren = true;
                            if (i + 1 < n && t.charAt(i + 1) == '0') {
                                trunk = true;
                            }
                        }
                        default -> {
                        }
                    }
                } else if (Character.isLetter(c)) {
                    letters = true;
                    if (!Character.isLowerCase(c)) {
                        upper = true;
                    }
                    if (c == '年' || c == '년') {
                        cjkDate = true;
                    }
                } else if (Character.isWhitespace(c)) {
                    spaces++;
                }
            }
        }

        private void endRun(String t, int end, int run, int value, char next) {
            runs |= 1 << Math.min(run, 31);
            if (run > maxRun) {
                maxRun = run;
            }
            if ((run == 2 || run == 3) && value >= 90 && value <= 125 && t.charAt(end - run) != '0') {
                ageNumber = true;
            }
            if (run == 3 && (next == 'Y' || next == 'M' || next == 'W' || next == 'D')) {
                asValue = true;
            }
        }

        boolean run(int length) {
            return (runs & 1 << length) != 0;
        }

        /** The text in lower case (computed once, on first use). */
        String lower() {
            if (lower == null) {
                lower = text.toLowerCase(Locale.ROOT);
            }
            return lower;
        }

        boolean lowerContainsAny(String... words) {
            String l = lower();
            for (String w : words) {
                if (l.contains(w)) {
                    return true;
                }
            }
            return false;
        }

        boolean containsAny(String... words) {
            for (String w : words) {
                if (text.contains(w)) {
                    return true;
                }
            }
            return false;
        }

        /** One of the lower-case keywords starts a word (follows no letter) in the text. */
        boolean wordStartsWithAny(String... keywords) {
            String l = lower();
            for (String k : keywords) {
                for (int i = l.indexOf(k); i >= 0; i = l.indexOf(k, i + 1)) {
                    if (i == 0 || !Character.isLetter(l.charAt(i - 1))) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** {@code ID} as a word, followed by an optional space and one of {@code : # =}. */
        boolean bareIdLabel() {
            String l = lower();
            for (int i = l.indexOf("id"); i >= 0; i = l.indexOf("id", i + 1)) {
                int j = i + 2;
                if (j < l.length() && Character.isWhitespace(l.charAt(j))) {
                    j++;
                }
                if (j < l.length() && ":#=".indexOf(l.charAt(j)) >= 0 && (i == 0 || !Character.isLetterOrDigit(l.charAt(i - 1)))) {
                    return true;
                }
            }
            return false;
        }

        /**
         * A word starting with the first three letters of a month name in any supported language,
         * compared after the same case folding as the patterns' ({@link PhiPatterns#fold}).
         */
        boolean monthWord() {
            String t = text;
            for (int i = 0; i + 3 <= t.length(); i++) {
                if ((i == 0 || !Character.isLetter(t.charAt(i - 1))) && Character.isLetter(t.charAt(i))
                        && MONTH_PREFIXES.contains(fold(t.substring(i, i + 3)))) {
                    return true;
                }
            }
            return false;
        }
    }

    private interface Normaliser {
        List<String> of(Matcher m);
    }

    private static void simple(String t, Pattern p, Kind kind, List<Match> out, Normaliser n) {
        Matcher m = p.matcher(t);
        while (m.find()) {
            out.add(new Match(kind, m.start(), m.end(), n.of(m)));
        }
    }

    // ------------------------------------------------------------------------------------- digits

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordChar(String t, int i) {
        char c = t.charAt(i);
        return Character.isLetterOrDigit(c) || c == '_' || Character.isSurrogate(c);
    }

    /** No word char, and no {@code .} or {@code ,} after a digit, right before {@code s}. */
    private static boolean freeBefore(String t, int s) {
        if (s == 0) {
            return true;
        }
        if (isWordChar(t, s - 1)) {
            return false;
        }
        char p = t.charAt(s - 1);
        return !((p == '.' || p == ',') && s >= 2 && isDigit(t.charAt(s - 2)));
    }

    /** No word char, and no {@code .} or {@code ,} before a digit, right at {@code e}. */
    private static boolean freeAfter(String t, int e) {
        if (e >= t.length()) {
            return true;
        }
        if (isWordChar(t, e)) {
            return false;
        }
        char c = t.charAt(e);
        return !((c == '.' || c == ',') && e + 1 < t.length() && isDigit(t.charAt(e + 1)));
    }

    /**
     * Compact dates and date-times (DA/DT style) and unlabelled ID numbers: both are maximal runs of
     * ASCII digits, so they are found by one scan instead of regular expressions.
     */
    private static void digitRuns(String t, boolean wantDate, boolean wantId, List<Match> out) {
        int n = t.length();
        int i = 0;
        while (i < n) {
            if (!isDigit(t.charAt(i))) {
                i++;
                continue;
            }
            int s = i;
            while (i < n && isDigit(t.charAt(i))) {
                i++;
            }
            int len = i - s;
            if (len < 8 || !freeBefore(t, s)) {
                continue;
            }
            String date = compactDate(t, s, len);
            if (date != null) {
                if (wantDate) {
                    int end = i;
                    if (len == 14 && end + 1 < n && t.charAt(end) == '.' && isDigit(t.charAt(end + 1))) {
                        int f = end + 1;
                        while (f < n && f - end <= 6 && isDigit(t.charAt(f))) {
                            f++;
                        }
                        end = f;
                    }
                    if (end + 4 < n && (t.charAt(end) == '+' || t.charAt(end) == '-')
                            && digitsAt(t, end + 1, 4) && (end + 5 == n || !isDigit(t.charAt(end + 5)))) {
                        end += 5;
                    }
                    if (freeAfter(t, end)) {
                        out.add(new Match(Kind.DATE, s, end, List.of(date)));
                    }
                }
            } else if (wantId && freeAfter(t, i)) {
                out.add(new Match(Kind.ID_NUMBER, s, i, List.of(t.substring(s, i))));
            }
        }
    }

    private static boolean digitsAt(String t, int from, int count) {
        if (from + count > t.length()) {
            return false;
        }
        for (int k = from; k < from + count; k++) {
            if (!isDigit(t.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** {@code YYYYMMDD} if the run is a valid DA or DT ({@code YYYYMMDD[HH[MM[SS]]]}), else null. */
    private static String compactDate(String t, int s, int len) {
        if (len != 8 && len != 10 && len != 12 && len != 14) {
            return null;
        }
        int y = num(t, s, 4);
        int mo = num(t, s + 4, 2);
        int d = num(t, s + 6, 2);
        if (!validDate(y, mo, d)) {
            return null;
        }
        if (len >= 10 && num(t, s + 8, 2) > 23 || len >= 12 && num(t, s + 10, 2) > 59
                || len >= 14 && num(t, s + 12, 2) > 60) {
            return null;
        }
        return t.substring(s, s + 8);
    }

    private static int num(String t, int s, int len) {
        int v = 0;
        for (int k = s; k < s + len; k++) {
            v = v * 10 + t.charAt(k) - '0';
        }
        return v;
    }

    static boolean validDate(int y, int m, int d) {
        if (y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1) {
            return false;
        }
        int max = DAYS[m - 1];
        if (m == 2 && (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))) {
            max = 29;
        }
        return d <= max;
    }

    private static String ymd(int y, int m, int d) {
        char[] c = new char[8];
        c[0] = (char) ('0' + y / 1000);
        c[1] = (char) ('0' + y / 100 % 10);
        c[2] = (char) ('0' + y / 10 % 10);
        c[3] = (char) ('0' + y % 10);
        c[4] = (char) ('0' + m / 10);
        c[5] = (char) ('0' + m % 10);
        c[6] = (char) ('0' + d / 10);
        c[7] = (char) ('0' + d % 10);
        return new String(c);
    }

    // --------------------------------------------------------------------------------------- DATE

    private static void dates(String t, Features f, List<Match> out) {
        if (f.run(4) && (f.dashes >= 2 || f.slashes >= 2 || f.dots >= 2)) {
            Matcher m = DATE_YMD.matcher(t);
            while (m.find()) {
                int y = Integer.parseInt(m.group(1));
                addDate(t, m, out, readings(y, y, Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), false), 5);
            }
            m = DATE_DMY.matcher(t);
            while (m.find()) {
                int y = Integer.parseInt(m.group(4));
                addDate(t, m, out, readings(y, y, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)), true), 5);
            }
        }
        if (f.slashes >= 2 && f.run(2)) {
            Matcher m = DATE_DMY2.matcher(t);
            while (m.find()) {
                int yy = Integer.parseInt(m.group(3));
                addDate(t, m, out,
                        readings(1900 + yy, 2000 + yy, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), true),
                        -1);
            }
        }
        if (f.letters && f.monthWord()) {
            Matcher m = DATE_MDY_TEXT.matcher(t);
            while (m.find()) {
                int y = Integer.parseInt(m.group(3));
                addDate(t, m, out, readings(y, y, month(m.group(1)), Integer.parseInt(m.group(2)), false), -1);
            }
            m = DATE_DMY_TEXT.matcher(t);
            while (m.find()) {
                int y = Integer.parseInt(m.group(3));
                addDate(t, m, out, readings(y, y, month(m.group(2)), Integer.parseInt(m.group(1)), false), -1);
            }
            m = DATE_DMY2_TEXT.matcher(t);
            while (m.find()) {
                int yy = Integer.parseInt(m.group(3));
                addDate(t, m, out,
                        readings(1900 + yy, 2000 + yy, month(m.group(2)), Integer.parseInt(m.group(1)), false), -1);
            }
        }
        if (f.cjkDate) {
            Matcher m = DATE_CJK.matcher(t);
            while (m.find()) {
                int y = Integer.parseInt(m.group(1));
                addDate(t, m, out, readings(y, y, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), false), -1);
            }
        }
    }

    /**
     * The month number of a name the case-insensitive pattern matched, or 0. Case folding goes
     * through upper case, as the pattern's does, so that {@code İ} and {@code ſ} fold like
     * {@code I} and {@code S}.
     */
    private static int month(String name) {
        return MONTHS.getOrDefault(fold(name), 0);
    }

    /** Lower case through upper case, char by char, as case-insensitive Unicode matching folds. */
    private static String fold(String s) {
        StringBuilder key = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            key.append(Character.toLowerCase(Character.toUpperCase(s.charAt(i))));
        }
        return key.toString();
    }

    /**
     * Valid {@code YYYYMMDD} readings of (a, b) as (month, day), and also as (day, month) when
     * {@code swap}, for each of the candidate years.
     */
    private static List<String> readings(int y1, int y2, int a, int b, boolean swap) {
        TreeSet<String> r = new TreeSet<>();
        for (int y : y1 == y2 ? new int[] {y1} : new int[] {y1, y2}) {
            if (validDate(y, a, b)) {
                r.add(ymd(y, a, b));
            }
            if (swap && validDate(y, b, a)) {
                r.add(ymd(y, b, a));
            }
        }
        return List.copyOf(r);
    }

    /**
     * Adds a date match if it has a reading. With a time group, an invalid time shortens the match
     * to the date.
     */
    private static void addDate(String t, Matcher m, List<Match> out, List<String> readings, int timeGroup) {
        if (readings.isEmpty()) {
            return;
        }
        int end = m.end();
        if (timeGroup > 0 && m.group(timeGroup) != null) {
            int hh = Integer.parseInt(m.group(timeGroup + 1));
            int mm = Integer.parseInt(m.group(timeGroup + 2));
            String ss = m.group(timeGroup + 3);
            if (hh > 23 || mm > 59 || ss != null && Integer.parseInt(ss) > 60) {
                end = m.start(timeGroup);
                if (!freeAfter(t, end)) {
                    return;
                }
            }
        }
        out.add(new Match(Kind.DATE, m.start(), end, readings));
    }

    // -------------------------------------------------------------------------------------- PHONE

    private static void phones(String t, Features f, List<Match> out) {
        if (f.digits >= 10 && f.run(4) && f.run(3) && (f.dashes >= 2 || f.dots >= 2)) {
            Matcher m = PHONE_NANP.matcher(t);
            while (m.find()) {
                out.add(nanp(m, m.group(2) + m.group(4) + m.group(5)));
            }
        }
        if (f.digits >= 10 && f.paren) {
            Matcher m = PHONE_NANP_PAREN.matcher(t);
            while (m.find()) {
                out.add(nanp(m, m.group(2) + m.group(3) + m.group(4)));
            }
        }
        if (f.digits >= 9 && f.plus) {
            Matcher m = PHONE_PLUS.matcher(t);
            while (m.find()) {
                String digits = digitsOf(m.group().replace("(0)", ""));
                if (digits.length() >= 9 && digits.length() <= 15) {
                    List<String> norm = digits.length() == 11 && digits.charAt(0) == '1'
                            ? List.of(digits, digits.substring(1)) : List.of(digits);
                    out.add(new Match(Kind.PHONE, m.start(), m.end(), norm));
                }
            }
        }
        if (f.digits >= 9 && f.trunk) {
            Matcher m = PHONE_00.matcher(t);
            while (m.find()) {
                String body = m.group().substring(2);
                String digits = digitsOf(body.replace("(0)", ""));
                if (digits.length() >= 9 && digits.length() <= 15 && consistentSeparators(body.replace("(0)", ""))) {
                    out.add(new Match(Kind.PHONE, m.start(), m.end(), List.of(digits)));
                }
            }
            m = PHONE_TRUNK.matcher(t);
            while (m.find()) {
                String digits = digitsOf(m.group());
                if (digits.length() < 9 || digits.length() > 12) {
                    continue;
                }
                // one kind of separator throughout: 020 7946 0958, 01.23.45.67.89, but not 01.02.2024 10
                String separated = m.group(1) == null ? m.group(2) : m.group(1) + m.group(2);
                if (consistentSeparators(separated) && (separated.indexOf('.') < 0 || pairs(m.group()))) {
                    out.add(new Match(Kind.PHONE, m.start(), m.end(), List.of(digits)));
                }
            }
        }
        if (f.letters && f.lowerContainsAny("tel", "phone", "fax", "mob", "cell", "handy")) {
            Matcher m = PHONE_LABEL.matcher(t);
            while (m.find()) {
                String digits = digitsOf(m.group(1));
                if (digits.length() >= 7 && digits.length() <= 15) {
                    out.add(new Match(Kind.PHONE, m.start(1), m.end(1), List.of(digits)));
                }
            }
        }
    }

    private static Match nanp(Matcher m, String national) {
        return new Match(Kind.PHONE, m.start(), m.end(), List.of(national));
    }

    /** Every digit group is two digits long, as in the dotted French form 01.23.45.67.89. */
    private static boolean pairs(String s) {
        for (String group : s.split("\\.")) {
            if (group.length() != 2) {
                return false;
            }
        }
        return true;
    }

    /** All separators (non-digits) in {@code s} are the same character. */
    private static boolean consistentSeparators(String s) {
        char sep = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isDigit(c)) {
                continue;
            }
            if (sep == 0) {
                sep = c;
            } else if (c != sep) {
                return false;
            }
        }
        return true;
    }

    private static String digitsOf(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (isDigit(s.charAt(i))) {
                sb.append(s.charAt(i));
            }
        }
        return sb.toString();
    }

    // --------------------------------------------------------------------------------- URL and IP

    private static void urls(String t, List<Match> out) {
        Matcher m = URL.matcher(t);
        while (m.find()) {
            int end = m.end();
            while (end > m.start() && ".,;:!?)]}".indexOf(t.charAt(end - 1)) >= 0) {
                end--;
            }
            String url = t.substring(m.start(), end);
            int host = url.indexOf("://");
            String rest = host >= 0 ? url.substring(host + 3) : url.substring(4);
            if (rest.length() >= 3) {
                out.add(new Match(Kind.URL, m.start(), end, List.of(url)));
            }
        }
    }

    private static void ips(String t, List<Match> out) {
        Matcher m = IP.matcher(t);
        while (m.find()) {
            boolean valid = true;
            for (int g = 1; g <= 4 && valid; g++) {
                String o = m.group(g);
                valid = Integer.parseInt(o) <= 255 && !(o.length() > 1 && o.charAt(0) == '0');
            }
            int first = Integer.parseInt(m.group(1));
            if (!valid || first == 0) {
                continue;
            }
            if (first < 10 && m.group(5) == null
                    && !IP_CONTEXT.matcher(t.substring(Math.max(0, m.start() - 24), m.start())).find()) {
                continue;
            }
            String quad = m.group(1) + "." + m.group(2) + "." + m.group(3) + "." + m.group(4);
            out.add(new Match(Kind.IP_ADDRESS, m.start(), m.end(), List.of(quad)));
        }
    }

    // ---------------------------------------------------------------------------------------- SSN

    private static void ssns(String t, Features f, List<Match> out) {
        if (f.dashes >= 2 && f.run(3) && f.run(2) && f.run(4)) {
            Matcher m = SSN.matcher(t);
            while (m.find()) {
                if (validSsn(m.group(1), m.group(2), m.group(3))) {
                    out.add(new Match(Kind.SSN, m.start(), m.end(), List.of(m.group(1) + m.group(2) + m.group(3))));
                }
            }
        }
        if (f.letters && f.lowerContainsAny("ss", "social")) {
            Matcher m = SSN_LABEL.matcher(t);
            while (m.find()) {
                String d = digitsOf(m.group(1));
                if (validSsn(d.substring(0, 3), d.substring(3, 5), d.substring(5))) {
                    out.add(new Match(Kind.SSN, m.start(1), m.end(1), List.of(d)));
                }
            }
        }
    }

    private static boolean validSsn(String area, String group, String serial) {
        return !area.equals("000") && !area.equals("666") && !group.equals("00") && !serial.equals("0000");
    }

    // ---------------------------------------------------------------------------------- ID_NUMBER

    private static void labelledIds(String t, List<Match> out) {
        for (Pattern p : new Pattern[] {ID_LABEL, ID_LABEL_BARE}) {
            Matcher m = p.matcher(t);
            while (m.find()) {
                String value = m.group(1);
                if (digitsOf(value).length() >= 3) {
                    out.add(new Match(Kind.ID_NUMBER, m.start(1), m.end(1), List.of(PhiTokens.normalise(value))));
                }
            }
        }
    }

    // ----------------------------------------------------------------------- STREET_ADDRESS, POSTCODE

    private static void streets(String t, Features f, List<Match> out) {
        if (f.spaces >= 2) {
            street(t, STREET_EN, out);
        }
        if (f.lowerContainsAny("box", "postfach", "postale")) {
            street(t, STREET_PO, out);
        }
        if (f.lowerContainsAny("str", "gasse", "weg", "allee", "platz", "laan", "plein", "gracht")) {
            street(t, STREET_DE, out);
        }
        if (f.spaces >= 2 && f.lowerContainsAny("rue", "avenue", "boulevard", "bd", "place", "allée", "chemin",
                "impasse", "quai")) {
            street(t, STREET_FR, out);
        }
        if (f.spaces >= 2 && f.containsAny("Via", "Viale", "Piazza", "Corso", "Vicolo", "Calle", "Avenida", "Plaza",
                "Paseo", "Carrer", "Rua", "Travessa", "Largo")) {
            street(t, STREET_IT, out);
        }
    }

    private static void street(String t, Pattern p, List<Match> out) {
        simple(t, p, Kind.STREET_ADDRESS, out, m -> {
            List<PhiTokens.Word> words = PhiTokens.words(m.group());
            return List.of(PhiTokens.join(words, 0, words.size()));
        });
    }

    private static void postcodes(String t, Features f, List<Match> out) {
        if (f.run(5) && f.spaces >= 1) {
            Matcher m = POST_US.matcher(t);
            while (m.find()) {
                out.add(new Match(Kind.POSTCODE, m.start(1), m.end(1), List.of(PhiTokens.normalise(m.group(1)))));
            }
        }
        if (f.spaces >= 1 && (f.run(1) || f.run(2))) {
            simple(t, POST_UK, Kind.POSTCODE, out, x -> List.of(PhiTokens.normalise(x.group())));
        }
        if (f.spaces >= 1 && f.run(1)) {
            simple(t, POST_CA, Kind.POSTCODE, out, x -> List.of(PhiTokens.normalise(x.group())));
        }
        if (f.dashes >= 1 && f.spaces >= 1 && (f.run(4) || f.run(5))) {
            simple(t, POST_EU, Kind.POSTCODE, out, x -> List.of(PhiTokens.normalise(x.group())));
        }
        if (f.commas >= 1 && (f.run(4) || f.run(5))) {
            simple(t, POST_COMMA_CITY, Kind.POSTCODE, out, x -> List.of(PhiTokens.normalise(x.group())));
        }
    }

    // -------------------------------------------------------------------------------- AGE_OVER_89

    private static void ages(String t, Features f, List<Match> out) {
        if (f.letters && f.ageNumber) {
            Matcher m = AGE_UNIT.matcher(t);
            while (m.find()) {
                addAge(m, Integer.parseInt(m.group(1)), m.start(), out);
            }
            m = AGE_LABEL.matcher(t);
            while (m.find()) {
                addAge(m, Integer.parseInt(m.group(1)), m.start(1), out);
            }
        }
        if (f.asValue) {
            Matcher m = AGE_AS.matcher(t);
            while (m.find()) {
                int n = Integer.parseInt(m.group(1));
                double years = switch (m.group(2)) {
                    case "Y" -> n;
                    case "M" -> n / 12.0;
                    case "W" -> n * 7 / 365.25;
                    default -> n / 365.25;
                };
                if (years >= 90 && !m.group().equals("090Y")) {
                    out.add(new Match(Kind.AGE_OVER_89, m.start(), m.end(), List.of(asAge((int) years))));
                }
            }
        }
    }

    private static void addAge(Matcher m, int age, int start, List<Match> out) {
        if (age >= 90 && age <= 125) {
            out.add(new Match(Kind.AGE_OVER_89, start, m.end(), List.of(asAge(age))));
        }
    }

    private static String asAge(int years) {
        return String.format(Locale.ROOT, "%03dY", years);
    }

    // -------------------------------------------------------------------------------- PERSON_NAME

    private static void names(String t, Features f, List<Match> out) {
        if (f.caret) {
            Matcher m = NAME_CARET.matcher(t);
            while (m.find()) {
                if (nameLike(m.group(1)) && nameLike(m.group(2)) && noTechnicalWord(m.group())) {
                    out.add(new Match(Kind.PERSON_NAME, m.start(), m.end(), List.copyOf(PhiTokens.nameTokens(m.group()))));
                }
            }
        }
        if (f.upper && f.containsAny("Dr", "Mr", "Ms", "Mx", "Miss", "Prof", "Herr", "Frau", "Mme", "Mlle", "Dott",
                "DR.", "MR.", "MRS.", "MS.", "PROF.")) {
            Matcher m = NAME_TITLE.matcher(t);
            while (m.find()) {
                String name = m.group(1);
                if (hasFullWord(name) && noTechnicalWord(name)) {
                    out.add(new Match(Kind.PERSON_NAME, m.start(1), m.end(1), tokensOf(name)));
                }
            }
        }
        if (f.upper && (f.colon || f.equals)) {
            Matcher m = NAME_LABEL.matcher(t);
            while (m.find()) {
                String name = m.group(1);
                if (noTechnicalWord(name)) {
                    out.add(new Match(Kind.PERSON_NAME, m.start(1), m.end(1), tokensOf(name)));
                }
            }
        }
    }

    /** A PN component in text: at least 2 letters, or any CJK. */
    private static boolean nameLike(String component) {
        String n = PhiTokens.normalise(component);
        return n.length() >= 2 || PhiTokens.isCjk(n);
    }

    private static boolean hasFullWord(String name) {
        for (PhiTokens.Word w : PhiTokens.words(name)) {
            if (w.token().length() >= 2) {
                return true;
            }
        }
        return false;
    }

    private static boolean noTechnicalWord(String shape) {
        for (PhiTokens.Word w : PhiTokens.words(shape)) {
            if (NOT_NAMES.contains(w.token())) {
                return false;
            }
        }
        return true;
    }

    /** Name tokens of a written name: each word taken as a PN component (hyphenated parts too). */
    private static List<String> tokensOf(String name) {
        TreeSet<String> tokens = new TreeSet<>();
        for (String word : name.split("[\\s,]+")) {
            tokens.addAll(PhiTokens.nameTokens(word));
        }
        return List.copyOf(tokens);
    }
}
