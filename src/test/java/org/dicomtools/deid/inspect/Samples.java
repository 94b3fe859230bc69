package org.dicomtools.deid.inspect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.dicomtools.deid.dicom.BulkData;
import org.dicomtools.deid.dicom.Dataset;
import org.dicomtools.deid.dicom.DicomElement;
import org.dicomtools.deid.dicom.DicomFile;
import org.dicomtools.deid.dicom.Sequence;
import org.dicomtools.deid.dicom.TransferSyntax;
import org.dicomtools.deid.dicom.VR;
import org.dicomtools.deid.dicom.dict.Tag;

/** Small datasets built in code for the viewer tests; each covers one kind of value the viewers must show. */
final class Samples {
    private Samples() {
    }

    /** File Meta Information with a group length and the transfer syntax. */
    static Dataset meta() {
        Dataset meta = new Dataset();
        meta.setInts(Tag.FileMetaInformationGroupLength, VR.UL, 28);
        meta.setString(Tag.TransferSyntaxUID, VR.UI, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid());
        return meta;
    }

    /**
     * A Latin-1 dataset: a three-group person name, multi-valued DS, an AT, an empty element, a
     * non-ASCII text with control characters, a long text, a nested undefined-length sequence with a
     * private block inside an item, a top-level private block and bulk pixel data on disk.
     */
    static DicomFile file(Path dir) throws IOException {
        Dataset ds = new Dataset();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
        ds.setString(Tag.StudyDescription, VR.LO,
                "Brain perfusion follow-up with contrast, second session, arterial phase");
        Sequence refs = ds.newSequence(Tag.ReferencedImageSequence);
        Dataset first = refs.addItem();
        first.setString(Tag.ReferencedSOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.2");
        Dataset second = refs.addItem();
        second.setString(Tag.ReferencedSOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.4");
        second.setString(0x00290010, VR.LO, "ACME 1.0");
        second.setString(0x00291001, VR.SH, "inner");
        ds.setString(Tag.PatientName, VR.PN, "Doe^John=Ideo^Graph=Pho^Net");
        ds.setString(Tag.PatientID, VR.LO);
        // Raw bytes: the encoder rightly refuses ESC in ISO_IR 100, but files carry such bytes.
        ds.setBytes(Tag.PatientComments, VR.LT,
                "M\u00fcller\r\n\tsays \u001B[31mhi\\".getBytes(StandardCharsets.ISO_8859_1));
        ds.setString(Tag.ImagePositionPatient, VR.DS, "1.50", "-2", "3E2");
        ds.setBytes(Tag.FrameIncrementPointer, VR.AT, new byte[] {0x18, 0x00, 0x63, 0x10});
        ds.setInts(Tag.Rows, VR.US, 512);
        ds.setString(0x00290010, VR.LO, "ACME 1.0");
        ds.setString(0x00291001, VR.LO, "secret");
        ds.setBytes(0x00291002, VR.OB, new byte[] {1, 2, 3, 4});
        ds.setString(0x00311001, VR.LO, "orphan");
        Path pixels = dir.resolve("pixels.bin");
        Files.write(pixels, new byte[300]);
        ds.set(DicomElement.of(Tag.PixelData, VR.OW, new BulkData(pixels, 0, 300)));
        return DicomFile.of(meta(), ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    }

    /** A Japanese dataset (ISO 2022 IR 87) whose patient name has all three component groups. */
    static DicomFile japanese() {
        Dataset ds = new Dataset();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "", "ISO 2022 IR 87");
        ds.setString(Tag.PatientName, VR.PN, YAMADA);
        return DicomFile.of(new Dataset(), ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    }

    /** The PS3.5 H.3.1 example name: alphabetic, ideographic and phonetic groups. */
    static final String YAMADA = "Yamada^Tarou=\u5c71\u7530^\u592a\u90ce=\u3084\u307e\u3060^\u305f\u308d\u3046";

    /** Writes {@code text} to a file and returns an LT element whose value stays on disk. */
    static DicomElement bulkText(Path dir, int tag, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        Path file = dir.resolve("text.bin");
        Files.write(file, bytes);
        return DicomElement.of(tag, VR.LT, new BulkData(file, 0, bytes.length));
    }
}
