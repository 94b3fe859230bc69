package org.dicomtools.deid.verify;

import static org.dicomtools.deid.verify.CheckHarness.PATIENT_ID;
import static org.dicomtools.deid.verify.CheckHarness.cleanCt;
import static org.dicomtools.deid.verify.CheckHarness.context;
import static org.dicomtools.deid.verify.CheckHarness.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dicomtools.deid.dicom.Dataset;
import org.dicomtools.deid.dicom.TransferSyntax;
import org.dicomtools.deid.dicom.VR;
import org.dicomtools.deid.dicom.dict.Tag;
import org.dicomtools.deid.dicom.dict.UID;
import org.dicomtools.deid.engine.EngineListener;
import org.dicomtools.deid.engine.Ledger;
import org.dicomtools.deid.engine.ReviewManifest;
import org.dicomtools.deid.pixel.PixelHash;
import org.dicomtools.deid.verify.checks.PhiPattern;
import org.dicomtools.deid.verify.checks.RetainedPhiAttribute;
import org.dicomtools.deid.verify.checks.UnreadableFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifierTest {
    private static final TransferSyntax EXPLICIT = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
    private static final String STUDY = "PAAAAAAAAAAAA/2.25.200/2.25.300/";

    @TempDir
    Path temp;

    private Path dataset() throws IOException {
        return Files.createDirectories(temp.resolve("dataset"));
    }

    private static Dataset ct(String sop) {
        Dataset ds = cleanCt();
        ds.setString(Tag.SOPInstanceUID, VR.UI, sop);
        return ds;
    }

    private static void reference(Dataset ds, String uid) {
        Dataset series = ds.newSequence(Tag.ReferencedSeriesSequence).addItem();
        series.setString(Tag.SeriesInstanceUID, VR.UI, "2.25.300");
        Dataset instance = series.newSequence(Tag.ReferencedInstanceSequence).addItem();
        instance.setString(Tag.ReferencedSOPClassUID, VR.UI, UID.CTImageStorage);
        instance.setString(Tag.ReferencedSOPInstanceUID, VR.UI, uid);
    }

    private static Dataset ultrasound(String sop) {
        Dataset ds = ct(sop);
        ds.setString(Tag.SOPClassUID, VR.UI, UID.UltrasoundImageStorage);
        ds.setString(Tag.Modality, VR.CS, "US");
        ds.remove(Tag.ImageType);
        ds.setInts(Tag.SamplesPerPixel, VR.US, 1);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        ds.setInts(Tag.Rows, VR.US, 8);
        ds.setInts(Tag.Columns, VR.US, 8);
        ds.setInts(Tag.BitsAllocated, VR.US, 8);
        ds.setInts(Tag.BitsStored, VR.US, 8);
        ds.setInts(Tag.HighBit, VR.US, 7);
        ds.setInts(Tag.PixelRepresentation, VR.US, 0);
        ds.setBytes(Tag.PixelData, VR.OB, new byte[64]);
        return ds;
    }

    /**
     * A dataset with one planted leak per rule among {@code clean} clean files; the leaks are those
     * of issue 4's integration scenarios.
     */
    private Path planted(int clean) throws IOException {
        Path root = dataset();
        for (int i = 0; i < clean; i++) {
            Dataset ds = ct("2.25." + (1000 + i));
            reference(ds, "2.25.101");
            write(root, STUDY + "2.25." + (1000 + i) + ".dcm", ds, EXPLICIT);
        }
        write(root, STUDY + "2.25.101.dcm", ct("2.25.101"), EXPLICIT);
        Dataset name = ct("2.25.102");
        name.setString(Tag.ImageComments, VR.LT, "DOE^JOHN");
        write(root, STUDY + "2.25.102.dcm", name, EXPLICIT);
        Dataset uid = ct("2.25.103");
        reference(uid, "1.2.840.113619.2.55.3.604688119.971.1");
        write(root, STUDY + "2.25.103.dcm", uid, EXPLICIT);
        Dataset priv = ct("2.25.104");
        priv.setString(0x00090010, VR.LO, "ACME HOSPITAL 1.0");
        priv.setString(0x00091001, VR.LO, "19470522");
        write(root, STUDY + "2.25.104.dcm", priv, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        Dataset otherStudy = ct("2.25.105");
        otherStudy.setString(Tag.StudyInstanceUID, VR.UI, "2.25.201");
        write(root, "PAAAAAAAAAAAA/2.25.201/2.25.300/2.25.105.dcm", otherStudy, EXPLICIT);
        write(root, STUDY + "2.25.106.dcm", ultrasound("2.25.106"), EXPLICIT);
        write(root, "PAAAAAAAAAAAA/12345678.dcm", ct("2.25.107"), EXPLICIT);
        Files.writeString(root.resolve("uid_mapping.csv"), "id_old,id_new\n1.2.3.4,2.25.1\n", StandardCharsets.UTF_8);
        byte[] whole = Files.readAllBytes(root.resolve(STUDY + "2.25.101.dcm"));
        Files.write(root.resolve(STUDY + "2.25.108.dcm"), Arrays.copyOf(whole, whole.length - 10));
        Files.write(root.resolve(STUDY + "2.25.109.dcm"), Arrays.copyOf(whole, whole.length + 2));
        Dataset unmarked = ct("2.25.110");
        unmarked.remove(Tag.PatientIdentityRemoved);
        unmarked.remove(Tag.DeidentificationMethod);
        write(root, STUDY + "2.25.110.dcm", unmarked, EXPLICIT);
        Dataset born = ct("2.25.111");
        born.setString(Tag.PatientBirthDate, VR.DA, "19000312");
        Dataset bornAgain = ct("2.25.112");
        bornAgain.setString(Tag.PatientBirthDate, VR.DA, "19000313");
        write(root, STUDY + "2.25.111.dcm", born, EXPLICIT);
        write(root, STUDY + "2.25.112.dcm", bornAgain, EXPLICIT);
        return root;
    }

    private static VerifyContext withLedger() {
        return CheckHarness.contextWithLedger("JOHN", Ledger.patientToken(PATIENT_ID, "DOE"));
    }

    private static VerifyReport run(Path dataset, VerifyContext ctx, Baseline baseline, int threads, Set<Path> skip,
            Path thumbnails, EngineListener listener) throws IOException {
        return new Verifier(new Verifier.Request(dataset, "dataset", ctx, baseline, Severity.LOW, threads, skip,
                thumbnails), listener).run();
    }

    @Test
    void everyRuleRunsInIdOrder() {
        List<String> ids = Verifier.checks(null).stream().map(c -> c.info().id()).toList();
        assertEquals(List.of("burned-in-risk", "dangling-reference", "deid-markers-missing", "file-name-phi",
                "fingerprint-match", "inconsistent-patient", "malformed-file", "phi-pattern", "private-not-safe",
                "retained-phi-attribute", "sensitive-file", "series-in-several-studies", "uid-not-regenerated",
                "unreadable-file"), ids);
    }

    @Test
    void cleanDatasetHasNoFinding() throws IOException {
        Path root = dataset();
        Dataset first = ct("2.25.101");
        reference(first, "2.25.102");
        write(root, STUDY + "2.25.101.dcm", first, EXPLICIT);
        write(root, STUDY + "2.25.102.dcm", ct("2.25.102"), EXPLICIT);
        Dataset us = ultrasound("2.25.103");
        write(root, STUDY + "2.25.103.dcm", us, EXPLICIT);
        ReviewManifest review = new ReviewManifest();
        review.put(new ReviewManifest.Entry("2.25.103", STUDY + "2.25.103.dcm",
                "sha256:" + PixelHash.sha256(us).orElseThrow(), List.of("modality=US"), ReviewManifest.Status.CLEARED,
                null, "A. Curator", "2026-11-24", null));
        VerifyContext ctx = new VerifyContext(CheckHarness.basic(), withLedger().keys(), withLedger().ledger(), review,
                "2.25", true);
        VerifyReport r = run(root, ctx, null, 2, Set.of(), null, EngineListener.SILENT);
        assertEquals(List.of(), r.findings());
        assertEquals(List.of(STUDY + "2.25.101.dcm", STUDY + "2.25.102.dcm", STUDY + "2.25.103.dcm"), r.files());
        assertEquals(14, r.rules().size());
        assertFalse(r.failed());
    }

    @Test
    void everyPlantedLeakIsFoundByItsRule() throws IOException {
        VerifyReport r = run(planted(0), withLedger(), null, 2, Set.of(), null, EngineListener.SILENT);
        assertEquals(Map.ofEntries(Map.entry("burned-in-risk", 1), Map.entry("dangling-reference", 1),
                Map.entry("deid-markers-missing", 1), Map.entry("file-name-phi", 1), Map.entry("fingerprint-match", 1),
                Map.entry("inconsistent-patient", 1), Map.entry("malformed-file", 1), Map.entry("phi-pattern", 2),
                Map.entry("private-not-safe", 1), Map.entry("retained-phi-attribute", 1), Map.entry("sensitive-file", 1),
                Map.entry("series-in-several-studies", 1), Map.entry("uid-not-regenerated", 1),
                Map.entry("unreadable-file", 1)), r.countsByRule());
        assertTrue(r.failed());
        assertEquals(List.of(
                "dangling-reference " + STUDY + "2.25.103.dcm (0008,1115)[0]/(0008,114A)[0]/(0008,1155)",
                "uid-not-regenerated " + STUDY + "2.25.103.dcm (0008,1115)[0]/(0008,114A)[0]/(0008,1155)",
                "inconsistent-patient " + STUDY + "2.25.112.dcm (0010,0020)",
                "series-in-several-studies PAAAAAAAAAAAA/2.25.201/2.25.300/2.25.105.dcm (0020,000E)"),
                r.findings().stream().filter(f -> Set.of("uid-not-regenerated", "dangling-reference",
                        "inconsistent-patient", "series-in-several-studies").contains(f.ruleId()))
                        .map(f -> f.ruleId() + " " + f.location()).toList());
    }

    @Test
    void findingsAreSortedAndTheSameWithOneOrFourThreads() throws IOException {
        Path root = planted(40);
        VerifyReport one = run(root, withLedger(), null, 1, Set.of(), null, EngineListener.SILENT);
        VerifyReport four = run(root, withLedger(), null, 4, Set.of(), null, EngineListener.SILENT);
        assertEquals(one, four);
        assertEquals(one, run(root, withLedger(), null, 4, Set.of(), null, EngineListener.SILENT));
        List<Finding> sorted = new ArrayList<>(one.findings());
        sorted.sort(Finding.ORDER);
        assertEquals(sorted, one.findings());
        assertEquals(53, one.files().size());
        assertEquals(one.files().stream().sorted().toList(), one.files());
    }

    private Path baselineFile(String json) throws IOException {
        Path file = temp.resolve("deid-baseline.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }

    private Path twoLeaks() throws IOException {
        Path root = dataset();
        Dataset ds = ct("2.25.101");
        ds.setString(Tag.ImageComments, VR.LT, "DOE^JOHN");
        write(root, STUDY + "2.25.101.dcm", ds, EXPLICIT);
        Files.writeString(root.resolve("notes.txt"), "not DICOM", StandardCharsets.UTF_8);
        return root;
    }

    @Test
    void baselineAcceptsExactlyMatchingEntriesAndReportsStaleOnes() throws IOException {
        Path root = twoLeaks();
        Baseline baseline = Baseline.read(baselineFile("""
                {
                  "format": "deid-baseline/1",
                  "accepted": [
                    { "rule": "phi-pattern", "file": "PAAAAAAAAAAAA/2.25.200/2.25.300/2.25.101.dcm",
                      "tagPath": "(0020,4000)", "reason": "synthetic name of a phantom", "reviewer": "A. Curator",
                      "date": "2026-11-24" },
                    { "rule": "unreadable-file", "file": "*", "reason": "notes are reviewed by hand",
                      "reviewer": "A. Curator" },
                    { "rule": "retained-phi-attribute", "file": "PAAAAAAAAAAAA/2.25.200/2.25.300/2.25.101.dcm",
                      "tagPath": "(0020,4001)", "reason": "wrong tag", "reviewer": "A. Curator" },
                    { "rule": "phi-pattern", "file": "other.dcm", "tagPath": "(0020,4000)", "reason": "gone",
                      "reviewer": "A. Curator" }
                  ]
                }
                """));
        VerifyReport r = run(root, context(), baseline, 1, Set.of(), null, EngineListener.SILENT);
        String file = STUDY + "2.25.101.dcm";
        assertEquals(List.of(CheckHarness.finding(RetainedPhiAttribute.INFO, file,
                "(0020,4000)", "ImageComments holds a value although the profile removes it (X)", "D**^J***")),
                r.findings());
        assertEquals(List.of(
                CheckHarness.finding(PhiPattern.INFO, file, "(0020,4000)",
                        "ImageComments contains text that looks like a person's name", "D**^J***"),
                CheckHarness.finding(UnreadableFile.INFO, "notes.txt", "",
                        "the file is not a DICOM file", "")),
                r.accepted());
        assertEquals(List.of("retained-phi-attribute " + file + " (0020,4001)", "phi-pattern other.dcm (0020,4000)"),
                r.staleBaseline());
    }

    @Test
    void acceptedFindingsDoNotFailTheBuild() throws IOException {
        Path root = twoLeaks();
        Baseline baseline = Baseline.read(baselineFile("""
                { "accepted": [
                  { "rule": "phi-pattern", "file": "*", "tagPath": "*", "reason": "phantom", "reviewer": "A. Curator" },
                  { "rule": "retained-phi-attribute", "file": "*", "tagPath": "*", "reason": "phantom",
                    "reviewer": "A. Curator" },
                  { "rule": "unreadable-file", "file": "notes.txt", "reason": "notes", "reviewer": "A. Curator" } ] }
                """));
        VerifyReport r = run(root, context(), baseline, 1, Set.of(), null, EngineListener.SILENT);
        assertEquals(List.of(), r.findings());
        assertEquals(3, r.accepted().size());
        assertEquals(List.of(), r.staleBaseline());
        assertFalse(r.failed());
    }

    @Test
    void baselineEntryWithoutReasonOrReviewerIsRefused() throws IOException {
        Path noReason = baselineFile("""
                { "accepted": [ { "rule": "phi-pattern", "file": "a.dcm", "reviewer": "A. Curator" } ] }
                """);
        IOException e = assertThrows(IOException.class, () -> Baseline.read(noReason));
        assertEquals(noReason + ": accepted entry 0 needs rule, reason and reviewer", e.getMessage());

        Path blankReviewer = baselineFile("""
                { "accepted": [
                  { "rule": "phi-pattern", "file": "a.dcm", "reason": "ok", "reviewer": "A. Curator" },
                  { "rule": "phi-pattern", "file": "b.dcm", "reason": "ok", "reviewer": "  " } ] }
                """);
        e = assertThrows(IOException.class, () -> Baseline.read(blankReviewer));
        assertEquals(blankReviewer + ": accepted entry 1 needs rule, reason and reviewer", e.getMessage());

        // Regression: an entry without rule was "not a baseline file: rule" (a NullPointerException).
        Path noRule = baselineFile("""
                { "accepted": [ { "file": "a.dcm", "reason": "ok", "reviewer": "A. Curator" } ] }
                """);
        e = assertThrows(IOException.class, () -> Baseline.read(noRule));
        assertEquals(noRule + ": accepted entry 0 needs rule, reason and reviewer", e.getMessage());
    }

    @Test
    void malformedBaselineIsAnIOExceptionAndAMissingOneIsEmpty() throws IOException {
        Path noArray = baselineFile("{ \"format\": \"deid-baseline/1\" }");
        IOException e = assertThrows(IOException.class, () -> Baseline.read(noArray));
        assertEquals(noArray + ": no \"accepted\" array", e.getMessage());
        Path notJson = baselineFile("accepted: everything");
        e = assertThrows(IOException.class, () -> Baseline.read(notJson));
        assertTrue(e.getMessage().startsWith(notJson + ": not a baseline file: "), e.getMessage());
        assertEquals(List.of(), Baseline.read(temp.resolve("absent.json")).entries());
    }

    @Test
    void repositoryFilesAndTheReviewAndBaselineFilesInsideTheDatasetAreSkipped() throws IOException {
        Path root = dataset();
        write(root, STUDY + "2.25.101.dcm", ct("2.25.101"), EXPLICIT);
        Files.createDirectories(root.resolve(".git/objects"));
        Files.writeString(root.resolve(".git/config"), "[core]\n", StandardCharsets.UTF_8);
        Files.writeString(root.resolve(".git/objects/ab"), "x", StandardCharsets.UTF_8);
        Files.writeString(root.resolve(".gitattributes"), "*.dcm binary\n", StandardCharsets.UTF_8);
        Files.writeString(root.resolve("PAAAAAAAAAAAA/.gitkeep"), "", StandardCharsets.UTF_8);
        Path review = root.resolve("deid-review.json");
        Path baseline = root.resolve("deid-baseline.json");
        Files.writeString(review, "{ \"format\": \"deid-review/1\", \"images\": [] }", StandardCharsets.UTF_8);
        Files.writeString(baseline, "{ \"accepted\": [] }", StandardCharsets.UTF_8);
        VerifyReport r = run(root, context(), null, 2, Set.of(review, baseline), null, EngineListener.SILENT);
        assertEquals(List.of(STUDY + "2.25.101.dcm"), r.files());
        assertEquals(List.of(), r.findings());

        VerifyReport notSkipped = run(root, context(), null, 2, Set.of(), null, EngineListener.SILENT);
        assertEquals(List.of(STUDY + "2.25.101.dcm", "deid-baseline.json", "deid-review.json"), notSkipped.files());
    }

    @Test
    void symbolicLinksToTheDatasetAndInsideItAreFollowed() throws IOException {
        // Regression: Files.walk does not follow links, so a dataset given as a link, or a folder of it
        // that is a link, was checked as empty: zero files, zero findings, a passing gate.
        Path real = Files.createDirectories(temp.resolve("real"));
        Dataset leak = ct("2.25.101");
        leak.setString(Tag.ImageComments, VR.LT, "DOE^JOHN");
        write(real, "PAAAAAAAAAAAA/2.25.101.dcm", leak, EXPLICIT);
        Path root = dataset();
        Files.createSymbolicLink(root.resolve("linked"), real.resolve("PAAAAAAAAAAAA"));
        Path link = Files.createSymbolicLink(temp.resolve("link"), real);
        assertEquals(List.of("PAAAAAAAAAAAA/2.25.101.dcm"), run(link, context(), null, 1, Set.of(), null,
                EngineListener.SILENT).files());
        assertEquals(List.of("linked/2.25.101.dcm"), run(root, context(), null, 1, Set.of(), null,
                EngineListener.SILENT).files());
    }

    @Test
    void linkCycleIsAnIOException() throws IOException {
        Path root = dataset();
        write(root, "a/2.25.101.dcm", ct("2.25.101"), EXPLICIT);
        Files.createSymbolicLink(root.resolve("a/loop"), root.resolve("a"));
        IOException e = assertThrows(IOException.class,
                () -> run(root, context(), null, 1, Set.of(), null, EngineListener.SILENT));
        assertEquals("cannot walk the dataset " + root + ": " + root.resolve("a/loop"), e.getMessage());
    }

    @Test
    void datasetThatIsNotADirectoryIsAnIOException() throws IOException {
        Path file = Files.writeString(temp.resolve("file.dcm"), "x", StandardCharsets.UTF_8);
        IOException e = assertThrows(IOException.class,
                () -> run(file, context(), null, 1, Set.of(), null, EngineListener.SILENT));
        assertEquals("the dataset " + file + " is not a directory", e.getMessage());
        Path absent = temp.resolve("absent");
        e = assertThrows(IOException.class, () -> run(absent, context(), null, 1, Set.of(), null, EngineListener.SILENT));
        assertEquals("the dataset " + absent + " is not a directory", e.getMessage());
    }

    @Test
    void runSaysWhyFingerprintsAreNotChecked() throws IOException {
        Path root = dataset();
        List<String> infos = new ArrayList<>();
        EngineListener recorder = new EngineListener() {
            @Override
            public void info(String message) {
                infos.add(message);
            }
        };
        run(root, context(), null, 1, Set.of(), null, recorder);
        VerifyContext noLedger = new VerifyContext(CheckHarness.basic(), CheckHarness.keys(), null, null, "2.25", false);
        run(root, noLedger, null, 1, Set.of(), null, recorder);
        run(root, withLedger(), null, 1, Set.of(), null, recorder);
        assertEquals(List.of("No secret: fingerprint-match does not run (structural and pattern checks do)",
                "No ledger of this secret in the work directory: fingerprint-match does not run"), infos);
    }

    @Test
    void thumbnailOfAnImageAtRiskIsInTheReport() throws IOException {
        Path root = dataset();
        write(root, STUDY + "2.25.106.dcm", ultrasound("2.25.106"), EXPLICIT);
        write(root, STUDY + "2.25.101.dcm", ct("2.25.101"), EXPLICIT);
        Path reportDir = temp.resolve("target/deid/verify");
        VerifyReport r = run(root, context(), null, 2, Set.of(), reportDir.resolve("verify.html"),
                EngineListener.SILENT);
        assertEquals(Set.of(STUDY + "2.25.106.dcm"), r.thumbnails().keySet());
        assertTrue(Files.isRegularFile(reportDir.resolve(r.thumbnails().get(STUDY + "2.25.106.dcm"))));
    }
}
