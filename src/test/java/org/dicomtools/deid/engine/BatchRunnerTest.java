package org.dicomtools.deid.engine;

import static org.dicomtools.deid.engine.EngineFixtures.PATIENT_ID;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.dicomtools.deid.dicom.Dataset;
import org.dicomtools.deid.dicom.DicomElement;
import org.dicomtools.deid.dicom.DicomFile;
import org.dicomtools.deid.dicom.DicomReader;
import org.dicomtools.deid.dicom.DicomWriter;
import org.dicomtools.deid.dicom.ReadOptions;
import org.dicomtools.deid.dicom.Tags;
import org.dicomtools.deid.dicom.TransferSyntax;
import org.dicomtools.deid.dicom.VR;
import org.dicomtools.deid.dicom.dict.Tag;
import org.dicomtools.deid.dicom.dict.UID;
import org.dicomtools.deid.profile.Option;
import org.dicomtools.deid.profile.Profile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchRunnerTest {
    /** Names that the input paths carry and no output path may. */
    private static final List<String> PATH_PHI = List.of("DOE", "JOHN", "ROE", "JANE", PATIENT_ID, "MRN5550001",
            "CT_", "notes", "README", "DICOMDIR", EngineFixtures.STUDY_UID, "1.2.826.0.1.3680043");

    @TempDir
    Path tmp;

    private Path input;
    private final List<String> messages = Collections.synchronizedList(new ArrayList<>());
    private final EngineListener listener = new EngineListener() {
        @Override
        public void info(String message) {
            messages.add("info " + message);
        }

        @Override
        public void warn(String message) {
            messages.add("warn " + message);
        }
    };

    @BeforeEach
    void writeInput() throws IOException {
        input = tmp.resolve("in");
        Path john = input.resolve("DOE^JOHN").resolve(PATIENT_ID);
        for (int n = 1; n <= 3; n++) {
            EngineFixtures.write(john.resolve("CT_" + n + ".dcm"), EngineFixtures.ct(n, 16));
        }
        EngineFixtures.write(john.resolve("SR.dcm"), EngineFixtures.sr(1, 2, 3));
        EngineFixtures.write(john.resolve("RTSTRUCT"), EngineFixtures.rtStruct(1, 2, 3));
        EngineFixtures.write(input.resolve("ROE^JANE").resolve("CT_9.dcm"), jane());
        Files.createDirectories(input.resolve("notes"));
        Files.writeString(input.resolve("notes").resolve("README.txt"), "Patients: DOE^JOHN MRN4417702\n");
        Dataset meta = new Dataset();
        meta.setString(Tag.MediaStorageSOPClassUID, VR.UI, UID.MediaStorageDirectoryStorage);
        meta.setString(Tag.MediaStorageSOPInstanceUID, VR.UI, "1.2.826.0.1.3680043.10.543.1000");
        Dataset dicomdir = new Dataset();
        dicomdir.setString(Tag.FileSetID, VR.CS, "DOE");
        Dataset record = dicomdir.newSequence(Tag.DirectoryRecordSequence).addItem();
        record.setString(Tag.DirectoryRecordType, VR.CS, "PATIENT");
        record.setString(Tag.PatientName, VR.PN, EngineFixtures.PATIENT_NAME);
        record.setString(Tag.PatientID, VR.LO, PATIENT_ID);
        new DicomWriter().write(input.resolve("DICOMDIR"), dicomdir, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, meta);
    }

    /** Another patient, another study. */
    private static Dataset jane() {
        Dataset ds = EngineFixtures.ct(9, 16);
        ds.setString(Tag.PatientName, VR.PN, "ROE^JANE");
        ds.setString(Tag.PatientID, VR.LO, "MRN5550001");
        ds.setString(Tag.StudyInstanceUID, VR.UI, "1.2.826.0.1.3680043.10.543.2");
        ds.setString(Tag.SeriesInstanceUID, VR.UI, "1.2.826.0.1.3680043.10.543.2.2");
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.826.0.1.3680043.10.543.2.2.9");
        ds.setString(Tag.FrameOfReferenceUID, VR.UI, "1.2.826.0.1.3680043.10.543.2.9");
        return ds;
    }

    private DeidRequest request(Path dataset, Path work, int threads, Profile profile, Pseudonymizer keys,
            Shard shard) {
        return new DeidRequest(input, dataset, work, profile, keys, threads, false, shard, ReadOptions.DEFAULT,
                ImagePolicy.DEFAULT);
    }

    private RunSummary run(String dataset, String work, int threads) throws Exception {
        return run(request(tmp.resolve(dataset), tmp.resolve(work), threads, Profile.builtin("basic"),
                EngineFixtures.keys(), Shard.ALL));
    }

    private RunSummary run(DeidRequest request) throws IOException {
        return new BatchRunner(request, listener).run();
    }

    /** Every regular file under {@code root} by relative path, with its bytes. */
    private static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        if (!Files.exists(root)) {
            return out;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                out.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return out;
    }

    private static Map<String, Long> mtimes(Path root) throws IOException {
        Map<String, Long> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                out.put(root.relativize(p).toString(), Files.getLastModifiedTime(p).toMillis());
            }
        }
        return out;
    }

    private static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        for (String k : expected.keySet()) {
            assertArrayEquals(expected.get(k), actual.get(k), k);
        }
    }

    private static List<String> kinds(RunSummary s) {
        List<String> out = new ArrayList<>();
        for (RunSummary.Problem p : s.problems()) {
            out.add(p.file() + " " + p.kind());
        }
        return out;
    }

    // ------------------------------------------------------------------ what is written

    @Test
    void writesEveryDicomObjectAndReportsTheOtherFiles() throws Exception {
        RunSummary s = run("dataset", "work", 2);
        assertEquals(8, s.filesIn());
        assertEquals(6, s.written());
        assertEquals(2, s.failed());
        assertEquals(List.of("DICOMDIR dicomdir", "notes/README.txt not-dicom"), kinds(s));
        Map<String, byte[]> out = files(tmp.resolve("dataset"));
        assertEquals(6, out.size(), out.keySet().toString());
        for (String path : out.keySet()) {
            assertTrue(path.matches("P[A-Z2-7]{12}/2\\.25\\.\\d+/2\\.25\\.\\d+/2\\.25\\.\\d+\\.dcm"), path);
        }
        assertTrue(s.line().startsWith("8 files in, 6 written, 0 up to date, 0 in other shards, 2 not written"
                + " (1 dicomdir, 1 not-dicom), 0 flagged for review"), s.line());
    }

    @Test
    void outputPathsCarryNoOriginalNameIdOrUid() throws Exception {
        run("dataset", "work", 2);
        Set<String> patients = new HashSet<>();
        for (String path : files(tmp.resolve("dataset")).keySet()) {
            for (String phi : PATH_PHI) {
                assertFalse(path.contains(phi), phi + " in " + path);
            }
            patients.add(path.substring(0, path.indexOf('/')));
        }
        assertEquals(2, patients.size(), "one folder per patient");
    }

    @Test
    void outputPathsAreTheNewUidsOfEachFile() throws Exception {
        run("dataset", "work", 1);
        Pseudonymizer keys = EngineFixtures.keys();
        String patient = "P" + keys.token("layout-patient", "id\0\0" + PATIENT_ID, 12);
        String expected = patient + "/" + keys.uid(EngineFixtures.STUDY_UID) + "/"
                + keys.uid(EngineFixtures.SERIES_UID) + "/" + keys.uid(EngineFixtures.imageUid(2)) + ".dcm";
        assertTrue(files(tmp.resolve("dataset")).containsKey(expected), expected);
    }

    @Test
    void inputsAreNeverModified() throws Exception {
        Map<String, byte[]> before = files(input);
        Map<String, Long> times = mtimes(input);
        run("dataset", "work", 2);
        run(request(tmp.resolve("dataset"), tmp.resolve("work"), 2, Profile.builtin("research"),
                EngineFixtures.keys(), Shard.ALL));
        assertSameFiles(before, files(input));
        assertEquals(times, mtimes(input));
    }

    @Test
    void fileMetaIsRegeneratedAndTheSendersAeTitleIsGone() throws Exception {
        run("dataset", "work", 1);
        for (Path p : outputs(tmp.resolve("dataset"))) {
            try (DicomFile f = new DicomReader().read(p)) {
                List<String> tags = new ArrayList<>();
                for (DicomElement e : f.meta()) {
                    tags.add(Tags.toString(e.tag()));
                }
                assertEquals(List.of("(0002,0000)", "(0002,0001)", "(0002,0002)", "(0002,0003)", "(0002,0010)",
                        "(0002,0012)", "(0002,0013)"), tags, p.toString());
                assertEquals(f.dataset().getString(Tag.SOPInstanceUID),
                        f.meta().getString(Tag.MediaStorageSOPInstanceUID));
                assertEquals(f.dataset().getString(Tag.SOPClassUID), f.meta().getString(Tag.MediaStorageSOPClassUID));
                assertEquals(DicomWriter.IMPLEMENTATION_CLASS_UID, f.meta().getString(Tag.ImplementationClassUID));
                assertFalse(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1).contains("HOSP_PACS"));
            }
        }
    }

    private static List<Path> outputs(Path dataset) throws IOException {
        try (Stream<Path> s = Files.walk(dataset)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void noPlantedValueSurvivesInAnyOutputByte() throws Exception {
        run("dataset", "work", 2);
        for (Path p : outputs(tmp.resolve("dataset"))) {
            String text = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
            for (String planted : List.of("DOE", "JOHN", "ROE^JANE", PATIENT_ID, "MRN5550001",
                    EngineFixtures.ACCESSION, "HOUSE", "Elsewhere", "CTSCAN07", "19580214", "20240115",
                    EngineFixtures.STUDY_UID, EngineFixtures.SERIES_UID, EngineFixtures.FRAME_OF_REFERENCE_UID)) {
                assertFalse(text.contains(planted), planted + " survives in " + p);
            }
        }
    }

    @Test
    void referencesBetweenWrittenFilesResolve() throws Exception {
        run("dataset", "work", 2);
        Set<String> sops = new HashSet<>();
        Dataset sr = null;
        Dataset rt = null;
        for (Path p : outputs(tmp.resolve("dataset"))) {
            try (DicomFile f = new DicomReader().read(p)) {
                Dataset ds = f.dataset();
                String modality = ds.getString(Tag.Modality);
                if ("CT".equals(modality)) {
                    sops.add(ds.getString(Tag.SOPInstanceUID));
                } else if ("SR".equals(modality)) {
                    sr = ds;
                } else {
                    rt = ds;
                }
            }
        }
        Pseudonymizer keys = EngineFixtures.keys();
        Set<String> john = Set.of(keys.uid(EngineFixtures.imageUid(1)), keys.uid(EngineFixtures.imageUid(2)),
                keys.uid(EngineFixtures.imageUid(3)));
        assertTrue(sops.containsAll(john));
        Set<String> fromSr = new HashSet<>();
        Dataset series = EngineFixtures.item(EngineFixtures.item(sr, Tag.CurrentRequestedProcedureEvidenceSequence, 0),
                Tag.ReferencedSeriesSequence, 0);
        for (Dataset item : series.get(Tag.ReferencedSOPSequence).sequence()) {
            fromSr.add(item.getString(Tag.ReferencedSOPInstanceUID));
        }
        assertEquals(john, fromSr);
        Set<String> fromRt = new HashSet<>();
        for (Dataset contour : EngineFixtures.item(rt, Tag.ROIContourSequence, 0).get(Tag.ContourSequence).sequence()) {
            Dataset image = EngineFixtures.item(contour, Tag.ContourImageSequence, 0);
            fromRt.add(image.getString(Tag.ReferencedSOPInstanceUID));
        }
        assertEquals(john, fromRt);
    }

    // ------------------------------------------------------------------ determinism

    @Test
    void sameInputSecretAndConfigurationGiveByteIdenticalOutputAcrossRunsAndThreadCounts() throws Exception {
        run("d1", "w1", 1);
        run("d2", "w2", 4);
        Map<String, byte[]> first = files(tmp.resolve("d1"));
        assertEquals(6, first.size());
        assertSameFiles(first, files(tmp.resolve("d2")));
        for (String name : List.of(BatchRunner.UID_MAPPING, BatchRunner.PATIENT_ID_MAPPING, BatchRunner.LEDGER,
                BatchRunner.INDEX)) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("w1").resolve(name)),
                    Files.readAllBytes(tmp.resolve("w2").resolve(name)), name);
        }
    }

    @Test
    void theProfilesUidRootHoldsEveryNewUidAndPath() throws Exception {
        String root = "1.2.826.0.1.3680043.10.543";
        Profile org = Profile.parse("profile org\nextends basic\nset uid-root " + root + "\n", "org.profile");
        run(request(tmp.resolve("dataset"), tmp.resolve("work"), 2, org, EngineFixtures.keys(), Shard.ALL));
        Pseudonymizer keys = EngineFixtures.keys().withUidRoot(root);
        Path ct = tmp.resolve("dataset").resolve("P" + keys.token("layout-patient", "id\0\0" + PATIENT_ID, 12))
                .resolve(keys.uid(EngineFixtures.STUDY_UID)).resolve(keys.uid(EngineFixtures.SERIES_UID))
                .resolve(keys.uid(EngineFixtures.imageUid(1)) + ".dcm");
        try (DicomFile f = new DicomReader().read(ct)) {
            assertEquals(keys.uid(EngineFixtures.imageUid(1)), f.dataset().getString(Tag.SOPInstanceUID));
            assertEquals(keys.uid(EngineFixtures.STUDY_UID), f.dataset().getString(Tag.StudyInstanceUID));
            assertTrue(f.dataset().getString(Tag.StudyInstanceUID).startsWith(root + "."));
        }
        String mapping = Files.readString(tmp.resolve("work").resolve(BatchRunner.UID_MAPPING));
        assertTrue(mapping.contains(EngineFixtures.STUDY_UID + "," + keys.uid(EngineFixtures.STUDY_UID) + "\n"),
                mapping);
        assertFalse(mapping.contains(",2.25."), mapping);
    }

    @Test
    void anotherSecretGivesOtherPathsAndUids() throws Exception {
        run("d1", "w1", 2);
        run(request(tmp.resolve("d2"), tmp.resolve("w2"), 2, Profile.builtin("basic"),
                Pseudonymizer.of("another-secret-of-32-characters!"), Shard.ALL));
        Set<String> a = files(tmp.resolve("d1")).keySet();
        Set<String> b = files(tmp.resolve("d2")).keySet();
        for (String path : a) {
            for (String part : path.split("/")) {
                assertFalse(String.join("/", b).contains(part), part);
            }
        }
    }

    // ------------------------------------------------------------------ incremental runs

    @Test
    void aSecondRunWritesNothing() throws Exception {
        run("dataset", "work", 2);
        Map<String, Long> times = mtimes(tmp.resolve("dataset"));
        Map<String, byte[]> bytes = files(tmp.resolve("dataset"));
        messages.clear();
        RunSummary second = run("dataset", "work", 2);
        assertEquals(0, second.written());
        assertEquals(8, second.upToDate());
        assertEquals(0, second.failed());
        assertTrue(second.line().startsWith("8 files in, 0 written, 8 up to date"), second.line());
        assertTrue(messages.contains("info Every file of the input is up to date in " + tmp.resolve("dataset")),
                messages.toString());
        assertEquals(times, mtimes(tmp.resolve("dataset")));
        assertSameFiles(bytes, files(tmp.resolve("dataset")));
    }

    @Test
    void aChangedInputIsTheOnlyFileProcessedAgain() throws Exception {
        run("dataset", "work", 2);
        Dataset changed = EngineFixtures.ct(2, 16);
        changed.setString(Tag.SeriesNumber, VR.IS, "3");
        Path file = EngineFixtures.write(input.resolve("DOE^JOHN").resolve(PATIENT_ID).resolve("CT_2.dcm"), changed);
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_000_000L));
        RunSummary second = run("dataset", "work", 2);
        assertEquals(1, second.written());
        assertEquals(7, second.upToDate());
    }

    @Test
    void aChangedOptionProfileRuleOrSecretInvalidatesTheIndex() throws Exception {
        run("dataset", "work", 2);
        Profile basic = Profile.builtin("basic");
        RunSummary option = run(request(tmp.resolve("dataset"), tmp.resolve("work"), 2,
                basic.withOptions(List.of(Option.RETAIN_PATIENT_CHARACTERISTICS)), EngineFixtures.keys(), Shard.ALL));
        assertEquals(6, option.written());
        assertTrue(messages.contains("info The up-to-date index was written with another plugin version, profile,"
                + " options or secret: every file is processed"), messages.toString());
        RunSummary rule = run(request(tmp.resolve("dataset"), tmp.resolve("work"), 2,
                basic.withRules(List.of("PatientSex K"), "pom"), EngineFixtures.keys(), Shard.ALL));
        assertEquals(6, rule.written());
        RunSummary secret = run(request(tmp.resolve("dataset"), tmp.resolve("work"), 2,
                basic.withRules(List.of("PatientSex K"), "pom"), Pseudonymizer.of("another-secret-of-32-characters!"),
                Shard.ALL));
        assertEquals(6, secret.written());
        RunSummary again = run(request(tmp.resolve("dataset"), tmp.resolve("work"), 2,
                basic.withRules(List.of("PatientSex K"), "pom"), Pseudonymizer.of("another-secret-of-32-characters!"),
                Shard.ALL));
        assertEquals(0, again.written());
    }

    @Test
    void aFileThatFailedIsTriedAgainOnTheNextRun() throws Exception {
        Pseudonymizer keys = EngineFixtures.keys();
        String out = "P" + keys.token("layout-patient", "id\0\0" + PATIENT_ID, 12) + "/"
                + keys.uid(EngineFixtures.STUDY_UID) + "/" + keys.uid(EngineFixtures.SERIES_UID) + "/"
                + keys.uid(EngineFixtures.imageUid(2)) + ".dcm";
        // A directory in the way of one output: writing it fails.
        Path obstacle = tmp.resolve("dataset").resolve(out);
        Files.createDirectories(obstacle);
        Files.writeString(obstacle.resolve("x"), "x");
        RunSummary first = run("dataset", "work", 2);
        assertEquals(5, first.written());
        assertTrue(kinds(first).contains("DOE^JOHN/MRN4417702/CT_2.dcm failed"), kinds(first).toString());
        Files.delete(obstacle.resolve("x"));
        Files.delete(obstacle);
        RunSummary second = run("dataset", "work", 2);
        assertEquals(1, second.written());
        assertTrue(Files.isRegularFile(obstacle));
    }

    // ------------------------------------------------------------------ stale outputs

    /** Directories under {@code root} with nothing in them. */
    private static List<Path> emptyDirectories(Path root) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.filter(Files::isDirectory)::iterator) {
                try (Stream<Path> in = Files.list(p)) {
                    if (in.findAny().isEmpty()) {
                        out.add(p);
                    }
                }
            }
        }
        return out;
    }

    @Test
    void theOutputOfARemovedInputIsDeletedWithItsEmptyFolders() throws Exception {
        Files.delete(input.resolve("DOE^JOHN").resolve(PATIENT_ID).resolve("CT_3.dcm"));
        run("expected", "expectedWork", 2);
        writeInput();
        run("dataset", "work", 2);
        assertEquals(6, files(tmp.resolve("dataset")).size());
        Files.delete(input.resolve("DOE^JOHN").resolve(PATIENT_ID).resolve("CT_3.dcm"));
        Files.delete(input.resolve("ROE^JANE").resolve("CT_9.dcm"));
        messages.clear();
        RunSummary second = run("dataset", "work", 2);
        assertEquals(0, second.written());
        assertEquals(2, second.removed());
        assertTrue(messages.contains("info Removed 2 file(s) from " + tmp.resolve("dataset")
                + " that the current input, secret and configuration no longer produce"), messages.toString());
        Map<String, byte[]> expected = files(tmp.resolve("expected"));
        expected.keySet().removeIf(k -> k.startsWith("P" + EngineFixtures.keys().token("layout-patient",
                "id\0\0MRN5550001", 12)));
        assertEquals(4, expected.size());
        assertSameFiles(expected, files(tmp.resolve("dataset")));
        assertEquals(List.of(), emptyDirectories(tmp.resolve("dataset")));
        String index = Files.readString(tmp.resolve("work").resolve(BatchRunner.INDEX));
        assertFalse(index.contains("CT_3.dcm"), index);
        assertFalse(index.contains("retired"), index);
        assertEquals(2, JsonParser.parseString(Files.readString(tmp.resolve("work").resolve(BatchRunner.LOG)))
                .getAsJsonObject().getAsJsonObject("files").get("removed").getAsInt());
    }

    @Test
    void anotherSecretReplacesTheOutputsOfTheOldOne() throws Exception {
        Pseudonymizer other = Pseudonymizer.of("another-secret-of-32-characters!");
        run(request(tmp.resolve("expected"), tmp.resolve("expectedWork"), 2, Profile.builtin("basic"), other,
                Shard.ALL));
        run("dataset", "work", 2);
        RunSummary second = run(request(tmp.resolve("dataset"), tmp.resolve("work"), 2, Profile.builtin("basic"),
                other, Shard.ALL));
        assertEquals(6, second.written());
        assertEquals(6, second.removed());
        assertSameFiles(files(tmp.resolve("expected")), files(tmp.resolve("dataset")));
        assertEquals(List.of(), emptyDirectories(tmp.resolve("dataset")));
    }

    @Test
    void aRunOfAnotherSecretKilledBeforeItsEndStillRemovesTheOldOutputsWhenResumed() throws Exception {
        Pseudonymizer other = Pseudonymizer.of("another-secret-of-32-characters!");
        run(request(tmp.resolve("expected"), tmp.resolve("expectedWork"), 2, Profile.builtin("basic"), other,
                Shard.ALL));
        run("dataset", "work", 2);
        EngineListener dying = new EngineListener() {
            @Override
            public void warn(String message) {
                throw new IllegalStateException("killed");
            }
        };
        DeidRequest req = request(tmp.resolve("dataset"), tmp.resolve("work"), 2, Profile.builtin("basic"), other,
                Shard.ALL);
        assertThrows(IllegalStateException.class, () -> new BatchRunner(req, dying).run());
        assertEquals(12, files(tmp.resolve("dataset")).size(), "both secrets' outputs before the resumed run");
        RunSummary resumed = run(req);
        assertEquals(0, resumed.written());
        assertEquals(6, resumed.removed());
        assertSameFiles(files(tmp.resolve("expected")), files(tmp.resolve("dataset")));
    }

    @Test
    void filesThePluginNeverWroteAreLeftInTheDataset() throws Exception {
        run("dataset", "work", 2);
        Path foreign = tmp.resolve("dataset").resolve("added-by-hand.dcm");
        Files.writeString(foreign, "x");
        Files.delete(input.resolve("ROE^JANE").resolve("CT_9.dcm"));
        RunSummary second = run("dataset", "work", 2);
        assertEquals(1, second.removed());
        assertEquals("x", Files.readString(foreign));
    }

    @Test
    void everyRunKeepsItsAuditLogInTheHistory() throws Exception {
        run("dataset", "work", 2);
        String firstLog = Files.readString(tmp.resolve("work").resolve(BatchRunner.LOG));
        run("dataset", "work", 2);
        String secondLog = Files.readString(tmp.resolve("work").resolve(BatchRunner.LOG));
        Set<String> history = new HashSet<>();
        try (Stream<Path> s = Files.list(tmp.resolve("work").resolve("logs"))) {
            for (Path p : (Iterable<Path>) s::iterator) {
                assertTrue(p.getFileName().toString().matches("deid-log-\\d{8}T\\d{6}Z(-2)?\\.json"), p.toString());
                history.add(Files.readString(p));
            }
        }
        assertEquals(Set.of(firstLog, secondLog), history);
        assertEquals(0, JsonParser.parseString(secondLog).getAsJsonObject().getAsJsonObject("files")
                .get("written").getAsInt());
        assertEquals(8, JsonParser.parseString(secondLog).getAsJsonObject().getAsJsonObject("files")
                .get("upToDate").getAsInt());
    }

    /** Keeps the header and the first {@code keep} entries of the index, as an interrupted run leaves it. */
    private List<String> truncateIndex(Path work, int keep) throws IOException {
        Path index = work.resolve(BatchRunner.INDEX);
        List<String> lines = Files.readAllLines(index);
        Files.write(index, lines.subList(0, 1 + keep));
        return lines.subList(1 + keep, lines.size());
    }

    @Test
    void anInterruptedRunResumesWithTheFilesMissingFromTheIndexJournal() throws Exception {
        run("dataset", "work", 2);
        Path dataset = tmp.resolve("dataset");
        List<String> dropped = truncateIndex(tmp.resolve("work"), 3);
        int droppedWritten = 0;
        int droppedProblems = 0;
        for (String line : dropped) {
            String[] c = line.split("\t");
            if (c[3].equals("written")) {
                Files.delete(dataset.resolve(c[4]));
                droppedWritten++;
            } else {
                droppedProblems++;
            }
        }
        assertTrue(droppedWritten >= 2, dropped.toString());
        Map<String, Long> kept = mtimes(dataset);
        RunSummary resumed = run("dataset", "work", 2);
        assertEquals(droppedWritten, resumed.written());
        assertEquals(droppedProblems, resumed.failed());
        assertEquals(3, resumed.upToDate());
        Map<String, Long> after = mtimes(dataset);
        for (Map.Entry<String, Long> e : kept.entrySet()) {
            if (e.getKey().endsWith(".dcm")) {
                assertEquals(e.getValue(), after.get(e.getKey()), "rewritten: " + e.getKey());
            }
        }
        assertEquals(6, files(dataset).size());
    }

    /**
     * Runs into {@code dataset} and {@code work} and kills the run after its last file: the listener
     * throws at the first problem reported, which happens once every file is done but before the
     * mappings, the ledger and the log are written.
     */
    private void runKilledAfterTheLastFile() throws Exception {
        EngineListener dying = new EngineListener() {
            @Override
            public void warn(String message) {
                throw new IllegalStateException("killed");
            }
        };
        DeidRequest req = request(tmp.resolve("dataset"), tmp.resolve("work"), 2, Profile.builtin("basic"),
                EngineFixtures.keys(), Shard.ALL);
        assertThrows(IllegalStateException.class, () -> new BatchRunner(req, dying).run());
        assertFalse(Files.exists(tmp.resolve("work").resolve(BatchRunner.UID_MAPPING)));
        assertFalse(Files.exists(tmp.resolve("work").resolve(BatchRunner.LEDGER)));
        assertEquals(6, files(tmp.resolve("dataset")).size());
    }

    private void assertSameMappingsAndLedger(Path expected, Path actual) throws IOException {
        for (String name : List.of(BatchRunner.UID_MAPPING, BatchRunner.PATIENT_ID_MAPPING, BatchRunner.LEDGER)) {
            assertEquals(Files.readString(expected.resolve(name)), Files.readString(actual.resolve(name)), name);
        }
        assertFalse(Files.exists(actual.resolve(BatchRunner.JOURNAL)), "the journal is gone after a complete run");
    }

    @Test
    void aRunKilledBeforeItsEndWritesItsMappingsAndLedgerOnTheNextRun() throws Exception {
        run("full", "fullWork", 2);
        runKilledAfterTheLastFile();
        RunSummary next = run("dataset", "work", 2);
        assertEquals(0, next.written());
        assertEquals(8, next.upToDate());
        assertSameMappingsAndLedger(tmp.resolve("fullWork"), tmp.resolve("work"));
    }

    @Test
    void aResumedRunWritesTheMappingsAndLedgerOfTheFilesWrittenBeforeTheInterruption() throws Exception {
        run("full", "fullWork", 2);
        runKilledAfterTheLastFile();
        // The killed run had not yet recorded the README: the resumed run has only it left to look at.
        Path index = tmp.resolve("work").resolve(BatchRunner.INDEX);
        List<String> lines = new ArrayList<>(Files.readAllLines(index));
        assertTrue(lines.removeIf(l -> l.startsWith("notes/README.txt\t")));
        Files.write(index, lines);
        RunSummary resumed = run("dataset", "work", 2);
        assertEquals(0, resumed.written());
        assertEquals(List.of("notes/README.txt not-dicom"), kinds(resumed));
        assertSameMappingsAndLedger(tmp.resolve("fullWork"), tmp.resolve("work"));
    }

    @Test
    void aJournalOfAnotherSecretIsNotFoldedIntoTheMappings() throws Exception {
        runKilledAfterTheLastFile();
        RunSummary other = run(request(tmp.resolve("dataset"), tmp.resolve("work"), 2, Profile.builtin("basic"),
                Pseudonymizer.of("another-secret-of-32-characters!"), Shard.ALL));
        assertEquals(6, other.written());
        Pseudonymizer keys = EngineFixtures.keys();
        String uids = Files.readString(tmp.resolve("work").resolve(BatchRunner.UID_MAPPING));
        assertFalse(uids.contains(keys.uid(EngineFixtures.STUDY_UID)), uids);
        assertTrue(uids.contains(Pseudonymizer.of("another-secret-of-32-characters!").uid(EngineFixtures.STUDY_UID)));
    }

    @Test
    void shardsTogetherWriteExactlyTheFilesOfAnUnshardedRun() throws Exception {
        run("whole", "w0", 2);
        Profile basic = Profile.builtin("basic");
        RunSummary one = run(request(tmp.resolve("s1"), tmp.resolve("w1"), 2, basic, EngineFixtures.keys(),
                Shard.parse("1/2")));
        RunSummary two = run(request(tmp.resolve("s2"), tmp.resolve("w2"), 2, basic, EngineFixtures.keys(),
                Shard.parse("2/2")));
        Map<String, byte[]> a = files(tmp.resolve("s1"));
        Map<String, byte[]> b = files(tmp.resolve("s2"));
        assertFalse(a.isEmpty());
        assertFalse(b.isEmpty());
        assertTrue(Collections.disjoint(a.keySet(), b.keySet()));
        Map<String, byte[]> union = new TreeMap<>(a);
        union.putAll(b);
        assertSameFiles(files(tmp.resolve("whole")), union);
        assertEquals(8, one.otherShard() + two.otherShard());
        assertEquals(6, one.written() + two.written());
    }

    // ------------------------------------------------------------------ the work directory

    @Test
    void aWorkDirectoryInsideTheDatasetIsRefused() throws Exception {
        Path dataset = tmp.resolve("dataset");
        IOException e = assertThrows(IOException.class, () -> run(request(dataset, dataset.resolve("deid"), 1,
                Profile.builtin("basic"), EngineFixtures.keys(), Shard.ALL)));
        assertTrue(e.getMessage().contains("is inside the dataset"), e.getMessage());
        assertThrows(IOException.class, () -> run(request(dataset, dataset, 1, Profile.builtin("basic"),
                EngineFixtures.keys(), Shard.ALL)));
        assertFalse(Files.exists(dataset.resolve("deid")));
        assertThrows(IOException.class, () -> run(request(input.resolve("out"), tmp.resolve("work"), 1,
                Profile.builtin("basic"), EngineFixtures.keys(), Shard.ALL)), "a dataset inside the input");
    }

    @Test
    void mappingsAreSortedIdOldIdNewFiles() throws Exception {
        run("dataset", "work", 2);
        Pseudonymizer keys = EngineFixtures.keys();
        List<String> patients = Files.readAllLines(tmp.resolve("work").resolve(BatchRunner.PATIENT_ID_MAPPING));
        String john = keys.token("pseudonym:PatientID", PATIENT_ID, 16);
        String jane = keys.token("pseudonym:PatientID", "MRN5550001", 16);
        assertEquals(List.of("id_old,id_new", PATIENT_ID + "," + john, "MRN5550001," + jane), patients);
        List<String> uids = Files.readAllLines(tmp.resolve("work").resolve(BatchRunner.UID_MAPPING));
        assertEquals("id_old,id_new", uids.get(0));
        List<String> rows = uids.subList(1, uids.size());
        List<String> sorted = new ArrayList<>(rows);
        Collections.sort(sorted);
        assertEquals(sorted, rows);
        for (String uid : List.of(EngineFixtures.STUDY_UID, EngineFixtures.SERIES_UID,
                EngineFixtures.FRAME_OF_REFERENCE_UID, EngineFixtures.imageUid(1), EngineFixtures.imageUid(3),
                EngineFixtures.STUDY_UID + ".77.1", EngineFixtures.STUDY_UID + ".88.1",
                "1.2.826.0.1.3680043.10.543.2.2.9")) {
            assertTrue(rows.contains(uid + "," + keys.uid(uid)), uid);
        }
        for (String row : rows) {
            assertFalse(row.startsWith("1.2.840.10008."), "registry UIDs are not mapped: " + row);
        }
    }

    @Test
    void mappingsLedgerIndexAndLogAreReadableByTheOwnerOnly() throws Exception {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        run("dataset", "work", 2);
        Path work = tmp.resolve("work");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(work)));
        for (String name : List.of(BatchRunner.UID_MAPPING, BatchRunner.PATIENT_ID_MAPPING, BatchRunner.LEDGER,
                BatchRunner.LOG, BatchRunner.INDEX)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(work.resolve(name))),
                    name);
        }
    }

    @Test
    void theAuditLogCountsTheRunAndHoldsNoPatientValue() throws Exception {
        run("dataset", "work", 2);
        String log = Files.readString(tmp.resolve("work").resolve(BatchRunner.LOG));
        JsonObject json = JsonParser.parseString(log).getAsJsonObject();
        JsonObject files = json.getAsJsonObject("files");
        assertEquals(8, files.get("in").getAsInt());
        assertEquals(6, files.get("written").getAsInt());
        assertEquals(2, files.get("failed").getAsInt());
        assertEquals("basic", json.getAsJsonObject("profile").get("name").getAsString());
        assertEquals(EngineFixtures.keys().keyId(), json.getAsJsonObject("secret").get("keyId").getAsString());
        assertTrue(json.getAsJsonObject("actions").get("U").getAsInt() > 0);
        for (String planted : List.of("DOE", "JOHN", PATIENT_ID, EngineFixtures.STUDY_UID, EngineFixtures.SECRET)) {
            assertFalse(log.contains(planted), planted);
        }
    }

    @Test
    void anonymizeModeWritesNoMappingsAndNoLedger() throws Exception {
        RunSummary s = run(request(tmp.resolve("dataset"), tmp.resolve("work"), 2, Profile.builtin("basic"),
                Pseudonymizer.ephemeral(), Shard.ALL));
        assertEquals(6, s.written());
        Path work = tmp.resolve("work");
        assertFalse(Files.exists(work.resolve(BatchRunner.UID_MAPPING)));
        assertFalse(Files.exists(work.resolve(BatchRunner.PATIENT_ID_MAPPING)));
        assertFalse(Files.exists(work.resolve(BatchRunner.LEDGER)));
        assertTrue(Files.exists(work.resolve(BatchRunner.LOG)));
        assertTrue(messages.contains("info Anonymize mode: no mappings and no ledger are written"));
        assertFalse(Files.readString(work.resolve(BatchRunner.LOG)).contains("keyId\": \""));
    }

    // ------------------------------------------------------------------ files that are not written

    @Test
    void twoInputsWithOneSopInstanceUidWriteOneFileAndReportTheOther() throws Exception {
        Files.copy(input.resolve("DOE^JOHN").resolve(PATIENT_ID).resolve("CT_1.dcm"), input.resolve("copy.dcm"));
        RunSummary s = run("dataset", "work", 2);
        assertEquals(6, s.written());
        assertEquals(List.of("DICOMDIR dicomdir", "copy.dcm duplicate", "notes/README.txt not-dicom"), kinds(s));
        assertEquals(6, files(tmp.resolve("dataset")).size());
    }

    @Test
    void aDuplicateInstanceWithOtherPatientDataIsStillWrittenOnce() throws Exception {
        Dataset edited = EngineFixtures.ct(1, 16);
        edited.setString(Tag.PatientID, VR.LO, "MRN4417702-CORRECTED");
        EngineFixtures.write(input.resolve("edited.dcm"), edited);
        RunSummary s = run("dataset", "work", 2);
        assertEquals(6, s.written());
        Set<String> sops = new HashSet<>();
        for (Path p : outputs(tmp.resolve("dataset"))) {
            try (DicomFile f = new DicomReader().read(p)) {
                assertTrue(sops.add(f.dataset().getString(Tag.SOPInstanceUID)), "two files of one instance: " + p);
            }
        }
    }

    @Test
    void aDicomdirAndOtherFilesAreReportedNeverCopied() throws Exception {
        Files.write(input.resolve("notes").resolve("scan.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10});
        RunSummary s = run("dataset", "work", 2);
        assertEquals(List.of("DICOMDIR dicomdir", "notes/README.txt not-dicom", "notes/scan.png not-dicom"), kinds(s));
        for (String path : files(tmp.resolve("dataset")).keySet()) {
            assertTrue(path.endsWith(".dcm"), path);
        }
        assertTrue(messages.contains("warn notes/README.txt: " + s.problems().get(1).message()));
    }
}
