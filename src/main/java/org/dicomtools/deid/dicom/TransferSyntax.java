package org.dicomtools.deid.dicom;

import java.util.Map;

/**
 * How a dataset is encoded (PS3.5 10): VR explicit or implicit, byte order, deflate, and whether
 * pixel data is encapsulated. Encapsulated syntaxes are listed for their names; any UID that is not
 * one of the native syntaxes is read as explicit VR little endian, as PS3.5 A.4 requires of every
 * other transfer syntax.
 *
 * @param uid the Transfer Syntax UID
 * @param explicitVR true for explicit VR
 * @param bigEndian true for big-endian byte order (retired Explicit VR Big Endian only)
 * @param deflated true when the dataset after the file meta is deflated (RFC 1951, no zlib header)
 * @param encapsulated true when pixel data is encapsulated (compressed)
 */
public record TransferSyntax(String uid, boolean explicitVR, boolean bigEndian, boolean deflated, boolean encapsulated) {

    public static final TransferSyntax IMPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax("1.2.840.10008.1.2", false, false, false, false);
    public static final TransferSyntax EXPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax("1.2.840.10008.1.2.1", true, false, false, false);
    public static final TransferSyntax DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax("1.2.840.10008.1.2.1.99", true, false, true, false);
    public static final TransferSyntax EXPLICIT_VR_BIG_ENDIAN =
            new TransferSyntax("1.2.840.10008.1.2.2", true, true, false, false);

    private static final Map<String, TransferSyntax> NATIVE = Map.of(
            IMPLICIT_VR_LITTLE_ENDIAN.uid, IMPLICIT_VR_LITTLE_ENDIAN,
            EXPLICIT_VR_LITTLE_ENDIAN.uid, EXPLICIT_VR_LITTLE_ENDIAN,
            DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN.uid, DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN,
            EXPLICIT_VR_BIG_ENDIAN.uid, EXPLICIT_VR_BIG_ENDIAN);

    public TransferSyntax {
        if (uid == null || uid.isEmpty()) {
            throw new IllegalArgumentException("uid");
        }
    }

    /**
     * Returns the transfer syntax with this UID. The four native syntaxes are known; every other UID
     * (JPEG, JPEG-LS, JPEG 2000, RLE, MPEG, HTJ2K, JPEG XL, Deflated Image Frame Compression and
     * private ones) is explicit VR little endian with encapsulated pixel data.
     */
    public static TransferSyntax of(String uid) {
        TransferSyntax ts = NATIVE.get(uid);
        return ts != null ? ts : new TransferSyntax(uid, true, false, false, true);
    }

    /** JPEG Baseline (Process 1), the syntax whose frames the JDK's ImageIO can decode. */
    public boolean isJpegBaseline() {
        return uid.equals("1.2.840.10008.1.2.4.50");
    }
}
