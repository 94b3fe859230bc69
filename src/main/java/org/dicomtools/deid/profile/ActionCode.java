package org.dicomtools.deid.profile;

/**
 * What to do with an attribute: the action codes of PS3.15 Table E.1-1 (E.1.1), the choices the
 * table offers between them, and the actions this plugin adds.
 *
 * <p>A compound code ({@link #isCompound()}) is what the standard prints where the right action
 * depends on the attribute's Type in the IOD of the file. The profile cannot know that Type, so it
 * resolves a compound code ({@link #resolved()}) to the action that keeps the attribute present:
 * removing its value is enough for de-identification, and an attribute that stays present cannot
 * break a Type 1 or Type 2 requirement. Hence X/Z gives Z, X/D, Z/D and X/Z/D give D, and X/Z/U*
 * gives U. The engine only ever sees concrete codes.
 *
 * <p>When several enabled options give an attribute different actions, the most protective wins,
 * in the order of {@link #protection()}: X, Z, D, C, U, hash, replace, shift, year, cap-age, K.
 */
public enum ActionCode {
    /** Remove the attribute (PS3.15 E.1.1 "X"). */
    X("X", 10),
    /** Replace with a zero-length value, or a non-zero-length dummy where the VR needs one ("Z"). */
    Z("Z", 9),
    /** Replace with a non-zero-length dummy value consistent with the VR ("D"). */
    D("D", 8),
    /** Keep the value unchanged ("K"); for sequences, the items are processed further. */
    K("K", 0),
    /** Clean: replace identifying information in the value by similar, non-identifying values ("C"). */
    C("C", 7),
    /** Replace a UID by a non-zero-length UID that is consistent within the set of instances ("U"). */
    U("U", 6),
    /** Replace by a keyed pseudonym of the value, valid for the VR (this plugin). */
    HASH("hash", 5),
    /** Replace by a template such as {@code ANON-{hash:8}} (this plugin). */
    REPLACE("replace", 4),
    /** Shift dates and date-times by the patient's offset (this plugin; the modified-dates option). */
    SHIFT("shift", 3),
    /**
     * Reduce dates and date-times to their year, as HIPAA Safe Harbor allows (this plugin): no
     * month, day or time survives.
     */
    YEAR("year", 2),
    /**
     * Aggregate ages over 89 (this plugin; HIPAA Safe Harbor 164.514(b)(2)(i)(C)): an age (AS) over
     * 89 years becomes 090Y; a date (the birth date) is reduced to its year, and to the year that
     * makes the patient 90 when the patient is older.
     */
    CAP_AGE("cap-age", 1),
    /** X or Z (PS3.15 E.1.1); resolved to {@link #Z}. */
    X_Z("X/Z", -1),
    /** X or D; resolved to {@link #D}. */
    X_D("X/D", -1),
    /** Z or D; resolved to {@link #D}. */
    Z_D("Z/D", -1),
    /** X, Z or D; resolved to {@link #D}. */
    X_Z_D("X/Z/D", -1),
    /** X, Z, or U for sequences of UIDs ("X/Z/U*"); resolved to {@link #U}. */
    X_Z_U("X/Z/U*", -1);

    private final String token;
    private final int protection;

    ActionCode(String token, int protection) {
        this.token = token;
        this.protection = protection;
    }

    /** The code as a profile file writes it: {@code X}, {@code X/Z/U*}, {@code hash}, {@code cap-age}. */
    public String token() {
        return token;
    }

    /** True for the standard's choices X/Z, X/D, Z/D, X/Z/D and X/Z/U*. */
    public boolean isCompound() {
        return protection < 0;
    }

    /** The concrete code this one stands for: itself, or the resolution of a compound code. */
    public ActionCode resolved() {
        switch (this) {
            case X_Z:
                return Z;
            case X_D:
            case Z_D:
            case X_Z_D:
                return D;
            case X_Z_U:
                return U;
            default:
                return this;
        }
    }

    /**
     * How protective the resolved action is: higher removes more. X is 10, K is 0; the order is the
     * one documented on this type. Used to choose between options that disagree.
     */
    public int protection() {
        return resolved().protection;
    }

    /** The code written {@code token} in a profile file, or {@code null} when there is none. */
    public static ActionCode ofToken(String token) {
        for (ActionCode c : values()) {
            if (c.token.equals(token)) {
                return c;
            }
        }
        return null;
    }
}
