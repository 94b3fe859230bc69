package org.dicomtools.deid.mojo;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.dicomtools.deid.profile.Option;
import org.dicomtools.deid.profile.Profile;
import org.dicomtools.deid.profile.ProfileException;

/**
 * The parameters deidentify and verify share: the profile with its options and overrides, the
 * secret, the work directory, the review manifest and the thread count.
 */
public abstract class AbstractProfileMojo extends AbstractDeidMojo {

    /**
     * The profile: a shipped one ({@code basic}, {@code research}, {@code safe-harbor}) or a profile
     * file (which may {@code extends} a shipped one), resolved against the project's base directory.
     * verify must use the profile deidentify used. Default {@code basic}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "deid.profile", defaultValue = "basic")
    private String profile;

    /**
     * PS3.15 options turned on in addition to the profile's, comma-separated:
     * {@code retain-safe-private}, {@code retain-uids}, {@code retain-device-identity},
     * {@code retain-institution-identity}, {@code retain-patient-characteristics},
     * {@code retain-long-full-dates}, {@code retain-long-modified-dates}, {@code clean-descriptors},
     * {@code clean-structured-content}, {@code clean-graphics}, {@code clean-pixel-data},
     * {@code clean-recognizable-visual-features}. Example:
     * {@code -Ddeid.options=retain-long-modified-dates,clean-descriptors}.
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
     * The work directory of deidentify: up-to-date index, {@code uid_mapping.csv},
     * {@code patid_mapping.csv}, the fingerprint ledger and {@code deid-log.json}, readable by the
     * owner only and never inside the dataset; verify reads the ledger there and writes its reports to
     * {@code verify/}. Default {@code ${project.build.directory}/deid}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "deid.workDir", defaultValue = "${project.build.directory}/deid")
    private File workDir;

    /**
     * The review manifest of images at risk of burned-in text, kept in the dataset repository:
     * deidentify adds masked and pending entries, a reviewer clears or excludes, verify fails on what
     * is not handled. Default {@code ${project.basedir}/deid-review.json}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "deid.review", defaultValue = "${project.basedir}/deid-review.json")
    private File review;

    /**
     * Worker threads; {@code 0} uses every core. Default {@code 0}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "deid.threads", defaultValue = "0")
    private int threads;

    /**
     * The environment variable that holds the secret of keyed pseudonyms. Default {@code DEID_SECRET}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "deid.secretEnv", defaultValue = "DEID_SECRET")
    private String secretEnv;

    /**
     * The id of the {@code <server>} in {@code settings.xml} whose (encrypted) password is the
     * secret; it takes precedence over the environment variable. Default {@code deid}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "deid.secretServerId", defaultValue = "deid")
    private String secretServerId;

    /**
     * A secret written in clear. Refused unless {@code deid.allowInsecureSecret} is true: pom files
     * and command lines end up in version control, shell history and CI logs. No default.
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

    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    private File basedir;

    @Parameter(defaultValue = "${settings}", readonly = true)
    private Settings settings;

    private final SettingsDecrypter decrypter;

    protected AbstractProfileMojo(SettingsDecrypter decrypter) {
        this.decrypter = decrypter;
    }

    protected File basedir() {
        return basedir == null ? new File("").getAbsoluteFile() : resolve(basedir);
    }

    protected File workDir() {
        return resolve(workDir);
    }

    protected File review() {
        return resolve(review);
    }

    /** The thread count, every core for 0. */
    protected int threads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** The profile with the pom's options and rules applied. */
    protected Profile loadProfile() throws MojoExecutionException {
        try {
            Profile p = Profile.load(profile, basedir().toPath()).withOptions(parseOptions(options));
            return rules == null || rules.isEmpty() ? p : p.withRules(rules, "pom");
        } catch (ProfileException e) {
            throw new MojoExecutionException("Profile " + profile + ": " + e.getMessage(), e);
        }
    }

    /** The secret, or null when none is configured; a clear secret is refused unless allowed. */
    protected SecretSource.Resolved resolveSecret(boolean anonymize) throws MojoExecutionException {
        SecretSource.Resolved keys = SecretSource.resolve(anonymize, secretServerId, settings, decrypter, secretEnv,
                System.getenv(), secret, allowInsecureSecret);
        if (secret != null && !secret.isEmpty() && allowInsecureSecret && keys != null && !anonymize) {
            getLog().warn("Using deid.secret in clear (deid.allowInsecureSecret=true)");
        }
        return keys;
    }

    /** The message for a goal that needs a secret and has none. */
    protected String noSecretMessage() {
        return "No secret for keyed pseudonyms. Set the environment variable " + secretEnv + ", or a <server> with id '"
                + secretServerId + "' in settings.xml, or use -Ddeid.anonymize=true for a random secret that is"
                + " never stored.";
    }

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
}
