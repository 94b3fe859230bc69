package org.dicomtools.deid.mojo;

import java.io.File;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every goal shares: {@code deid.skip} and a goal-specific skip property, checked before
 * anything else, with one info line that names the property that caused the skip.
 */
public abstract class AbstractDeidMojo extends AbstractMojo {

    /**
     * Skips every goal of this plugin. Default {@code false}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "deid.skip", defaultValue = "false")
    private boolean skip;

    /**
     * A path parameter as the goal should use it. Without a project pom Maven leaves
     * {@code ${project.basedir}} and {@code ${project.build.directory}} in default values unresolved;
     * they then mean the current directory and its {@code target} folder (DESIGN.md: goals run
     * without a pom too). Maven has already made such a value absolute against the current directory
     * ({@code /cwd/${project.build.directory}/deid}), so that prefix is dropped: the expression stands
     * for an absolute path itself.
     */
    protected static File resolve(File f) {
        if (f == null) {
            return null;
        }
        String path = f.getPath();
        int at = path.indexOf("${");
        if (at < 0) {
            return f;
        }
        String cwd = new File("").getAbsolutePath();
        String expanded = path.substring(at).replace("${project.build.directory}", cwd + File.separator + "target")
                .replace("${project.basedir}", cwd).replace("${basedir}", cwd);
        return expanded.startsWith("${") ? f : new File(expanded);
    }

    /** The goal's name, for messages ({@code deidentify}). */
    protected abstract String goal();

    /** The goal-specific skip switch; false when the goal has none. */
    protected boolean goalSkip() {
        return false;
    }

    /** The property that {@link #goalSkip()} reads, for the skip message. */
    protected String goalSkipProperty() {
        return null;
    }

    /** The goal's work, once the skip switches have been checked. */
    protected abstract void run() throws MojoExecutionException, MojoFailureException;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping deid:" + goal() + " because deid.skip is true");
            return;
        }
        if (goalSkip()) {
            getLog().info("Skipping deid:" + goal() + " because " + goalSkipProperty() + " is true");
            return;
        }
        run();
    }
}
