package org.dicomtools.deid.verify.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesEveryFileFormatIntoANewDirectoryAndNoTemporaryFiles(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("target/deid/verify");
        List<Path> written = Reports.writeAll(Fixtures.report(), EnumSet.allOf(ReportFormat.class), dir);
        assertEquals(List.of(dir.resolve("verify.json"), dir.resolve("verify-junit.xml"), dir.resolve("verify.sarif"),
                dir.resolve("verify.html")), written);
        assertEquals(List.of("verify-junit.xml", "verify.html", "verify.json", "verify.sarif"), names(dir));
        for (ReportFormat f : EnumSet.of(ReportFormat.JSON, ReportFormat.JUNIT, ReportFormat.SARIF, ReportFormat.HTML)) {
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            f.writer().write(Fixtures.report(), expected);
            assertArrayEquals(expected.toByteArray(), Files.readAllBytes(dir.resolve(f.fileName())), f.name());
        }
    }

    @Test
    void writesOnlyTheRequestedFormatsOnceAndIgnoresConsole(@TempDir Path tmp) throws IOException {
        List<Path> written = Reports.writeAll(Fixtures.report(),
                List.of(ReportFormat.SARIF, ReportFormat.CONSOLE, ReportFormat.JSON, ReportFormat.SARIF), tmp);
        assertEquals(List.of(tmp.resolve("verify.json"), tmp.resolve("verify.sarif")), written);
        assertEquals(List.of("verify.json", "verify.sarif"), names(tmp));
    }

    @Test
    void consoleOnlyWritesNothingAndCreatesNoDirectory(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("never");
        assertEquals(List.of(), Reports.writeAll(Fixtures.report(), List.of(ReportFormat.CONSOLE), dir));
        assertEquals(List.of(), Reports.writeAll(Fixtures.report(), List.of(), dir));
        assertFalse(Files.exists(dir));
    }

    @Test
    void replacesAnEarlierReport(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("verify.json"), "old");
        Reports.writeAll(Fixtures.clean(), List.of(ReportFormat.JSON), tmp);
        assertEquals(Fixtures.render(ReportFormat.JSON.writer(), Fixtures.clean()),
                Files.readString(tmp.resolve("verify.json"), StandardCharsets.UTF_8));
        assertEquals(List.of("verify.json"), names(tmp));
    }

    @Test
    void failedWriteKeepsTheEarlierReportAndLeavesNoTemporaryFile(@TempDir Path tmp) throws IOException {
        Path target = tmp.resolve("verify.json");
        Files.writeString(target, "old");
        IOException boom = new IOException("disk full");
        ReportWriter failing = (report, out) -> {
            out.write("half a rep".getBytes(StandardCharsets.UTF_8));
            out.flush();
            throw boom;
        };
        IOException thrown = assertThrows(IOException.class, () -> Reports.write(Fixtures.report(), failing, target));
        assertSame(boom, thrown);
        assertEquals("old", Files.readString(target));
        assertEquals(List.of("verify.json"), names(tmp));
    }

    @Test
    void directoryThatIsAFileFails(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("x"), "");
        assertThrows(IOException.class, () -> Reports.writeAll(Fixtures.report(), List.of(ReportFormat.JSON), file));
    }
}
