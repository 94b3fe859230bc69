package org.dicomtools.deid.mojo;

import java.io.File;
import java.io.IOException;
import java.util.List;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.dicomtools.deid.inspect.DumpFailure;
import org.dicomtools.deid.inspect.DumpListener;
import org.dicomtools.deid.inspect.DumpOptions;
import org.dicomtools.deid.inspect.DumpResult;
import org.dicomtools.deid.inspect.Dumper;

/**
 * Prints DICOM files as element trees (tag, keyword or private creator, VR, length, value) and
 * optionally writes each as DICOM JSON (PS3.18 Annex F), to look at what a dataset holds before and
 * after de-identification. Runs without a project:
 * {@code mvn org.dicomtools:deid-maven-plugin:<version>:dump -Ddeid.input=study/}.
 *
 * @since 0.1.0
 */
@Mojo(name = "dump", requiresProject = false, threadSafe = true)
public class DumpMojo extends AbstractDeidMojo {

    /**
     * The DICOM file to print, or a directory whose files are all printed: walked recursively in
     * name order, every file whatever its name. Nothing is printed without it. No default.
     *
     * @since 0.1.0
     */
    @Parameter(property = "deid.input")
    private File input;

    /**
     * A directory to write one DICOM JSON file per input into, at {@code <output>/<path relative to
     * the input>.json}, creating directories as needed, plus {@code omitted-values.tsv}, which lists
     * the values left out for their size (file, tag path, VR, length). It must not lie inside
     * the input directory. No default: without it no JSON is written.
     *
     * @since 0.1.0
     */
    @Parameter(property = "deid.output")
    private File output;

    /**
     * Prints only private elements (odd groups) and private creators, with the sequences and items
     * that lead to them. Does not affect the DICOM JSON. Default {@code false}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "deid.privateOnly", defaultValue = "false")
    private boolean privateOnly;

    /**
     * Fails the build when a file is not DICOM or cannot be parsed; otherwise such files are listed
     * as warnings and counted. Default {@code false}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "deid.failOnError", defaultValue = "false")
    private boolean failOnError;

    /**
     * The most characters a printed value shows; a longer value is cut and ends with {@code …}.
     * {@code 0} shows values whole. Default {@code 64}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "deid.maxValueLength", defaultValue = "64")
    private int maxValueLength;

    /**
     * The largest binary value (OB, OD, OF, OL, OV, OW, UN, encapsulated pixel data), in bytes,
     * written into the DICOM JSON as {@code InlineBinary}; larger values are left out and listed in
     * {@code omitted-values.tsv}. {@code 0} leaves every binary value out. Default {@code 1024}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "deid.inlineBinaryLimit", defaultValue = "1024")
    private int inlineBinaryLimit;

    @Override
    protected String goal() {
        return "dump";
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        if (input == null) {
            getLog().info("Nothing to dump: set deid.input to a DICOM file or directory (-Ddeid.input=<path>)");
            return;
        }
        DumpResult result;
        try {
            DumpOptions options = new DumpOptions(input.toPath(), output == null ? null : output.toPath(),
                    privateOnly, maxValueLength, inlineBinaryLimit);
            result = new Dumper(options).run(new DumpListener() {
                @Override
                public void line(String text) {
                    getLog().info(text);
                }

                @Override
                public void warning(String text) {
                    getLog().warn(text);
                }
            });
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Invalid deid:dump configuration: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("deid:dump could not run: " + e.getMessage(), e);
        }
        List<DumpFailure> failures = result.failures();
        if (!failures.isEmpty()) {
            getLog().warn(plural(failures.size(), "file") + " could not be read:");
            failures.forEach(f -> getLog().warn("  " + f));
        }
        getLog().info(summary(result));
        if (failOnError && !failures.isEmpty()) {
            StringBuilder message = new StringBuilder(failures.size() + " of " + (result.dumped() + failures.size())
                    + " files could not be read as DICOM (deid.failOnError is true):");
            failures.forEach(f -> message.append(System.lineSeparator()).append("  ").append(f));
            throw new MojoFailureException(message.toString());
        }
    }

    private String summary(DumpResult result) {
        String s = "Dumped " + plural(result.dumped(), "file") + ", " + result.failures().size() + " failed";
        return output == null ? s : s + "; wrote DICOM JSON to " + output + " ("
                + plural(result.omittedValues(), "value") + " left out, listed in " + Dumper.OMITTED_VALUES_FILE + ")";
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
