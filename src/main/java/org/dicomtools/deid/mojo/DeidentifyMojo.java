package org.dicomtools.deid.mojo;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.inject.Inject;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.dicomtools.deid.dicom.ReadOptions;
import org.dicomtools.deid.engine.BatchRunner;
import org.dicomtools.deid.engine.DeidRequest;
import org.dicomtools.deid.engine.DryRun;
import org.dicomtools.deid.engine.ImagePolicy;
import org.dicomtools.deid.engine.RunSummary;
import org.dicomtools.deid.engine.Shard;
import org.dicomtools.deid.profile.Option;
import org.dicomtools.deid.profile.Profile;
import org.dicomtools.deid.profile.ProfileException;

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
public class DeidentifyMojo extends AbstractDeidMojo {

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
     * The profile: a shipped one ({@code basic}, {@code research}, {@code safe-harbor}) or a profile
     * file (which may {@code extends} a shipped one). Default {@code basic}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "deid.profile", defaultValue = "basic")
    private String profile;

    /**
     * PS3.15 options turned on in addition to the profile's, comma-separated: {@code retain-safe-private},
     * {@code retain-uids}, {@code retain-device-identity}, {@code retain-institution-identity},
     * {@code retain-patient-characteristics}, {@code retain-long-full-dates},
     * {@code retain-long-modified-dates}, {@code clean-descriptors}, {@code clean-structured-content},
     * {@code clean-graphics}, {@code clean-pixel-data}, {@code clean-recognizable-visual-features}.
     * Example: {@code -Ddeid.options=retain-long-modified-dates,clean-descriptors}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "deid.options")
    private List<String> options;

    /**
     * Single rules that override the profile, one profile line each, applied last. Example:
     * <pre>{@code
     * <rules>
     *   <rule>PatientSex K</rule>
     *   <rule>(0008,1030) StudyDescription C</rule>
     * </rules>
     * }</pre>
     *
     * @since 0.1.0
     */
    @Parameter
    private List<String> rules;

    /**
     * The environment variable that holds the secret. Default {@code DEID_SECRET}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "deid.secretEnv", defaultValue = "DEID_SECRET")
    private String secretEnv;

    /**
     * The id of the {@code <server>} in {@code settings.xml} whose (encrypted) password is the secret;
     * it takes precedence over the environment variable. Default {@code deid}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "deid.secretServerId", defaultValue = "deid")
    private String secretServerId;

    /**
     * A secret written in clear. Refused unless {@code deid.allowInsecureSecret} is true: pom files and
     * command lines end up in version control, shell history and CI logs. No default.
     *
     * @since 0.1.0
     */
    @Parameter(property = "deid.secret")
    private String secret;

    /**
     * Accepts {@code deid.secret} in clear (with a warning). Default {@code false}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "deid.allowInsecureSecret", defaultValue = "false")
    private boolean allowInsecureSecret;

    /**
     * Anonymize mode: a random secret for this run, never stored, so nothing can be linked back or
     * reproduced; no mappings or ledger are written. Default {@code false}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "deid.anonymize", defaultValue = "false")
    private boolean anonymize;

    /**
     * Where the up-to-date index, {@code uid_mapping.csv}, {@code patid_mapping.csv}, the fingerprint
     * ledger and {@code deid-log.json} go; created readable by the owner only and never allowed inside
     * the dataset. Default {@code ${project.build.directory}/deid}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "deid.workDir", defaultValue = "${project.build.directory}/deid")
    private File workDir;

    /**
     * Worker threads; {@code 0} uses every core. Default {@code 0}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "deid.threads", defaultValue = "0")
    private int threads;

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
     * Writes only one part of the input, {@code i/n} (1 &lt;= i &lt;= n), chosen by a hash of each file's
     * relative path, so that n machines can share a run with no coordination. Default: everything.
     *
     * @since 0.1.0
     */
    @Parameter(property = "deid.shard")
    private String shard;

    /**
     * Skips this goal only. Default {@code false}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "deid.deidentify.skip", defaultValue = "false")
    private boolean deidentifySkip;

    /**
     * The review manifest that deidentify adds entries to for images at risk of burned-in text: masked
     * ones and pending ones it could not mask. Default {@code ${project.basedir}/deid-review.json}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "deid.review", defaultValue = "${project.basedir}/deid-review.json")
    private File review;

    /**
     * Masks the text the detector finds in images at risk (outside the profile's masks), instead of only
     * flagging them for review. Default {@code false}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "deid.maskDetectedText", defaultValue = "false")
    private boolean maskDetectedText;

    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    private File basedir;

    @Parameter(defaultValue = "${settings}", readonly = true)
    private Settings settings;

    private final SettingsDecrypter decrypter;

    @Inject
    public DeidentifyMojo(SettingsDecrypter decrypter) {
        this.decrypter = decrypter;
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
        Profile p = MojoProfiles.load(profile, basedir, options, rules);
        try {
            if (dryRun) {
                for (String line : DryRun.listing(input.toPath(), p)) {
                    getLog().info(line);
                }
                return;
            }
            SecretSource.Resolved keys = SecretSource.resolve(anonymize, secretServerId, settings, decrypter,
                    secretEnv, System.getenv(), secret, allowInsecureSecret);
            if (keys == null) {
                throw new MojoExecutionException("No secret for keyed pseudonyms. Set the environment variable "
                        + secretEnv + ", or a <server> with id '" + secretServerId + "' in settings.xml,"
                        + " or use -Ddeid.anonymize=true for a random secret that is never stored.");
            }
            if (secret != null && !secret.isEmpty() && allowInsecureSecret) {
                getLog().warn("Using deid.secret in clear (deid.allowInsecureSecret=true)");
            }
            getLog().info("Profile " + p.name() + " (" + p.contentHash().substring(0, 12) + "), secret from "
                    + keys.origin());
            int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
            DeidRequest req = new DeidRequest(input.toPath(), dataset.toPath(), workDir.toPath(), p, keys.keys(), n,
                    force, Shard.parse(shard), ReadOptions.DEFAULT,
                    new ImagePolicy(true, false, maskDetectedText, review == null ? null : review.toPath(),
                            basedir.toPath()));
            RunSummary s = new BatchRunner(req, new LogListener(getLog())).run();
            getLog().info("deid:deidentify: " + s.line());
            getLog().info("Audit log: " + workDir.toPath().resolve(BatchRunner.LOG));
        } catch (IOException | IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /** The options as given, for messages. */
    static List<Option> parseOptions(List<String> names) throws MojoExecutionException {
        List<Option> out = new ArrayList<>();
        if (names == null) {
            return out;
        }
        for (String raw : names) {
            for (String n : raw.split(",")) {
                String name = n.trim().toLowerCase(Locale.ROOT);
                if (name.isEmpty()) {
                    continue;
                }
                Option o = Option.ofKeyword(name);
                if (o == null) {
                    throw new MojoExecutionException("Unknown option '" + name + "' in deid.options");
                }
                out.add(o);
            }
        }
        return out;
    }

    /** Loads and configures a profile for a goal. */
    static final class MojoProfiles {
        private MojoProfiles() {
        }

        static Profile load(String ref, File basedir, List<String> options, List<String> rules)
                throws MojoExecutionException {
            try {
                Profile p = Profile.load(ref, basedir.toPath());
                p = p.withOptions(parseOptions(options));
                if (rules != null && !rules.isEmpty()) {
                    p = p.withRules(rules, "pom");
                }
                return p;
            } catch (ProfileException e) {
                throw new MojoExecutionException("Profile " + ref + ": " + e.getMessage(), e);
            }
        }
    }
}
