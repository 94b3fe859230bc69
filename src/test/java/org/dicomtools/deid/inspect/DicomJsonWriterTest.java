package org.dicomtools.deid.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.dicomtools.deid.dicom.Dataset;
import org.dicomtools.deid.dicom.DicomElement;
import org.dicomtools.deid.dicom.DicomFile;
import org.dicomtools.deid.dicom.Fragments;
import org.dicomtools.deid.dicom.TransferSyntax;
import org.dicomtools.deid.dicom.VR;
import org.dicomtools.deid.dicom.dict.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DicomJsonWriterTest {
    private static final TransferSyntax JPEG = TransferSyntax.of("1.2.840.10008.1.2.4.50");

    @TempDir
    Path dir;

    private final List<OmittedValue> omitted = new ArrayList<>();

    private String json(DicomFile file, int inlineBinaryLimit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        omitted.addAll(new DicomJsonWriter(inlineBinaryLimit).write(file, out));
        return out.toString(StandardCharsets.UTF_8);
    }

    private String json(Dataset ds) throws IOException {
        return json(DicomFile.of(new Dataset(), ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN), 1024);
    }

    @Test
    void writesTheDicomJsonModelWithFileMetaInformation() throws IOException {
        String expected = """
                {
                  "00020010": {
                    "vr": "UI",
                    "Value": [
                      "1.2.840.10008.1.2.1"
                    ]
                  },
                  "00080005": {
                    "vr": "CS",
                    "Value": [
                      "ISO_IR 100"
                    ]
                  },
                  "00081030": {
                    "vr": "LO",
                    "Value": [
                      "Brain perfusion follow-up with contrast, second session, arterial phase"
                    ]
                  },
                  "00081140": {
                    "vr": "SQ",
                    "Value": [
                      {
                        "00081150": {
                          "vr": "UI",
                          "Value": [
                            "1.2.840.10008.5.1.4.1.1.2"
                          ]
                        }
                      },
                      {
                        "00081150": {
                          "vr": "UI",
                          "Value": [
                            "1.2.840.10008.5.1.4.1.1.4"
                          ]
                        },
                        "00290010": {
                          "vr": "LO",
                          "Value": [
                            "ACME 1.0"
                          ]
                        },
                        "00291001": {
                          "vr": "SH",
                          "Value": [
                            "inner"
                          ]
                        }
                      }
                    ]
                  },
                  "00100010": {
                    "vr": "PN",
                    "Value": [
                      {
                        "Alphabetic": "Doe^John",
                        "Ideographic": "Ideo^Graph",
                        "Phonetic": "Pho^Net"
                      }
                    ]
                  },
                  "00100020": {
                    "vr": "LO"
                  },
                  "00104000": {
                    "vr": "LT",
                    "Value": [
                      "M\u00fcller\\r\\n\\tsays \\u001b[31mhi\\\\"
                    ]
                  },
                  "00200032": {
                    "vr": "DS",
                    "Value": [
                      1.50,
                      -2,
                      3E2
                    ]
                  },
                  "00280009": {
                    "vr": "AT",
                    "Value": [
                      "00181063"
                    ]
                  },
                  "00280010": {
                    "vr": "US",
                    "Value": [
                      512
                    ]
                  },
                  "00290010": {
                    "vr": "LO",
                    "Value": [
                      "ACME 1.0"
                    ]
                  },
                  "00291001": {
                    "vr": "LO",
                    "Value": [
                      "secret"
                    ]
                  },
                  "00291002": {
                    "vr": "OB",
                    "InlineBinary": "AQIDBA=="
                  },
                  "00311001": {
                    "vr": "LO",
                    "Value": [
                      "orphan"
                    ]
                  },
                  "7FE00010": {
                    "vr": "OW"
                  }
                }
                """;
        assertEquals(expected, json(Samples.file(dir), 16));
        assertEquals(List.of(new OmittedValue("(7FE0,0010)", VR.OW, 300)), omitted);
    }

    @Test
    void personNameGroupsBecomeAlphabeticIdeographicAndPhonetic() throws IOException {
        assertEquals("""
                {
                  "00080005": {
                    "vr": "CS",
                    "Value": [
                      null,
                      "ISO 2022 IR 87"
                    ]
                  },
                  "00100010": {
                    "vr": "PN",
                    "Value": [
                      {
                        "Alphabetic": "Yamada^Tarou",
                        "Ideographic": "\u5c71\u7530^\u592a\u90ce",
                        "Phonetic": "\u3084\u307e\u3060^\u305f\u308d\u3046"
                      }
                    ]
                  }
                }
                """, json(Samples.japanese(), 0));
    }

    @Test
    void writesUtf8() throws IOException {
        Dataset ds = new Dataset();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
        ds.setString(Tag.PatientName, VR.PN, "M\u00fcller");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DicomJsonWriter(0).write(DicomFile.of(new Dataset(), ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN), out);
        String text = new String(out.toByteArray(), StandardCharsets.UTF_8);
        assertTrue(text.contains("\"Alphabetic\": \"M\u00fcller\""), text);
    }

    @Test
    void decimalAndIntegerStringsAreNumbersWhenTheyAreValidNumbers() throws IOException {
        Dataset ds = new Dataset();
        ds.setString(Tag.ImagePositionPatient, VR.DS, "1.50", "+5", ".5", "007", "5.", "abc", "", "+1E99999999999");
        ds.setString(Tag.InstanceNumber, VR.IS, "+12");
        ds.setBytes(Tag.RecommendedDisplayFrameRateInFloat, VR.FL, new byte[] {0, 0, (byte) 0xC0, 0x7F});
        assertEquals("""
                {
                  "00089459": {
                    "vr": "FL",
                    "Value": [
                      "NaN"
                    ]
                  },
                  "00200013": {
                    "vr": "IS",
                    "Value": [
                      12
                    ]
                  },
                  "00200032": {
                    "vr": "DS",
                    "Value": [
                      1.50,
                      5,
                      0.5,
                      7,
                      5,
                      "abc",
                      null,
                      "+1E99999999999"
                    ]
                  }
                }
                """, json(ds));
    }

    @Test
    void emptyValuesFollowTheNullValueRules() throws IOException {
        Dataset ds = new Dataset();
        ds.setString(Tag.ImageType, VR.CS, "ORIGINAL", "", "AXIAL");
        ds.setString(Tag.StudyDescription, VR.LO, "   ");
        ds.setString(Tag.PatientName, VR.PN, "Doe^John==Pho^Net", "");
        ds.newSequence(Tag.ReferencedImageSequence);
        ds.newSequence(Tag.RequestAttributesSequence).addItem();
        assertEquals("""
                {
                  "00080008": {
                    "vr": "CS",
                    "Value": [
                      "ORIGINAL",
                      null,
                      "AXIAL"
                    ]
                  },
                  "00081030": {
                    "vr": "LO"
                  },
                  "00081140": {
                    "vr": "SQ"
                  },
                  "00100010": {
                    "vr": "PN",
                    "Value": [
                      {
                        "Alphabetic": "Doe^John",
                        "Phonetic": "Pho^Net"
                      },
                      null
                    ]
                  },
                  "00400275": {
                    "vr": "SQ",
                    "Value": [
                      {}
                    ]
                  }
                }
                """, json(ds));
    }

    @Test
    void standardElementReadAsUnGetsItsDictionaryVrAndPrivateUnStaysBinary() throws IOException {
        Dataset ds = new Dataset();
        ds.set(DicomElement.of(Tag.PatientName, VR.UN, "Doe^Jane".getBytes(StandardCharsets.US_ASCII)));
        ds.set(DicomElement.of(0x00431001, VR.UN, new byte[] {(byte) 0xAB, (byte) 0xCD}));
        assertEquals("""
                {
                  "00100010": {
                    "vr": "PN",
                    "Value": [
                      {
                        "Alphabetic": "Doe^Jane"
                      }
                    ]
                  },
                  "00431001": {
                    "vr": "UN",
                    "InlineBinary": "q80="
                  }
                }
                """, json(ds));
    }

    @Test
    void bigEndianValuesAreWrittenInLittleEndianOrder() throws IOException {
        Dataset ds = new Dataset(true);
        ds.setInts(Tag.Rows, VR.US, 258);
        ds.setBytes(Tag.RedPaletteColorLookupTableData, VR.OW, new byte[] {1, 2, 3, 4});
        assertEquals("""
                {
                  "00280010": {
                    "vr": "US",
                    "Value": [
                      258
                    ]
                  },
                  "00281201": {
                    "vr": "OW",
                    "InlineBinary": "AgEEAw=="
                  }
                }
                """, json(DicomFile.of(new Dataset(), ds, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN), 1024));
    }

    @Test
    void encapsulatedPixelDataIsTheItemStreamUpToTheLimit() throws IOException {
        Dataset ds = new Dataset();
        Fragments fragments = new Fragments();
        fragments.add(new byte[0]);
        fragments.add(new byte[] {1, 2, 3, 4});
        ds.set(DicomElement.of(Tag.PixelData, VR.OB, fragments));
        DicomFile file = DicomFile.of(new Dataset(), ds, JPEG);
        // FFFE,E000 length 0 (offset table), FFFE,E000 length 4, 01 02 03 04
        assertEquals("""
                {
                  "7FE00010": {
                    "vr": "OB",
                    "InlineBinary": "/v8A4AAAAAD+/wDgBAAAAAECAwQ="
                  }
                }
                """, json(file, 20));
        assertEquals(List.of(), omitted);
        assertEquals("""
                {
                  "7FE00010": {
                    "vr": "OB"
                  }
                }
                """, json(file, 19));
        assertEquals(List.of(new OmittedValue("(7FE0,0010)", VR.OB, 20)), omitted);
    }

    @Test
    void omittedValuesInItemsCarryTheirTagPath() throws IOException {
        Dataset ds = new Dataset();
        var seq = ds.newSequence(Tag.IconImageSequence);
        seq.addItem();
        seq.addItem().setBytes(Tag.PixelData, VR.OB, new byte[10]);
        json(DicomFile.of(new Dataset(), ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN), 8);
        assertEquals(List.of(new OmittedValue("(0088,0200)[1]/(7FE0,0010)", VR.OB, 10)), omitted);
    }

    @Test
    void negativeLimitIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new DicomJsonWriter(-1));
    }
}
