package org.dicomtools.deid.engine;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.dicomtools.deid.dicom.dict.UidDictionary;
import org.dicomtools.deid.profile.Profile;

/**
 * Every value this plugin derives from an original one: HMAC-SHA256 over a purpose label and the
 * original, keyed with the secret (DESIGN.md decision 2). The same secret and original give the
 * same result on every machine, in every run and every shard; without the secret nothing can be
 * reversed or linked. Thread-safe: each thread reuses its own {@link Mac} (creating one costs about
 * as much as the HMAC of a short value).
 *
 * <p>The secret bytes are held only here and never exposed: {@link #toString()} prints nothing of
 * them and {@link #keyId()} is a keyed digest that identifies a secret without revealing it.
 */
public final class Pseudonymizer {
    /** Prefix of UUID-derived UIDs (PS3.5 B.2). */
    public static final String UUID_ROOT = "2.25";

    private static final String ALGORITHM = "HmacSHA256";
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** Digits of 2^128: the keyed part never needs more. */
    private static final int MAX_UID_DIGITS = 39;

    private final SecretKeySpec key;
    private final boolean ephemeral;
    private final String uidRoot;
    /** 10^digits the root leaves for the keyed part; null under {@code 2.25}, which keeps all 128 bits. */
    private final BigInteger uidModulus;
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    private Pseudonymizer(SecretKeySpec key, boolean ephemeral, String uidRoot) {
        this.key = key;
        this.ephemeral = ephemeral;
        this.uidRoot = uidRoot;
        this.uidModulus = uidRoot.equals(UUID_ROOT) ? null
                : BigInteger.TEN.pow(Math.min(MAX_UID_DIGITS, 64 - uidRoot.length() - 1));
    }

    private Pseudonymizer(byte[] secret, boolean ephemeral) {
        this(checked(secret), ephemeral, UUID_ROOT);
    }

    private static SecretKeySpec checked(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("the secret must be at least 16 bytes");
        }
        return new SecretKeySpec(secret, ALGORITHM);
    }

    /**
     * The same secret with new UIDs under an organisation's root (the profile setting
     * {@code uid-root}) instead of {@code 2.25}.
     *
     * @param root a UID prefix ({@link Profile#isUidRoot}), or null for {@code 2.25}
     * @throws IllegalArgumentException if the root is not a valid UID prefix or is too long
     */
    public Pseudonymizer withUidRoot(String root) {
        String r = root == null ? UUID_ROOT : root;
        if (!Profile.isUidRoot(r)) {
            throw new IllegalArgumentException("uid-root must be a UID prefix of at most " + Profile.MAX_UID_ROOT_LENGTH
                    + " characters (digits and dots, PS3.5 9.1), not '" + r + "'");
        }
        return r.equals(uidRoot) ? this : new Pseudonymizer(key, ephemeral, r);
    }

    /** The root every new UID lies under: {@code 2.25} or the profile's {@code uid-root}. */
    public String uidRoot() {
        return uidRoot;
    }

    /** Keyed with a secret supplied by the user (UTF-8 bytes of the text; at least 16 bytes). */
    public static Pseudonymizer of(String secret) {
        Objects.requireNonNull(secret, "secret");
        return new Pseudonymizer(secret.getBytes(StandardCharsets.UTF_8), false);
    }

    /**
     * Anonymize mode: keyed with 32 random bytes that exist only in this object and are never
     * stored, so nothing the run produces can be linked back or reproduced.
     */
    public static Pseudonymizer ephemeral() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return new Pseudonymizer(b, true);
    }

    /** True in anonymize mode. */
    public boolean isEphemeral() {
        return ephemeral;
    }

    /** HMAC-SHA256(secret, purpose || 0x00 || value). */
    public byte[] mac(String purpose, String value) {
        Mac mac = macs.get();
        mac.update(purpose.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /**
     * A short identifier of the secret (16 hex digits of a keyed digest of a constant), so that an
     * index or ledger written with one secret is recognised as foreign under another. Reveals
     * nothing about the secret.
     */
    public String keyId() {
        return hex(mac("key-id", "deid-maven-plugin"), 8);
    }

    /**
     * The de-identified form of a UID: {@code 2.25.} followed by the decimal value of the first 128
     * bits of the HMAC of the original (PS3.5 B.2 form, at most 44 characters). Under a
     * {@linkplain #withUidRoot UID root} the keyed part is that value reduced to the digits the root
     * leaves in 64 characters (at most 39, at least 31). UIDs of the standard's registry (SOP
     * classes, transfer syntaxes, coding schemes, well-known instances, anything under
     * {@code 1.2.840.10008.}) are returned unchanged, as are empty values.
     */
    public String uid(String original) {
        String uid = original.trim();
        if (uid.isEmpty() || isRegistryUid(uid)) {
            return uid;
        }
        BigInteger value = new BigInteger(1, Arrays.copyOf(mac("uid", uid), 16));
        return uidRoot + "." + (uidModulus == null ? value : value.mod(uidModulus));
    }

    /** True for UIDs defined by the standard, which de-identification never changes. */
    public static boolean isRegistryUid(String uid) {
        return uid.startsWith("1.2.840.10008.") || UidDictionary.standard().isRegistered(uid);
    }

    /**
     * {@code n} characters (1-32) of an RFC 4648 base32 encoding (A-Z, 2-7) of the HMAC of the value
     * for the purpose: the {@code {hash:n}} of pseudonym templates. Base32 upper-case keeps the
     * result valid in every text VR, including CS and AE.
     */
    public String token(String purpose, String value, int n) {
        if (n < 1 || n > 32) {
            throw new IllegalArgumentException("token length must be 1-32: " + n);
        }
        byte[] h = mac(purpose, value);
        char[] out = new char[n];
        long bits = 0;
        int have = 0;
        int in = 0;
        for (int i = 0; i < n; i++) {
            if (have < 5) {
                bits = (bits << 8) | (h[in++] & 0xFF);
                have += 8;
            }
            out[i] = BASE32[(int) (bits >>> (have - 5)) & 31];
            have -= 5;
        }
        return new String(out);
    }

    /** A keyed 64-bit fingerprint of a normalised token, for the ledger and verify. */
    public long fingerprint(String normalisedToken) {
        byte[] h = mac("fingerprint", normalisedToken);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (h[i] & 0xFF);
        }
        return v;
    }

    /**
     * The date shift of a patient in days: a keyed value in [-maxDays, -1] or [1, maxDays], never
     * 0, the same for every file of the patient (DESIGN.md decision 4).
     */
    public int dateShiftDays(String patientKey, int maxDays) {
        if (maxDays < 1) {
            throw new IllegalArgumentException("maxDays must be at least 1");
        }
        byte[] h = mac("date-shift", patientKey);
        long v = ((long) (h[0] & 0xFF) << 24) | ((h[1] & 0xFF) << 16) | ((h[2] & 0xFF) << 8) | (h[3] & 0xFF);
        int magnitude = 1 + (int) (v % maxDays);
        return (h[4] & 1) == 0 ? -magnitude : magnitude;
    }

    /** Lower-case hex of the first {@code bytes} bytes. */
    static String hex(byte[] b, int bytes) {
        char[] c = new char[bytes * 2];
        for (int i = 0; i < bytes; i++) {
            c[2 * i] = HEX[(b[i] >> 4) & 0xF];
            c[2 * i + 1] = HEX[b[i] & 0xF];
        }
        return new String(c);
    }

    @Override
    public String toString() {
        return ephemeral ? "Pseudonymizer[ephemeral]" : "Pseudonymizer[key " + keyId() + "]";
    }
}
