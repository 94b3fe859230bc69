package org.dicomtools.deid.dicom;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** PLACEHOLDER (not committed). */
public final class SpecificCharacterSet {
    public static final SpecificCharacterSet DEFAULT = new SpecificCharacterSet();
    public static SpecificCharacterSet of(List<String> v) { return DEFAULT; }
    public String decode(byte[] b, VR vr) { return new String(b, StandardCharsets.ISO_8859_1); }
    public String decode(byte[] b, int o, int l, VR vr) { return new String(b, o, l, StandardCharsets.ISO_8859_1); }
    public byte[] encode(String s, VR vr) { return s.getBytes(StandardCharsets.ISO_8859_1); }
}
