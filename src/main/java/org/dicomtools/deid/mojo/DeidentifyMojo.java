package org.dicomtools.deid.mojo;

import java.io.File;
import java.io.IOException;

import javax.inject.Inject;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.dicomtools.deid.dicom.ReadOptions;
import org.dicomtools.deid.engine.BatchRunner;
import org.dicomtools.deid.engine.DeidRequest;
import org.dicomtools.deid.engine.DryRun;
import org.dicomtools.deid.engine.ImagePolicy;
import org.dicomtools.deid.engine.RunSummary;
import org.dicomtools.deid.engine.Shard;
import org.dicomtools.deid.profile.Profile;

/**
 * De-identifies a folder of raw DICOM files into a dataset that can be shared (PS3.15 Annex E),
 * and leaves the audit log, mappings and fingerprint ledger in the work directory. The input is
 * only read. Without {@code deid.input} (as in CI, where raw data never is) the goal skips with one
 * info line.
 *
 * @since 0.1.0
 */
@Mojo(name = "deidentify", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, requiresProject = false,
        threadSafe = true)
public class DeidentifyMojo extends AbstractProfileMojo {

    /**
     * The raw DICOM to de-identify: a file, or a directory walked recursively (any file name). It is
     * never written to. No default: without it the goal skips.
     *
     * @since 0.1.0
     */
    @Parameter(property = "deid.input")
    private File input;

    /**
     * The de-identified dataset to write, laid out as {@code P<patient>/<study>/<series>/<instance>.dcm}
     * from keyed values only. Must not contain the input or the work directory. Default
     * {@code ${project.basedir}/dataset}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "deid.dataset", defaultValue = "${project.basedir}/dataset")
    private File dataset;

    /**
     * Anonymize mode: a random secret for this run, never stored, so nothing can be linked back or
     * reproduced; no mappings or ledger are written. Default {@code false}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "deid.anonymize", defaultValue = "false")
    private boolean anonymize;

    /**
     * Prints, for one file (the input file, or the first file of the input directory), every
     * attribute with the action that would apply and the profile rule that chose it, without values;
     * writes nothing. Default {@code false}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "deid.dryRun", defaultValue = "false")
    private boolean dryRun;

    /**
     * Processes every file even when the up-to-date index says its output is current. Default
     * {@code false}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "deid.force", defaultValue = "false")
    private boolean force;

    /**
     * Writes only one part of the input, {@code i/n} (1 &lt;= i &lt;= n), chosen by a hash of each
     * file's relative path, so that n machines can share a run with no coordination. Default:
     * everything.
     *
     * @since 0.1.0
     */
    @Parameter(property = "deid.shard")
    private String shard;

    /**
     * Masks the text the detector finds in images at risk (outside the profile's masks, with the
     * {@code clean-pixel-data} option), instead of only flagging those images for review. Default
     * {@code false}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "deid.maskDetectedText", defaultValue = "false")
    private boolean maskDetectedText;

    /**
     * Skips this goal only. Default {@code false}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "deid.deidentify.skip", defaultValue = "false")
    private boolean deidentifySkip;

    @Inject
    public DeidentifyMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected String goal() {
        return "deidentify";
    }

    @Override
    protected boolean goalSkip() {
        return deidentifySkip;
    }

    @Override
    protected String goalSkipProperty() {
        return "deid.deidentify.skip";
    }

    @Override
    protected void run() throws MojoExecutionException {
        if (input == null) {
            getLog().info("Skipping: no raw input configured (set deid.input to the folder of raw DICOM files)");
            return;
        }
        Profile p = loadProfile();
        try {
            if (dryRun) {
                for (String line : DryRun.listing(input.toPath(), p)) {
                    getLog().info(line);
                }
                return;
            }
            SecretSource.Resolved keys = resolveSecret(anonymize);
            if (keys == null) {
                throw new MojoExecutionException(noSecretMessage());
            }
            getLog().info("Profile " + p.name() + " (" + p.contentHash().substring(0, 12) + "), secret from "
                    + keys.origin());
            ImagePolicy images = new ImagePolicy(true, false, maskDetectedText, review().toPath(),
                    basedir().toPath());
            DeidRequest req = new DeidRequest(input.toPath(), resolve(dataset).toPath(), workDir().toPath(), p, keys.keys(),
                    threads(), force, Shard.parse(shard), ReadOptions.DEFAULT, images);
            RunSummary s = new BatchRunner(req, new LogListener(getLog())).run();
            getLog().info("deid:deidentify: " + s.line());
            getLog().info("Audit log: " + workDir().toPath().resolve(BatchRunner.LOG));
        } catch (IOException | IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }
}
