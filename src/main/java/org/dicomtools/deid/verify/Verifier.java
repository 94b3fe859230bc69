package org.dicomtools.deid.verify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.dicomtools.deid.dicom.Dataset;
import org.dicomtools.deid.dicom.DicomFile;
import org.dicomtools.deid.dicom.DicomFormatException;
import org.dicomtools.deid.dicom.DicomReader;
import org.dicomtools.deid.dicom.ReadOptions;
import org.dicomtools.deid.dicom.VR;
import org.dicomtools.deid.dicom.dict.Tag;
import org.dicomtools.deid.engine.EngineListener;
import org.dicomtools.deid.engine.Parallel;
import org.dicomtools.deid.verify.checks.UnhandledBurnedIn;
import org.dicomtools.deid.verify.checks.DanglingReference;
import org.dicomtools.deid.verify.checks.FileNamePhi;
import org.dicomtools.deid.verify.checks.FingerprintMatch;
import org.dicomtools.deid.verify.checks.InconsistentPatient;
import org.dicomtools.deid.verify.checks.MalformedFile;
import org.dicomtools.deid.verify.checks.MarkersMissing;
import org.dicomtools.deid.verify.checks.PhiPattern;
import org.dicomtools.deid.verify.checks.PrivateNotSafe;
import org.dicomtools.deid.verify.checks.RetainedPhiAttribute;
import org.dicomtools.deid.verify.checks.SensitiveFile;
import org.dicomtools.deid.verify.checks.SeriesInSeveralStudies;
import org.dicomtools.deid.verify.checks.UidNotRegenerated;
import org.dicomtools.deid.verify.checks.UnreadableFile;

/**
 * The release gate: reads every file of a dataset (all cores, bulk data left on disk), runs every
 * {@link Check} on it, then the dataset-wide checks, applies the baseline and returns the report.
 * Fails closed: a file it cannot read is a finding. Files that belong to the repository around the
 * dataset (the review manifest, the baseline, {@code .git*} entries) are not checked.
 */
public final class Verifier {
    /**
     * What one verify run needs.
     *
     * @param dataset the dataset directory
     * @param datasetName how reports name it (relative to the project when inside it)
     * @param context profile, secret, ledger, review manifest
     * @param baseline accepted findings
     * @param failOn severity threshold
     * @param threads worker threads
     * @param skip files inside the dataset that are not part of it (review manifest, baseline)
     * @param thumbnails directory for review thumbnails, or null for none
     */
    public record Request(Path dataset, String datasetName, VerifyContext context, Baseline baseline, Severity failOn,
            int threads, Set<Path> skip, Path thumbnails) {
        public Request {
            Objects.requireNonNull(dataset, "dataset");
            Objects.requireNonNull(context, "context");
            baseline = baseline == null ? Baseline.empty() : baseline;
            skip = Set.copyOf(skip);
        }
    }

    private final Request req;
    private final EngineListener listener;
    private final List<Check> checks;
    private final DicomReader reader = new DicomReader(ReadOptions.DEFAULT);

    public Verifier(Request request, EngineListener listener) {
        this.req = request;
        this.listener = listener;
        this.checks = checks(request.thumbnails());
    }

    /** Every rule, in id order. */
    public static List<Check> checks(Path thumbnails) {
        List<Check> all = new ArrayList<>(List.of(new UnhandledBurnedIn(thumbnails), new DanglingReference(),
                new MarkersMissing(), new FileNamePhi(), new FingerprintMatch(), new InconsistentPatient(),
                new MalformedFile(), new PhiPattern(), new PrivateNotSafe(), new RetainedPhiAttribute(),
                new SensitiveFile(), new SeriesInSeveralStudies(), new UidNotRegenerated(), new UnreadableFile()));
        all.sort(Comparator.comparing(c -> c.info().id()));
        return List.copyOf(all);
    }

    /** One file's findings and facts. */
    private record Result(List<Finding> findings, FileFacts facts, Map<String, String> thumbnails) {
    }

    public VerifyReport run() throws IOException {
        if (!Files.isDirectory(req.dataset())) {
            throw new IOException("the dataset " + req.dataset() + " is not a directory");
        }
        if (!req.context().canFingerprint()) {
            listener.info(req.context().keys() == null
                    ? "No secret: fingerprint-match does not run (structural and pattern checks do)"
                    : "No ledger of this secret in the work directory: fingerprint-match does not run");
        }
        List<String> files = walk();
        List<Result> results = Parallel.map(files.size(), req.threads(), i -> check(files.get(i)));
        List<Finding> all = new ArrayList<>();
        List<FileFacts> facts = new ArrayList<>();
        Map<String, String> thumbnails = new TreeMap<>();
        for (Result r : results) {
            all.addAll(r.findings());
            if (r.facts() != null) {
                facts.add(r.facts());
            }
            thumbnails.putAll(r.thumbnails());
        }
        for (Check c : checks) {
            c.checkDataset(facts, req.context(), new FindingSink(c.info(), "", all));
        }
        List<Finding> findings = new ArrayList<>();
        List<Finding> accepted = new ArrayList<>();
        Set<Baseline.Entry> used = new LinkedHashSet<>();
        for (Finding f : all) {
            Baseline.Entry e = req.baseline().match(f);
            if (e == null) {
                findings.add(f);
            } else {
                accepted.add(f);
                used.add(e);
            }
        }
        List<String> stale = new ArrayList<>();
        for (Baseline.Entry e : req.baseline().entries()) {
            if (!used.contains(e)) {
                stale.add(e.describe());
            }
        }
        List<RuleInfo> rules = checks.stream().map(Check::info).toList();
        return new VerifyReport(req.datasetName(), rules, files, findings, accepted, stale, req.failOn(), thumbnails);
    }

    private List<String> walk() throws IOException {
        Path root = req.dataset();
        Set<Path> skip = new LinkedHashSet<>();
        for (Path p : req.skip()) {
            skip.add(p.toAbsolutePath().normalize());
        }
        List<String> out = new ArrayList<>();
        // Links are followed: a dataset given as a link, or holding one, must not verify as empty.
        try (Stream<Path> s = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
            for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile).sorted()::iterator) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (skip.contains(p.toAbsolutePath().normalize()) || isRepositoryFile(rel)) {
                    continue;
                }
                out.add(rel);
            }
        } catch (UncheckedIOException e) {
            throw new IOException("cannot walk the dataset " + root + ": " + e.getCause().getMessage(), e.getCause());
        }
        return out;
    }

    private static boolean isRepositoryFile(String rel) {
        for (String segment : rel.split("/")) {
            if (segment.startsWith(".git")) {
                return true;
            }
        }
        return false;
    }

    private Result check(String rel) {
        List<Finding> out = new ArrayList<>();
        for (Check c : checks) {
            c.checkPath(rel, req.context(), new FindingSink(c.info(), rel, out));
        }
        Path path = req.dataset().resolve(rel);
        Map<String, String> thumbs = new TreeMap<>();
        try (DicomFile f = reader.read(path)) {
            CheckedFile file = new CheckedFile(rel, f);
            for (Check c : checks) {
                c.checkFile(file, req.context(), new FindingSink(c.info(), rel, out));
                if (c instanceof UnhandledBurnedIn b) {
                    String t = b.thumbnailFor(rel);
                    if (t != null) {
                        thumbs.put(rel, t);
                    }
                }
            }
            return new Result(out, facts(file), thumbs);
        } catch (DicomFormatException e) {
            if (!alreadySensitive(out) && !sensitiveContent(path, rel, out)) {
                String reason = e.reason().startsWith("not a DICOM file") ? "is not a DICOM file"
                        : "cannot be parsed: offset " + e.offset() + (e.tagPath().isEmpty() ? "" : " at " + e.tagPath())
                                + ": " + e.reason();
                new FindingSink(UnreadableFile.INFO, rel, out).add("", "the file " + reason, "");
            }
        } catch (IOException | RuntimeException e) {
            new FindingSink(UnreadableFile.INFO, rel, out).add("", "the file cannot be read: "
                    + e.getClass().getSimpleName(), "");
        }
        return new Result(out, null, thumbs);
    }

    private static boolean alreadySensitive(List<Finding> out) {
        return out.stream().anyMatch(f -> f.ruleId().equals(SensitiveFile.INFO.id()));
    }

    /** A non-DICOM file whose first line marks a mapping, ledger or index. */
    private boolean sensitiveContent(Path path, String rel, List<Finding> out) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(path),
                StandardCharsets.UTF_8))) {
            char[] buf = new char[256];
            int n = r.read(buf);
            String first = n <= 0 ? "" : new String(buf, 0, n).lines().findFirst().orElse("");
            // Spreadsheet programs save CSV with a byte order mark.
            first = first.startsWith("\uFEFF") ? first.substring(1) : first;
            if (SensitiveFile.isSensitive("", first)) {
                new FindingSink(SensitiveFile.INFO, rel, out).add("",
                        "the file's content is a deid:deidentify mapping, ledger or index", "");
                return true;
            }
        } catch (IOException e) {
            listener.debug("cannot sniff " + rel);
        }
        return false;
    }

    private static FileFacts facts(CheckedFile file) {
        Dataset ds = file.dataset();
        List<FileFacts.Reference> refs = new ArrayList<>();
        for (ElementRef r : file.elements()) {
            if (r.tag() == Tag.ReferencedSOPInstanceUID && r.vr() == VR.UI && !r.inMeta()) {
                for (String v : r.values()) {
                    if (!v.isEmpty()) {
                        refs.add(new FileFacts.Reference(v, r.path()));
                    }
                }
            }
        }
        return new FileFacts(file.path(), value(ds, Tag.PatientID), value(ds, Tag.PatientBirthDate),
                value(ds, Tag.PatientSex), value(ds, Tag.StudyInstanceUID), value(ds, Tag.SeriesInstanceUID),
                value(ds, Tag.SOPInstanceUID), refs);
    }

    private static String value(Dataset ds, int tag) {
        String v = ds.getString(tag);
        return v == null ? "" : v;
    }
}
