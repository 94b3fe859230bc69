package org.dicomtools.deid.verify.checks;

import static org.dicomtools.deid.verify.CheckHarness.checkDataset;
import static org.dicomtools.deid.verify.CheckHarness.context;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.dicomtools.deid.verify.CheckHarness;
import org.dicomtools.deid.verify.FileFacts;
import org.dicomtools.deid.verify.Severity;
import org.junit.jupiter.api.Test;

class DanglingReferenceTest {
    private static final String DEEP = "(0008,1115)[0]/(0008,114A)[0]/(0008,1155)";

    private final DanglingReference check = new DanglingReference();

    private static FileFacts file(String path, String sop, FileFacts.Reference... refs) {
        return new FileFacts(path, "K4ZQ2MXAB7C3D5EF", "", "", "2.25.200", "2.25.300", sop, List.of(refs));
    }

    @Test
    void ruleIsLowAndNamedDanglingReference() {
        assertEquals("dangling-reference", check.info().id());
        assertEquals(Severity.LOW, check.info().severity());
    }

    @Test
    void referenceToAnInstanceOutsideTheDatasetIsFoundWhereItIs() {
        assertEquals(List.of(CheckHarness.finding(DanglingReference.INFO, "a/2.dcm", DEEP,
                "refers to an instance that is not in the dataset", "")),
                checkDataset(check, List.of(file("a/1.dcm", "2.25.101"),
                        file("a/2.dcm", "2.25.102", new FileFacts.Reference("2.25.999", DEEP))), context()));
    }

    @Test
    void referenceThatResolvesIsNotFound() {
        assertEquals(List.of(), checkDataset(check, List.of(
                file("a/1.dcm", "2.25.101", new FileFacts.Reference("2.25.102", "(0008,1140)[0]/(0008,1155)")),
                file("a/2.dcm", "2.25.102", new FileFacts.Reference("2.25.101", DEEP),
                        new FileFacts.Reference("2.25.102", "(0008,1140)[1]/(0008,1155)"))), context()));
    }

    @Test
    void everyDanglingReferenceOfAFileIsOneFinding() {
        assertEquals(List.of(
                CheckHarness.finding(DanglingReference.INFO, "a/1.dcm", "(0008,1140)[0]/(0008,1155)",
                        "refers to an instance that is not in the dataset", ""),
                CheckHarness.finding(DanglingReference.INFO, "a/1.dcm", "(0008,1140)[1]/(0008,1155)",
                        "refers to an instance that is not in the dataset", "")),
                checkDataset(check, List.of(file("a/1.dcm", "2.25.101",
                        new FileFacts.Reference("2.25.998", "(0008,1140)[0]/(0008,1155)"),
                        new FileFacts.Reference("2.25.999", "(0008,1140)[1]/(0008,1155)"))), context()));
    }
}
