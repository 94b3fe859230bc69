package org.dicomtools.deid.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class PseudonymizerTest {
    private static final String SECRET = "correct horse battery staple";

    @Test
    void uidIs225PlusDecimalOfFirst128BitsOfTheHmac() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update("uid".getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        byte[] h = mac.doFinal("1.2.826.0.1.3680043.2.1125.1".getBytes(StandardCharsets.UTF_8));
        String expected = "2.25." + new BigInteger(1, Arrays.copyOf(h, 16));
        assertEquals(expected, Pseudonymizer.of(SECRET).uid("1.2.826.0.1.3680043.2.1125.1"));
        assertTrue(expected.length() <= 64);
    }

    @Test
    void underAnOrganisationRootTheUidKeepsTheDigitsTheRootLeaves() {
        Pseudonymizer uuid = Pseudonymizer.of(SECRET);
        String original = "1.2.826.0.1.3680043.2.1125.1";
        BigInteger keyed = new BigInteger(uuid.uid(original).substring("2.25.".length()));
        String root = "1.2.826.0.1.3680043.10.543";
        Pseudonymizer org = uuid.withUidRoot(root);
        assertEquals(root, org.uidRoot());
        assertEquals(root + "." + keyed.mod(BigInteger.TEN.pow(37)), org.uid(original));
        String longest = "1.2.826.0.1.3680043.10.543.12345";
        assertEquals(32, longest.length());
        String u = uuid.withUidRoot(longest).uid(original);
        assertEquals(longest + "." + keyed.mod(BigInteger.TEN.pow(31)), u);
        assertTrue(u.length() <= 64, u);
        assertEquals("1.2.840.10008.1.2.1", org.uid("1.2.840.10008.1.2.1"), "registry UIDs never change");
        assertEquals(uuid.uid(original), org.withUidRoot(null).uid(original));
        assertEquals(uuid.keyId(), org.keyId(), "the root is not part of the key");
    }

    @Test
    void aRootThatIsNoUidPrefixOrTooLongIsRefused() {
        Pseudonymizer p = Pseudonymizer.of(SECRET);
        assertEquals("uid-root must be a UID prefix of at most 32 characters (digits and dots, PS3.5 9.1), not '1.02'",
                assertThrows(IllegalArgumentException.class, () -> p.withUidRoot("1.02")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> p.withUidRoot("1.2.826.0.1.3680043.10.543.123456"));
        assertThrows(IllegalArgumentException.class, () -> p.withUidRoot("1.2."));
    }

    @Test
    void sameSecretGivesSameUidAndAnotherSecretAnother() {
        Pseudonymizer a = Pseudonymizer.of(SECRET);
        Pseudonymizer b = Pseudonymizer.of(SECRET);
        Pseudonymizer c = Pseudonymizer.of(SECRET + "!");
        assertEquals(a.uid("1.2.3.4.5"), b.uid("1.2.3.4.5"));
        assertNotEquals(a.uid("1.2.3.4.5"), c.uid("1.2.3.4.5"));
        assertEquals(a.uid("1.2.3.4.5"), a.uid(" 1.2.3.4.5 "), "padding does not matter");
    }

    @Test
    void registryUidsNeverChange() {
        Pseudonymizer p = Pseudonymizer.of(SECRET);
        assertEquals("1.2.840.10008.5.1.4.1.1.2", p.uid("1.2.840.10008.5.1.4.1.1.2"));
        assertEquals("1.2.840.10008.1.2.1", p.uid("1.2.840.10008.1.2.1"));
        assertEquals("", p.uid(""));
        assertTrue(Pseudonymizer.isRegistryUid("1.2.840.10008.6.1.925"));
        assertFalse(Pseudonymizer.isRegistryUid("1.3.46.670589.5.0.1.1"));
    }

    @Test
    void tokenIsBase32OfTheHmac() {
        Pseudonymizer p = Pseudonymizer.of(SECRET);
        String t = p.token("pseudonym:PatientID", "MRN4417702", 16);
        assertTrue(t.matches("[A-Z2-7]{16}"), t);
        assertEquals(t.substring(0, 8), p.token("pseudonym:PatientID", "MRN4417702", 8));
        assertNotEquals(t, p.token("pseudonym:AccessionNumber", "MRN4417702", 16), "purpose separates");
        assertThrows(IllegalArgumentException.class, () -> p.token("x", "y", 33));
    }

    @Test
    void dateShiftIsNeverZeroAndWithinTheBound() {
        Pseudonymizer p = Pseudonymizer.of(SECRET);
        for (int i = 0; i < 2000; i++) {
            int d = p.dateShiftDays("patient-" + i, 30);
            assertTrue(d != 0 && d >= -30 && d <= 30, "shift " + d);
        }
        assertEquals(p.dateShiftDays("id\0\0MRN1", 365), Pseudonymizer.of(SECRET).dateShiftDays("id\0\0MRN1", 365));
    }

    @Test
    void shortSecretIsRefusedAndToStringHidesIt() {
        assertThrows(IllegalArgumentException.class, () -> Pseudonymizer.of("short"));
        Pseudonymizer p = Pseudonymizer.of(SECRET);
        assertFalse(p.toString().contains("horse"));
        assertTrue(p.keyId().matches("[0-9a-f]{16}"));
        assertTrue(Pseudonymizer.ephemeral().isEphemeral());
        assertNotEquals(Pseudonymizer.ephemeral().keyId(), Pseudonymizer.ephemeral().keyId());
    }
}
