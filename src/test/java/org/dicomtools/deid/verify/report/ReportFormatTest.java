package org.dicomtools.deid.verify.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReportFormatTest {

    @Test
    void fileFormatsNameTheirFiles() {
        assertEquals("verify.json", ReportFormat.JSON.fileName());
        assertEquals("verify-junit.xml", ReportFormat.JUNIT.fileName());
        assertEquals("verify.sarif", ReportFormat.SARIF.fileName());
        assertEquals("verify.html", ReportFormat.HTML.fileName());
        assertTrue(ReportFormat.JSON.writesFile());
    }

    @Test
    void consoleWritesNoFile() {
        assertFalse(ReportFormat.CONSOLE.writesFile());
        assertThrows(IllegalStateException.class, ReportFormat.CONSOLE::fileName);
    }

    @Test
    void eachFormatCreatesItsWriter() {
        assertInstanceOf(JsonReportWriter.class, ReportFormat.JSON.writer());
        assertInstanceOf(JunitReportWriter.class, ReportFormat.JUNIT.writer());
        assertInstanceOf(SarifReportWriter.class, ReportFormat.SARIF.writer());
        assertInstanceOf(HtmlReportWriter.class, ReportFormat.HTML.writer());
    }

    @Test
    void consoleWriterRendersTheSummaryLines() {
        assertEquals(String.join("\n", ConsoleSummary.lines(Fixtures.report(), ConsoleSummary.DEFAULT_MAX_FINDINGS,
                null)) + "\n", Fixtures.render(ReportFormat.CONSOLE.writer(), Fixtures.report()));
    }
}
