package org.dicomtools.deid.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.dicomtools.deid.dicom.Dataset;
import org.dicomtools.deid.dicom.DicomFile;
import org.dicomtools.deid.dicom.DicomReader;
import org.dicomtools.deid.dicom.DicomWriter;
import org.dicomtools.deid.dicom.ReadOptions;
import org.dicomtools.deid.dicom.TransferSyntax;
import org.dicomtools.deid.dicom.VR;
import org.dicomtools.deid.dicom.dict.Tag;
import org.dicomtools.deid.dicom.dict.UID;
import org.dicomtools.deid.engine.EngineListener;
import org.dicomtools.deid.engine.Ledger;
import org.dicomtools.deid.engine.Pseudonymizer;
import org.dicomtools.deid.engine.ReviewManifest;
import org.dicomtools.deid.profile.Profile;
import org.dicomtools.deid.profile.ProfileException;

/**
 * Runs single verify checks the way the {@link Verifier} runs them on one file, one path or the
 * whole dataset, on datasets built in code; and builds the contexts and the de-identified dataset
 * that the check tests start from. Public so that the tests of {@code verify.checks} can use the
 * package-private constructors of {@link CheckedFile} and {@link FindingSink}.
 */
public final class CheckHarness {
    /** The secret of every test that fingerprints. */
    public static final String SECRET = "verify-test-secret-0123456789abcdef";
    /** The pseudonymous Patient ID of the clean dataset (16 base32 characters, like deidentify's). */
    public static final String PATIENT_ID = "K4ZQ2MXAB7C3D5EF";
    /** The path every single-file check test reports its findings under (a deidentify layout path). */
    public static final String FILE = "P4JW7YWIC637A/2.25.200/2.25.300/2.25.100.dcm";

    private static final Profile BASIC = load("basic");

    private CheckHarness() {
    }

    private static Profile load(String name) {
        try {
            return Profile.builtin(name);
        } catch (ProfileException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The shipped basic profile (immutable, shared). */
    public static Profile basic() {
        return BASIC;
    }

    /** Basic profile, no secret, no ledger, no review manifest, root 2.25, no text detector. */
    public static VerifyContext context() {
        return context(BASIC);
    }

    /** This profile, no secret, no ledger, no review manifest, root 2.25, no text detector. */
    public static VerifyContext context(Profile profile) {
        return new VerifyContext(profile, null, null, null, "2.25", false);
    }

    /** Basic profile with a review manifest. */
    public static VerifyContext context(ReviewManifest review) {
        return new VerifyContext(BASIC, null, null, review, "2.25", false);
    }

    /** The keys of {@link #SECRET}. */
    public static Pseudonymizer keys() {
        return Pseudonymizer.of(SECRET);
    }

    /** Basic profile with the secret and a ledger holding the fingerprints of these normalised tokens. */
    public static VerifyContext contextWithLedger(String... tokens) {
        Pseudonymizer keys = keys();
        long[] fingerprints = new long[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            fingerprints[i] = keys.fingerprint(tokens[i]);
        }
        return new VerifyContext(BASIC, keys, Ledger.of(keys.keyId(), fingerprints), null, "2.25", false);
    }

    /**
     * A CT image header as deidentify writes it with the basic profile: 2.25 UIDs, dummy name,
     * pseudonymous Patient ID, markers; no pixel data. Every check finds nothing in it.
     */
    public static Dataset cleanCt() {
        Dataset ds = new Dataset();
        ds.setString(Tag.ImageType, VR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
        ds.setString(Tag.SOPClassUID, VR.UI, UID.CTImageStorage);
        ds.setString(Tag.SOPInstanceUID, VR.UI, "2.25.100");
        ds.setString(Tag.StudyDate, VR.DA);
        ds.setString(Tag.AccessionNumber, VR.SH);
        ds.setString(Tag.Modality, VR.CS, "CT");
        ds.setString(Tag.ReferringPhysicianName, VR.PN);
        ds.setString(Tag.PatientName, VR.PN, "ANON^K4ZQ2MXA");
        ds.setString(Tag.PatientID, VR.LO, PATIENT_ID);
        ds.setString(Tag.PatientBirthDate, VR.DA);
        ds.setString(Tag.PatientSex, VR.CS);
        ds.setString(Tag.PatientIdentityRemoved, VR.CS, "YES");
        ds.setString(Tag.DeidentificationMethod, VR.LO, "PS3.15 Basic Profile (deid-maven-plugin)");
        ds.setString(Tag.SliceThickness, VR.DS, "5");
        ds.setString(Tag.StudyInstanceUID, VR.UI, "2.25.200");
        ds.setString(Tag.SeriesInstanceUID, VR.UI, "2.25.300");
        ds.setString(Tag.StudyID, VR.SH);
        ds.setString(Tag.InstanceNumber, VR.IS, "1");
        ds.setString(Tag.FrameOfReferenceUID, VR.UI, "2.25.400");
        return ds;
    }

    /** The file as the Verifier would see it after reading: File Meta Information built by the writer. */
    public static DicomFile inMemory(Dataset ds) {
        TransferSyntax ts = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
        return DicomFile.of(DicomWriter.fileMeta(ds, ts, null), ds, ts);
    }

    /** Writes {@code ds} as a Part 10 file at {@code root/rel} (folders created) and returns its path. */
    public static Path write(Path root, String rel, Dataset ds, TransferSyntax ts) throws IOException {
        Path file = root.resolve(rel);
        Files.createDirectories(file.getParent());
        new DicomWriter().write(file, ds, ts, null);
        return file;
    }

    /** Reads a file as the Verifier does. The caller closes it. */
    public static DicomFile read(Path file) throws IOException {
        return new DicomReader(ReadOptions.DEFAULT).read(file);
    }

    /** The findings of {@code check} on one file, reported under {@link #FILE}. */
    public static List<Finding> checkFile(Check check, Dataset ds, VerifyContext ctx) {
        return checkFile(check, FILE, inMemory(ds), ctx);
    }

    /** The findings of {@code check} on one parsed file, reported under {@code path}. */
    public static List<Finding> checkFile(Check check, String path, DicomFile file, VerifyContext ctx) {
        List<Finding> out = new ArrayList<>();
        check.checkFile(new CheckedFile(path, file), ctx, new FindingSink(check.info(), path, out));
        return out;
    }

    /** The findings of {@code check} on one relative path. */
    public static List<Finding> checkPath(Check check, String path, VerifyContext ctx) {
        List<Finding> out = new ArrayList<>();
        check.checkPath(path, ctx, new FindingSink(check.info(), path, out));
        return out;
    }

    /** The findings of {@code check} on the whole dataset, given each file's facts. */
    public static List<Finding> checkDataset(Check check, List<FileFacts> files, VerifyContext ctx) {
        List<Finding> out = new ArrayList<>();
        check.checkDataset(files, ctx, new FindingSink(check.info(), "", out));
        return out;
    }

    /** Runs the Verifier on a dataset directory: no baseline, threshold LOW, nothing skipped, no thumbnails. */
    public static VerifyReport verify(Path dataset, VerifyContext ctx, int threads) throws IOException {
        return new Verifier(new Verifier.Request(dataset, "dataset", ctx, null, Severity.LOW, threads, Set.of(), null),
                EngineListener.SILENT).run();
    }

    /** The findings of one rule in a report, in report order. */
    public static List<Finding> findings(VerifyReport report, RuleInfo rule) {
        return report.findings().stream().filter(f -> f.ruleId().equals(rule.id())).toList();
    }

    /** A finding of {@code rule} at the rule's severity. */
    public static Finding finding(RuleInfo rule, String file, String tagPath, String message, String hint) {
        return new Finding(rule.id(), rule.severity(), file, tagPath, message, hint);
    }
}
