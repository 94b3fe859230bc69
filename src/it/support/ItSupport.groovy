import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption
import java.security.MessageDigest

import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

import org.dicomtools.deid.dicom.Dataset
import org.dicomtools.deid.dicom.DicomElement
import org.dicomtools.deid.dicom.DicomReader
import org.dicomtools.deid.dicom.DicomWriter
import org.dicomtools.deid.dicom.TransferSyntax
import org.dicomtools.deid.dicom.VR
import org.dicomtools.deid.dicom.dict.Tag
import org.dicomtools.deid.dicom.dict.UID
import org.dicomtools.deid.dicom.ReadOptions
import org.dicomtools.deid.engine.BatchRunner
import org.dicomtools.deid.engine.DeidRequest
import org.dicomtools.deid.engine.EngineListener
import org.dicomtools.deid.engine.ImagePolicy
import org.dicomtools.deid.engine.Pseudonymizer
import org.dicomtools.deid.engine.RunSummary
import org.dicomtools.deid.engine.Shard
import org.dicomtools.deid.profile.Profile

/**
 * What the hook scripts of the integration tests share (this folder is not a test project itself;
 * the pom excludes it). A script loads it with
 * <pre>
 * def it = new GroovyClassLoader(getClass().classLoader).parseClass(new File(projectDir, 'src/it/support/ItSupport.groovy'))
 * </pre>
 * and uses the plugin's own classes, which addTestClassPath puts on the script class path.
 *
 * <p>Fixtures: one synthetic patient (every name, ID and date invented), raw files written with
 * the plugin's codec, de-identified by the plugin's engine ({@link #deidentify}) so that a gate
 * scenario starts from a file deidentify really wrote and then plants one leak. Nothing binary is
 * committed. Reports: the JSON, SARIF and JUnit reports of verify, parsed.
 */
class ItSupport {
    /** The secret of the scenarios that need one; invoker.properties sets the same value as DEID_SECRET. */
    static final String SECRET = 'deid-it-secret-not-for-real-data'

    /** The synthetic patient of the gate scenarios. */
    static final String NAME = 'ROE^RICHARD'
    static final String MRN = 'MRN5550123'
    static final String BIRTH_DATE = '19610302'

    /** Root of the raw (original) UIDs: not under 2.25, as a scanner's would be. */
    static final String RAW_ROOT = '1.2.826.0.1.3680043.10.1234.77'
    static final String RAW_STUDY = RAW_ROOT + '.1'
    static final String RAW_CT_SERIES = RAW_ROOT + '.1.1'
    static final String RAW_US_SERIES = RAW_ROOT + '.1.2'
    static final String RAW_SR_SERIES = RAW_ROOT + '.1.3'

    // ----- raw fixtures -----

    /** The patient, study and equipment attributes every raw file of the synthetic patient carries. */
    static Dataset patient(String modality, String sopClass, String series, String sop) {
        Dataset ds = new Dataset()
        ds.setString(Tag.SpecificCharacterSet, VR.CS, 'ISO_IR 100')
        ds.setString(Tag.SOPClassUID, VR.UI, sopClass)
        ds.setString(Tag.SOPInstanceUID, VR.UI, sop)
        ds.setString(Tag.StudyDate, VR.DA, '20240409')
        ds.setString(Tag.SeriesDate, VR.DA, '20240409')
        ds.setString(Tag.StudyTime, VR.TM, '101500')
        ds.setString(Tag.AccessionNumber, VR.SH, 'ACC-20240409-3')
        ds.setString(Tag.Modality, VR.CS, modality)
        ds.setString(Tag.Manufacturer, VR.LO, 'ACME Imaging')
        ds.setString(Tag.InstitutionName, VR.LO, 'Riverside Clinic')
        ds.setString(Tag.ReferringPhysicianName, VR.PN, 'STONE^MARA')
        ds.setString(Tag.StudyDescription, VR.LO, modality + ' follow-up')
        ds.setString(Tag.PatientName, VR.PN, NAME)
        ds.setString(Tag.PatientID, VR.LO, MRN)
        ds.setString(Tag.PatientBirthDate, VR.DA, BIRTH_DATE)
        ds.setString(Tag.PatientSex, VR.CS, 'M')
        ds.setString(Tag.StudyInstanceUID, VR.UI, RAW_STUDY)
        ds.setString(Tag.SeriesInstanceUID, VR.UI, series)
        ds.setString(Tag.StudyID, VR.SH, 'S0409')
        ds.setString(Tag.SeriesNumber, VR.IS, '1')
        ds.setString(Tag.InstanceNumber, VR.IS, '1')
        return ds
    }

    /** A CT slice of 8 x 8 16-bit pixels. */
    static Dataset ct(int number) {
        Dataset ds = patient('CT', UID.CTImageStorage, RAW_CT_SERIES, RAW_CT_SERIES + '.' + number)
        ds.setString(Tag.ImageType, VR.CS, 'ORIGINAL', 'PRIMARY', 'AXIAL')
        ds.setString(Tag.ContentDate, VR.DA, '20240409')
        ds.setString(Tag.FrameOfReferenceUID, VR.UI, RAW_CT_SERIES + '.0')
        ds.setString(Tag.InstanceNumber, VR.IS, Integer.toString(number))
        byte[] px = new byte[8 * 8 * 2]
        for (int i = 0; i < 64; i++) {
            int v = 100 + (i * 37 + number * 11) % 900
            px[2 * i] = (byte) v
            px[2 * i + 1] = (byte) (v >> 8)
        }
        pixels(ds, 8, 8, 16, px)
        return ds
    }

    /**
     * An ultrasound image (64 rows x 96 columns, 8 bit) whose top band (rows 0-11) shows
     * {@code band} in white pixels (by default the patient's name and birth date), Burned In
     * Annotation YES.
     */
    static Dataset ultrasound(String band = 'ROE R 19610302') {
        Dataset ds = patient('US', UID.UltrasoundImageStorage, RAW_US_SERIES, RAW_US_SERIES + '.1')
        ds.setString(Tag.ImageType, VR.CS, 'ORIGINAL', 'PRIMARY')
        ds.setString(Tag.BurnedInAnnotation, VR.CS, 'YES')
        byte[] px = new byte[64 * 96]
        for (int y = 14; y < 64; y++) {
            for (int x = 10; x < 86; x++) {
                px[y * 96 + x] = (byte) (40 + (x * 13 + y * 29) % 70)
            }
        }
        Glyphs.draw(px, 96, 2, 2, band)
        pixels(ds, 64, 96, 8, px)
        return ds
    }

    /**
     * A Comprehensive SR document whose evidence sequence refers to CT slices {@code numbers}, three
     * levels deep: Current Requested Procedure Evidence Sequence, Referenced Series Sequence,
     * Referenced SOP Sequence.
     */
    static Dataset srReferringTo(List<Integer> numbers) {
        Dataset ds = patient('SR', UID.ComprehensiveSRStorage, RAW_SR_SERIES, RAW_SR_SERIES + '.1')
        ds.setString(Tag.ContentDate, VR.DA, '20240410')
        ds.setString(Tag.ContentTime, VR.TM, '120000')
        ds.setString(Tag.ValueType, VR.CS, 'CONTAINER')
        ds.setString(Tag.CompletionFlag, VR.CS, 'COMPLETE')
        ds.setString(Tag.VerificationFlag, VR.CS, 'UNVERIFIED')
        Dataset evidence = ds.newSequence(Tag.CurrentRequestedProcedureEvidenceSequence).addItem()
        evidence.setString(Tag.StudyInstanceUID, VR.UI, RAW_STUDY)
        Dataset series = evidence.newSequence(Tag.ReferencedSeriesSequence).addItem()
        series.setString(Tag.SeriesInstanceUID, VR.UI, RAW_CT_SERIES)
        def refs = series.newSequence(Tag.ReferencedSOPSequence)
        numbers.each { n ->
            Dataset r = refs.addItem()
            r.setString(Tag.ReferencedSOPClassUID, VR.UI, UID.CTImageStorage)
            r.setString(Tag.ReferencedSOPInstanceUID, VR.UI, RAW_CT_SERIES + '.' + n)
        }
        return ds
    }

    /** Tag path of the first reference of {@link #srReferringTo}, as verify prints it. */
    static final String SR_REFERENCE_PATH = '(0040,A375)[0]/(0008,1115)[0]/(0008,1199)[0]/(0008,1155)'

    /** Rows 0-11 of the ultrasound: the band with the burned-in text. */
    static final int US_BAND_ROWS = 12
    static final int US_COLUMNS = 96

    static void pixels(Dataset ds, int rows, int cols, int bits, byte[] px) {
        ds.setString(Tag.PhotometricInterpretation, VR.CS, 'MONOCHROME2')
        ds.setInts(Tag.SamplesPerPixel, VR.US, 1)
        ds.setInts(Tag.Rows, VR.US, rows)
        ds.setInts(Tag.Columns, VR.US, cols)
        ds.setInts(Tag.BitsAllocated, VR.US, bits)
        ds.setInts(Tag.BitsStored, VR.US, bits == 16 ? 12 : 8)
        ds.setInts(Tag.HighBit, VR.US, bits == 16 ? 11 : 7)
        ds.setInts(Tag.PixelRepresentation, VR.US, 0)
        ds.setBytes(Tag.PixelData, bits == 16 ? VR.OW : VR.OB, px)
    }

    /** Writes a raw file (Explicit VR Little Endian, with a source AE title in the file meta). */
    static Path writeRaw(Path file, Dataset ds) {
        Files.createDirectories(file.parent)
        Dataset meta = new Dataset()
        meta.setString(0x00020016, VR.AE, 'RIVERSIDE_PACS')
        new DicomWriter().write(file, ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, meta)
        return file
    }

    // ----- de-identification with the plugin's engine -----

    /**
     * De-identifies {@code raw} into {@code dataset} with the basic profile (or {@code profile}) and
     * {@link #SECRET}, one thread, work files in {@code workDir}, review entries (if any) in
     * {@code review}. Fails when a file is not written.
     *
     * @return the written files, relative to {@code dataset}, sorted
     */
    static List<String> deidentify(Path raw, Path dataset, Path workDir, String profile = 'basic', Path review = null) {
        Profile p = Profile.load(profile, raw.parent)
        DeidRequest req = new DeidRequest(raw, dataset, workDir, p, Pseudonymizer.of(SECRET), 1, true, Shard.ALL,
                ReadOptions.DEFAULT, new ImagePolicy(true, false, false, review))
        RunSummary s = new BatchRunner(req, EngineListener.SILENT).run()
        assert s.failed() == 0 : "fixture not de-identified: ${s.problems()}"
        return files(dataset)
    }

    /** Every regular file under {@code dir}, relative to it with '/' separators, sorted. */
    static List<String> files(Path dir) {
        List<String> out = []
        Files.walk(dir).withCloseable { s ->
            s.filter { Files.isRegularFile(it) }.forEach { out << dir.relativize(it).toString().replace('\\', '/') }
        }
        return out.sort()
    }

    /**
     * Rewrites a DICOM file after {@code change} edits its dataset (and, optionally, its file meta),
     * keeping its transfer syntax; written to a temporary file first, since bulk data is read from
     * the original while writing.
     */
    static void rewrite(Path file, Closure change) {
        Path tmp = file.resolveSibling(file.fileName.toString() + '.tmp')
        new DicomReader().read(file).withCloseable { f ->
            change.maximumNumberOfParameters == 2 ? change(f.dataset(), f.meta()) : change(f.dataset())
            new DicomWriter().write(tmp, f.dataset(), f.transferSyntax(), f.meta())
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING)
    }

    /** Reads a DICOM file and gives its dataset to {@code use}. */
    static <T> T read(Path file, Closure<T> use) {
        return new DicomReader().read(file).withCloseable { f -> use(f.dataset()) }
    }

    /**
     * The keyed UID of DESIGN.md decision 2, computed here independently of the plugin:
     * {@code 2.25.} and the decimal of the first 128 bits of HMAC-SHA256(secret, "uid" 0x00 original).
     */
    static String keyedUid(String original, String secret = SECRET) {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance('HmacSHA256')
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), 'HmacSHA256'))
        mac.update('uid'.getBytes(StandardCharsets.UTF_8))
        mac.update((byte) 0)
        byte[] h = mac.doFinal(original.getBytes(StandardCharsets.UTF_8))
        return '2.25.' + new BigInteger(1, Arrays.copyOf(h, 16))
    }

    /** The (native) pixel data bytes of a file. */
    static byte[] pixelBytes(Path file) {
        return read(file) { Dataset ds -> ds.get(Tag.PixelData).bytes(Integer.MAX_VALUE) }
    }

    /** {@code sha256:} and the hex SHA-256 of pixel data bytes, computed here (PixelHash's contract for native data). */
    static String sha256(byte[] px) {
        return 'sha256:' + MessageDigest.getInstance('SHA-256').digest(px).encodeHex().toString()
    }

    // ----- build.log and reports -----

    /** The lines of the build log. */
    static List<String> log(File basedir) {
        return new File(basedir, 'build.log').readLines('UTF-8')
    }

    /** Severities at or above the default threshold (deid.failOn MEDIUM): they fail the build. */
    static final List<String> FAILING = ['CRITICAL', 'HIGH', 'MEDIUM']

    /**
     * Asserts that verify wrote exactly {@code expected} findings (maps of ruleId, severity, file and
     * tagPath, in report order) and that every report names each one: verify.json as given, for the
     * dataset named {@code dataset}; SARIF 2.1.0 a result with the rule (and its index into
     * tool.driver.rules), the level (error at or above the threshold, warning below), the location
     * {@link #sarifLocation} gives and the tag path as logical location; JUnit a testcase named after
     * the rule in the file's testsuite, with a failure at or above the threshold and skipped below it.
     *
     * @return the findings of verify.json, for further assertions
     */
    static List<Map> assertFindings(File basedir, List<Map> expected, String reportDir = 'target/deid/verify',
            String dataset = 'dataset') {
        File dir = new File(basedir, reportDir)
        def json = new JsonSlurper().parse(new File(dir, 'verify.json'), 'UTF-8')
        assert json.dataset == dataset
        List<Map> found = json.findings.collect { [ruleId: it.ruleId, severity: it.severity, file: it.file, tagPath: it.tagPath] }
        assert found == expected
        int failing = expected.count { it.severity in FAILING }
        assert json.summary.findings == expected.size()
        assert json.summary.failing == failing

        def sarif = new JsonSlurper().parse(new File(dir, 'verify.sarif'), 'UTF-8')
        assert sarif.version == '2.1.0'
        def run = sarif.runs[0]
        boolean absolute = dataset.startsWith('/')
        assert run.originalUriBaseIds == (absolute ? [DATASET: [description: [text: 'the dataset directory']]] : null)
        List<String> ruleIds = run.tool.driver.rules*.id
        List<Map> results = run.results.collect { r ->
            def loc = r.locations ? r.locations[0] : null
            [ruleId : r.ruleId, indexed: ruleIds[r.ruleIndex], level: r.level,
             uri    : loc?.physicalLocation?.artifactLocation?.uri ?: '',
             base   : loc?.physicalLocation?.artifactLocation?.uriBaseId,
             tagPath: loc?.logicalLocations ? loc.logicalLocations[0].fullyQualifiedName : '']
        }
        assert results.size() == expected.size()
        expected.eachWithIndex { f, i ->
            Map r = results[i]
            assert r.ruleId == f.ruleId && r.indexed == f.ruleId
            assert r.level == (f.severity in FAILING ? 'error' : 'warning')
            assert [uri: r.uri, base: r.base] == sarifLocation(dataset, f.file)
            assert r.tagPath == f.tagPath
        }

        def junit = new XmlSlurper().parse(new File(dir, 'verify-junit.xml'))
        assert junit.@failures.toInteger() == failing
        assert junit.@skipped.toInteger() == expected.size() - failing
        expected.each { f ->
            String suite = f.file ?: '(dataset)'
            def cases = junit.testsuite.findAll { it.@name == suite }.testcase.findAll { it.@name == f.ruleId }
            assert cases.size() == 1 : "JUnit has no testcase ${f.ruleId} in ${suite}"
            if (f.severity in FAILING) {
                assert cases[0].failure.size() == 1 && cases[0].failure.@type == f.ruleId
            } else {
                assert cases[0].skipped.size() == 1 && cases[0].failure.size() == 0
            }
        }
        return json.findings
    }

    /**
     * The SARIF artifact location of a finding in {@code file} ('' for a dataset-wide one) of the
     * dataset named {@code dataset}: under a dataset named relative to the project, the dataset path and
     * the file, percent-encoded, relative to %SRCROOT% (the checkout, which code-scanning UIs resolve);
     * under an absolute one, the file alone relative to DATASET, so that no machine path is written.
     */
    static Map sarifLocation(String dataset, String file) {
        if (dataset.startsWith('/')) {
            return [uri: file ? uriPath(file) : '.', base: 'DATASET']
        }
        return [uri: uriPath(dataset) + '/' + uriPath(file), base: '%SRCROOT%']
    }

    /** A relative path as a URI path: every byte of its UTF-8 form but the unreserved ones (RFC 3986) and '/' as %XX. */
    static String uriPath(String path) {
        StringBuilder b = new StringBuilder()
        path.getBytes(StandardCharsets.UTF_8).each { byte x ->
            int c = x & 0xFF
            if (Character.isLetterOrDigit(c as char) && c < 0x80 || c in ['-', '.', '_', '~', '/'].collect { (int) (it as char) }) {
                b.append(c as char)
            } else {
                b.append(String.format('%%%02X', c))
            }
        }
        return b.toString()
    }

    /**
     * Asserts that the build log and every report file under {@code reportDir} hold none of
     * {@code values} (verify shows masked hints only, never a suspected value).
     */
    static void assertNotDisclosed(File basedir, List<String> values, String reportDir = 'target/deid/verify') {
        List<File> files = [new File(basedir, 'build.log')]
        new File(basedir, reportDir).eachFileRecurse(groovy.io.FileType.FILES) { if (!it.name.endsWith('.png')) files << it }
        files.each { f ->
            String text = f.getText('UTF-8')
            values.each { v -> assert !text.contains(v) : "${f} discloses ${v}" }
        }
    }

    /**
     * Asserts the lines of a failed verify: the headline, one warning per finding, and the failure
     * message naming each failing finding's rule, file and tag path ({@code n} of them, when the
     * caller checks some lines itself) and the report under {@code reportDir}.
     */
    static void assertGateLog(List<String> lines, String headline, List<String> findingLines, List<String> failureLines,
            int n = failureLines.size(), String reportDir = 'target/deid/verify') {
        assert lines.contains('[WARNING] deid:verify: ' + headline)
        findingLines.each { l -> assert lines.contains('[WARNING]   ' + l) : "build.log lacks the finding line: ${l}" }
        assert lines.any { it.startsWith('[ERROR] Failed to execute goal ')
                && it.endsWith(": deid:verify found ${n} finding(s) at or above MEDIUM in dataset".toString()) }
        failureLines.each { l -> assert lines.contains('[ERROR]   Rule ' + l) : "build.log lacks the failure line: ${l}" }
        assert lines.contains('[ERROR] See ' + reportDir + '/verify.html (or verify.json); accept a finding that is'
                + ' not PHI in deid-baseline.json with a reason and a reviewer.')
    }

    /** A 5 x 7 bitmap font for upper-case letters R, O, E, digits and space, drawn in white. */
    static class Glyphs {
        static final Map<Character, String> GLYPHS = [
            ('0' as char): '01110100011001110101110011000101110',
            ('1' as char): '00100011000010000100001000010001110',
            ('2' as char): '01110100010000100010001000100011111',
            ('3' as char): '11110000010000101110000010000111110',
            ('4' as char): '00010001100101010010111110001000010',
            ('5' as char): '11111100001111000001000011000101110',
            ('6' as char): '00110010001000011110100011000101110',
            ('7' as char): '11111000010001000100010000100001000',
            ('8' as char): '01110100011000101110100011000101110',
            ('9' as char): '01110100011000101111000010001001100',
            ('R' as char): '11110100011000111110101001001010001',
            ('O' as char): '01110100011000110001100011000101110',
            ('E' as char): '11111100001000011110100001000011111',
            (' ' as char): '00000000000000000000000000000000000',
        ]

        static void draw(byte[] px, int width, int x0, int y0, String text) {
            int x = x0
            for (char c : text.toCharArray()) {
                String g = GLYPHS[c]
                for (int r = 0; r < 7; r++) {
                    for (int col = 0; col < 5; col++) {
                        if (g.charAt(r * 5 + col) == '1' as char) {
                            px[(y0 + r) * width + x + col] = (byte) 250
                        }
                    }
                }
                x += 6
            }
        }
    }
}
