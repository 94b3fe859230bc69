package org.dicomtools.deid.pixel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Map;

import org.dicomtools.deid.dicom.Dataset;
import org.dicomtools.deid.dicom.VR;
import org.dicomtools.deid.dicom.dict.Tag;
import org.junit.jupiter.api.Test;

class MaskRuleTest {

    private static Dataset us(String manufacturer, String model, int columns, int rows) {
        Dataset ds = new Dataset();
        ds.setString(Tag.Modality, VR.CS, "US");
        ds.setString(Tag.Manufacturer, VR.LO, manufacturer);
        ds.setString(Tag.ManufacturerModelName, VR.LO, model);
        ds.setInts(Tag.Rows, VR.US, rows);
        ds.setInts(Tag.Columns, VR.US, columns);
        return ds;
    }

    private static String error(String line) {
        return assertThrows(IllegalArgumentException.class, () -> MaskRule.parse(line, "test.profile", 7)).getMessage();
    }

    @Test
    void parsesNameConditionsAndRects() {
        MaskRule r = MaskRule.parse("us-top  modality=US manufacturer=\"GE Healthcare\" size=640x480 rect 0,0,100%,8% rect 10,20,30,40",
                "p.profile", 12);
        assertEquals("us-top", r.name());
        assertEquals(Map.of("modality", "US", "manufacturer", "GE Healthcare", "size", "640x480"), r.match());
        assertEquals(List.of("modality", "manufacturer", "size"), List.copyOf(r.match().keySet()));
        assertEquals(2, r.regions().size());
        assertEquals("0,0,100%,8%", r.regions().get(0).toString());
        assertEquals("p.profile:12", r.location());
        assertEquals("us-top modality=US manufacturer=\"GE Healthcare\" size=640x480 rect 0,0,100%,8% rect 10,20,30,40",
                r.toString());
    }

    @Test
    void toStringParsesBackToTheSameRule() {
        MaskRule r = MaskRule.parse("a ImageType='DERIVED\\SECONDARY\\SCREEN SAVE' model='say \"hi\"' rect 1,2,3.5%,4", "s", 1);
        MaskRule again = MaskRule.parse(r.toString(), "s", 1);
        assertEquals(r.match(), again.match());
        assertEquals(r.regions(), again.regions());
    }

    @Test
    void percentagesRoundOutwardsWithoutFloatingPointDrift() {
        MaskRule r = MaskRule.parse("r modality=US rect 0,0,100%,8%", "s", 1);
        assertEquals(List.of(new Rect(0, 0, 640, 48)), r.rects(640, 600));
        // 12.5% of 101 = 12.625: first row 12, last covered row 12.625 + 12.625 -> up to 26 (exclusive).
        MaskRule s = MaskRule.parse("r modality=US rect 12.5%,12.5%,12.5%,12.5%", "s", 1);
        assertEquals(List.of(new Rect(12, 12, 14, 14)), s.rects(101, 101));
    }

    @Test
    void rectsOutsideTheImageAreClippedOrDropped() {
        MaskRule r = MaskRule.parse("r modality=US rect 600,400,100,100 rect 700,0,10,10 rect 90%,0,20%,10", "s", 1);
        assertEquals(List.of(new Rect(600, 400, 40, 80), new Rect(576, 0, 64, 10)), r.rects(640, 480));
    }

    @Test
    void coordinatesMayContainSpacesAfterCommas() {
        MaskRule r = MaskRule.parse("r modality=US rect 0, 0, 10, 10", "s", 1);
        assertEquals(List.of(new Rect(0, 0, 10, 10)), r.rects(100, 100));
    }

    @Test
    void trailingCommentIsIgnored() {
        MaskRule r = MaskRule.parse("r modality=US rect 0,0,10,10 # header band", "s", 1);
        assertEquals(1, r.regions().size());
    }

    @Test
    void errorsNameTheProblem() {
        assertEquals("mask rule without a name: expected 'mask <name> <key>=<value>... rect x,y,w,h'", error("  "));
        assertTrue(error("rect 0,0,1,1").startsWith("invalid mask rule name 'rect'"));
        assertEquals("mask rule r needs at least one condition (modality, manufacturer, model, software, size or a"
                + " keyword) before its first rect", error("r rect 0,0,1,1"));
        assertEquals("mask rule r has no rect: add 'rect x,y,w,h'", error("r modality=US"));
        assertEquals("mask rule r: expected <key>=<value> or rect, found 'modality'", error("r modality US rect 0,0,1,1"));
        assertEquals("unknown mask condition 'vendor': use modality, manufacturer, model, software, size, a DICOM"
                + " keyword or a tag (GGGG,EEEE)", error("r vendor=GE rect 0,0,1,1"));
        assertEquals("mask rule r: size must be <columns>x<rows>, found '640*480'", error("r size=640*480 rect 0,0,1,1"));
        assertEquals("mask rule r: condition modality given twice", error("r modality=US modality=CT rect 0,0,1,1"));
        assertEquals("mask rule r: rect needs x,y,w,h, found '0,0,1'", error("r modality=US rect 0,0,1"));
        assertEquals("mask rule r: rect 0,0,101%,1: '101%' is not at most 100%", error("r modality=US rect 0,0,101%,1"));
        assertEquals("mask rule r: rect 0,-1,1,1: '-1' is not a pixel count or a percentage",
                error("r modality=US rect 0,-1,1,1"));
        assertEquals("mask rule r: rect 0,0,1.2345%,1: '1.2345%' is not a percentage such as 8% or 12.5% (at most"
                + " three decimals)", error("r modality=US rect 0,0,1.2345%,1"));
        assertEquals("mask rule r: rect 0,0,0,5 has no area: width and height must be positive",
                error("r modality=US rect 0,0,0,5"));
        assertEquals("mask rule r: condition 'size=1x1' after rect; put every condition before the first rect",
                error("r modality=US rect 0,0,1,1 size=1x1"));
        assertEquals("unterminated quote \" in mask rule", error("r manufacturer=\"GE rect 0,0,1,1"));
    }

    @Test
    void constructorValidatesLikeTheParser() {
        MaskRule.Region r = new MaskRule.Region(new MaskRule.Extent(0, false), new MaskRule.Extent(0, false),
                new MaskRule.Extent(100_000, true), new MaskRule.Extent(10, false));
        assertEquals("0,0,100%,10", r.toString());
        assertThrows(IllegalArgumentException.class, () -> new MaskRule("r", Map.of("size", "big"), List.of(r), "s", 1));
        assertThrows(IllegalArgumentException.class, () -> new MaskRule("r", Map.of("nope", "x"), List.of(r), "s", 1));
        assertThrows(IllegalArgumentException.class, () -> new MaskRule("r", Map.of(), List.of(r), "s", 1));
        assertThrows(IllegalArgumentException.class, () -> new MaskRule("r", Map.of("modality", "US"), List.of(), "s", 1));
        assertThrows(IllegalArgumentException.class, () -> new MaskRule("r s", Map.of("modality", "US"), List.of(r), "s", 1));
        assertThrows(IllegalArgumentException.class, () -> new MaskRule.Extent(100_001, true));
    }

    @Test
    void modalityMatchesExactly() {
        MaskRule r = MaskRule.parse("r modality=US rect 0,0,1,1", "s", 1);
        assertTrue(r.matches(us("GE", "X", 1, 1)));
        Dataset ct = us("GE", "X", 1, 1);
        ct.setString(Tag.Modality, VR.CS, "us");
        assertFalse(r.matches(ct));
    }

    @Test
    void manufacturerModelAndSoftwareMatchAsCaseInsensitivePrefixes() {
        MaskRule r = MaskRule.parse("r manufacturer=philips model=CX5 software=2.1 rect 0,0,1,1", "s", 1);
        Dataset ds = us("Philips Medical Systems", "CX50", 800, 600);
        ds.setString(Tag.SoftwareVersions, VR.LO, "Build 7", "2.1.3");
        assertTrue(r.matches(ds));
        ds.setString(Tag.SoftwareVersions, VR.LO, "3.0", "Build 2.1");
        assertFalse(r.matches(ds));
        assertFalse(r.matches(us("Acme Philips", "CX50", 800, 600)));
    }

    @Test
    void sizeIsColumnsByRows() {
        MaskRule r = MaskRule.parse("r size=640X480 rect 0,0,1,1", "s", 1);
        assertEquals("640x480", r.match().get("size"));
        assertTrue(r.matches(us("A", "B", 640, 480)));
        assertFalse(r.matches(us("A", "B", 480, 640)));
    }

    @Test
    void keywordConditionComparesAllValuesExactly() {
        MaskRule r = MaskRule.parse("r ImageType=\"DERIVED\\SECONDARY\\SCREEN SAVE\" rect 0,0,1,1", "s", 1);
        Dataset ds = new Dataset();
        ds.setString(Tag.ImageType, VR.CS, "DERIVED", "SECONDARY", "SCREEN SAVE");
        assertTrue(r.matches(ds));
        ds.setString(Tag.ImageType, VR.CS, "DERIVED", "SECONDARY", "SCREEN SAVE", "X");
        assertFalse(r.matches(ds));
        ds.setString(Tag.ImageType, VR.CS, "derived", "SECONDARY", "SCREEN SAVE");
        assertFalse(r.matches(ds));
    }

    @Test
    void tagConditionAndBinaryValues() {
        MaskRule r = MaskRule.parse("r (0028,0010)=480 00280011=640 rect 0,0,1,1", "s", 1);
        assertTrue(r.matches(us("A", "B", 640, 480)));
        assertFalse(r.matches(us("A", "B", 640, 481)));
    }

    @Test
    void emptyValueMatchesAbsentOrEmptyAttribute() {
        MaskRule r = MaskRule.parse("r BurnedInAnnotation=\"\" rect 0,0,1,1", "s", 1);
        Dataset ds = new Dataset();
        assertTrue(r.matches(ds));
        ds.setString(Tag.BurnedInAnnotation, VR.CS, "");
        assertTrue(r.matches(ds));
        ds.setString(Tag.BurnedInAnnotation, VR.CS, "NO");
        assertFalse(r.matches(ds));
    }

    @Test
    void matchingReturnsEveryRuleThatApplies() {
        List<MaskRule> rules = List.of(
                MaskRule.parse("a modality=US rect 0,0,100%,10%", "s", 1),
                MaskRule.parse("b modality=CT rect 0,0,1,1", "s", 2),
                MaskRule.parse("c manufacturer=ALOKA size=640x480 rect 0,428,100%,52", "s", 3));
        Dataset ds = us("ALOKA CO., LTD.", "SSD-4000", 640, 480);
        List<MaskRule> m = MaskRules.matching(rules, ds);
        assertEquals(List.of("a", "c"), m.stream().map(MaskRule::name).toList());
        assertEquals(List.of(new Rect(0, 0, 640, 48), new Rect(0, 428, 640, 52)), MaskRules.rects(m, 640, 480));
    }

    @Test
    void libraryParserSkipsCommentsAndAddsSourceAndLine() throws IOException {
        String text = "# comment\n\nmask a modality=US rect 0,0,1,1\n  # indented comment\nmask b modality=CT rect 0,0,1\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MaskRules.parse(new BufferedReader(new StringReader(text)), "lib.masks"));
        assertEquals("lib.masks:5: mask rule b: rect needs x,y,w,h, found '0,0,1'", e.getMessage());
        List<MaskRule> ok = MaskRules.parse(new BufferedReader(new StringReader(text.replace("0,0,1\n", "0,0,1,1\n"))),
                "lib.masks");
        assertEquals(List.of("lib.masks:3", "lib.masks:5"), ok.stream().map(MaskRule::location).toList());
    }

    @Test
    void libraryLineMustStartWithMask() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MaskRules.parse(new BufferedReader(new StringReader("rule a modality=US rect 0,0,1,1\n")), "x"));
        assertEquals("x:1: expected a line 'mask <name> <key>=<value>... rect x,y,w,h'", e.getMessage());
    }

    @Test
    void shippedLibraryParsesAndCoversCommonLayouts() throws IOException {
        List<MaskRule> rules = MaskRules.builtin("common");
        assertEquals(List.of("us-top-band", "philips-cx50-banner", "aloka-ssd4000-bands", "sonosite-turbo-bands",
                "sc-workstation-corners", "sc-video-top-band", "cr-corner-labels", "dx-corner-labels"),
                rules.stream().map(MaskRule::name).toList());
        Dataset philips = us("Philips Medical Systems", "CX50", 800, 350);
        List<MaskRule> m = MaskRules.matching(rules, philips);
        assertEquals(List.of("us-top-band", "philips-cx50-banner"), m.stream().map(MaskRule::name).toList());
        assertEquals(List.of(new Rect(0, 0, 800, 35), new Rect(0, 0, 800, 60)), MaskRules.rects(m, 800, 350));
        assertEquals("builtin:masks/common.masks", rules.get(0).source());
    }

    @Test
    void unknownBuiltinLibraryIsReported() {
        assertThrows(NoSuchFileException.class, () -> MaskRules.builtin("nope"));
        assertThrows(IllegalArgumentException.class, () -> MaskRules.builtin("../x"));
    }
}
