package org.dicomtools.deid.mojo;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.dicomtools.deid.dicom.Dataset;
import org.dicomtools.deid.dicom.DicomWriter;
import org.dicomtools.deid.dicom.TransferSyntax;
import org.dicomtools.deid.dicom.VR;
import org.dicomtools.deid.dicom.dict.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@MojoTest
class DumpMojoTest {
    @TempDir
    Path dir;

    private final Log log = mock(Log.class);

    @Test
    @InjectMojo(goal = "dump")
    @MojoParameter(name = "skip", value = "true")
    @MojoParameter(name = "input", value = "does-not-exist")
    void skipLogsThePropertyAndReadsNothing(DumpMojo mojo) throws Exception {
        mojo.setLog(log);
        mojo.execute();
        verify(log).info("Skipping deid:dump because deid.skip is true");
        verifyNoMoreInteractions(log);
    }

    @Test
    @InjectMojo(goal = "dump")
    void withoutInputLogsWhichPropertyToSet(DumpMojo mojo) throws Exception {
        mojo.setLog(log);
        mojo.execute();
        verify(log).info("Nothing to dump: set deid.input to a DICOM file or directory (-Ddeid.input=<path>)");
        verifyNoMoreInteractions(log);
    }

    @Test
    @InjectMojo(goal = "dump")
    @MojoParameter(name = "maxValueLength", value = "8")
    void printsTheTreeAndTheSummary(DumpMojo mojo) throws Exception {
        Dataset ds = new Dataset();
        ds.setString(Tag.StudyDescription, VR.LO, "Head and neck");
        new DicomWriter().write(dir.resolve("x.dcm"), ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, null);
        MojoExtension.setVariableValueToObject(mojo, "input", dir.toFile());
        mojo.setLog(log);
        mojo.execute();
        verify(log).info("--- x.dcm (Explicit VR Little Endian) ---");
        verify(log).info("(0008,1030) StudyDescription LO 14 [Head an\u2026]");
        verify(log).info("Dumped 1 file, 0 failed");
    }

    @Test
    @InjectMojo(goal = "dump")
    @MojoParameter(name = "failOnError", value = "true")
    void failOnErrorFailsTheBuildAfterTheSummary(DumpMojo mojo) throws IOException, IllegalAccessException {
        Files.writeString(dir.resolve("readme.txt"), "text");
        MojoExtension.setVariableValueToObject(mojo, "input", dir.toFile());
        mojo.setLog(log);
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("1 of 1 files could not be read as DICOM (deid.failOnError is true):"),
                e.getMessage());
        verify(log).warn("1 file could not be read:");
        verify(log).warn(startsWith("  readme.txt: offset 0: not a DICOM file"));
        verify(log).info("Dumped 0 files, 1 failed");
    }
}
