package org.dicomtools.deid.engine;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.imageio.ImageIO;

import org.dicomtools.deid.dicom.Dataset;
import org.dicomtools.deid.dicom.DicomElement;
import org.dicomtools.deid.dicom.Sequence;
import org.dicomtools.deid.dicom.TransferSyntax;
import org.dicomtools.deid.dicom.VR;
import org.dicomtools.deid.dicom.dict.Tag;
import org.dicomtools.deid.pixel.BurnedInRisk;
import org.dicomtools.deid.pixel.BurnedInText;
import org.dicomtools.deid.pixel.EncapsulatedFrames;
import org.dicomtools.deid.pixel.MaskRule;
import org.dicomtools.deid.pixel.MaskRules;
import org.dicomtools.deid.pixel.NativePixelMasker;
import org.dicomtools.deid.pixel.PixelDataException;
import org.dicomtools.deid.pixel.PixelHash;
import org.dicomtools.deid.pixel.Rect;
import org.dicomtools.deid.pixel.jpeg.JpegBlockMasker;
import org.dicomtools.deid.pixel.jpeg.JpegException;
import org.dicomtools.deid.pixel.text.TextDetector;
import org.dicomtools.deid.profile.MaskLine;
import org.dicomtools.deid.profile.Option;
import org.dicomtools.deid.profile.Profile;

/**
 * Burned-in text in deidentify (PS3.15 E.3.1, Clean Pixel Data): after the attributes, each image
 * whose header signals a risk ({@link BurnedInRisk}) is
 * <ol>
 * <li>masked with the profile's matching mask rules when the {@code clean-pixel-data} option is on:
 *     native pixel data of any layout frame by frame; JPEG baseline in the compressed domain
 *     (only the 8x8 blocks under the mask change, the transfer syntax stays), or, when that is not
 *     possible, decoded with ImageIO, masked and stored uncompressed; other compressed syntaxes are
 *     not decoded and the image goes to review;</li>
 * <li>searched for text on every frame by the detector (native, or decodable JPEG) when
 *     {@link BurnedInText#searchesForText} says so, the same as verify: an image at risk, or a
 *     rendered image whose header signals none; text outside
 *     the masks is masked too when {@link ImagePolicy#maskDetected()} (and the option) allow it,
 *     with a margin of a quarter of the text's height around each box, otherwise the image goes to
 *     review;</li>
 * <li>recorded: masked images and images at high risk that were not (fully) masked get an entry
 *     in the review manifest ({@code masked} or {@code pending}). A reviewer's {@code cleared} or
 *     {@code excluded} decision about the same pixel data is kept.</li>
 * </ol>
 * Burned In Annotation becomes NO only for masked or cleared images, YES for the others at risk;
 * Patient Identity Removed is YES only when the pixels were handled too. A LOW risk without detector
 * hits is not flagged (the detector is what LOW asks for); text the detector finds in an image with
 * a harmless header sends it to review like any other.
 */
final class ImageStage {
    /** What happened to one image. */
    enum Status {
        /** No risk signal, nothing to do. */
        NONE,
        /** Masked; nothing left that the detector sees. */
        MASKED,
        /** At risk and not (fully) masked: a reviewer must decide. */
        PENDING,
        /** A reviewer cleared this exact pixel data. */
        CLEARED,
        /** A reviewer excluded this image from the dataset: it is not written. */
        EXCLUDED
    }

    /**
     * @param status the outcome
     * @param signals the risk signals (codes)
     * @param rules mask rules applied ({@code detector} for detector boxes), comma-separated, or null
     * @param transferSyntax the transfer syntax to write (changes when a JPEG was decoded)
     * @param temps temporary files to delete once the file is written
     * @param pixelHash SHA-256 of the pixel data as it will be written
     */
    record Outcome(Status status, List<String> signals, String rules, TransferSyntax transferSyntax, List<Path> temps,
            String pixelHash) {
    }

    private final List<MaskRule> masks = new ArrayList<>();
    private final ImagePolicy policy;
    private final boolean clean;
    private final BurnedInText detector = new BurnedInText(TextDetector.Settings.DEFAULT);

    /** Parses the profile's mask rules; a wrong rule throws {@link IllegalArgumentException} with its location. */
    ImageStage(Profile profile, ImagePolicy policy) throws IOException {
        this.policy = policy;
        this.clean = profile.options().contains(Option.CLEAN_PIXEL_DATA);
        for (MaskLine m : profile.masks()) {
            try {
                if (m.library() != null) {
                    masks.addAll(library(m, policy.baseDir()));
                } else {
                    masks.add(MaskRule.parse(m.rule(), m.source(), m.line()));
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(m.location() + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * A {@code masks} library: a shipped one by name, else a file relative to the profile file
     * that names it (or to the base directory for profiles given as text).
     */
    private static List<MaskRule> library(MaskLine m, Path baseDir) throws IOException {
        if (m.library().matches("[a-z0-9-]+")) {
            return MaskRules.builtin(m.library());
        }
        Path source = m.source().startsWith("builtin:") ? null : baseDir.resolve(m.source());
        Path file = source != null && source.getParent() != null ? source.getParent().resolve(m.library())
                : baseDir.resolve(m.library());
        return MaskRules.read(file);
    }

    Outcome process(Dataset ds, TransferSyntax ts, Path tempDir, ReviewManifest.Entry prior) throws IOException {
        List<Path> temps = new ArrayList<>();
        if (!ds.contains(Tag.PixelData)) {
            return new Outcome(Status.NONE, List.of(), null, ts, temps, null);
        }
        BurnedInRisk.Assessment risk = BurnedInRisk.assess(ds);
        List<String> signals = new ArrayList<>();
        for (BurnedInRisk.Signal s : risk.deciding()) {
            signals.add(s.code());
        }
        if (!policy.detectAll() && !BurnedInText.searchesForText(risk, ds)) {
            return new Outcome(Status.NONE, signals, null, ts, temps, null);
        }
        int rows = ds.getInt(Tag.Rows, 0);
        int cols = ds.getInt(Tag.Columns, 0);
        List<MaskRule> matching = clean ? MaskRules.matching(masks, ds) : List.of();
        List<Rect> rects = MaskRules.rects(matching, cols, rows);
        Set<String> applied = new LinkedHashSet<>();
        matching.forEach(r -> applied.add(r.name()));
        TransferSyntax outTs = ts;
        boolean maskable = true;
        boolean masked = false;
        try {
            if (!rects.isEmpty()) {
                outTs = mask(ds, ts, rects, tempDir, temps);
                masked = true;
            }
        } catch (PixelDataException | JpegException e) {
            maskable = false;
            signals.add("not-maskable: " + e.getMessage());
        }
        boolean textLeft = false;
        boolean detectorRan = false;
        if (policy.detectText() && maskable) {
            Optional<List<List<Rect>>> found = detector.detectAny(ds, outTs);
            detectorRan = found.isPresent();
            List<Rect> boxes = new ArrayList<>();
            found.ifPresent(perFrame -> perFrame.forEach(f -> boxes.addAll(BurnedInText.outside(f, rects))));
            if (!boxes.isEmpty()) {
                signals.add("detector=" + boxes.size() + " text region(s)");
                if (clean && policy.maskDetected()) {
                    try {
                        outTs = mask(ds, outTs, widen(dedupe(boxes), cols, rows), tempDir, temps);
                        masked = true;
                        applied.add("detector");
                    } catch (PixelDataException | JpegException e) {
                        textLeft = true;
                    }
                } else {
                    textLeft = true;
                }
            }
        }
        String hash = PixelHash.sha256(ds).map(h -> "sha256:" + h).orElse(null);
        boolean atRisk = risk.needsHandling(textLeft, detectorRan || masked);
        Status status;
        if (prior != null && hash != null && hash.equals(prior.pixelHash())
                && (prior.status() == ReviewManifest.Status.CLEARED || prior.status() == ReviewManifest.Status.EXCLUDED)) {
            status = prior.status() == ReviewManifest.Status.CLEARED ? Status.CLEARED : Status.EXCLUDED;
        } else if (textLeft || !maskable) {
            status = Status.PENDING;
        } else if (masked) {
            status = Status.MASKED;
        } else if (atRisk) {
            status = Status.PENDING;
        } else {
            status = Status.NONE;
        }
        mark(ds, status, masked);
        return new Outcome(status, signals, applied.isEmpty() ? null : String.join(",", applied), outTs, temps, hash);
    }

    /** Sets Burned In Annotation and Patient Identity Removed truthfully, and the Clean Pixel Data code. */
    private static void mark(Dataset ds, Status status, boolean masked) {
        switch (status) {
            case MASKED, CLEARED -> {
                ds.setString(Tag.BurnedInAnnotation, VR.CS, "NO");
                ds.setString(Tag.PatientIdentityRemoved, VR.CS, "YES");
            }
            case PENDING -> {
                ds.setString(Tag.BurnedInAnnotation, VR.CS, "YES");
                ds.setString(Tag.PatientIdentityRemoved, VR.CS, "NO");
                // The pixels are not known to be clean: the image must not claim Clean Pixel Data.
                cleanPixelDataCode(ds, false);
            }
            default -> {
            }
        }
        if (masked) {
            // The fill is outside the range the header claims; the range would now be wrong.
            ds.remove(Tag.SmallestImagePixelValue);
            ds.remove(Tag.LargestImagePixelValue);
            ds.remove(Tag.IconImageSequence);
        }
        if (masked && status != Status.PENDING) {
            cleanPixelDataCode(ds, true);
        }
    }

    /** Adds the Clean Pixel Data code (CID 7050 113101) to the method code sequence unless it is there, or removes it. */
    private static void cleanPixelDataCode(Dataset ds, boolean present) {
        DicomElement codes = ds.get(Tag.DeidentificationMethodCodeSequence);
        if (codes == null || !codes.isSequence()) {
            return;
        }
        Sequence seq = codes.sequence();
        boolean found = false;
        for (int i = seq.size() - 1; i >= 0; i--) {
            if (Option.CLEAN_PIXEL_DATA.codeValue().equals(seq.get(i).getString(Tag.CodeValue))) {
                found = true;
                if (!present) {
                    seq.removeItem(i);
                }
            }
        }
        if (present && !found) {
            Dataset item = seq.addItem();
            item.setString(Tag.CodeValue, VR.SH, Option.CLEAN_PIXEL_DATA.codeValue());
            item.setString(Tag.CodingSchemeDesignator, VR.SH, Option.CODING_SCHEME_DESIGNATOR);
            item.setString(Tag.CodeMeaning, VR.LO, Option.CLEAN_PIXEL_DATA.codeMeaning());
        }
    }

    /** Masks every frame; returns the transfer syntax to write. */
    private TransferSyntax mask(Dataset ds, TransferSyntax ts, List<Rect> rects, Path tempDir, List<Path> temps)
            throws PixelDataException, JpegException, IOException {
        DicomElement pixel = ds.get(Tag.PixelData);
        if (!pixel.isFragments()) {
            DicomElement out = NativePixelMasker.mask(ds, rects, tempDir);
            if (out.isBulk()) {
                temps.add(out.bulkData().file());
            }
            ds.set(out);
            return ts;
        }
        if (!BurnedInText.isJpeg8(ts)) {
            throw new PixelDataException("transfer syntax " + ts.uid() + " is not decoded here; the image needs review");
        }
        int frames = Math.max(1, ds.getInt(Tag.NumberOfFrames, 1));
        List<byte[]> in = EncapsulatedFrames.split(pixel.fragments(), frames);
        List<JpegBlockMasker.Rect> jr = new ArrayList<>();
        for (Rect r : rects) {
            jr.add(new JpegBlockMasker.Rect(r.x(), r.y(), r.width(), r.height()));
        }
        List<byte[]> out = new ArrayList<>();
        try {
            for (byte[] f : in) {
                out.add(JpegBlockMasker.mask(f, jr, JpegBlockMasker.Fill.BLACK,
                        JpegBlockMasker.Tables.REBUILD_WHEN_NEEDED).jpeg());
            }
        } catch (JpegException e) {
            // Not editable in the compressed domain: decode, mask and store uncompressed.
            decodeToNative(ds, in);
            DicomElement masked = NativePixelMasker.mask(ds, rects, tempDir);
            if (masked.isBulk()) {
                temps.add(masked.bulkData().file());
            }
            ds.set(masked);
            dropExtendedOffsetTable(ds);
            return TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
        }
        boolean bot = pixel.fragments().length(0) > 0;
        ds.set(DicomElement.of(Tag.PixelData, VR.OB, EncapsulatedFrames.join(out, bot)));
        dropExtendedOffsetTable(ds);
        return ts;
    }

    /**
     * Removes the Extended Offset Table and its lengths (PS3.3 C.7.6.3, PS3.5 A.4), which locate the
     * frames as they were: the rewritten frames have other lengths (and native pixel data has no
     * table). Both are Type 3; the Basic Offset Table is written when the source had one.
     */
    private static void dropExtendedOffsetTable(Dataset ds) {
        ds.remove(Tag.ExtendedOffsetTable);
        ds.remove(Tag.ExtendedOffsetTableLengths);
    }

    /** Replaces JPEG frames with native 8-bit pixels (RGB or MONOCHROME2) decoded by ImageIO. */
    private static void decodeToNative(Dataset ds, List<byte[]> frames) throws IOException, PixelDataException {
        List<BufferedImage> images = new ArrayList<>();
        for (byte[] f : frames) {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(f));
            if (img == null) {
                throw new PixelDataException("ImageIO cannot decode the JPEG frame");
            }
            images.add(img);
        }
        BufferedImage first = images.get(0);
        boolean gray = first.getRaster().getNumBands() == 1;
        int w = first.getWidth();
        int h = first.getHeight();
        // Checked before the dataset changes: a failure later would leave native pixels under a JPEG syntax.
        for (BufferedImage img : images) {
            if (img.getWidth() != ds.getInt(Tag.Columns, -1) || img.getHeight() != ds.getInt(Tag.Rows, -1)) {
                throw new PixelDataException("a decoded JPEG frame of " + img.getWidth() + " x " + img.getHeight()
                        + " pixels does not match Columns " + ds.getInt(Tag.Columns, -1) + " and Rows "
                        + ds.getInt(Tag.Rows, -1));
            }
        }
        int spp = gray ? 1 : 3;
        byte[] px = new byte[w * h * spp * images.size()];
        int pos = 0;
        for (BufferedImage img : images) {
            BufferedImage conv = new BufferedImage(w, h, gray ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
            conv.getGraphics().drawImage(img, 0, 0, null);
            byte[] data = ((DataBufferByte) conv.getRaster().getDataBuffer()).getData();
            if (gray) {
                System.arraycopy(data, 0, px, pos, data.length);
            } else {
                for (int i = 0; i < data.length; i += 3) {
                    px[pos + i] = data[i + 2];
                    px[pos + i + 1] = data[i + 1];
                    px[pos + i + 2] = data[i];
                }
            }
            pos += data.length;
        }
        ds.setInts(Tag.SamplesPerPixel, VR.US, spp);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, gray ? "MONOCHROME2" : "RGB");
        if (!gray) {
            ds.setInts(Tag.PlanarConfiguration, VR.US, 0);
        } else {
            ds.remove(Tag.PlanarConfiguration);
        }
        ds.setInts(Tag.BitsAllocated, VR.US, 8);
        ds.setInts(Tag.BitsStored, VR.US, 8);
        ds.setInts(Tag.HighBit, VR.US, 7);
        ds.setInts(Tag.PixelRepresentation, VR.US, 0);
        // The image was lossy compressed once; that history stays true (PS3.3 C.7.6.1.1.5).
        ds.setString(Tag.LossyImageCompression, VR.CS, "01");
        ds.setBytes(Tag.PixelData, VR.OB, px);
    }

    private static List<Rect> dedupe(List<Rect> boxes) {
        return new ArrayList<>(new LinkedHashSet<>(boxes));
    }

    /**
     * Detector boxes grown by a quarter of their height (at least 2 pixels) on every side, clipped to
     * the image: a box is tight around the pixels the detector found, and the soft edges of the
     * strokes (anti-aliasing, blur, compression) lie just outside it.
     */
    private static List<Rect> widen(List<Rect> boxes, int columns, int rows) {
        List<Rect> out = new ArrayList<>(boxes.size());
        for (Rect b : boxes) {
            int m = Math.max(2, (b.height() + 3) / 4);
            int x0 = Math.max(0, b.x() - m);
            int y0 = Math.max(0, b.y() - m);
            long x1 = Math.min(b.right() + m, columns);
            long y1 = Math.min(b.bottom() + m, rows);
            out.add(new Rect(x0, y0, (int) Math.max(0, x1 - x0), (int) Math.max(0, y1 - y0)));
        }
        return out;
    }
}
