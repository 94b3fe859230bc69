package org.dicomtools.deid.mojo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.File;

import org.junit.jupiter.api.Test;

class AbstractDeidMojoTest {
    private final File cwd = new File("").getAbsoluteFile();

    @Test
    void unresolvedBuildDirectoryMadeAbsoluteByMavenMeansTargetUnderCurrentDirectory() {
        File given = new File(cwd, "${project.build.directory}/deid");

        assertEquals(new File(cwd, "target/deid"), AbstractDeidMojo.resolve(given));
    }

    @Test
    void unresolvedBaseDirectoryMadeAbsoluteByMavenMeansCurrentDirectory() {
        File given = new File(cwd, "${project.basedir}/deid-review.json");

        assertEquals(new File(cwd, "deid-review.json"), AbstractDeidMojo.resolve(given));
    }

    @Test
    void unresolvedExpressionAsGivenMeansCurrentDirectory() {
        assertEquals(new File(cwd, "target/deid"), AbstractDeidMojo.resolve(new File("${project.build.directory}/deid")));
        assertEquals(cwd, AbstractDeidMojo.resolve(new File("${basedir}")));
    }

    @Test
    void resolvedPathIsReturnedUnchanged() {
        File given = new File(cwd, "dataset");

        assertSame(given, AbstractDeidMojo.resolve(given));
    }

    @Test
    void unknownExpressionIsLeftAsGiven() {
        File given = new File(cwd, "${some.other}/deid");

        assertSame(given, AbstractDeidMojo.resolve(given));
    }
}
