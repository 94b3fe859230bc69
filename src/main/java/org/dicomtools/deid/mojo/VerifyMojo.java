package org.dicomtools.deid.mojo;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.inject.Inject;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.dicomtools.deid.engine.BatchRunner;
import org.dicomtools.deid.engine.Ledger;
import org.dicomtools.deid.engine.ReviewManifest;
import org.dicomtools.deid.profile.Profile;
import org.dicomtools.deid.verify.Baseline;
import org.dicomtools.deid.verify.Finding;
import org.dicomtools.deid.verify.Severity;
import org.dicomtools.deid.verify.Verifier;
import org.dicomtools.deid.verify.VerifyContext;
import org.dicomtools.deid.verify.VerifyReport;
import org.dicomtools.deid.verify.report.ConsoleSummary;
import org.dicomtools.deid.verify.report.ReportFormat;
import org.dicomtools.deid.verify.report.Reports;

/**
 * The release gate: checks a de-identified dataset and fails the build on any retained PHI,
 * unregenerated UID, private tag, unhandled burned-in text risk and the other rules (see the
 * README for each rule id). Every report is written before the build fails. Works on any dataset,
 * also one de-identified by another tool; with the secret and the ledger of deidentify it also
 * finds original values by their keyed fingerprints.
 *
 * @since 0.1.0
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, requiresProject = false, threadSafe = true)
public class VerifyMojo extends AbstractProfileMojo {

    /**
     * The de-identified dataset to check. Default {@code ${project.basedir}/dataset}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "deid.dataset", defaultValue = "${project.basedir}/dataset")
    private File dataset;

    /**
     * Reports to write, comma-separated, any case: {@code console}, {@code json} ({@code verify.json}),
     * {@code junit} ({@code verify-junit.xml}), {@code sarif} ({@code verify.sarif}), {@code html}
     * ({@code verify.html}). Default all five.
     *
     * @since 0.1.0
     */
    @Parameter(property = "deid.formats", defaultValue = "console,json,junit,sarif,html")
    private List<String> formats;

    /**
     * The lowest severity that fails the build: {@code INFO}, {@code LOW}, {@code MEDIUM}, {@code HIGH},
     * {@code CRITICAL}, or {@code NONE} to only report. Default {@code MEDIUM}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "deid.failOn", defaultValue = "MEDIUM")
    private String failOn;

    /**
     * The baseline of accepted findings, kept in the dataset repository; each entry needs a reason and a
     * reviewer. A missing file means no accepted findings. Default {@code ${project.basedir}/deid-baseline.json}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "deid.baseline", defaultValue = "${project.basedir}/deid-baseline.json")
    private File baseline;

    /**
     * Runs the pixel text detector on images (raising the risk of images whose header looks harmless).
     * Default {@code true}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "deid.detectText", defaultValue = "true")
    private boolean detectText;

    /**
     * Skips this goal only. Default {@code false}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "deid.verify.skip", defaultValue = "false")
    private boolean verifySkip;

    @Inject
    public VerifyMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected String goal() {
        return "verify";
    }

    @Override
    protected boolean goalSkip() {
        return verifySkip;
    }

    @Override
    protected String goalSkipProperty() {
        return "deid.verify.skip";
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        Severity threshold;
        Set<ReportFormat> wanted;
        try {
            threshold = Severity.parse(failOn);
            wanted = parseFormats(formats);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        Profile p = loadProfile();
        SecretSource.Resolved keys = resolveSecret(false);
        Path datasetDir = resolve(dataset).toPath();
        Path baselineFile = resolve(baseline).toPath();
        Path work = workDir().toPath();
        Path reportDir = work.resolve("verify");
        VerifyReport report;
        try {
            Ledger ledger = Ledger.read(work.resolve(BatchRunner.LEDGER));
            ReviewManifest manifest = ReviewManifest.read(review().toPath());
            Baseline accepted = Baseline.read(baselineFile);
            String uidRoot = p.settings().getOrDefault("uid-root", "2.25");
            VerifyContext ctx = new VerifyContext(p, keys == null ? null : keys.keys(), ledger, manifest, uidRoot,
                    detectText);
            Verifier.Request req = new Verifier.Request(datasetDir, displayName(datasetDir), ctx, accepted,
                    threshold, threads(), Set.of(review().toPath(), baselineFile),
                    wanted.contains(ReportFormat.HTML) ? reportDir.resolve("verify.html") : null);
            report = new Verifier(req, new LogListener(getLog())).run();
            List<ReportFormat> files = new ArrayList<>(wanted);
            files.remove(ReportFormat.CONSOLE);
            Reports.writeAll(report, files, reportDir);
        } catch (IOException e) {
            throw new MojoExecutionException("deid:verify could not run: " + e.getMessage(), e);
        }
        if (wanted.contains(ReportFormat.CONSOLE)) {
            for (String line : ConsoleSummary.lines(report, ConsoleSummary.DEFAULT_MAX_FINDINGS,
                    reportDir.toAbsolutePath().normalize().toString(), wanted)) {
                if (report.failed()) {
                    getLog().warn(line);
                } else {
                    getLog().info(line);
                }
            }
        }
        if (report.failed()) {
            List<Finding> failing = report.failing();
            StringBuilder msg = new StringBuilder("deid:verify found " + failing.size() + " finding(s) at or above "
                    + threshold + " in " + report.datasetName());
            for (Finding f : failing.subList(0, Math.min(10, failing.size()))) {
                msg.append("\n  Rule ").append(f.ruleId()).append(": ").append(f.location()).append(": ")
                        .append(f.message());
            }
            msg.append("\nSee ").append(displayName(reportDir.resolve("verify.html")))
                    .append(" (or verify.json); accept a finding that is not PHI in ")
                    .append(displayName(baselineFile)).append(" with a reason and a reviewer.");
            throw new MojoFailureException(msg.toString());
        }
    }

    private String displayName(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        if (basedir() != null) {
            Path base = basedir().toPath().toAbsolutePath().normalize();
            if (abs.startsWith(base) && !abs.equals(base)) {
                return base.relativize(abs).toString().replace('\\', '/');
            }
        }
        return abs.toString();
    }

    static Set<ReportFormat> parseFormats(List<String> names) {
        Set<ReportFormat> out = EnumSet.noneOf(ReportFormat.class);
        if (names == null) {
            return EnumSet.allOf(ReportFormat.class);
        }
        for (String raw : names) {
            for (String n : raw.split(",")) {
                String name = n.trim();
                if (name.isEmpty()) {
                    continue;
                }
                try {
                    out.add(ReportFormat.valueOf(name.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown report format '" + name
                            + "' in deid.formats (console, json, junit, sarif, html)", e);
                }
            }
        }
        return out;
    }
}
