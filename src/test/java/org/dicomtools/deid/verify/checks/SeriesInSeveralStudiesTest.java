package org.dicomtools.deid.verify.checks;

import static org.dicomtools.deid.verify.CheckHarness.checkDataset;
import static org.dicomtools.deid.verify.CheckHarness.context;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.dicomtools.deid.verify.CheckHarness;
import org.dicomtools.deid.verify.FileFacts;
import org.dicomtools.deid.verify.Severity;
import org.junit.jupiter.api.Test;

class SeriesInSeveralStudiesTest {
    private final SeriesInSeveralStudies check = new SeriesInSeveralStudies();

    private static FileFacts file(String path, String study, String series) {
        return new FileFacts(path, "K4ZQ2MXAB7C3D5EF", "", "", study, series, "2.25.9" + path.length(), List.of());
    }

    @Test
    void ruleIsMediumAndNamedSeriesInSeveralStudies() {
        assertEquals("series-in-several-studies", check.info().id());
        assertEquals(Severity.MEDIUM, check.info().severity());
    }

    @Test
    void seriesInThreeStudiesIsFoundWhereTheFirstOtherStudyIs() {
        assertEquals(List.of(CheckHarness.finding(SeriesInSeveralStudies.INFO, "b/1.dcm", "(0020,000E)",
                "the series of this file appears in 3 studies", "2.2*.3**")),
                checkDataset(check, List.of(file("a/1.dcm", "2.25.200", "2.25.300"),
                        file("a/2.dcm", "2.25.200", "2.25.300"), file("b/1.dcm", "2.25.201", "2.25.300"),
                        file("c/1.dcm", "2.25.202", "2.25.300")), context()));
    }

    @Test
    void seriesInOneStudyAndSeveralSeriesInOneStudyAreNotFound() {
        assertEquals(List.of(), checkDataset(check, List.of(file("a/1.dcm", "2.25.200", "2.25.300"),
                file("a/2.dcm", "2.25.200", "2.25.300"), file("a/3.dcm", "2.25.200", "2.25.301"),
                file("b/1.dcm", "2.25.201", "2.25.302"), file("c/1.dcm", "2.25.202", "")), context()));
    }
}
