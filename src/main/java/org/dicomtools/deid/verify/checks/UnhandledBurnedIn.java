package org.dicomtools.deid.verify.checks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.dicomtools.deid.dicom.Dataset;
import org.dicomtools.deid.dicom.DicomElement;
import org.dicomtools.deid.dicom.dict.Tag;
import org.dicomtools.deid.engine.ReviewManifest;
import org.dicomtools.deid.pixel.BurnedInRisk;
import org.dicomtools.deid.pixel.BurnedInText;
import org.dicomtools.deid.pixel.FrameImages;
import org.dicomtools.deid.pixel.PixelDataException;
import org.dicomtools.deid.pixel.PixelHash;
import org.dicomtools.deid.pixel.Rect;
import org.dicomtools.deid.pixel.Thumbnails;
import org.dicomtools.deid.pixel.text.TextDetector;
import org.dicomtools.deid.verify.Check;
import org.dicomtools.deid.verify.CheckedFile;
import org.dicomtools.deid.verify.FindingSink;
import org.dicomtools.deid.verify.RuleInfo;
import org.dicomtools.deid.verify.Severity;
import org.dicomtools.deid.verify.VerifyContext;

/**
 * {@code burned-in-risk}: an image that may show identifying text in its pixels and is neither
 * masked nor cleared in the review manifest. An image is at risk when its header signals it
 * ({@link BurnedInRisk}: modality, SOP class, Image Type, Burned In Annotation YES or absent where
 * the class is risky — NO alone is never trusted — and more), or when the text detector finds text
 * in an image whose header looks harmless (every frame of the images
 * {@link BurnedInText#searchesForText} names, as deidentify does). Then it needs a review manifest entry for its SOP
 * Instance UID that says {@code masked} or {@code cleared} and whose pixel hash matches the file;
 * {@code pending} entries, {@code excluded} images still present and stale hashes fail too. A PNG
 * contact sheet of every frame, with detected text boxed, is written for each finding so that the
 * HTML report can show it.
 */
public final class UnhandledBurnedIn implements Check {
    public static final RuleInfo INFO = new RuleInfo("burned-in-risk", "Burned-in text not handled", Severity.HIGH,
            "The image may show identifying text in its pixels and is neither masked nor cleared in the review"
                    + " manifest. Look at the thumbnail: mask the text (a mask rule in the profile, then re-run"
                    + " deid:deidentify), or record your decision in the review manifest (status cleared or"
                    + " excluded, with reviewer and date).");

    private final Path thumbnails;
    private final BurnedInText detector = new BurnedInText(TextDetector.Settings.DEFAULT);
    private final Map<String, String> written = new ConcurrentHashMap<>();

    /** @param thumbnails directory for contact sheets (inside the report directory), or null for none */
    public UnhandledBurnedIn(Path thumbnails) {
        this.thumbnails = thumbnails;
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }

    /** The thumbnail written for a file, relative to the report directory, or null. */
    public String thumbnailFor(String file) {
        return written.get(file);
    }

    @Override
    public void checkFile(CheckedFile file, VerifyContext ctx, FindingSink out) {
        Dataset ds = file.dataset();
        DicomElement pixel = ds.get(Tag.PixelData);
        if (pixel == null) {
            return;
        }
        BurnedInRisk.Assessment risk = BurnedInRisk.assess(ds);
        List<List<Rect>> boxes = List.of();
        boolean detectorRan = false;
        // HIGH needs handling whatever the detector says: no need to look.
        if (ctx.detectText() && risk.level() != BurnedInRisk.Level.HIGH && BurnedInText.searchesForText(risk, ds)) {
            Optional<List<List<Rect>>> found = detector.detectAny(ds, file.file().transferSyntax());
            detectorRan = found.isPresent();
            boxes = found.orElse(List.of());
        }
        boolean textSeen = boxes.stream().anyMatch(b -> !b.isEmpty());
        if (!risk.needsHandling(textSeen, detectorRan || !ctx.detectText())) {
            return;
        }
        String why = describe(risk, textSeen);
        String key = ReviewManifest.key(ds.getString(Tag.SOPInstanceUID), file.path());
        ReviewManifest.Entry entry = ctx.review() == null ? null : ctx.review().get(key);
        String problem = null;
        if (entry == null) {
            problem = "image at risk of burned-in text (" + why + ") has no review manifest entry";
        } else if (entry.status() == ReviewManifest.Status.PENDING) {
            problem = "image at risk of burned-in text (" + why + ") waits for review (pending)";
        } else if (entry.status() == ReviewManifest.Status.EXCLUDED) {
            problem = "image was excluded by " + (entry.reviewer() == null ? "a reviewer" : "the reviewer")
                    + " but is still in the dataset";
        } else if (entry.status() == ReviewManifest.Status.CLEARED && (entry.reviewer() == null
                || entry.reviewer().isBlank())) {
            problem = "review manifest entry says cleared but names no reviewer";
        } else {
            String hash = hash(ds);
            if (hash == null || !hash.equals(entry.pixelHash())) {
                problem = "pixel data changed since the review (" + entry.status().name().toLowerCase() + ")";
            }
        }
        if (problem != null) {
            out.add("(7FE0,0010)", problem, "");
            thumbnail(file.path(), ds, boxes);
        }
    }

    private static String describe(BurnedInRisk.Assessment risk, boolean textSeen) {
        List<String> codes = new ArrayList<>();
        for (BurnedInRisk.Signal s : risk.deciding()) {
            codes.add(s.code());
        }
        if (textSeen) {
            codes.add("text detected");
        }
        return String.join(", ", codes);
    }

    private static String hash(Dataset ds) {
        try {
            Optional<String> h = PixelHash.sha256(ds);
            return h.map(x -> "sha256:" + x).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private void thumbnail(String file, Dataset ds, List<List<Rect>> boxes) {
        if (thumbnails == null || ds.get(Tag.PixelData).isFragments()) {
            return;
        }
        try {
            String name = "thumbnails/" + digest(file) + ".png";
            Path png = thumbnails.getParent().resolve(name);
            Files.createDirectories(png.getParent());
            List<List<Rect>> none = new ArrayList<>();
            int frames = FrameImages.frameCount(ds);
            List<List<Rect>> detected = new ArrayList<>();
            for (int f = 0; f < frames; f++) {
                none.add(List.of());
                detected.add(f < boxes.size() ? boxes.get(f) : List.of());
            }
            Thumbnails.contactSheet(ds, detected, none, png);
            written.put(file, name);
        } catch (PixelDataException | IOException | RuntimeException e) {
            // A thumbnail is a convenience: the finding stands without it.
        }
    }

    private static String digest(String s) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                sb.append(String.format("%02x", h[i]));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
