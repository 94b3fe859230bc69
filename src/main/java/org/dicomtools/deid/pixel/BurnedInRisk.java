package org.dicomtools.deid.pixel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.dicomtools.deid.dicom.Dataset;
import org.dicomtools.deid.dicom.dict.Tag;
import org.dicomtools.deid.dicom.dict.UID;
import org.dicomtools.deid.dicom.dict.UidDictionary;

/**
 * Classifies how likely an image is to carry identifying text (or a face) in its pixels, from its
 * header alone. Tag-level de-identification cannot see burned-in text, so deidentify and verify
 * both use this classification to decide which images must be masked, checked by the text
 * detector, or reviewed.
 *
 * <p>Each header fact that matters becomes a {@link Signal} with a weight, and the level of the
 * image is the highest weight among its signals. Nothing lowers a level: in particular Burned In
 * Annotation (0028,0301) = NO is not trusted for a class that usually burns text in, because many
 * devices write NO whatever they do (the attribute is Type 3 in the General Image Module,
 * PS3.3 C.7.6.1, and often copied blindly).
 *
 * <table>
 * <caption>Decision rule</caption>
 * <tr><th>signal</th><th>when</th><th>weight</th></tr>
 * <tr><td>{@code pixel-data=absent}</td><td>no (7FE0,0010), (7FE0,0008) or (7FE0,0009): the level is
 *     NONE whatever else the header says</td><td>NONE</td></tr>
 * <tr><td>{@code modality=US}, {@code ES}, {@code SC}</td><td>Modality (0008,0060)</td><td>HIGH</td></tr>
 * <tr><td>{@code modality=XA}, {@code RF}, {@code NM}, {@code CR}, {@code DX}, {@code MG}, {@code OT},
 *     {@code XC}, {@code OP}, {@code PX}, {@code SM}</td><td>Modality</td><td>LOW</td></tr>
 * <tr><td>{@code sop-class=secondary-capture}</td><td>Secondary Capture and the four multi-frame
 *     Secondary Capture classes</td><td>HIGH</td></tr>
 * <tr><td>{@code sop-class=ultrasound}</td><td>Ultrasound and Ultrasound Multi-frame (and their
 *     retired forms)</td><td>HIGH</td></tr>
 * <tr><td>{@code sop-class=vl-endoscopic}</td><td>VL Endoscopic, Video Endoscopic</td><td>HIGH</td></tr>
 * <tr><td>{@code sop-class=vl-photographic}</td><td>VL Photographic, Video Photographic</td><td>HIGH</td></tr>
 * <tr><td>{@code sop-class=vl-microscopic}</td><td>VL Microscopic, VL Slide-Coordinates Microscopic,
 *     Video Microscopic</td><td>LOW</td></tr>
 * <tr><td>{@code sop-class=vl-whole-slide}</td><td>VL Whole Slide Microscopy</td><td>LOW</td></tr>
 * <tr><td>{@code image-type=SCREEN SAVE}</td><td>a value of Image Type (0008,0008)</td><td>HIGH</td></tr>
 * <tr><td>{@code image-type=LABEL}, {@code image-type=OVERVIEW}</td><td>a value of Image Type of a whole
 *     slide image (SOP class or Modality SM): the slide label is photographed</td><td>HIGH</td></tr>
 * <tr><td>{@code image-type=SECONDARY}, {@code image-type=DERIVED}</td><td>a value of Image Type
 *     (DERIVED only as value 1), except for Segmentation, Label Map and Height Map Segmentation,
 *     Parametric Map and RT Dose, whose pixels are computed values</td><td>LOW</td></tr>
 * <tr><td>{@code conversion-type=DV}, {@code DF}, {@code SD}, {@code WSD}</td><td>Conversion Type
 *     (0008,0064)</td><td>HIGH</td></tr>
 * <tr><td>{@code conversion-type=}<i>other</i></td><td>any other Conversion Type (SI, DI, DRW, SYN,
 *     unknown)</td><td>LOW</td></tr>
 * <tr><td>{@code manufacturer=...}, {@code model=...}</td><td>a known producer of captured or annotated
 *     images (see {@link #KNOWN_EQUIPMENT})</td><td>HIGH or LOW</td></tr>
 * <tr><td>{@code burned-in-annotation=YES}</td><td>Burned In Annotation YES</td><td>HIGH</td></tr>
 * <tr><td>{@code burned-in-annotation=absent}</td><td>absent while another signal is LOW or HIGH</td>
 *     <td>that signal's level</td></tr>
 * <tr><td>{@code burned-in-annotation=NO-not-trusted}</td><td>NO while another signal is LOW or HIGH</td>
 *     <td>that signal's level</td></tr>
 * <tr><td>{@code burned-in-annotation=NO}</td><td>NO and no other signal</td><td>NONE</td></tr>
 * <tr><td>{@code burned-in-annotation=unrecognized}</td><td>a value other than YES or NO</td>
 *     <td>the level of the other signals</td></tr>
 * <tr><td>{@code recognizable-visual-features=YES}</td><td>Recognizable Visual Features (0028,0302)
 *     YES: a face or other feature; masking rectangles cannot fix that, a reviewer must decide</td>
 *     <td>HIGH</td></tr>
 * </table>
 *
 * <p>The level reads: HIGH, assume identifying text is burned in (mask it, or have it reviewed);
 * LOW, text is possible (run the text detector and treat a hit as HIGH); NONE, nothing in the
 * header points to burned-in text.
 */
public final class BurnedInRisk {

    /** How likely the pixels are to carry identifying text or features. */
    public enum Level {
        /** Nothing in the header suggests burned-in text. */
        NONE,
        /** Text is possible: check the pixels (text detector) before trusting the image. */
        LOW,
        /** Assume text is burned in: the image must be masked or reviewed. */
        HIGH;

        /** The higher of two levels. */
        public Level max(Level other) {
            return compareTo(other) >= 0 ? this : other;
        }
    }

    /**
     * One header fact that bears on the risk.
     *
     * @param code stable identifier {@code key=value} (for example {@code modality=US}); safe to print,
     *     it never holds a patient value
     * @param reason one sentence a reviewer can read
     * @param weight the level this fact alone implies
     */
    public record Signal(String code, String reason, Level weight) {
        public Signal {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(weight, "weight");
        }
    }

    /**
     * The outcome: the level and every signal found, in a fixed order (pixel data, modality, SOP class,
     * image type, conversion type, equipment, burned-in annotation, recognizable visual features).
     *
     * @param level the highest weight among the signals (NONE when there are none)
     * @param signals all signals, including those that did not decide the level
     */
    public record Assessment(Level level, List<Signal> signals) {
        public Assessment {
            Objects.requireNonNull(level, "level");
            signals = List.copyOf(signals);
        }

        /**
         * The one rule deidentify and verify share: an image needs masking or a review when its
         * header says HIGH; when it says LOW and the detector found text or could not look (pixel
         * data it cannot decode); and whatever the header says, when the detector found text.
         */
        public boolean needsHandling(boolean textFound, boolean detectorRan) {
            return level == Level.HIGH || textFound || level == Level.LOW && !detectorRan;
        }

        /** The signals whose weight equals the level: the ones that decided it. */
        public List<Signal> deciding() {
            return level == Level.NONE ? List.of()
                    : signals.stream().filter(s -> s.weight() == level).toList();
        }
    }

    /**
     * A producer of images that are screen or video captures, or often carry annotations drawn into
     * the pixels. Matched case-insensitively as a prefix of Manufacturer (0008,0070) or Manufacturer's
     * Model Name (0008,1090).
     *
     * @param field {@code manufacturer} or {@code model}
     * @param prefix the start of the value, compared ignoring case
     * @param weight the weight of the signal
     * @param reason why it matters
     */
    public record KnownEquipment(String field, String prefix, Level weight, String reason) {
        public KnownEquipment {
            if (!field.equals("manufacturer") && !field.equals("model")) {
                throw new IllegalArgumentException("field must be manufacturer or model: " + field);
            }
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(weight, "weight");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The equipment list. It is deliberately short: a vendor name proves little, and most images from
     * these products are already caught by their SOP class or Image Type. It names kinds of product
     * whose whole purpose is capturing another device's screen (video recorders), or whose derived
     * images are commonly saved with the viewer's annotations (advanced visualisation workstations).
     * It was compiled from what these products do, not from a survey of their files.
     */
    public static final List<KnownEquipment> KNOWN_EQUIPMENT = List.of(
            new KnownEquipment("manufacturer", "MediCapture", Level.HIGH,
                    "medical video recorder: its images are frames of another device's display, text included"),
            new KnownEquipment("manufacturer", "Vital Images", Level.LOW,
                    "advanced visualisation workstation: derived images are often saved with annotations"),
            new KnownEquipment("model", "Vitrea", Level.LOW,
                    "advanced visualisation workstation: derived images are often saved with annotations"),
            new KnownEquipment("manufacturer", "TeraRecon", Level.LOW,
                    "advanced visualisation workstation: derived images are often saved with annotations"));

    private record Known(Level weight, String reason) {
    }

    private static final Map<String, Known> MODALITIES = Map.ofEntries(
            Map.entry("US", new Known(Level.HIGH,
                    "ultrasound systems print patient, institution and exam details into the image")),
            Map.entry("ES", new Known(Level.HIGH,
                    "endoscopy video processors overlay patient details on the video")),
            Map.entry("SC", new Known(Level.HIGH,
                    "modality SC marks a secondary capture of a screen or video")),
            Map.entry("XA", new Known(Level.LOW,
                    "angiography systems may store frames with patient details or annotations drawn in")),
            Map.entry("RF", new Known(Level.LOW,
                    "fluoroscopy systems may store frames with patient details or annotations drawn in")),
            Map.entry("NM", new Known(Level.LOW,
                    "nuclear medicine processing stations often save result screens with patient details")),
            Map.entry("CR", new Known(Level.LOW,
                    "projection radiographs may carry burned-in labels (patient ID flash, institution)")),
            Map.entry("DX", new Known(Level.LOW,
                    "projection radiographs may carry burned-in labels (patient ID flash, institution)")),
            Map.entry("MG", new Known(Level.LOW,
                    "mammograms may carry burned-in labels (patient ID, institution)")),
            Map.entry("OT", new Known(Level.LOW,
                    "modality OT is mostly used for captured or converted images")),
            Map.entry("XC", new Known(Level.LOW,
                    "external-camera photographs may show faces, wristbands or written labels")),
            Map.entry("OP", new Known(Level.LOW,
                    "fundus cameras often print patient name and date into the photograph")),
            Map.entry("PX", new Known(Level.LOW,
                    "panoramic dental radiographs often carry printed patient details")),
            Map.entry("SM", new Known(Level.LOW,
                    "slide microscopy may include photographs of the slide label")));

    private record SopFamily(String code, Level weight, String reason) {
    }

    private static final SopFamily SECONDARY_CAPTURE = new SopFamily("secondary-capture", Level.HIGH,
            "secondary captures are screens, videos, films or documents, captured with any text they show");
    private static final SopFamily ULTRASOUND = new SopFamily("ultrasound", Level.HIGH,
            "ultrasound systems print patient, institution and exam details into the image");
    private static final SopFamily ENDOSCOPIC = new SopFamily("vl-endoscopic", Level.HIGH,
            "endoscopy video processors overlay patient details on the video");
    private static final SopFamily PHOTOGRAPHIC = new SopFamily("vl-photographic", Level.HIGH,
            "photographs of patients can show faces, wristbands or written labels");
    private static final SopFamily MICROSCOPIC = new SopFamily("vl-microscopic", Level.LOW,
            "microscope images may include the slide label");
    private static final SopFamily WHOLE_SLIDE = new SopFamily("vl-whole-slide", Level.LOW,
            "whole slide images include label and overview images that show the slide label");

    private static final Map<String, SopFamily> SOP_CLASSES = Map.ofEntries(
            Map.entry(UID.SecondaryCaptureImageStorage, SECONDARY_CAPTURE),
            Map.entry(UID.MultiFrameSingleBitSecondaryCaptureImageStorage, SECONDARY_CAPTURE),
            Map.entry(UID.MultiFrameGrayscaleByteSecondaryCaptureImageStorage, SECONDARY_CAPTURE),
            Map.entry(UID.MultiFrameGrayscaleWordSecondaryCaptureImageStorage, SECONDARY_CAPTURE),
            Map.entry(UID.MultiFrameTrueColorSecondaryCaptureImageStorage, SECONDARY_CAPTURE),
            Map.entry(UID.UltrasoundImageStorage, ULTRASOUND),
            Map.entry(UID.UltrasoundMultiFrameImageStorage, ULTRASOUND),
            Map.entry(UID.UltrasoundImageStorageRetired, ULTRASOUND),
            Map.entry(UID.UltrasoundMultiFrameImageStorageRetired, ULTRASOUND),
            Map.entry(UID.VLEndoscopicImageStorage, ENDOSCOPIC),
            Map.entry(UID.VideoEndoscopicImageStorage, ENDOSCOPIC),
            Map.entry(UID.VLPhotographicImageStorage, PHOTOGRAPHIC),
            Map.entry(UID.VideoPhotographicImageStorage, PHOTOGRAPHIC),
            Map.entry(UID.VLMicroscopicImageStorage, MICROSCOPIC),
            Map.entry(UID.VLSlideCoordinatesMicroscopicImageStorage, MICROSCOPIC),
            Map.entry(UID.VideoMicroscopicImageStorage, MICROSCOPIC),
            Map.entry(UID.VLWholeSlideMicroscopyImageStorage, WHOLE_SLIDE));

    /**
     * Classes whose pixels are computed values (labels, quantities, doses), not pictures of a screen or
     * a patient: their Image Type DERIVED or SECONDARY says how the values were made and nothing about
     * annotations, so it raises no signal for them.
     */
    private static final Set<String> COMPUTED_CLASSES = Set.of(UID.SegmentationStorage, UID.LabelMapSegmentationStorage,
            UID.HeightMapSegmentationStorage, UID.ParametricMapStorage, UID.RTDoseStorage);

    /** Conversion Type (0008,0064) defined terms of PS3.3 C.8.6.1 that mean a captured picture of text. */
    private static final Map<String, String> CONVERSION_HIGH = Map.of(
            "DV", "digitized video: frames of another device's display, its text included",
            "DF", "digitized film: film labels and jackets are scanned with the image",
            "SD", "scanned document: forms and reports carry patient details",
            "WSD", "workstation capture: a screen saved with its annotations");

    private BurnedInRisk() {
    }

    /** Classifies one dataset (the top level of an image object). */
    public static Assessment assess(Dataset ds) {
        Objects.requireNonNull(ds, "ds");
        if (!ds.contains(Tag.PixelData) && !ds.contains(Tag.FloatPixelData)
                && !ds.contains(Tag.DoubleFloatPixelData)) {
            return new Assessment(Level.NONE, List.of(new Signal("pixel-data=absent",
                    "no Pixel Data, Float Pixel Data or Double Float Pixel Data: nothing can be burned in",
                    Level.NONE)));
        }
        List<Signal> signals = new ArrayList<>();
        String modality = upper(ds.getString(Tag.Modality));
        Known m = modality == null ? null : MODALITIES.get(modality);
        if (m != null) {
            signals.add(new Signal("modality=" + modality, "Modality " + modality + ": " + m.reason(), m.weight()));
        }
        String sopClass = ds.getString(Tag.SOPClassUID);
        SopFamily family = sopClass == null ? null : SOP_CLASSES.get(sopClass);
        if (family != null) {
            signals.add(new Signal("sop-class=" + family.code(),
                    UidDictionary.standard().nameOf(sopClass) + ": " + family.reason(), family.weight()));
        }
        imageTypeSignals(ds, family == WHOLE_SLIDE || "SM".equals(modality),
                sopClass != null && COMPUTED_CLASSES.contains(sopClass), signals);
        conversionTypeSignal(ds, signals);
        equipmentSignals(ds, signals);

        Level classLevel = Level.NONE;
        for (Signal s : signals) {
            classLevel = classLevel.max(s.weight());
        }
        annotationSignals(ds, classLevel, signals);

        Level level = Level.NONE;
        for (Signal s : signals) {
            level = level.max(s.weight());
        }
        return new Assessment(level, signals);
    }

    private static void imageTypeSignals(Dataset ds, boolean wholeSlide, boolean computed, List<Signal> signals) {
        List<String> values = ds.getStrings(Tag.ImageType).stream().map(BurnedInRisk::upper).toList();
        if (values.contains("SCREEN SAVE")) {
            signals.add(new Signal("image-type=SCREEN SAVE",
                    "Image Type SCREEN SAVE: a capture of a display, annotations included", Level.HIGH));
        }
        if (wholeSlide) {
            for (String v : List.of("LABEL", "OVERVIEW")) {
                if (values.contains(v)) {
                    signals.add(new Signal("image-type=" + v, "Image Type " + v
                            + " of a whole slide image: a photograph of the slide label", Level.HIGH));
                }
            }
        }
        if (computed) {
            return;
        }
        if (values.contains("SECONDARY")) {
            signals.add(new Signal("image-type=SECONDARY",
                    "Image Type SECONDARY: created after the examination, sometimes from a screen", Level.LOW));
        }
        if (!values.isEmpty() && "DERIVED".equals(values.get(0))) {
            signals.add(new Signal("image-type=DERIVED",
                    "Image Type DERIVED: processed or rendered images are sometimes saved with annotations",
                    Level.LOW));
        }
    }

    private static void conversionTypeSignal(Dataset ds, List<Signal> signals) {
        String conversion = upper(ds.getString(Tag.ConversionType));
        if (conversion == null) {
            return;
        }
        String reason = CONVERSION_HIGH.get(conversion);
        if (reason != null) {
            signals.add(new Signal("conversion-type=" + conversion, "Conversion Type " + conversion + ": " + reason,
                    Level.HIGH));
        } else {
            // The value is printed only when it is a plain code, so a free-text value cannot leak.
            String code = conversion.matches("[A-Z0-9_ ]{1,16}") ? conversion : "other";
            signals.add(new Signal("conversion-type=" + code,
                    "Conversion Type " + code + ": the image was converted or captured, not acquired", Level.LOW));
        }
    }

    private static void equipmentSignals(Dataset ds, List<Signal> signals) {
        String manufacturer = ds.getString(Tag.Manufacturer);
        String model = ds.getString(Tag.ManufacturerModelName);
        for (KnownEquipment k : KNOWN_EQUIPMENT) {
            String value = k.field().equals("manufacturer") ? manufacturer : model;
            if (value != null && startsWithIgnoreCase(value, k.prefix())) {
                signals.add(new Signal(k.field() + "=" + k.prefix(),
                        (k.field().equals("manufacturer") ? "Manufacturer " : "Model ") + k.prefix() + ": "
                                + k.reason(), k.weight()));
            }
        }
    }

    private static void annotationSignals(Dataset ds, Level classLevel, List<Signal> signals) {
        String burnedIn = upper(ds.getString(Tag.BurnedInAnnotation));
        if (burnedIn == null) {
            if (classLevel != Level.NONE) {
                signals.add(new Signal("burned-in-annotation=absent",
                        "Burned In Annotation is absent in a class that often burns text in", classLevel));
            }
        } else if (burnedIn.equals("YES")) {
            signals.add(new Signal("burned-in-annotation=YES",
                    "Burned In Annotation YES: the device says the pixels hold annotations", Level.HIGH));
        } else if (burnedIn.equals("NO")) {
            if (classLevel != Level.NONE) {
                signals.add(new Signal("burned-in-annotation=NO-not-trusted",
                        "Burned In Annotation NO is not trusted in a class that often burns text in", classLevel));
            } else {
                signals.add(new Signal("burned-in-annotation=NO", "Burned In Annotation NO", Level.NONE));
            }
        } else {
            signals.add(new Signal("burned-in-annotation=unrecognized",
                    "Burned In Annotation has a value other than YES or NO", classLevel));
        }
        if ("YES".equals(upper(ds.getString(Tag.RecognizableVisualFeatures)))) {
            signals.add(new Signal("recognizable-visual-features=YES",
                    "Recognizable Visual Features YES: the image shows a face or other identifying feature,"
                            + " which masking rectangles cannot remove",
                    Level.HIGH));
        }
    }

    private static boolean startsWithIgnoreCase(String value, String prefix) {
        return value.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    private static String upper(String s) {
        return s == null ? null : s.trim().toUpperCase(Locale.ROOT);
    }
}
