package org.dicomtools.deid.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The codec on the curated real-file corpus in {@code src/test/resources/corpus} (sources and
 * licences in its {@code LICENSES.md}), driven by {@code corpus/EXPECTED.tsv}:
 * <ul>
 * <li>every file reads with its expected outcome: failures are exactly a {@link DicomFormatException}
 *     with the expected reason, offset and tag path, warnings are the expected ones;</li>
 * <li>a well-formed file ({@code ok}) is written back to the same dataset bytes;</li>
 * <li>every file that parses, written as Part 10 and read again, gives an equal dataset, and writing
 *     that again gives the same bytes;</li>
 * <li>the element tree and decoded values equal the golden dump in {@code corpus-golden}, written
 *     once with pydicom 2.3.1 by {@code tools/golden-dump.py} and reviewed.</li>
 * </ul>
 *
 * <p>The golden dumps record what a conformant parser sees where pydicom differs; the rules are
 * spelled out in the script's docstring and are, in short:
 * <ol>
 * <li>N1 every sequence-valued element is dumped as SQ, also one read from a UN element;</li>
 * <li>N2 a UN element stays UN with its bytes (pydicom would convert it to the dictionary VR);</li>
 * <li>N3 private data elements of implicit VR datasets (and private elements below the creator
 *     range) are UN, creators LO, group lengths UL (PS3.5 6.2.2);</li>
 * <li>N4 a UN value that is a run of items is dumped as an implicit VR little endian sequence
 *     (PS3.5 6.2.2, CP-246);</li>
 * <li>N5 text values without trailing spaces and NULs, and without leading spaces except for LT,
 *     ST, UT, UC and PN (PS3.5 6.2);</li>
 * <li>N6 an element whose VR bytes are not a VR (fo-dicom/GH179A.dcm) is read with a 16-bit length
 *     and the dictionary VR;</li>
 * <li>N7 ambiguous dictionary VRs in implicit VR as pydicom resolves them; Curve Data OW;</li>
 * <li>N8 a dictionary SQ whose implicit VR value is not a run of items is UN bytes;</li>
 * <li>N9 headerless files pydicom misdetects (pydicom/no_meta.dcm, dcm4che/no_preamble_dicm_in_data)
 *     are dumped from their first element;</li>
 * <li>N10 empty trailing person name component groups are kept as written;</li>
 * <li>N11 the ISO 2022 IR 58 escape sequence is removed from decoded text (PS3.5 Annex K).</li>
 * </ol>
 * On the Java side FL and FD values are compared by value (the dump prints Python's shortest
 * {@code repr}), and text values as the strings they decode to.
 *
 * <p>Writing normalises two things in malformed input, and nothing else: group length values are
 * recomputed and odd-length values are padded with the VR's padding byte. Files read with such
 * warnings may differ from their rewrite in exactly those values; files read without warnings may
 * not differ at all.
 */
class CorpusTest {
    private static final Path CORPUS = resourceFolder("/corpus/EXPECTED.tsv");
    private static final Path GOLDEN = resourceFolder("/corpus-golden/.gitattributes");
    private static final List<String> COLUMNS =
            List.of("path", "outcome", "reason", "warnings", "warning_count", "offset", "tag_path");
    private static final Set<String> NOT_CORPUS_FILES = Set.of("EXPECTED.tsv", "LICENSES.md", ".gitattributes");
    /** The one recovery a rewrite keeps: implicit VR has no way to say that a value is not a sequence. */
    private static final String KEPT_AS_UN = "is a sequence in the dictionary but its value is not: kept as UN";
    private static final Gson JSON = new GsonBuilder().disableHtmlEscaping().create();

    @TempDir
    Path dir;

    /** One row of EXPECTED.tsv. */
    record Expected(String path, String outcome, String reason, List<String> warnings, int warningCount,
            long offset, String tagPath) {

        boolean fails() {
            return outcome.equals("fails");
        }

        boolean wellFormed() {
            return outcome.equals("ok");
        }

        Path file() {
            return CORPUS.resolve(path);
        }

        @Override
        public String toString() {
            return path;
        }
    }

    static List<Expected> expected() throws IOException {
        List<Expected> rows = new ArrayList<>();
        boolean header = true;
        for (String line : Files.readAllLines(CORPUS.resolve("EXPECTED.tsv"), StandardCharsets.UTF_8)) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> c = List.of(line.split("\t", -1));
            if (header) {
                assertEquals(COLUMNS, c, "EXPECTED.tsv header");
                header = false;
                continue;
            }
            assertEquals(COLUMNS.size(), c.size(), line);
            assertTrue(Set.of("ok", "ok-with-warnings", "fails").contains(c.get(1)), line);
            Expected e = new Expected(c.get(0), c.get(1), c.get(2),
                    c.get(3).isEmpty() ? List.of() : List.of(c.get(3).split("\\|")),
                    Integer.parseInt(c.get(4)), c.get(5).isEmpty() ? -1 : Long.parseLong(c.get(5)), c.get(6));
            assertEquals(e.fails(), !e.reason().isEmpty() && e.offset() >= 0, "reason and offset iff fails: " + line);
            assertEquals(e.outcome().equals("ok-with-warnings"), !e.warnings().isEmpty() && e.warningCount() > 0,
                    "warnings iff ok-with-warnings: " + line);
            rows.add(e);
        }
        return rows;
    }

    static Stream<Expected> allFiles() throws IOException {
        return expected().stream();
    }

    static Stream<Expected> parsingFiles() throws IOException {
        return expected().stream().filter(e -> !e.fails());
    }

    static Stream<Expected> wellFormedFiles() throws IOException {
        return expected().stream().filter(Expected::wellFormed);
    }

    @Test
    void everyCorpusFileHasAnExpectationALicenceRowAndAGoldenDumpIfItParses() throws IOException {
        Set<String> onDisk = relativeFiles(CORPUS).stream()
                .filter(p -> !NOT_CORPUS_FILES.contains(p))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> listed = expected().stream().map(Expected::path).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(onDisk, listed);
        assertEquals(listed.size(), expected().size(), "a file is listed twice in EXPECTED.tsv");

        String licences = Files.readString(CORPUS.resolve("LICENSES.md"), StandardCharsets.UTF_8);
        for (String path : listed) {
            assertTrue(licences.contains("| `" + path + "` |"), "no LICENSES.md row for " + path);
        }

        Set<String> golden = relativeFiles(GOLDEN).stream()
                .filter(p -> !p.equals(".gitattributes"))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> parsing = parsingFiles().map(e -> e.path() + ".txt").collect(Collectors.toCollection(TreeSet::new));
        assertEquals(parsing, golden);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allFiles")
    void readsWithTheExpectedOutcome(Expected expected) throws IOException {
        Path file = expected.file();
        if (expected.fails()) {
            DicomFormatException e = assertThrows(DicomFormatException.class, () -> {
                try (DicomFile unexpected = new DicomReader().read(file)) {
                    fail("read without error, warnings " + unexpected.warnings());
                }
            });
            assertEquals(DicomFormatException.class, e.getClass());
            assertTrue(e.reason().startsWith(expected.reason()), e.getMessage());
            assertTrue(e.offset() >= 0, e.getMessage());
            assertEquals(expected.offset(), e.offset(), e.getMessage());
            assertEquals(expected.tagPath(), e.tagPath(), e.getMessage());
            assertEquals(file, e.file());
            assertTrue(e.getMessage().startsWith(file + ": offset " + e.offset()), e.getMessage());
            return;
        }
        try (DicomFile f = new DicomReader().read(file)) {
            List<String> warnings = f.warnings();
            assertEquals(expected.warningCount(), warnings.size(), () -> expected + ": warnings " + warnings);
            for (String w : warnings) {
                assertTrue(expected.warnings().stream().anyMatch(w::startsWith),
                        expected + ": unexpected warning: " + w);
            }
            for (String prefix : expected.warnings()) {
                assertTrue(warnings.stream().anyMatch(w -> w.startsWith(prefix)),
                        () -> expected + ": no warning starts with \"" + prefix + "\": " + warnings);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wellFormedFiles")
    void writesWellFormedDatasetBackByteForByte(Expected expected) throws IOException {
        try (DicomFile f = new DicomReader().read(expected.file())) {
            byte[] source = sourceDatasetBytes(f);
            byte[] written = datasetBytes(f.dataset(), f.transferSyntax());
            assertEquals(source.length, written.length, expected + ": dataset length");
            assertEquals(-1, Arrays.mismatch(source, written), expected + ": first differing byte");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parsingFiles")
    void rewriteReadsBackEqualAndWritesIdentically(Expected expected) throws IOException {
        Path first = dir.resolve("first.dcm");
        Path second = dir.resolve("second.dcm");
        try (DicomFile f = new DicomReader().read(expected.file())) {
            new DicomWriter().write(first, f.dataset(), f.transferSyntax(), f.meta());
            try (DicomFile g = new DicomReader().read(first)) {
                assertTrue(g.isPart10(), expected + ": rewritten as Part 10");
                assertEquals(f.transferSyntax(), g.transferSyntax(), expected + ": transfer syntax");
                List<String> warnings = expected.wellFormed() ? g.warnings()
                        : g.warnings().stream().filter(w -> !w.endsWith(KEPT_AS_UN)).toList();
                assertEquals(List.of(), warnings, expected + ": warnings reading the rewritten file");
                assertEqualDatasets(f.dataset(), g.dataset(), expected + ": ", !expected.wellFormed());
                new DicomWriter().write(second, g.dataset(), g.transferSyntax(), g.meta());
            }
        }
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second), expected + ": second write");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parsingFiles")
    void elementTreeAndValuesMatchTheGoldenDump(Expected expected) throws IOException {
        List<String> golden = new ArrayList<>();
        String encoding = null;
        for (String line : Files.readAllLines(GOLDEN.resolve(expected.path() + ".txt"), StandardCharsets.UTF_8)) {
            if (line.startsWith("# encoding: ")) {
                encoding = line.substring("# encoding: ".length());
            } else if (!line.startsWith("#")) {
                golden.add(canonicalGoldenLine(line));
            }
        }
        List<String> ours = new ArrayList<>();
        try (DicomFile f = new DicomReader().read(expected.file())) {
            TransferSyntax ts = f.transferSyntax();
            assertEquals(encoding, (ts.explicitVR() ? "explicit " : "implicit ") + (ts.bigEndian() ? "big" : "little"),
                    expected + ": encoding");
            dump(f.dataset(), "", ours);
        }
        for (int i = 0; i < Math.min(golden.size(), ours.size()); i++) {
            assertEquals(golden.get(i), ours.get(i), expected + ": element line " + (i + 1));
        }
        assertEquals(golden.size(), ours.size(), expected + ": number of element lines");
    }

    // ---------------------------------------------------------------- dataset bytes

    /** The dataset bytes of the source file; for a deflated dataset, inflated. */
    private static byte[] sourceDatasetBytes(DicomFile f) throws IOException {
        byte[] file = Files.readAllBytes(f.source());
        if (!f.transferSyntax().deflated()) {
            return Arrays.copyOfRange(file, Math.toIntExact(f.datasetOffset()), file.length);
        }
        int metaEnd = 0;
        for (DicomElement e : f.meta()) {
            int header = e.vr().hasLongLength() ? 12 : 8;
            metaEnd = Math.max(metaEnd, Math.toIntExact(e.offset() + header + e.length()));
        }
        Inflater inflater = new Inflater(true);
        try (InputStream in = new InflaterInputStream(
                new ByteArrayInputStream(file, metaEnd, file.length - metaEnd), inflater)) {
            byte[] inflated = in.readAllBytes();
            return Arrays.copyOfRange(inflated, Math.toIntExact(f.datasetOffset()), inflated.length);
        } finally {
            inflater.end();
        }
    }

    private static byte[] datasetBytes(Dataset dataset, TransferSyntax ts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DicomWriter().writeDataset(Channels.newChannel(out), dataset, ts);
        return out.toByteArray();
    }

    // ---------------------------------------------------------------- structural equality

    /**
     * Asserts that two datasets hold the same elements: tags, VRs, length forms, inline and bulk
     * bytes, items and fragments. With {@code normalised}, a group length value may differ and a
     * value of odd length may come back padded by one padding byte.
     */
    private static void assertEqualDatasets(Dataset a, Dataset b, String path, boolean normalised) throws IOException {
        List<DicomElement> x = a.elements();
        List<DicomElement> y = b.elements();
        assertEquals(tags(x), tags(y), "elements of " + path);
        for (int i = 0; i < x.size(); i++) {
            DicomElement e = x.get(i);
            DicomElement f = y.get(i);
            String p = path + Tags.toString(e.tag());
            assertEquals(e.vr(), f.vr(), p + " VR");
            assertEquals(e.isSequence(), f.isSequence(), p + " is a sequence");
            assertEquals(e.isFragments(), f.isFragments(), p + " is encapsulated");
            if (e.isSequence()) {
                assertEquals(e.undefinedLength(), f.undefinedLength(), p + " undefined length");
                List<Dataset> items = e.sequence().items();
                List<Dataset> others = f.sequence().items();
                assertEquals(items.size(), others.size(), p + " items");
                for (int k = 0; k < items.size(); k++) {
                    String q = p + "[" + k + "]";
                    assertEquals(items.get(k).undefinedLength(), others.get(k).undefinedLength(),
                            q + " undefined length");
                    assertEqualDatasets(items.get(k), others.get(k), q + "/", normalised);
                }
            } else if (e.isFragments()) {
                Fragments u = e.fragments();
                Fragments v = f.fragments();
                assertEquals(u.size(), v.size(), p + " fragments");
                for (int k = 0; k < u.size(); k++) {
                    assertArrayEquals(u.bytes(k, Integer.MAX_VALUE), v.bytes(k, Integer.MAX_VALUE), p + "{" + k + "}");
                }
            } else {
                byte[] u = e.bytes(Integer.MAX_VALUE);
                byte[] v = f.bytes(Integer.MAX_VALUE);
                if (normalised && Tags.isGroupLength(e.tag())) {
                    assertEquals(4, v.length, p + " group length");
                } else if (normalised && u.length % 2 == 1) {
                    byte[] padded = Arrays.copyOf(u, u.length + 1);
                    padded[u.length] = e.vr().paddingByte();
                    assertArrayEquals(padded, v, p + " padded to even length");
                } else {
                    assertArrayEquals(u, v, p);
                }
            }
        }
    }

    private static List<String> tags(List<DicomElement> elements) {
        return elements.stream().map(e -> Tags.toString(e.tag())).toList();
    }

    // ---------------------------------------------------------------- golden dump format

    /** Our dump of a dataset, in the golden file's format (see tools/golden-dump.py). */
    private static void dump(Dataset ds, String prefix, List<String> out) throws IOException {
        for (DicomElement e : ds) {
            String path = prefix + Tags.toString(e.tag());
            if (e.isSequence()) {
                List<Dataset> items = e.sequence().items();
                out.add(path + "\tSQ\titems=" + items.size());
                for (int i = 0; i < items.size(); i++) {
                    dump(items.get(i), path + "[" + i + "]/", out);
                }
            } else if (e.isFragments()) {
                Fragments fragments = e.fragments();
                out.add(path + "\t" + e.vr() + "\tfragments=" + fragments.size());
                for (int i = 0; i < fragments.size(); i++) {
                    out.add(path + "{" + i + "}\t--\t" + digest(fragments.bytes(i, Integer.MAX_VALUE)));
                }
            } else if (e.vr().isText()) {
                out.add(path + "\t" + e.vr() + "\t" + JSON.toJson(String.join("\\", ds.strings(e))));
            } else if (e.vr().kind() == VR.Kind.BINARY) {
                out.add(path + "\t" + e.vr() + "\t" + String.join("\\", ds.strings(e)));
            } else {
                out.add(path + "\t" + e.vr() + "\t" + digest(e.bytes(Integer.MAX_VALUE)));
            }
        }
    }

    /**
     * A golden line with its value in the form {@link #dump} writes: text re-quoted by the same JSON
     * writer, FL and FD values as Java prints the float or double they denote.
     */
    private static String canonicalGoldenLine(String line) {
        String[] c = line.split("\t", 3);
        assertEquals(3, c.length, line);
        String value = c[2];
        if (value.startsWith("\"")) {
            value = JSON.toJson(JsonParser.parseString(value).getAsString());
        } else if ((c[1].equals("FL") || c[1].equals("FD")) && !value.isEmpty()) {
            List<String> numbers = new ArrayList<>();
            for (String v : value.split("\\\\")) {
                double d = switch (v) {
                    case "nan" -> Double.NaN;
                    case "inf" -> Double.POSITIVE_INFINITY;
                    case "-inf" -> Double.NEGATIVE_INFINITY;
                    default -> Double.parseDouble(v);
                };
                numbers.add(c[1].equals("FL") ? Float.toString((float) d) : Double.toString(d));
            }
            value = String.join("\\", numbers);
        }
        return c[0] + "\t" + c[1] + "\t" + value;
    }

    private static String digest(byte[] bytes) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "len=" + bytes.length + " sha256=" + HexFormat.of().formatHex(sha);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    // ---------------------------------------------------------------- resources

    private static Path resourceFolder(String anyFileInIt) {
        URL url = CorpusTest.class.getResource(anyFileInIt);
        if (url == null) {
            throw new IllegalStateException(anyFileInIt + " is not on the test classpath");
        }
        try {
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("test resource " + url, e);
        }
    }

    private static List<String> relativeFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }
}
