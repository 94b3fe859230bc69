package org.dicomtools.deid.dicom;

/**
 * Value Representations of PS3.5 6.2 (2024 edition), with what the codec needs to read and write
 * them: the two-character code, the explicit-VR header form (PS3.5 7.1.2), the padding byte and the
 * size of the unit that big-endian transfer syntaxes swap.
 */
public enum VR {
    AE(Kind.TEXT_DEFAULT, false, ' ', 1),
    AS(Kind.TEXT_DEFAULT, false, ' ', 1),
    AT(Kind.BINARY, false, 0, 2),
    CS(Kind.TEXT_DEFAULT, false, ' ', 1),
    DA(Kind.TEXT_DEFAULT, false, ' ', 1),
    DS(Kind.TEXT_DEFAULT, false, ' ', 1),
    DT(Kind.TEXT_DEFAULT, false, ' ', 1),
    FD(Kind.BINARY, false, 0, 8),
    FL(Kind.BINARY, false, 0, 4),
    IS(Kind.TEXT_DEFAULT, false, ' ', 1),
    LO(Kind.TEXT_SPECIFIC, false, ' ', 1),
    LT(Kind.TEXT_SPECIFIC, false, ' ', 1),
    OB(Kind.BULK, true, 0, 1),
    OD(Kind.BULK, true, 0, 8),
    OF(Kind.BULK, true, 0, 4),
    OL(Kind.BULK, true, 0, 4),
    OV(Kind.BULK, true, 0, 8),
    OW(Kind.BULK, true, 0, 2),
    PN(Kind.TEXT_SPECIFIC, false, ' ', 1),
    SH(Kind.TEXT_SPECIFIC, false, ' ', 1),
    SL(Kind.BINARY, false, 0, 4),
    SQ(Kind.SEQUENCE, true, 0, 1),
    SS(Kind.BINARY, false, 0, 2),
    ST(Kind.TEXT_SPECIFIC, false, ' ', 1),
    SV(Kind.BINARY, true, 0, 8),
    TM(Kind.TEXT_DEFAULT, false, ' ', 1),
    UC(Kind.TEXT_SPECIFIC, true, ' ', 1),
    UI(Kind.TEXT_DEFAULT, false, 0, 1),
    UL(Kind.BINARY, false, 0, 4),
    UN(Kind.BULK, true, 0, 1),
    UR(Kind.TEXT_DEFAULT, true, ' ', 1),
    US(Kind.BINARY, false, 0, 2),
    UT(Kind.TEXT_SPECIFIC, true, ' ', 1),
    UV(Kind.BINARY, true, 0, 8);

    /** How a VR's value is interpreted. */
    public enum Kind {
        /** Characters from the default repertoire only (PS3.5 6.1.2): AE, AS, CS, DA, DS, DT, IS, TM, UI, UR. */
        TEXT_DEFAULT,
        /** Characters whose encoding depends on Specific Character Set: LO, LT, PN, SH, ST, UC, UT. */
        TEXT_SPECIFIC,
        /** Fixed-size binary numbers and attribute tags: AT, FD, FL, SL, SS, SV, UL, US, UV. */
        BINARY,
        /** Byte or word streams: OB, OD, OF, OL, OV, OW, UN. */
        BULK,
        /** Sequence of items. */
        SEQUENCE
    }

    private static final VR[] BY_CODE = byCode();

    private final Kind kind;
    private final boolean longLength;
    private final byte padding;
    private final int unitSize;
    private final int code;

    VR(Kind kind, boolean longLength, int padding, int unitSize) {
        this.kind = kind;
        this.longLength = longLength;
        this.padding = (byte) padding;
        this.unitSize = unitSize;
        this.code = (name().charAt(0) << 8) | name().charAt(1);
    }

    /**
     * Returns the VR whose two-character code is {@code code} (first character in the high byte), or
     * {@code null} when the bytes name no VR of the standard.
     */
    public static VR ofCode(int code) {
        return code < 0 || code > 0xFFFF ? null : BY_CODE[code];
    }

    /** Returns the VR named by a two-letter string such as {@code "PN"}; throws for anything else. */
    public static VR of(String code) {
        VR vr = code.length() == 2 ? ofCode((code.charAt(0) << 8) | code.charAt(1)) : null;
        if (vr == null) {
            throw new IllegalArgumentException("not a VR: " + code);
        }
        return vr;
    }

    private static VR[] byCode() {
        VR[] table = new VR[0x10000];
        for (VR vr : values()) {
            table[vr.code] = vr;
        }
        return table;
    }

    /** The two characters as an int, first character in the high byte. */
    public int code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * True when the explicit-VR header has two reserved bytes and a 32-bit length (PS3.5 Table 7.1-1);
     * false for the 16-bit length form.
     */
    public boolean hasLongLength() {
        return longLength;
    }

    /** The byte that pads a value to even length: space for text, NUL for UI and binary VRs. */
    public byte paddingByte() {
        return padding;
    }

    /** Size in bytes of the unit that is byte-swapped in a big-endian transfer syntax; 1 means no swap. */
    public int unitSize() {
        return unitSize;
    }

    /** True for every VR whose value is character data (both repertoires). */
    public boolean isText() {
        return kind == Kind.TEXT_DEFAULT || kind == Kind.TEXT_SPECIFIC;
    }

    /**
     * True for text VRs whose values are a single string where backslash is an ordinary character
     * (PS3.5 6.2: LT, ST, UT, UR have value multiplicity 1).
     */
    public boolean isSingleValuedText() {
        return this == LT || this == ST || this == UT || this == UR;
    }
}
