package org.dicomtools.deid.pixel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.dicomtools.deid.dicom.Dataset;
import org.dicomtools.deid.dicom.VR;
import org.dicomtools.deid.dicom.dict.Tag;
import org.dicomtools.deid.dicom.dict.UID;
import org.dicomtools.deid.pixel.BurnedInRisk.Assessment;
import org.dicomtools.deid.pixel.BurnedInRisk.Level;
import org.dicomtools.deid.pixel.BurnedInRisk.Signal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BurnedInRiskTest {

    /** A dataset with Pixel Data and the given text attributes (tag, VR, value; values split at backslashes). */
    private static Dataset image(Object... tagVrValue) {
        Dataset ds = new Dataset();
        ds.setBytes(Tag.PixelData, VR.OW, new byte[4]);
        for (int i = 0; i < tagVrValue.length; i += 3) {
            ds.setString((Integer) tagVrValue[i], (VR) tagVrValue[i + 1], ((String) tagVrValue[i + 2]).split("\\\\", -1));
        }
        return ds;
    }

    private static List<String> codes(Assessment a) {
        return a.signals().stream().map(Signal::code).toList();
    }

    private static Signal signal(Assessment a, String code) {
        return a.signals().stream().filter(s -> s.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError(code + " not in " + codes(a)));
    }

    @Test
    void noPixelDataIsNoneWhateverTheHeaderSays() {
        Dataset ds = new Dataset();
        ds.setString(Tag.Modality, VR.CS, "US");
        ds.setString(Tag.BurnedInAnnotation, VR.CS, "YES");
        Assessment a = BurnedInRisk.assess(ds);
        assertEquals(Level.NONE, a.level());
        assertEquals(List.of("pixel-data=absent"), codes(a));
        assertEquals(List.of(), a.deciding());
    }

    @Test
    void floatPixelDataCountsAsPixelData() {
        Dataset ds = new Dataset();
        ds.setString(Tag.Modality, VR.CS, "US");
        ds.setBytes(Tag.FloatPixelData, VR.OF, new byte[4]);
        Assessment a = BurnedInRisk.assess(ds);
        assertEquals(Level.HIGH, a.level());
        assertEquals(List.of("modality=US", "burned-in-annotation=absent"), codes(a));
    }

    @Test
    void ultrasoundModalityIsHigh() {
        Assessment a = BurnedInRisk.assess(image(Tag.Modality, VR.CS, "US"));
        assertEquals(Level.HIGH, signal(a, "modality=US").weight());
        assertEquals("Modality US: ultrasound systems print patient, institution and exam details into the image",
                signal(a, "modality=US").reason());
    }

    @Test
    void modalityIsComparedTrimmedAndIgnoringCase() {
        assertEquals(List.of("modality=ES", "burned-in-annotation=absent"),
                codes(BurnedInRisk.assess(image(Tag.Modality, VR.CS, " es"))));
    }

    @Test
    void ctModalityGivesNoSignal() {
        Assessment a = BurnedInRisk.assess(image(Tag.Modality, VR.CS, "CT"));
        assertEquals(Level.NONE, a.level());
        assertEquals(List.of(), codes(a));
    }

    static Stream<Arguments> modalities() {
        return Stream.of(
                Arguments.of("US", Level.HIGH), Arguments.of("ES", Level.HIGH), Arguments.of("SC", Level.HIGH),
                Arguments.of("XA", Level.LOW), Arguments.of("RF", Level.LOW), Arguments.of("NM", Level.LOW),
                Arguments.of("CR", Level.LOW), Arguments.of("DX", Level.LOW), Arguments.of("MG", Level.LOW),
                Arguments.of("OT", Level.LOW), Arguments.of("XC", Level.LOW), Arguments.of("OP", Level.LOW),
                Arguments.of("PX", Level.LOW), Arguments.of("SM", Level.LOW), Arguments.of("MR", Level.NONE),
                Arguments.of("PT", Level.NONE), Arguments.of("USX", Level.NONE));
    }

    @ParameterizedTest
    @MethodSource("modalities")
    void eachModalityHasItsWeight(String modality, Level expected) {
        assertEquals(expected, BurnedInRisk.assess(image(Tag.Modality, VR.CS, modality)).level());
    }

    static Stream<Arguments> sopClasses() {
        return Stream.of(
                Arguments.of(UID.SecondaryCaptureImageStorage, "sop-class=secondary-capture", Level.HIGH),
                Arguments.of(UID.MultiFrameSingleBitSecondaryCaptureImageStorage, "sop-class=secondary-capture",
                        Level.HIGH),
                Arguments.of(UID.MultiFrameGrayscaleByteSecondaryCaptureImageStorage, "sop-class=secondary-capture",
                        Level.HIGH),
                Arguments.of(UID.MultiFrameGrayscaleWordSecondaryCaptureImageStorage, "sop-class=secondary-capture",
                        Level.HIGH),
                Arguments.of(UID.MultiFrameTrueColorSecondaryCaptureImageStorage, "sop-class=secondary-capture",
                        Level.HIGH),
                Arguments.of(UID.UltrasoundImageStorage, "sop-class=ultrasound", Level.HIGH),
                Arguments.of(UID.UltrasoundMultiFrameImageStorage, "sop-class=ultrasound", Level.HIGH),
                Arguments.of(UID.UltrasoundImageStorageRetired, "sop-class=ultrasound", Level.HIGH),
                Arguments.of(UID.UltrasoundMultiFrameImageStorageRetired, "sop-class=ultrasound", Level.HIGH),
                Arguments.of(UID.VLEndoscopicImageStorage, "sop-class=vl-endoscopic", Level.HIGH),
                Arguments.of(UID.VideoEndoscopicImageStorage, "sop-class=vl-endoscopic", Level.HIGH),
                Arguments.of(UID.VLPhotographicImageStorage, "sop-class=vl-photographic", Level.HIGH),
                Arguments.of(UID.VideoPhotographicImageStorage, "sop-class=vl-photographic", Level.HIGH),
                Arguments.of(UID.VLMicroscopicImageStorage, "sop-class=vl-microscopic", Level.LOW),
                Arguments.of(UID.VLSlideCoordinatesMicroscopicImageStorage, "sop-class=vl-microscopic", Level.LOW),
                Arguments.of(UID.VideoMicroscopicImageStorage, "sop-class=vl-microscopic", Level.LOW),
                Arguments.of(UID.VLWholeSlideMicroscopyImageStorage, "sop-class=vl-whole-slide", Level.LOW));
    }

    @ParameterizedTest
    @MethodSource("sopClasses")
    void eachRiskySopClassGivesItsSignal(String uid, String code, Level weight) {
        Assessment a = BurnedInRisk.assess(image(Tag.SOPClassUID, VR.UI, uid));
        assertEquals(List.of(code, "burned-in-annotation=absent"), codes(a));
        assertEquals(weight, a.level());
    }

    @Test
    void sopClassReasonNamesTheClass() {
        Assessment a = BurnedInRisk.assess(image(Tag.SOPClassUID, VR.UI, UID.MultiFrameTrueColorSecondaryCaptureImageStorage));
        assertTrue(signal(a, "sop-class=secondary-capture").reason()
                .startsWith("Multi-frame True Color Secondary Capture Image Storage: "));
    }

    @Test
    void neighbouringSopClassesGiveNoSignal() {
        assertEquals(List.of(), codes(BurnedInRisk.assess(image(Tag.SOPClassUID, VR.UI, UID.EnhancedUSVolumeStorage))));
        assertEquals(List.of(), codes(BurnedInRisk.assess(image(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.7.5"))));
        assertEquals(List.of(), codes(BurnedInRisk.assess(image(Tag.SOPClassUID, VR.UI, UID.CTImageStorage))));
    }

    @Test
    void screenSaveImageTypeIsHigh() {
        Assessment a = BurnedInRisk.assess(image(Tag.ImageType, VR.CS, "DERIVED\\SECONDARY\\SCREEN SAVE"));
        assertEquals(List.of("image-type=SCREEN SAVE", "image-type=SECONDARY", "image-type=DERIVED",
                "burned-in-annotation=absent"), codes(a));
        assertEquals(Level.HIGH, a.level());
        assertEquals(List.of("image-type=SCREEN SAVE", "burned-in-annotation=absent"),
                a.deciding().stream().map(Signal::code).toList());
    }

    @Test
    void screenWithoutSaveIsNotScreenSave() {
        assertEquals(List.of(), codes(BurnedInRisk.assess(image(Tag.ImageType, VR.CS, "ORIGINAL\\PRIMARY\\SCREEN"))));
    }

    @Test
    void secondaryImageTypeIsLow() {
        Assessment a = BurnedInRisk.assess(image(Tag.ImageType, VR.CS, "ORIGINAL\\SECONDARY"));
        assertEquals(List.of("image-type=SECONDARY", "burned-in-annotation=absent"), codes(a));
        assertEquals(Level.LOW, a.level());
    }

    @Test
    void derivedCountsOnlyAsTheFirstValue() {
        assertEquals(List.of("image-type=DERIVED", "burned-in-annotation=absent"),
                codes(BurnedInRisk.assess(image(Tag.ImageType, VR.CS, "DERIVED\\PRIMARY"))));
        assertEquals(List.of(), codes(BurnedInRisk.assess(image(Tag.ImageType, VR.CS, "ORIGINAL\\PRIMARY\\DERIVED"))));
    }

    @Test
    void derivedComputedObjectsGiveNoImageTypeSignal() {
        for (String uid : List.of(UID.SegmentationStorage, UID.LabelMapSegmentationStorage, UID.ParametricMapStorage,
                UID.RTDoseStorage)) {
            assertEquals(List.of(), codes(BurnedInRisk.assess(image(Tag.SOPClassUID, VR.UI, uid,
                    Tag.ImageType, VR.CS, "DERIVED\\SECONDARY"))), uid);
        }
        assertEquals(Level.HIGH, BurnedInRisk.assess(image(Tag.SOPClassUID, VR.UI, UID.SegmentationStorage,
                Tag.ImageType, VR.CS, "DERIVED\\SECONDARY\\SCREEN SAVE")).level());
    }

    @Test
    void labelImageOfWholeSlideIsHigh() {
        Assessment a = BurnedInRisk.assess(image(Tag.SOPClassUID, VR.UI, UID.VLWholeSlideMicroscopyImageStorage,
                Tag.ImageType, VR.CS, "ORIGINAL\\PRIMARY\\LABEL\\NONE"));
        assertEquals(Level.HIGH, a.level());
        assertEquals(Level.HIGH, signal(a, "image-type=LABEL").weight());
    }

    @Test
    void overviewImageOfSlideMicroscopyModalityIsHigh() {
        Assessment a = BurnedInRisk.assess(image(Tag.Modality, VR.CS, "SM",
                Tag.ImageType, VR.CS, "DERIVED\\PRIMARY\\OVERVIEW\\NONE"));
        assertEquals(Level.HIGH, signal(a, "image-type=OVERVIEW").weight());
    }

    @Test
    void labelValueOutsideWholeSlideImagesMeansNothing() {
        assertEquals(List.of(), codes(BurnedInRisk.assess(image(Tag.Modality, VR.CS, "CT",
                Tag.ImageType, VR.CS, "ORIGINAL\\PRIMARY\\LABEL"))));
    }

    @Test
    void capturingConversionTypesAreHigh() {
        for (String c : List.of("DV", "DF", "SD", "WSD")) {
            Assessment a = BurnedInRisk.assess(image(Tag.ConversionType, VR.CS, c));
            assertEquals(Level.HIGH, signal(a, "conversion-type=" + c).weight(), c);
        }
    }

    @Test
    void otherConversionTypesAreLow() {
        for (String c : List.of("SI", "DI", "DRW", "SYN")) {
            assertEquals(Level.LOW, signal(BurnedInRisk.assess(image(Tag.ConversionType, VR.CS, c)),
                    "conversion-type=" + c).weight(), c);
        }
    }

    @Test
    void unexpectedConversionTextIsNotEchoed() {
        Assessment a = BurnedInRisk.assess(image(Tag.ConversionType, VR.CS, "by j.doe"));
        assertEquals(List.of("conversion-type=other", "burned-in-annotation=absent"), codes(a));
    }

    @Test
    void knownCaptureDeviceIsMatchedAsCaseInsensitivePrefix() {
        Assessment a = BurnedInRisk.assess(image(Tag.Manufacturer, VR.LO, "MEDICAPTURE INC."));
        assertEquals(Level.HIGH, signal(a, "manufacturer=MediCapture").weight());
    }

    @Test
    void manufacturerThatOnlyContainsTheNameIsNotMatched() {
        assertEquals(List.of(), codes(BurnedInRisk.assess(image(Tag.Manufacturer, VR.LO, "Acme MediCapture"))));
        assertEquals(List.of(), codes(BurnedInRisk.assess(image(Tag.Manufacturer, VR.LO, "Medi"))));
    }

    @Test
    void knownWorkstationModelIsLow() {
        Assessment a = BurnedInRisk.assess(image(Tag.ManufacturerModelName, VR.LO, "Vitrea Advanced"));
        assertEquals(List.of("model=Vitrea", "burned-in-annotation=absent"), codes(a));
        assertEquals(Level.LOW, a.level());
    }

    @Test
    void burnedInAnnotationYesMakesAnyImageHigh() {
        Assessment a = BurnedInRisk.assess(image(Tag.Modality, VR.CS, "CT", Tag.BurnedInAnnotation, VR.CS, "YES"));
        assertEquals(Level.HIGH, a.level());
        assertEquals(List.of("burned-in-annotation=YES"), codes(a));
    }

    @Test
    void burnedInAnnotationNoIsNotTrustedForUltrasound() {
        Assessment a = BurnedInRisk.assess(image(Tag.Modality, VR.CS, "US", Tag.BurnedInAnnotation, VR.CS, "NO"));
        assertEquals(Level.HIGH, a.level());
        assertEquals(Level.HIGH, signal(a, "burned-in-annotation=NO-not-trusted").weight());
    }

    @Test
    void burnedInAnnotationNoKeepsALowClassLow() {
        Assessment a = BurnedInRisk.assess(image(Tag.Modality, VR.CS, "CR", Tag.BurnedInAnnotation, VR.CS, "NO"));
        assertEquals(Level.LOW, a.level());
        assertEquals(Level.LOW, signal(a, "burned-in-annotation=NO-not-trusted").weight());
    }

    @Test
    void burnedInAnnotationNoOnAHarmlessClassIsInformational() {
        Assessment a = BurnedInRisk.assess(image(Tag.Modality, VR.CS, "MR", Tag.BurnedInAnnotation, VR.CS, "NO"));
        assertEquals(Level.NONE, a.level());
        assertEquals(List.of("burned-in-annotation=NO"), codes(a));
    }

    @Test
    void absentBurnedInAnnotationIsOnlyReportedForRiskyClasses() {
        assertEquals(Level.LOW, signal(BurnedInRisk.assess(image(Tag.Modality, VR.CS, "NM")),
                "burned-in-annotation=absent").weight());
        assertEquals(List.of(), codes(BurnedInRisk.assess(image(Tag.Modality, VR.CS, "CT"))));
    }

    @Test
    void unrecognizedBurnedInAnnotationIsReportedAtTheClassLevel() {
        Assessment a = BurnedInRisk.assess(image(Tag.Modality, VR.CS, "XA", Tag.BurnedInAnnotation, VR.CS, "MAYBE"));
        assertEquals(Level.LOW, signal(a, "burned-in-annotation=unrecognized").weight());
        assertEquals(Level.NONE, signal(BurnedInRisk.assess(image(Tag.BurnedInAnnotation, VR.CS, "MAYBE")),
                "burned-in-annotation=unrecognized").weight());
    }

    @Test
    void recognizableVisualFeaturesYesIsHigh() {
        Assessment a = BurnedInRisk.assess(image(Tag.RecognizableVisualFeatures, VR.CS, "YES"));
        assertEquals(Level.HIGH, a.level());
        assertEquals(List.of("recognizable-visual-features=YES"), codes(a));
    }

    @Test
    void recognizableVisualFeaturesNoLowersNothing() {
        Assessment a = BurnedInRisk.assess(image(Tag.Modality, VR.CS, "US", Tag.RecognizableVisualFeatures, VR.CS, "NO"));
        assertEquals(Level.HIGH, a.level());
        assertEquals(List.of("modality=US", "burned-in-annotation=absent"), codes(a));
    }

    static Stream<Arguments> realisticHeaders() {
        return Stream.of(
                Arguments.of("CT axial, original", Level.NONE, image(Tag.Modality, VR.CS, "CT",
                        Tag.SOPClassUID, VR.UI, UID.CTImageStorage, Tag.ImageType, VR.CS, "ORIGINAL\\PRIMARY\\AXIAL")),
                Arguments.of("MR saying NO", Level.NONE, image(Tag.Modality, VR.CS, "MR",
                        Tag.SOPClassUID, VR.UI, UID.MRImageStorage, Tag.ImageType, VR.CS, "ORIGINAL\\PRIMARY\\M\\ND",
                        Tag.BurnedInAnnotation, VR.CS, "NO")),
                Arguments.of("PET", Level.NONE, image(Tag.Modality, VR.CS, "PT",
                        Tag.SOPClassUID, VR.UI, UID.PositronEmissionTomographyImageStorage,
                        Tag.ImageType, VR.CS, "ORIGINAL\\PRIMARY")),
                Arguments.of("ultrasound without the attribute", Level.HIGH, image(Tag.Modality, VR.CS, "US",
                        Tag.SOPClassUID, VR.UI, UID.UltrasoundImageStorage, Tag.Manufacturer, VR.LO, "ALOKA CO., LTD.")),
                Arguments.of("ultrasound saying NO", Level.HIGH, image(Tag.Modality, VR.CS, "US",
                        Tag.SOPClassUID, VR.UI, UID.UltrasoundImageStorage, Tag.BurnedInAnnotation, VR.CS, "NO")),
                Arguments.of("ultrasound cine saying YES", Level.HIGH, image(Tag.Modality, VR.CS, "US",
                        Tag.SOPClassUID, VR.UI, UID.UltrasoundMultiFrameImageStorage,
                        Tag.BurnedInAnnotation, VR.CS, "YES")),
                Arguments.of("GE CT dose screen", Level.HIGH, image(Tag.Modality, VR.CS, "CT",
                        Tag.SOPClassUID, VR.UI, UID.SecondaryCaptureImageStorage, Tag.ConversionType, VR.CS, "WSD",
                        Tag.ImageType, VR.CS, "DERIVED\\SECONDARY\\SCREEN SAVE",
                        Tag.Manufacturer, VR.LO, "GE MEDICAL SYSTEMS")),
                Arguments.of("CT reformat", Level.LOW, image(Tag.Modality, VR.CS, "CT",
                        Tag.SOPClassUID, VR.UI, UID.CTImageStorage,
                        Tag.ImageType, VR.CS, "DERIVED\\SECONDARY\\REFORMATTED")),
                Arguments.of("CR chest", Level.LOW, image(Tag.Modality, VR.CS, "CR",
                        Tag.SOPClassUID, VR.UI, UID.ComputedRadiographyImageStorage,
                        Tag.ImageType, VR.CS, "ORIGINAL\\PRIMARY")),
                Arguments.of("DX for presentation saying NO", Level.LOW, image(Tag.Modality, VR.CS, "DX",
                        Tag.SOPClassUID, VR.UI, UID.DigitalXRayImageStorageForPresentation,
                        Tag.ImageType, VR.CS, "DERIVED\\PRIMARY", Tag.BurnedInAnnotation, VR.CS, "NO")),
                Arguments.of("mammogram", Level.LOW, image(Tag.Modality, VR.CS, "MG",
                        Tag.SOPClassUID, VR.UI, UID.DigitalMammographyXRayImageStorageForPresentation)),
                Arguments.of("nuclear medicine", Level.LOW, image(Tag.Modality, VR.CS, "NM",
                        Tag.SOPClassUID, VR.UI, UID.NuclearMedicineImageStorage,
                        Tag.ImageType, VR.CS, "ORIGINAL\\PRIMARY\\STATIC\\EMISSION")),
                Arguments.of("angiography run", Level.LOW, image(Tag.Modality, VR.CS, "XA",
                        Tag.SOPClassUID, VR.UI, UID.XRayAngiographicImageStorage,
                        Tag.ImageType, VR.CS, "ORIGINAL\\PRIMARY\\SINGLE PLANE")),
                Arguments.of("CT with annotations burned in", Level.HIGH, image(Tag.Modality, VR.CS, "CT",
                        Tag.SOPClassUID, VR.UI, UID.CTImageStorage, Tag.BurnedInAnnotation, VR.CS, "YES")),
                Arguments.of("dermatology photograph", Level.HIGH, image(Tag.Modality, VR.CS, "XC",
                        Tag.SOPClassUID, VR.UI, UID.VLPhotographicImageStorage,
                        Tag.RecognizableVisualFeatures, VR.CS, "YES")),
                Arguments.of("whole slide volume", Level.LOW, image(Tag.Modality, VR.CS, "SM",
                        Tag.SOPClassUID, VR.UI, UID.VLWholeSlideMicroscopyImageStorage,
                        Tag.ImageType, VR.CS, "ORIGINAL\\PRIMARY\\VOLUME\\NONE")),
                Arguments.of("whole slide label", Level.HIGH, image(Tag.Modality, VR.CS, "SM",
                        Tag.SOPClassUID, VR.UI, UID.VLWholeSlideMicroscopyImageStorage,
                        Tag.ImageType, VR.CS, "ORIGINAL\\PRIMARY\\LABEL\\NONE")),
                Arguments.of("colonoscopy still", Level.HIGH, image(Tag.Modality, VR.CS, "ES",
                        Tag.SOPClassUID, VR.UI, UID.VLEndoscopicImageStorage)),
                Arguments.of("scanned request form", Level.HIGH, image(Tag.Modality, VR.CS, "OT",
                        Tag.SOPClassUID, VR.UI, UID.SecondaryCaptureImageStorage, Tag.ConversionType, VR.CS, "SD")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("realisticHeaders")
    void realisticHeadersGetTheirLevel(String description, Level expected, Dataset ds) {
        assertEquals(expected, BurnedInRisk.assess(ds).level(), () -> codes(BurnedInRisk.assess(ds)).toString());
    }

    @Test
    void signalsComeInAFixedOrder() {
        Assessment a = BurnedInRisk.assess(image(Tag.Modality, VR.CS, "CT",
                Tag.SOPClassUID, VR.UI, UID.SecondaryCaptureImageStorage, Tag.ConversionType, VR.CS, "WSD",
                Tag.ImageType, VR.CS, "DERIVED\\SECONDARY\\SCREEN SAVE", Tag.Manufacturer, VR.LO, "TeraRecon, Inc.",
                Tag.BurnedInAnnotation, VR.CS, "NO", Tag.RecognizableVisualFeatures, VR.CS, "YES"));
        assertEquals(List.of("sop-class=secondary-capture", "image-type=SCREEN SAVE", "image-type=SECONDARY",
                "image-type=DERIVED", "conversion-type=WSD", "manufacturer=TeraRecon",
                "burned-in-annotation=NO-not-trusted", "recognizable-visual-features=YES"), codes(a));
    }
}
