package org.dicomtools.deid.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.dicomtools.deid.dicom.Dataset;
import org.dicomtools.deid.dicom.DicomWriter;
import org.dicomtools.deid.dicom.TransferSyntax;
import org.dicomtools.deid.dicom.VR;
import org.dicomtools.deid.dicom.dict.Tag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DumperTest {
    private static final String IMPLICIT_HEADING =
            "--- a/c.dcm (Implicit VR Little Endian: Default Transfer Syntax for DICOM) ---";

    @TempDir
    Path tmp;

    private Path input;
    private final List<String> lines = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final DumpListener listener = new DumpListener() {
        @Override
        public void line(String text) {
            lines.add(text);
        }

        @Override
        public void warning(String text) {
            warnings.add(text);
        }
    };

    @BeforeEach
    void createInput() throws IOException {
        input = tmp.resolve("in");
        Files.createDirectories(input.resolve("a"));
        Dataset small = new Dataset();
        small.setString(Tag.Modality, VR.CS, "CT");
        new DicomWriter().write(input.resolve("b.dcm"), small, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, null);
        Dataset withPixels = new Dataset();
        withPixels.setString(Tag.Modality, VR.CS, "MR");
        // Written as implicit VR, where "OB or OW" reads as OW (PS3.5 A.1).
        withPixels.setBytes(Tag.PixelData, VR.OB, new byte[2000]);
        new DicomWriter().write(input.resolve("a/c.dcm"), withPixels, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, null);
        Files.writeString(input.resolve("notes.txt"), "not DICOM\n");
    }

    private DumpResult run(Path output, boolean privateOnly) throws IOException {
        return new Dumper(new DumpOptions(input, output, privateOnly, 64, 1024)).run(listener);
    }

    @Test
    void walksDirectoriesInNameOrderAndListsFilesThatAreNotDicom() throws IOException {
        DumpResult result = run(null, false);
        assertEquals(List.of(IMPLICIT_HEADING, "--- b.dcm (Explicit VR Little Endian) ---"),
                lines.stream().filter(l -> l.startsWith("---")).toList());
        assertTrue(lines.contains("(0008,0060) Modality CS 2 [MR]"), lines.toString());
        assertEquals(2, result.dumped());
        assertEquals(1, result.failures().size());
        DumpFailure failure = result.failures().get(0);
        assertEquals("notes.txt", failure.file());
        assertEquals(0, failure.offset());
        assertEquals("", failure.tagPath());
        assertTrue(failure.toString().startsWith("notes.txt: offset 0: not a DICOM file"), failure.toString());
        assertEquals(List.of(), warnings);
    }

    @Test
    void writesOneJsonFilePerInputAndListsTheValuesLeftOut() throws IOException {
        Path output = tmp.resolve("out");
        DumpResult result = run(output, false);
        assertEquals(1, result.omittedValues());
        assertTrue(Files.readString(output.resolve("b.dcm.json")).contains("\"00080060\": {"));
        String json = Files.readString(output.resolve("a/c.dcm.json"));
        assertTrue(json.contains("\"7FE00010\": {\n    \"vr\": \"OW\"\n  }"), json);
        assertEquals("file\ttag path\tvr\tlength\na/c.dcm\t(7FE0,0010)\tOW\t2000\n",
                Files.readString(output.resolve(Dumper.OMITTED_VALUES_FILE), StandardCharsets.UTF_8));
        try (var files = Files.walk(output)) {
            assertEquals(5, files.count(), "out, out/a and three files: no temporary file is left");
        }
    }

    @Test
    void singleFileInputWritesItsJsonUnderItsName() throws IOException {
        Path output = tmp.resolve("out");
        DumpOptions options = new DumpOptions(input.resolve("a/c.dcm"), output, false, 64, 4096);
        DumpResult result = new Dumper(options).run(listener);
        assertEquals(1, result.dumped());
        assertEquals(0, result.omittedValues());
        assertEquals(IMPLICIT_HEADING.replace("a/", ""), lines.get(0));
        assertTrue(Files.exists(output.resolve("c.dcm.json")));
    }

    @Test
    void privateOnlySaysWhenAFileHasNoPrivateElements() throws IOException {
        run(null, true);
        assertEquals(List.of(IMPLICIT_HEADING, "(no private elements)",
                "--- b.dcm (Explicit VR Little Endian) ---", "(no private elements)"), lines);
    }

    @Test
    void rejectsAnOutputDirectoryInsideTheInput() {
        assertThrows(IllegalArgumentException.class, () -> run(input.resolve("json"), false));
        assertThrows(IllegalArgumentException.class, () -> run(input, false));
        assertTrue(lines.isEmpty());
    }

    @Test
    void missingInputIsAnError() {
        input = tmp.resolve("nowhere");
        assertThrows(NoSuchFileException.class, () -> run(null, false));
    }
}
