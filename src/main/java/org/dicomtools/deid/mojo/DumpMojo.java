package org.dicomtools.deid.mojo;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Prints DICOM files as element trees. */
@Mojo(name = "dump", requiresProject = false, threadSafe = true)
public class DumpMojo extends AbstractMojo {
    /** The file or directory to print. */
    @Parameter(property = "deid.input")
    private java.io.File input;

    @Override
    public void execute() {
        getLog().info("dump " + input);
    }
}
