package org.dicomtools.deid.pixel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

import org.dicomtools.deid.dicom.Dataset;
import org.dicomtools.deid.dicom.DicomElement;
import org.dicomtools.deid.dicom.DicomFile;
import org.dicomtools.deid.dicom.DicomReader;
import org.dicomtools.deid.dicom.DicomWriter;
import org.dicomtools.deid.dicom.Fragments;
import org.dicomtools.deid.dicom.ReadOptions;
import org.dicomtools.deid.dicom.TransferSyntax;
import org.dicomtools.deid.dicom.VR;
import org.dicomtools.deid.dicom.dict.Tag;
import org.dicomtools.deid.dicom.dict.UID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PixelHashTest {

    @TempDir
    Path temp;

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @Test
    void nativeValueHashesItsBytes() throws Exception {
        Dataset ds = new Dataset();
        ds.setBytes(Tag.PixelData, VR.OB, "abc".getBytes(StandardCharsets.US_ASCII));
        // setBytes pads to even length with 00, and the padding byte is part of the value.
        assertEquals(Optional.of(sha256(new byte[] {'a', 'b', 'c', 0})), PixelHash.sha256(ds));
        ds.set(DicomElement.of(Tag.PixelData, VR.OB, "abc".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.of("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
                PixelHash.sha256(ds));
    }

    @Test
    void noPixelDataGivesNoHash() throws Exception {
        assertEquals(Optional.empty(), PixelHash.sha256(new Dataset()));
    }

    @Test
    void floatPixelDataIsHashedWhenThereIsNoPixelData() throws Exception {
        Dataset ds = new Dataset();
        ds.setBytes(Tag.FloatPixelData, VR.OF, new byte[] {1, 2, 3, 4});
        assertEquals(Optional.of(sha256(new byte[] {1, 2, 3, 4})), PixelHash.sha256(ds));
    }

    @Test
    void bulkValueHashEqualsTheHashOfTheFileBytes() throws Exception {
        byte[] pixels = new byte[200_000];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 31);
        }
        Dataset ds = new Dataset();
        ds.setString(Tag.SOPClassUID, VR.UI, UID.SecondaryCaptureImageStorage);
        ds.setBytes(Tag.PixelData, VR.OW, pixels);
        Path file = temp.resolve("native.dcm");
        new DicomWriter().write(file, ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, null);
        try (DicomFile f = new DicomReader(ReadOptions.DEFAULT.withBulkThreshold(1024)).read(file)) {
            assertTrue(f.dataset().get(Tag.PixelData).isBulk());
            assertEquals(Optional.of(sha256(pixels)), PixelHash.sha256(f.dataset()));
        }
    }

    @Test
    void encapsulatedHashEqualsTheHashOfTheValueFieldInTheFile() throws Exception {
        Dataset ds = new Dataset();
        ds.setString(Tag.SOPClassUID, VR.UI, UID.SecondaryCaptureImageStorage);
        Fragments f = new Fragments();
        f.add(new byte[] {0, 0, 0, 0});
        f.add(new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2});
        f.add(new byte[] {3, 4, (byte) 0xFF, (byte) 0xD9});
        ds.set(DicomElement.of(Tag.PixelData, VR.OB, f));
        Path file = temp.resolve("encapsulated.dcm");
        new DicomWriter().write(file, ds, TransferSyntax.of(UID.JPEGBaseline8Bit), null);
        byte[] all = Files.readAllBytes(file);
        // The Pixel Data header: E0 7F 10 00 'O' 'B' 00 00 FF FF FF FF, then the value to the end of the file.
        int header = indexOf(all, new byte[] {(byte) 0xE0, 0x7F, 0x10, 0x00, 'O', 'B', 0, 0, -1, -1, -1, -1});
        byte[] value = Arrays.copyOfRange(all, header + 12, all.length);
        try (DicomFile read = new DicomReader().read(file)) {
            assertEquals(Optional.of(sha256(value)), PixelHash.sha256(read.dataset()));
        }
    }

    @Test
    void fragmentBoundariesCount() throws Exception {
        Dataset one = new Dataset();
        Fragments a = new Fragments();
        a.add(new byte[0]);
        a.add(new byte[] {1, 2, 3, 4});
        one.set(DicomElement.of(Tag.PixelData, VR.OB, a));
        Dataset two = new Dataset();
        Fragments b = new Fragments();
        b.add(new byte[0]);
        b.add(new byte[] {1, 2});
        b.add(new byte[] {3, 4});
        two.set(DicomElement.of(Tag.PixelData, VR.OB, b));
        assertNotEquals(PixelHash.sha256(one), PixelHash.sha256(two));
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
