package org.dicomtools.deid.pixel;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.dicomtools.deid.dicom.Dataset;
import org.dicomtools.deid.dicom.DicomElement;
import org.dicomtools.deid.dicom.TransferSyntax;
import org.dicomtools.deid.pixel.text.Raster;
import org.dicomtools.deid.pixel.text.TextBox;
import org.dicomtools.deid.pixel.text.TextDetector;

/**
 * Runs the text detector on every frame of an image: native pixel data through its 8-bit display
 * rendering ({@link FrameImages}), decoded frames as given. Boxes come back in pixel coordinates of
 * each frame.
 */
public final class BurnedInText {
    private final TextDetector detector;

    public BurnedInText(TextDetector.Settings settings) {
        this.detector = new TextDetector(settings);
    }

    /**
     * Whether deidentify and verify search an image for text (every frame), so that both look
     * alike: yes when the header signals a risk (LOW or HIGH), or signals none but the pixels look
     * rendered for display (8-bit samples or colour: screens, captures, printed films, where text
     * is drawn); no for raw 12- to 16-bit monochrome acquisitions with a harmless header (CT, MR,
     * PET reconstructions draw no text, and searching every slice would cost more than the rest
     * of the run).
     */
    public static boolean searchesForText(BurnedInRisk.Assessment risk, Dataset ds) {
        return risk.level() != BurnedInRisk.Level.NONE || ds.getInt(0x00280100, 16) <= 8
                || ds.getInt(0x00280002, 1) > 1;
    }

    /**
     * Text boxes of every frame of pixel data this plugin can decode: native pixel data, and JPEG
     * baseline or extended 8-bit frames through ImageIO. Empty when it cannot decode the pixel data
     * (other compressed transfer syntaxes, unsupported layouts): then the detector did not run.
     */
    public Optional<List<List<Rect>>> detectAny(Dataset ds, TransferSyntax ts) {
        DicomElement pixel = ds.get(0x7FE00010);
        if (pixel == null) {
            return Optional.empty();
        }
        try {
            if (!pixel.isFragments()) {
                int frames = FrameImages.frameCount(ds);
                List<List<Rect>> out = new ArrayList<>(frames);
                for (int f = 0; f < frames; f++) {
                    out.add(detect(FrameImages.fromNative(ds, f)));
                }
                return Optional.of(out);
            }
            if (!isJpeg8(ts)) {
                return Optional.empty();
            }
            int frames = Math.max(1, ds.getInt(0x00280008, 1));
            List<List<Rect>> out = new ArrayList<>();
            List<byte[]> encoded = EncapsulatedFrames.split(pixel.fragments(), frames);
            for (int i = 0; i < encoded.size(); i++) {
                BufferedImage img = ImageIO.read(new ByteArrayInputStream(encoded.get(i)));
                if (img == null) {
                    return Optional.empty();
                }
                out.add(detect(img));
            }
            return Optional.of(out);
        } catch (PixelDataException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** JPEG baseline and extended (8-bit frames): the syntaxes whose frames the JDK decodes. */
    public static boolean isJpeg8(TransferSyntax ts) {
        return ts.uid().equals("1.2.840.10008.1.2.4.50") || ts.uid().equals("1.2.840.10008.1.2.4.51");
    }

    /** Text boxes of every frame of native pixel data. */
    public List<List<Rect>> detect(Dataset ds) throws PixelDataException, IOException {
        int frames = FrameImages.frameCount(ds);
        List<List<Rect>> out = new ArrayList<>(frames);
        for (int f = 0; f < frames; f++) {
            out.add(detect(FrameImages.fromNative(ds, f)));
        }
        return out;
    }

    /** Text boxes of one rendered frame. */
    public List<Rect> detect(BufferedImage image) {
        int[] lum = FrameImages.luminance(image);
        List<Rect> out = new ArrayList<>();
        for (TextBox b : detector.detect(new Raster(image.getWidth(), image.getHeight(), lum, 255))) {
            out.add(new Rect(b.x(), b.y(), b.width(), b.height()));
        }
        return out;
    }

    /** The boxes that are not wholly inside one of the masked rectangles. */
    public static List<Rect> outside(List<Rect> boxes, List<Rect> masked) {
        List<Rect> out = new ArrayList<>();
        for (Rect b : boxes) {
            boolean covered = false;
            for (Rect m : masked) {
                if (b.x() >= m.x() && b.y() >= m.y() && b.right() <= m.right() && b.bottom() <= m.bottom()) {
                    covered = true;
                    break;
                }
            }
            if (!covered) {
                out.add(b);
            }
        }
        return out;
    }
}
