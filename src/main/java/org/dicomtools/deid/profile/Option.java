package org.dicomtools.deid.profile;

/**
 * The options of the Basic Application Level Confidentiality Profile (PS3.15 E.3), each with the
 * keyword a profile file uses and its code in PS3.16 CID 7050 (De-identification Method), the code
 * that goes into De-identification Method Code Sequence (0012,0064). The Basic Profile itself is
 * {@link #BASIC_PROFILE_CODE_VALUE}.
 *
 * <p>The enum order is the order of the option columns of PS3.15 Table E.1-1, followed by the two
 * pixel options that have no column.
 */
public enum Option {
    /** Retain Safe Private Option (PS3.15 E.3.10). */
    RETAIN_SAFE_PRIVATE("retain-safe-private", "113111", "Retain Safe Private Option"),
    /** Retain UIDs Option (PS3.15 E.3.9). */
    RETAIN_UIDS("retain-uids", "113110", "Retain UIDs Option"),
    /** Retain Device Identity Option (PS3.15 E.3.8). */
    RETAIN_DEVICE_IDENTITY("retain-device-identity", "113109", "Retain Device Identity Option"),
    /** Retain Institution Identity Option (PS3.15 E.3.11). */
    RETAIN_INSTITUTION_IDENTITY("retain-institution-identity", "113112", "Retain Institution Identity Option"),
    /** Retain Patient Characteristics Option (PS3.15 E.3.7). */
    RETAIN_PATIENT_CHARACTERISTICS("retain-patient-characteristics", "113108",
            "Retain Patient Characteristics Option"),
    /** Retain Longitudinal Temporal Information with Full Dates Option (PS3.15 E.3.6). */
    RETAIN_LONG_FULL_DATES("retain-long-full-dates", "113106",
            "Retain Longitudinal Temporal Information Full Dates Option"),
    /** Retain Longitudinal Temporal Information with Modified Dates Option (PS3.15 E.3.6). */
    RETAIN_LONG_MODIFIED_DATES("retain-long-modified-dates", "113107",
            "Retain Longitudinal Temporal Information Modified Dates Option"),
    /** Clean Descriptors Option (PS3.15 E.3.5). */
    CLEAN_DESCRIPTORS("clean-descriptors", "113105", "Clean Descriptors Option"),
    /** Clean Structured Content Option (PS3.15 E.3.4). */
    CLEAN_STRUCTURED_CONTENT("clean-structured-content", "113104", "Clean Structured Content Option"),
    /** Clean Graphics Option (PS3.15 E.3.3). */
    CLEAN_GRAPHICS("clean-graphics", "113103", "Clean Graphics Option"),
    /** Clean Pixel Data Option (PS3.15 E.3.1). */
    CLEAN_PIXEL_DATA("clean-pixel-data", "113101", "Clean Pixel Data Option"),
    /** Clean Recognizable Visual Features Option (PS3.15 E.3.2). */
    CLEAN_RECOGNIZABLE_VISUAL_FEATURES("clean-recognizable-visual-features", "113102",
            "Clean Recognizable Visual Features Option");

    /** Coding scheme designator of every code of CID 7050. */
    public static final String CODING_SCHEME_DESIGNATOR = "DCM";
    /** CID 7050 code value of the Basic Application Confidentiality Profile itself. */
    public static final String BASIC_PROFILE_CODE_VALUE = "113100";
    /** CID 7050 code meaning of the Basic Application Confidentiality Profile itself. */
    public static final String BASIC_PROFILE_CODE_MEANING = "Basic Application Confidentiality Profile";

    private final String keyword;
    private final String codeValue;
    private final String codeMeaning;

    Option(String keyword, String codeValue, String codeMeaning) {
        this.keyword = keyword;
        this.codeValue = codeValue;
        this.codeMeaning = codeMeaning;
    }

    /** The name a profile file, the pom and {@code deid.options} use, such as {@code retain-uids}. */
    public String keyword() {
        return keyword;
    }

    /** The CID 7050 code value (scheme {@code DCM}), such as {@code 113110}. */
    public String codeValue() {
        return codeValue;
    }

    /** The CID 7050 code meaning, such as {@code Retain UIDs Option}. */
    public String codeMeaning() {
        return codeMeaning;
    }

    /**
     * The option named by {@code keyword} (as in {@link #keyword()}), or {@code null} when there is
     * none. Matching is exact: option names are lower case.
     */
    public static Option ofKeyword(String keyword) {
        for (Option o : values()) {
            if (o.keyword.equals(keyword)) {
                return o;
            }
        }
        return null;
    }
}
