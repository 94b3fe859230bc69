package org.dicomtools.deid.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.dicomtools.deid.dicom.Dataset;
import org.dicomtools.deid.dicom.DicomElement;
import org.dicomtools.deid.dicom.DicomFile;
import org.dicomtools.deid.dicom.Fragments;
import org.dicomtools.deid.dicom.Sequence;
import org.dicomtools.deid.dicom.TransferSyntax;
import org.dicomtools.deid.dicom.VR;
import org.dicomtools.deid.dicom.dict.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreePrinterTest {
    @TempDir
    Path dir;

    private static List<String> lines(Dataset ds, int width, boolean privateOnly) throws IOException {
        return lines(ds, width, privateOnly, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    }

    private static List<String> lines(Dataset ds, int width, boolean privateOnly, TransferSyntax ts)
            throws IOException {
        return new TreePrinter(width, privateOnly).lines(DicomFile.of(new Dataset(), ds, ts));
    }

    @Test
    void printsEveryElementWithKeywordVrLengthAndValue() throws IOException {
        assertEquals(List.of(
                "(0002,0000) FileMetaInformationGroupLength UL 4 [28]",
                "(0002,0010) TransferSyntaxUID UI 20 [1.2.840.10008.1.2.1]",
                "(0008,0005) SpecificCharacterSet CS 10 [ISO_IR 100]",
                "(0008,1030) StudyDescription LO 72 "
                        + "[Brain perfusion follow-up with contrast, second session, arteri\u2026]",
                "(0008,1140) ReferencedImageSequence SQ u/l",
                "  [item 0]",
                "    (0008,1150) ReferencedSOPClassUID UI 26 [1.2.840.10008.5.1.4.1.1.2]",
                "  [item 1]",
                "    (0008,1150) ReferencedSOPClassUID UI 26 [1.2.840.10008.5.1.4.1.1.4]",
                "    (0029,0010) PrivateCreator LO 8 [ACME 1.0]",
                "    (0029,1001) [ACME 1.0] SH 6 [inner]",
                "(0010,0010) PatientName PN 28 [Doe^John=Ideo^Graph=Pho^Net]",
                "(0010,0020) PatientID LO 0",
                "(0010,4000) PatientComments LT 22 [M\u00fcller\\r\\n\\tsays \\x1B[31mhi\\\\]",
                "(0020,0032) ImagePositionPatient DS 12 [1.50\\-2\\3E2]",
                "(0028,0009) FrameIncrementPointer AT 4 [(0018,1063)]",
                "(0028,0010) Rows US 2 [512]",
                "(0029,0010) PrivateCreator LO 8 [ACME 1.0]",
                "(0029,1001) [ACME 1.0] LO 6 [secret]",
                "(0029,1002) [ACME 1.0] OB 4 <4 bytes>",
                "(0031,1001) [?] LO 6 [orphan]",
                "(7FE0,0010) PixelData OW 300 <300 bytes>"),
                new TreePrinter(64, false).lines(Samples.file(dir)));
    }

    @Test
    void decodesIso2022PersonNamesWithTheirThreeGroups() throws IOException {
        assertEquals(List.of(
                "(0008,0005) SpecificCharacterSet CS 16 [\\ISO 2022 IR 87]",
                "(0010,0010) PatientName PN 60 [" + Samples.YAMADA + "]"),
                new TreePrinter(64, false).lines(Samples.japanese()));
    }

    @Test
    void privateOnlyKeepsTheSequencesAndItemsThatLeadToPrivateElements() throws IOException {
        assertEquals(List.of(
                "(0008,1140) ReferencedImageSequence SQ u/l",
                "  [item 1]",
                "    (0029,0010) PrivateCreator LO 8 [ACME 1.0]",
                "    (0029,1001) [ACME 1.0] SH 6 [inner]",
                "(0029,0010) PrivateCreator LO 8 [ACME 1.0]",
                "(0029,1001) [ACME 1.0] LO 6 [secret]",
                "(0029,1002) [ACME 1.0] OB 4 <4 bytes>",
                "(0031,1001) [?] LO 6 [orphan]"),
                new TreePrinter(64, true).lines(Samples.file(dir)));
    }

    @Test
    void privateOnlyPrintsAPrivateSequenceWithEverythingInIt() throws IOException {
        Dataset ds = new Dataset();
        ds.setString(0x00090010, VR.LO, "VENDOR");
        Sequence seq = ds.newSequence(0x00091001);
        seq.addItem().setString(Tag.CodeValue, VR.SH, "123");
        ds.setString(Tag.Modality, VR.CS, "CT");
        assertEquals(List.of(
                "(0009,0010) PrivateCreator LO 6 [VENDOR]",
                "(0009,1001) [VENDOR] SQ u/l",
                "  [item 0]",
                "    (0008,0100) CodeValue SH 4 [123]"),
                lines(ds, 64, true));
    }

    @Test
    void cutsValuesToTheWidthWithAnEllipsisAndNeverSplitsAnEscape() throws IOException {
        Dataset ds = new Dataset();
        ds.setString(Tag.StudyDescription, VR.LO, "abcdefghij");
        ds.setString(Tag.SeriesDescription, VR.LO, "abcdefghijk");
        ds.setString(Tag.ImageType, VR.CS, "ORIGINAL", "PRIMARY");
        ds.setString(Tag.PatientComments, VR.LT, "abcdefgh\nX");
        assertEquals(List.of(
                "(0008,0008) ImageType CS 16 [ORIGINAL\\\u2026]",
                "(0008,1030) StudyDescription LO 10 [abcdefghij]",
                "(0008,103E) SeriesDescription LO 12 [abcdefghi\u2026]",
                "(0010,4000) PatientComments LT 10 [abcdefgh\u2026]"),
                lines(ds, 10, false));
    }

    @Test
    void widthZeroShowsWholeValues() throws IOException {
        Dataset ds = new Dataset();
        ds.setString(Tag.StudyDescription, VR.LO, "x".repeat(100));
        assertEquals(List.of("(0008,1030) StudyDescription LO 100 [" + "x".repeat(100) + "]"),
                lines(ds, 0, false));
    }

    @Test
    void decodesTheBeginningOfATextValueLeftOnDisk() throws IOException {
        Dataset ds = new Dataset();
        ds.set(Samples.bulkText(dir, Tag.ImageComments, "0123456789".repeat(20)));
        assertEquals(List.of("(0020,4000) ImageComments LT 200 [012345678\u2026]"),
                lines(ds, 10, false));
        assertEquals(List.of("(0020,4000) ImageComments LT 200 [" + "0123456789".repeat(20) + "]"),
                lines(ds, 0, false));
    }

    @Test
    void definedLengthSequenceShowsTheLengthOfItsItems() throws IOException {
        Dataset ds = new Dataset();
        Sequence seq = new Sequence(ds);
        // Explicit VR: item header 8 + CS header 8 + "CT" 2 + item delimiter 8.
        seq.addItem().setString(Tag.Modality, VR.CS, "CT");
        ds.set(DicomElement.of(Tag.RequestAttributesSequence, VR.SQ, seq, false));
        List<String> expectedExplicit = List.of(
                "(0040,0275) RequestAttributesSequence SQ 26",
                "  [item 0]",
                "    (0008,0060) Modality CS 2 [CT]");
        assertEquals(expectedExplicit, lines(ds, 64, false));
        assertEquals("(0040,0275) RequestAttributesSequence SQ 26",
                lines(ds, 64, false, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN).get(0),
                "implicit VR has the same 8-byte header for CS");
    }

    @Test
    void encapsulatedPixelDataShowsFragmentsAfterTheOffsetTable() throws IOException {
        Dataset ds = new Dataset();
        Fragments fragments = new Fragments();
        fragments.add(new byte[0]);
        fragments.add(new byte[100]);
        fragments.add(new byte[50]);
        ds.set(DicomElement.of(Tag.PixelData, VR.OB, fragments));
        assertEquals(List.of("(7FE0,0010) PixelData OB u/l <2 fragments, 150 bytes>"),
                lines(ds, 64, false, TransferSyntax.of("1.2.840.10008.1.2.4.50")));
    }

    @Test
    void negativeWidthIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new TreePrinter(-1, false));
    }
}
