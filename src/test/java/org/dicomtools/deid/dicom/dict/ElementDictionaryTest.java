package org.dicomtools.deid.dicom.dict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.dicomtools.deid.dicom.VR;
import org.junit.jupiter.api.Test;

class ElementDictionaryTest {
    private final ElementDictionary dict = ElementDictionary.standard();

    private void assertEntry(int tag, int expectedTag, int expectedMask, String keyword, String name,
            List<VR> vrs, String vm, boolean retired) {
        ElementDictionary.Entry e = dict.lookup(tag);
        assertNotNull(e, Integer.toHexString(tag));
        assertEquals(new ElementDictionary.Entry(expectedTag, expectedMask, keyword, name, vrs, vm, retired), e);
    }

    @Test
    void patientNameIsPersonNameWithSingleValue() {
        assertEntry(0x00100010, 0x00100010, 0xFFFFFFFF, "PatientName", "Patient's Name", List.of(VR.PN), "1",
                false);
        assertEquals(VR.PN, dict.vrOf(0x00100010));
        assertEquals("PatientName", dict.keywordOf(0x00100010));
        assertEquals("Patient's Name", dict.nameOf(0x00100010));
    }

    @Test
    void alternativeVrsKeepTheStandardsOrderAndFirstIsTheDefault() {
        assertEntry(0x00280106, 0x00280106, 0xFFFFFFFF, "SmallestImagePixelValue", "Smallest Image Pixel Value",
                List.of(VR.US, VR.SS), "1", false);
        assertEquals(VR.US, dict.vrOf(0x00280106));
        assertEntry(0x7FE00010, 0x7FE00010, 0xFFFFFFFF, "PixelData", "Pixel Data", List.of(VR.OB, VR.OW), "1",
                false);
        assertEquals(VR.OB, dict.vrOf(0x7FE00010));
        assertEntry(0x00281200, 0x00281200, 0xFFFFFFFF, "GrayLookupTableData", "Gray Lookup Table Data",
                List.of(VR.US, VR.SS, VR.OW), "1-n or 1", true);
    }

    @Test
    void nonAsciiNamesAreDecodedAsUtf8() {
        assertEquals("Exposure in \u00b5As", dict.nameOf(0x00181153));
    }

    @Test
    void overlayGroupMatchesThe60xxMask() {
        assertEntry(0x60023000, 0x60003000, 0xFF00FFFF, "OverlayData", "Overlay Data", List.of(VR.OB, VR.OW), "1",
                false);
        assertEquals(VR.US, dict.vrOf(0x601E0010));
        assertEquals("OverlayRows", dict.keywordOf(0x60000010));
    }

    @Test
    void curveGroupMatchesThe50xxMask() {
        assertEntry(0x50040005, 0x50000005, 0xFF00FFFF, "CurveDimensions", "Curve Dimensions", List.of(VR.US), "1",
                true);
    }

    @Test
    void variablePixelDataMatchesThe7FxxMaskButPixelDataIsExact() {
        assertEntry(0x7F020010, 0x7F000010, 0xFF00FFFF, "VariablePixelData", "Variable Pixel Data",
                List.of(VR.OB, VR.OW), "1", true);
        assertEquals("PixelData", dict.keywordOf(0x7FE00010));
    }

    @Test
    void elementRangesMatchTheirMasks() {
        assertEntry(0x10000013, 0x10000003, 0xFFFF000F, "HuffmanTableTriplet", "Huffman Table Triplet",
                List.of(VR.US), "3", true);
        assertEntry(0x10100004, 0x10100000, 0xFFFF0000, "ZonalMap", "Zonal Map", List.of(VR.US), "1-n", true);
        assertEntry(0x00203105, 0x00203100, 0xFFFFFF00, "SourceImageIDs", "Source Image IDs", List.of(VR.CS),
                "1-n", true);
        assertEntry(0x00280410, 0x00280400, 0xFFFFFF0F, "RowsForNthOrderCoefficients",
                "Rows For Nth Order Coefficients", List.of(VR.US), "1", true);
    }

    @Test
    void exactTagWinsOverAMaskThatAlsoMatches() {
        assertEntry(0x00280400, 0x00280400, 0xFFFFFFFF, "TransformLabel", "Transform Label", List.of(VR.LO), "1",
                true);
        assertEquals("TransformVersionNumber", dict.keywordOf(0x00280401));
        assertEquals("ColumnsForNthOrderCoefficients", dict.keywordOf(0x00280411));
    }

    @Test
    void anyGroupLengthIsUnsignedLong() {
        ElementDictionary.Entry e = dict.lookup(0x00090000);
        assertSame(ElementDictionary.GROUP_LENGTH, e);
        assertEquals(new ElementDictionary.Entry(0x00000000, 0x0000FFFF, "GroupLength", "Group Length",
                List.of(VR.UL), "1", true), e);
        assertEquals(VR.UL, dict.vrOf(0x00100000));
        assertEquals("GroupLength", dict.keywordOf(0x10100000));
        assertEquals("GroupLength", dict.keywordOf(0x60000000));
    }

    @Test
    void tableGroupLengthsWinOverTheRule() {
        assertEntry(0x00020000, 0x00020000, 0xFFFFFFFF, "FileMetaInformationGroupLength",
                "File Meta Information Group Length", List.of(VR.UL), "1", false);
    }

    @Test
    void privateCreatorElementsAreLongStrings() {
        assertSame(ElementDictionary.PRIVATE_CREATOR, dict.lookup(0x00290010));
        assertSame(ElementDictionary.PRIVATE_CREATOR, dict.lookup(0x000900FF));
        assertSame(ElementDictionary.PRIVATE_CREATOR, dict.lookup(0x60010010));
        assertEquals(VR.LO, dict.vrOf(0x00290010));
        assertEquals("PrivateCreator", dict.keywordOf(0x00290010));
        assertEquals("Private Creator", dict.nameOf(0x00290010));
    }

    @Test
    void otherPrivateElementsAreUnknownEvenWhereAMaskWouldMatch() {
        assertNull(dict.lookup(0x00291010));
        assertNull(dict.lookup(0x00290005));
        assertNull(dict.lookup(0x00290100));
        assertNull(dict.lookup(0x60013000));
        assertEquals(VR.UN, dict.vrOf(0x00291010));
        assertEquals("", dict.keywordOf(0x00291010));
        assertEquals("", dict.nameOf(0x00291010));
    }

    @Test
    void tagsInNoTableAreUnknown() {
        assertNull(dict.lookup(0x00100001));
        assertNull(dict.lookup(0x00010010));
        assertNull(dict.lookup(0x60203001));
        assertEquals(VR.UN, dict.vrOf(0x00100001));
    }

    @Test
    void itemAndDelimitationTagsHaveNoVr() {
        assertEntry(0xFFFEE000, 0xFFFEE000, 0xFFFFFFFF, "Item", "Item", List.of(), "1", false);
        assertEquals(VR.UN, dict.vrOf(0xFFFEE000));
        assertEquals("ItemDelimitationItem", dict.keywordOf(0xFFFEE00D));
        assertEquals("SequenceDelimitationItem", dict.keywordOf(0xFFFEE0DD));
    }

    @Test
    void retiredFlagFollowsTheStandard() {
        assertTrue(dict.lookup(0x00080010).retired());
        assertFalse(dict.lookup(0x00080020).retired());
    }

    @Test
    void blankRetiredRowsHaveNoKeywordNameOrVr() {
        assertEntry(0x00080202, 0x00080202, 0xFFFFFFFF, "", "", List.of(), "", true);
        assertEquals(VR.UN, dict.vrOf(0x00080202));
    }

    @Test
    void keywordsOfMaskEntriesHaveNoTagButAnEntry() {
        assertEquals(OptionalInt.empty(), dict.tagOf("OverlayData"));
        ElementDictionary.Entry e = dict.entryOf("OverlayData");
        assertEquals(0x60003000, e.tag());
        assertEquals(0xFF00FFFF, e.mask());
        assertFalse(e.isExact());
    }

    @Test
    void unknownKeywordsHaveNoTag() {
        assertEquals(OptionalInt.empty(), dict.tagOf("NoSuchKeyword"));
        assertEquals(OptionalInt.empty(), dict.tagOf(""));
        assertEquals(OptionalInt.empty(), dict.tagOf("GroupLength"));
        assertEquals(OptionalInt.empty(), dict.tagOf("PrivateCreator"));
        assertNull(dict.entryOf("NoSuchKeyword"));
    }

    @Test
    void everyKeywordOfTheResourceMapsBackToItsTag() throws IOException {
        int exact = 0;
        int masks = 0;
        for (String[] row : resourceRows()) {
            int tag = (int) Long.parseLong(row[0].replace('x', '0'), 16);
            if (row[0].indexOf('x') >= 0) {
                masks++;
                assertEquals(tag, dict.entryOf(row[1]).tag(), row[1]);
                continue;
            }
            assertEquals(row[1], dict.lookup(tag).keyword(), row[0]);
            if (!row[1].isEmpty()) {
                exact++;
                assertEquals(OptionalInt.of(tag), dict.tagOf(row[1]), row[1]);
            }
        }
        assertEquals(5137, exact);
        assertEquals(88, masks);
    }

    @Test
    void entriesAreEveryRowInTagOrder() {
        List<ElementDictionary.Entry> entries = dict.entries();
        assertEquals(5232, entries.size());
        assertEquals(0x00020000, entries.get(0).tag());
        assertEquals(0xFFFEE0DD, entries.get(entries.size() - 1).tag());
        for (int i = 1; i < entries.size(); i++) {
            assertTrue(Integer.compareUnsigned(entries.get(i - 1).tag(), entries.get(i).tag()) <= 0, i + "");
        }
    }

    @Test
    void editionComesFromTheResourceHeader() {
        assertEquals("2024d", dict.edition());
    }

    @Test
    void standardIsLoadedOnce() {
        assertSame(ElementDictionary.standard(), ElementDictionary.standard());
    }

    @Test
    void mostSpecificMaskWinsWhereMasksOverlap() {
        ElementDictionary small = ElementDictionary.parse("# Test, edition 2099z\n"
                + "tag\tkeyword\tvr\tvm\tretired\tname\n"
                + "60003000\tExact\tOW\t1\tN\tExact\n"
                + "60xx3000\tGroupMask\tOB or OW\t1\tN\tGroup Mask\n"
                + "60xxxxxx\tWideMask\tUN\t1\tY\tWide Mask\n");
        assertEquals("Exact", small.keywordOf(0x60003000));
        assertEquals("GroupMask", small.keywordOf(0x60023000));
        assertEquals("WideMask", small.keywordOf(0x60023001));
        assertEquals("GroupLength", small.keywordOf(0x60020000));
        assertEquals(0xFF000000, small.entryOf("WideMask").mask());
        assertEquals("2099z", small.edition());
    }

    @Test
    void malformedResourceRowsAreRejectedWithTheirLine() {
        String text = "# edition 2024d\ntag\tkeyword\tvr\tvm\tretired\tname\n00100010\tPatientName\tPX\t1\tN\tName\n";
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ElementDictionary.parse(text));
        assertEquals("elements.tsv line 3: bad VR PX", e.getMessage());
    }

    @Test
    void entryRejectsTagBitsOutsideTheMask() {
        assertThrows(IllegalArgumentException.class,
                () -> new ElementDictionary.Entry(0x60103000, 0xFF00FFFF, "X", "X", List.of(), "1", false));
    }

    private static List<String[]> resourceRows() throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = ElementDictionary.class.getResourceAsStream(ElementDictionary.RESOURCE);
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                rows.add(line.split("\t", -1));
            }
        }
        assertEquals(5232, rows.size());
        return rows;
    }
}
