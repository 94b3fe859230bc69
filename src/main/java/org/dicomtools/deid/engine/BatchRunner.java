package org.dicomtools.deid.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.dicomtools.deid.dicom.Dataset;
import org.dicomtools.deid.dicom.DicomFile;
import org.dicomtools.deid.dicom.DicomFormatException;
import org.dicomtools.deid.dicom.DicomReader;
import org.dicomtools.deid.dicom.DicomWriter;
import org.dicomtools.deid.dicom.Implementation;
import org.dicomtools.deid.dicom.TransferSyntax;
import org.dicomtools.deid.dicom.VR;
import org.dicomtools.deid.dicom.dict.Tag;
import org.dicomtools.deid.dicom.dict.UID;

/**
 * A deidentify run over a folder (DESIGN.md decision 10).
 *
 * <ol>
 * <li>Walk the input (any file name, sorted) and pick the files of this shard that the up-to-date
 *     index does not cover.</li>
 * <li>Survey every input file's header (all shards, all cores): the patient it belongs to, its
 *     output path, and the PHI tokens of the values the profile removes. A patient's tokens are
 *     the union over all of its files, so cleaning gives the same result whichever files a run
 *     processes: the output depends only on input, secret and configuration.</li>
 * <li>De-identify the chosen files on all cores and write each atomically (temporary file and
 *     rename) under a path derived from keyed values only. The index records each finished file
 *     at once, so an interrupted run resumes, and the {@link RunJournal} its mappings, so the
 *     resumed run still writes them for every file.</li>
 * <li>Write, in the owner-only work directory, {@code uid_mapping.csv}, {@code patid_mapping.csv},
 *     the fingerprint ledger and {@code deid-log.json}.</li>
 * </ol>
 * Inputs are only read. Files that are not DICOM, cannot be parsed, are DICOMDIRs (which index the
 * original names) or duplicate another file's instance are reported, never copied.
 */
public final class BatchRunner {
    /** Name of the files in the work directory. */
    public static final String INDEX = "index.tsv";
    public static final String UID_MAPPING = "uid_mapping.csv";
    public static final String PATIENT_ID_MAPPING = "patid_mapping.csv";
    public static final String LEDGER = "ledger.tsv";
    public static final String LOG = "deid-log.json";
    /** Mappings of the files an unfinished run wrote (see {@link RunJournal}); gone after a complete run. */
    public static final String JOURNAL = "run-journal.csv";

    /**
     * Statuses the next run processes again although the input did not change: an image waiting for
     * a reviewer (the decision may have come), and a file that failed for a reason outside it (a
     * full disk, a file in the way of its output).
     */
    private static final Set<String> RETRIED = Set.of("pending", "failed");

    private final DeidRequest req;
    private final EngineListener listener;
    private final Deidentifier deidentifier;
    private final DicomReader reader;
    private final DicomWriter writer = new DicomWriter();
    private final ImageStage images;
    private ReviewManifest review = new ReviewManifest();
    /** Owner-only folder of the work directory for masked pixel data on its way into an output. */
    private Path tempDir;

    /**
     * @throws IOException if a mask library cannot be read
     * @throws IllegalArgumentException if a mask rule of the profile is wrong (message names its line)
     */
    public BatchRunner(DeidRequest request, EngineListener listener) throws IOException {
        this.req = request;
        this.listener = listener;
        this.deidentifier = new Deidentifier(request.profile(), request.keys());
        this.reader = new DicomReader(request.readOptions());
        this.images = new ImageStage(request.profile(), request.images());
    }

    /** An input file. */
    private record Input(String rel, Path path, long size, long modified) {
    }

    /**
     * What the survey learnt about one file. {@code claim} names the instance the file writes: its
     * SOP Instance UID, or its output path when it has none; two files with one claim are duplicates.
     */
    private record Survey(String patientKey, String output, String claim, FileRecord tokens,
            RunSummary.Problem problem) {
    }

    /** What processing one file gave. */
    private record Outcome(String status, String output, FileRecord record, RunSummary.Problem problem,
            long bytes, ReviewManifest.Entry review, String scope) {
        Outcome(String status, RunSummary.Problem problem) {
            this(status, null, null, problem, 0, null, null);
        }
    }

    public RunSummary run() throws IOException {
        long t0 = System.nanoTime();
        checkPaths();
        SecureFiles.ownerOnlyDirectory(req.workDir());
        if (req.images().reviewManifest() != null) {
            review = ReviewManifest.read(req.images().reviewManifest());
        }
        List<Input> inputs = walk();
        List<Input> mine = new ArrayList<>();
        for (Input in : inputs) {
            if (req.shard().contains(in.rel())) {
                mine.add(in);
            }
        }
        String fingerprint = fingerprint();
        // Anonymize mode keeps no mappings, so it has nothing to journal.
        try (FileIndex index = FileIndex.load(req.workDir().resolve(INDEX), fingerprint, listener);
                RunJournal journal = req.keys().isEphemeral() ? null
                        : RunJournal.open(req.workDir().resolve(JOURNAL), fingerprint, listener)) {
            List<Input> todo = new ArrayList<>();
            for (Input in : mine) {
                if (req.force() || !index.upToDate(in.rel(), in.size(), in.modified(), req.dataset())
                        || RETRIED.contains(statusOf(index, in.rel()))) {
                    todo.add(in);
                }
            }
            int upToDate = mine.size() - todo.size();
            if (todo.isEmpty() && (journal == null || !journal.hasUnfinishedEntries())) {
                listener.info("Every file of the input is up to date in " + req.dataset());
                int removed = removeStale(index, inputs);
                index.compact();
                RunSummary summary = new RunSummary(inputs.size(), 0, upToDate, inputs.size() - mine.size(), 0,
                        List.of(), 0, System.nanoTime() - t0, Map.of(), 0, 0, removed);
                AuditLog.write(req.workDir().resolve(LOG), req, summary, Map.of());
                return summary;
            }
            listener.info("Surveying " + inputs.size() + " file(s) for patients and PHI tokens");
            List<Survey> surveys = Parallel.map(inputs.size(), req.threads(), i -> survey(inputs.get(i)));
            Map<String, PhiTokens.TokenSet> patients = patientTokens(surveys);
            KnownTokens known = new KnownTokens(globalTokens(surveys).stream().filter(TokenHits::isGlobal).toList());
            Map<String, String> firstClaim = new HashMap<>();
            for (int i = 0; i < inputs.size(); i++) {
                if (surveys.get(i).claim() != null) {
                    firstClaim.putIfAbsent(surveys.get(i).claim(), inputs.get(i).rel());
                }
            }
            Map<String, Integer> position = new HashMap<>();
            for (int i = 0; i < inputs.size(); i++) {
                position.put(inputs.get(i).rel(), i);
            }
            listener.info("De-identifying " + todo.size() + " file(s) with " + req.threads() + " thread(s)");
            tempDir = SecureFiles.ownerOnlyDirectory(req.workDir().resolve("tmp"));
            List<Outcome> outcomes = Parallel.map(todo.size(), req.threads(), k -> {
                Input in = todo.get(k);
                Survey s = surveys.get(position.get(in.rel()));
                Outcome o = process(in, s, patients, known, firstClaim);
                try {
                    if (journal != null && o.record() != null) {
                        journal.append(in.rel(), o.record(), o.scope());
                    }
                    index.put(in.rel(), new FileIndex.Entry(in.size(), in.modified(), o.status(),
                            o.output() == null ? FileIndex.NO_OUTPUT : o.output()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return o;
            });
            RunSummary summary = finish(inputs, mine, todo, upToDate, surveys, outcomes, patients, journal, index,
                    t0);
            index.compact();
            return summary;
        }
    }

    /**
     * Deletes from the dataset the files an earlier run wrote that the input no longer produces: its
     * input is gone or now fails, a reviewer excluded the image, or the output path changed (another
     * secret or profile). The dataset then holds exactly what the current input, secret and
     * configuration give; files the plugin never wrote are left alone (verify reports them).
     *
     * @return the number of files deleted
     */
    private int removeStale(FileIndex index, List<Input> inputs) throws IOException {
        Set<String> present = new HashSet<>();
        for (Input in : inputs) {
            present.add(in.rel());
        }
        Path dataset = req.dataset().toAbsolutePath().normalize();
        int removed = 0;
        for (String output : index.staleOutputs(present, req.shard()::contains)) {
            Path p = dataset.resolve(output).normalize();
            if (!p.startsWith(dataset) || p.equals(dataset) || !Files.deleteIfExists(p)) {
                continue;
            }
            removed++;
            listener.debug("removed " + output + ": the input no longer produces it");
            for (Path dir = p.getParent(); !dir.equals(dataset) && isEmptyDirectory(dir); dir = dir.getParent()) {
                Files.delete(dir);
            }
        }
        if (removed > 0) {
            listener.info("Removed " + removed + " file(s) from " + req.dataset()
                    + " that the current input, secret and configuration no longer produce");
        }
        return removed;
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    private static String statusOf(FileIndex index, String rel) {
        FileIndex.Entry e = index.get(rel);
        return e == null ? "" : e.status();
    }

    // ------------------------------------------------------------------ set-up

    private void checkPaths() throws IOException {
        Path input = req.input();
        if (!Files.exists(input)) {
            throw new IOException("input " + input + " does not exist");
        }
        if (SecureFiles.isInside(req.dataset(), input) || SecureFiles.isInside(input, req.dataset())) {
            throw new IOException("the dataset " + req.dataset() + " and the input " + input
                    + " must not contain each other: the input is never written to");
        }
        if (SecureFiles.isInside(req.workDir(), req.dataset())) {
            throw new IOException("the work directory " + req.workDir() + " is inside the dataset " + req.dataset()
                    + ": mappings and the ledger must never be shared with the data");
        }
        if (SecureFiles.isInside(req.workDir(), input)) {
            throw new IOException("the work directory " + req.workDir() + " is inside the input " + input);
        }
    }

    private List<Input> walk() throws IOException {
        Path root = req.input();
        List<Input> out = new ArrayList<>();
        if (Files.isRegularFile(root)) {
            out.add(new Input(root.getFileName().toString(), root, Files.size(root),
                    Files.getLastModifiedTime(root).toMillis()));
            return out;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile).sorted()::iterator) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                out.add(new Input(rel, p, Files.size(p), Files.getLastModifiedTime(p).toMillis()));
            }
        }
        return out;
    }

    /** Everything that shapes the output; a different value makes every file stale. */
    private String fingerprint() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            String parts = Implementation.PLUGIN_VERSION + "\n" + req.profile().contentHash() + "\n"
                    + req.keys().keyId() + "\n" + req.images();
            return Pseudonymizer.hex(md.digest(parts.getBytes(StandardCharsets.UTF_8)), 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    // ------------------------------------------------------------------ survey

    private Survey survey(Input in) {
        try (DicomFile f = reader.read(in.path())) {
            Dataset ds = f.dataset();
            if (isDicomdir(f)) {
                return new Survey(null, null, null, null, new RunSummary.Problem(in.rel(), "dicomdir",
                        "DICOMDIR not copied: it indexes the original file names; create one for the de-identified"
                                + " dataset if you need it"));
            }
            FileRecord tokens = new FileRecord(false);
            deidentifier.survey(ds, tokens);
            String key = Deidentifier.patientKey(ds);
            String output = OutputLayout.path(req.keys(), key, ds, in.rel());
            // One instance is written once, even when its copies differ in patient or study data
            // (and so in their output paths).
            String sop = ds.getString(Tag.SOPInstanceUID);
            String claim = sop == null ? "path:" + output : "sop:" + sop;
            return new Survey(key, output, claim, tokens, null);
        } catch (DicomFormatException e) {
            String kind = e.reason().startsWith("not a DICOM file") ? "not-dicom" : "unreadable";
            return new Survey(null, null, null, null, new RunSummary.Problem(in.rel(), kind, describe(e)));
        } catch (IOException e) {
            return new Survey(null, null, null, null, new RunSummary.Problem(in.rel(), "unreadable", e.toString()));
        }
    }

    private static boolean isDicomdir(DicomFile f) {
        return UID.MediaStorageDirectoryStorage.equals(f.meta().getString(0x00020002))
                || f.dataset().contains(Tag.DirectoryRecordSequence);
    }

    private Map<String, PhiTokens.TokenSet> patientTokens(List<Survey> surveys) {
        Map<String, List<FileRecord>> byPatient = new HashMap<>();
        for (Survey s : surveys) {
            if (s.patientKey() != null) {
                byPatient.computeIfAbsent(s.patientKey(), k -> new ArrayList<>()).add(s.tokens());
            }
        }
        Map<String, PhiTokens.TokenSet> out = new HashMap<>();
        for (Map.Entry<String, List<FileRecord>> e : byPatient.entrySet()) {
            out.put(e.getKey(), FileRecord.tokens(null, e.getValue()));
        }
        return out;
    }

    /** Name, identifier and phrase tokens and original UIDs of every surveyed file (dates stay per patient). */
    private static Set<String> globalTokens(List<Survey> surveys) {
        Set<String> tokens = new HashSet<>();
        for (Survey s : surveys) {
            if (s.tokens() != null) {
                tokens.addAll(s.tokens().nameTokens());
                tokens.addAll(s.tokens().idTokens());
                tokens.addAll(s.tokens().phraseTokens());
                tokens.addAll(s.tokens().uidTokens());
            }
        }
        return tokens;
    }

    // ------------------------------------------------------------------ processing

    private Outcome process(Input in, Survey s, Map<String, PhiTokens.TokenSet> patients, KnownTokens known,
            Map<String, String> firstClaim) {
        if (s.problem() != null) {
            return new Outcome(s.problem().kind(), s.problem());
        }
        String claimant = firstClaim.get(s.claim());
        if (!in.rel().equals(claimant)) {
            return new Outcome("duplicate", new RunSummary.Problem(in.rel(), "duplicate",
                    "same SOP Instance UID as " + claimant + ": not written twice"));
        }
        List<Path> temps = new ArrayList<>();
        try (DicomFile f = reader.read(in.path())) {
            Dataset ds = f.dataset();
            FileRecord record = new FileRecord(false);
            deidentifier.apply(ds, patients.get(s.patientKey()), known, record);
            String sop = ReviewManifest.key(ds.getString(Tag.SOPInstanceUID), s.output());
            ImageStage.Outcome image = images.process(ds, f.transferSyntax(), tempDir, review.get(sop));
            temps.addAll(image.temps());
            if (image.status() == ImageStage.Status.EXCLUDED) {
                return new Outcome("excluded", new RunSummary.Problem(in.rel(), "excluded",
                        "excluded from the dataset by a reviewer (review manifest)"));
            }
            TransferSyntax ts = image.transferSyntax();
            Dataset keepMeta = mappedMeta(f);
            Path out = req.dataset().resolve(s.output());
            SecureFiles.writeChannelAtomically(out, false, ch -> writer.write(ch, ds, ts, keepMeta));
            ReviewManifest.Entry entry = reviewEntry(sop, s.output(), image);
            String status = image.status() == ImageStage.Status.PENDING ? "pending" : "written";
            String scope = ds.getString(Tag.PatientID);
            return new Outcome(status, s.output(), record, null, in.size(), entry, scope == null ? "" : scope);
        } catch (DicomFormatException e) {
            return new Outcome("unreadable", new RunSummary.Problem(in.rel(), "unreadable", describe(e)));
        } catch (IOException | RuntimeException e) {
            return new Outcome("failed", new RunSummary.Problem(in.rel(), "failed",
                    e.getClass().getSimpleName() + ": " + e.getMessage()));
        } finally {
            for (Path t : temps) {
                try {
                    Files.deleteIfExists(t);
                } catch (IOException e) {
                    listener.debug("cannot delete a temporary file: " + e.getMessage());
                }
            }
        }
    }

    /** The review manifest entry of an image at risk; a reviewer's decision about the same pixels is kept. */
    private ReviewManifest.Entry reviewEntry(String sop, String file, ImageStage.Outcome image) {
        if (image.status() == ImageStage.Status.NONE) {
            return null;
        }
        ReviewManifest.Entry prior = review.get(sop);
        if (image.status() == ImageStage.Status.CLEARED) {
            return new ReviewManifest.Entry(sop, file, image.pixelHash(), image.signals(), ReviewManifest.Status.CLEARED,
                    prior.rule(), prior.reviewer(), prior.date(), prior.note());
        }
        ReviewManifest.Status st = image.status() == ImageStage.Status.MASKED ? ReviewManifest.Status.MASKED
                : ReviewManifest.Status.PENDING;
        String date = prior != null && prior.status() == st && java.util.Objects.equals(prior.pixelHash(),
                image.pixelHash()) ? prior.date() : java.time.LocalDate.now().toString();
        return new ReviewManifest.Entry(sop, file, image.pixelHash(), image.signals(), st, image.rules(), null, date,
                null);
    }

    /** A reader error as file-independent text: offset, tag path, reason (never a value). */
    private static String describe(DicomFormatException e) {
        return "offset " + e.offset() + (e.tagPath().isEmpty() ? "" : " at " + e.tagPath()) + ": " + e.reason();
    }

    /**
     * Media Storage SOP Class and Instance UID for datasets that lack SOP Class/Instance UID: the
     * source meta's, the instance UID mapped. Everything else of the source meta is dropped (its AE
     * titles and private information may identify the sender).
     */
    private Dataset mappedMeta(DicomFile f) {
        Dataset keep = new Dataset();
        String cls = f.meta().getString(0x00020002);
        String inst = f.meta().getString(0x00020003);
        if (cls != null) {
            keep.setString(0x00020002, VR.UI, cls);
        }
        if (inst != null) {
            keep.setString(0x00020003, VR.UI, req.keys().uid(inst));
        }
        return keep;
    }

    // ------------------------------------------------------------------ closing

    private RunSummary finish(List<Input> inputs, List<Input> mine, List<Input> todo, int upToDate,
            List<Survey> surveys, List<Outcome> outcomes, Map<String, PhiTokens.TokenSet> patients, RunJournal journal,
            FileIndex index, long t0) throws IOException {
        Map<String, Integer> actions = new TreeMap<>();
        Mappings uids = new Mappings();
        Mappings patientIds = new Mappings();
        uids.readExisting(req.workDir().resolve(UID_MAPPING));
        patientIds.readExisting(req.workDir().resolve(PATIENT_ID_MAPPING));
        List<RunSummary.Problem> problems = new ArrayList<>();
        Map<String, Integer> defenceByTag = new TreeMap<>();
        int written = 0;
        int defence = 0;
        int pending = 0;
        long bytes = 0;
        boolean reviewChanged = false;
        for (int k = 0; k < todo.size(); k++) {
            Outcome o = outcomes.get(k);
            if (o.problem() != null) {
                problems.add(o.problem());
                listener.warn(o.problem().file() + ": " + o.problem().message());
                continue;
            }
            written++;
            bytes += o.bytes();
            if (o.review() != null) {
                if (!o.review().equals(review.get(o.review().sopInstanceUid()))) {
                    review.put(o.review());
                    reviewChanged = true;
                }
                if (o.review().status() == ReviewManifest.Status.PENDING) {
                    pending++;
                }
            }
            FileRecord r = o.record();
            r.actions().forEach((code, n) -> actions.merge(code, n, Integer::sum));
            defence += r.defenceHits().size();
            for (String path : r.defenceHits()) {
                defenceByTag.merge(path.substring(Math.max(0, path.length() - 11)), 1, Integer::sum);
            }
        }
        int removed = removeStale(index, inputs);
        long nanos = System.nanoTime() - t0;
        RunSummary summary = new RunSummary(inputs.size(), written, upToDate, inputs.size() - mine.size(),
                problems.size(), problems, bytes, nanos, actions, defence, pending, removed);
        if (reviewChanged && req.images().reviewManifest() != null) {
            review.write(req.images().reviewManifest());
            listener.info("Review manifest updated: " + req.images().reviewManifest() + " (" + pending
                    + " image(s) wait for a reviewer)");
        }
        if (req.keys().isEphemeral()) {
            // Anonymize mode: nothing may link outputs back to originals, so no mapping and no ledger.
            listener.info("Anonymize mode: no mappings and no ledger are written");
        } else {
            // The journal holds this run's files and those of an unfinished run before it.
            uids.putAll(journal.uids());
            patientIds.putAll(journal.patientIds());
            uids.write(req.workDir().resolve(UID_MAPPING));
            patientIds.write(req.workDir().resolve(PATIENT_ID_MAPPING));
            writeLedger(inputs, surveys, journal.scopes(), patients, uids);
            journal.delete();
        }
        AuditLog.write(req.workDir().resolve(LOG), req, summary, defenceByTag);
        return summary;
    }

    /** Fingerprints of every surveyed PHI token and every original UID, merged with an earlier ledger of the same key. */
    private void writeLedger(List<Input> inputs, List<Survey> surveys, Map<String, String> scopes,
            Map<String, PhiTokens.TokenSet> patients, Mappings uids) throws IOException {
        // Dates and short tokens are common: they go into the ledger per patient (below).
        Set<String> tokens = new HashSet<>();
        for (String t : globalTokens(surveys)) {
            if (TokenHits.isGlobal(t)) {
                tokens.add(t);
            }
        }
        for (String uid : uids.asMap().keySet()) {
            if (TokenHits.isUidToken(uid)) {
                tokens.add(uid);
            }
        }
        for (int k = 0; k < inputs.size(); k++) {
            String scope = scopes.get(inputs.get(k).rel());
            String patientKey = surveys.get(k).patientKey();
            if (scope != null && patientKey != null) {
                PhiTokens.TokenSet patient = patients.get(patientKey);
                for (String d : patient.dates()) {
                    tokens.add(Ledger.patientToken(scope, d));
                }
                for (String w : patient.words()) {
                    if (!TokenHits.isGlobal(w)) {
                        tokens.add(Ledger.patientToken(scope, w));
                    }
                }
            }
        }
        long[] fps = new long[tokens.size()];
        int i = 0;
        for (String t : tokens) {
            fps[i++] = req.keys().fingerprint(t);
        }
        Path file = req.workDir().resolve(LEDGER);
        Ledger existing = null;
        try {
            existing = Ledger.read(file);
        } catch (IOException e) {
            listener.warn("The existing ledger cannot be read and is replaced: " + e.getMessage());
        }
        Ledger ledger = existing != null && existing.keyId().equals(req.keys().keyId()) ? existing.merge(fps)
                : Ledger.of(req.keys().keyId(), fps);
        ledger.write(file);
    }
}
