import java.nio.file.Path

import groovy.json.JsonSlurper

import org.dicomtools.deid.dicom.dict.Tag

def it = new GroovyClassLoader(getClass().classLoader).parseClass(new File(projectDir, 'src/it/support/ItSupport.groovy'))
def lines = it.log(basedir)
Path base = basedir.toPath()
List<String> files = it.files(base.resolve('dataset'))
assert files.size() == 1
Path out = base.resolve('dataset').resolve(files[0])

assert lines.any { it ==~ /\[INFO\] deid:deidentify: 1 files in, 1 written, 0 up to date, 0 in other shards, 0 not written, 0 flagged for review in .*/ } : 'build.log lacks the expected line(s)'
assert lines.contains("[INFO] Review manifest updated: ${base.resolve('deid-review.json')} (0 image(s) wait for a reviewer)".toString()) : 'build.log lacks the expected line(s)'
assert lines.contains('[INFO] Skipping deid:deidentify because deid.deidentify.skip is true') : 'build.log lacks the expected line(s)'
// With the secret and the ledger verify also matches fingerprints; in CI it has neither.
assert lines.findAll { it.contains('fingerprint-match does not run') } == ['[INFO] No secret: fingerprint-match does not run (structural and pattern checks do)'] : 'build.log lacks the expected line(s)'
assert lines.findAll { it == '[INFO] deid:verify: no findings in 1 file, threshold MEDIUM' }.size() == 2 : 'build.log lacks the expected line(s)'
it.assertFindings(basedir, [])
it.assertFindings(basedir, [], 'target/deid-ci/verify')

// The band is black, every other pixel as it was.
byte[] raw = it.pixelBytes(base.resolve('raw/us1.dcm'))
byte[] masked = it.pixelBytes(out)
int band = it.US_BAND_ROWS * it.US_COLUMNS
assert masked.length == raw.length
assert (0..<band).every { masked[it] == 0 } : 'rows 0-11 are masked'
assert (0..<band).any { raw[it] == (byte) 250 } : 'the raw band holds the text'
assert Arrays.equals(masked, band, masked.length, raw, band, raw.length)

// The header says so truthfully, and the Clean Pixel Data option is recorded (CID 7050 113101).
it.read(out) { ds ->
    assert ds.getString(Tag.BurnedInAnnotation) == 'NO'
    assert ds.getString(Tag.PatientIdentityRemoved) == 'YES'
    assert ds.getString(Tag.SOPInstanceUID) == it.keyedUid(it.RAW_US_SERIES + '.1')
    def codes = ds.get(Tag.DeidentificationMethodCodeSequence).sequence().items()*.getString(Tag.CodeValue)
    assert codes.contains('113101')
}

// The review manifest records the masking, keyed by the de-identified SOP Instance UID, with the
// hash of the masked pixels as stored.
def review = new JsonSlurper().parse(base.resolve('deid-review.json').toFile(), 'UTF-8')
assert review.format == 'deid-review/1'
assert review.images.size() == 1
def entry = review.images[0]
assert entry.sopInstanceUid == it.keyedUid(it.RAW_US_SERIES + '.1')
assert entry.file == files[0]
assert entry.status == 'masked'
assert entry.rule == 'it-us-band'
assert entry.pixelHash == it.sha256(masked)
assert entry.risk.containsAll(['modality=US', 'burned-in-annotation=YES'])
true
