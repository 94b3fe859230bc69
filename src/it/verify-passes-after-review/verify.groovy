import java.nio.file.Path

import groovy.json.JsonSlurper

import org.dicomtools.deid.dicom.dict.Tag

def it = new GroovyClassLoader(getClass().classLoader).parseClass(new File(projectDir, 'src/it/support/ItSupport.groovy'))
def lines = it.log(basedir)
Path base = basedir.toPath()
List<String> files = it.files(base.resolve('dataset'))
assert files.size() == 1
String file = files[0]
String risk = 'image at risk of burned-in text (modality=US, sop-class=ultrasound, burned-in-annotation=YES)'

// 1: pending. The file still says PatientIdentityRemoved NO, with a method, as deidentify wrote it:
// deid-markers-missing accepts that, burned-in-risk reports the pixels.
it.assertGateLog(lines, '1 finding in 1 of 1 file (1 HIGH), threshold MEDIUM',
        ["${file} (7FE0,0010): ${risk} waits for review (pending)".toString()],
        ["burned-in-risk: ${file} (7FE0,0010): ${risk} waits for review (pending)".toString()],
        1, 'target/deid-pending/verify')
it.assertFindings(basedir, [[ruleId: 'burned-in-risk', severity: 'HIGH', file: file, tagPath: '(7FE0,0010)']],
        'target/deid-pending/verify')

// 2: cleared. deidentify re-writes the file with the decision; verify passes.
assert lines.any { it ==~ /\[INFO\] deid:deidentify: 1 files in, 1 written, 0 up to date, 0 in other shards, 0 not written, 0 flagged for review in .*/ } : 'build.log lacks the expected line(s)'
assert lines.contains('[INFO] deid:verify: no findings in 1 file, threshold MEDIUM') : 'build.log lacks the expected line(s)'
it.assertFindings(basedir, [])

// 3 and 4: a decision counts only for the pixels reviewed, and only with a reviewer. Runs 1, 3 and 4
// each fail with the same headline (their finding lines differ).
assert lines.count('[WARNING] deid:verify: 1 finding in 1 of 1 file (1 HIGH), threshold MEDIUM') == 3
it.assertGateLog(lines, '1 finding in 1 of 1 file (1 HIGH), threshold MEDIUM',
        ["${file} (7FE0,0010): pixel data changed since the review (cleared)".toString()],
        ["burned-in-risk: ${file} (7FE0,0010): pixel data changed since the review (cleared)".toString()],
        1, 'target/deid-stale/verify')
it.assertFindings(basedir, [[ruleId: 'burned-in-risk', severity: 'HIGH', file: file, tagPath: '(7FE0,0010)']],
        'target/deid-stale/verify')
it.assertGateLog(lines, '1 finding in 1 of 1 file (1 HIGH), threshold MEDIUM',
        ["${file} (7FE0,0010): review manifest entry says cleared but names no reviewer".toString()],
        ["burned-in-risk: ${file} (7FE0,0010): review manifest entry says cleared but names no reviewer".toString()],
        1, 'target/deid-unsigned/verify')
it.assertFindings(basedir, [[ruleId: 'burned-in-risk', severity: 'HIGH', file: file, tagPath: '(7FE0,0010)']],
        'target/deid-unsigned/verify')

// The header now tells the truth about the reviewed image; its pixels are untouched, so the hash
// deidentify recorded before the review (an independent SHA-256 of the stored bytes) still holds.
Path out = base.resolve('dataset').resolve(file)
it.read(out) { ds ->
    assert ds.getString(Tag.PatientIdentityRemoved) == 'YES'
    assert ds.getString(Tag.BurnedInAnnotation) == 'NO'
}
byte[] px = it.pixelBytes(out)
assert Arrays.equals(px, it.pixelBytes(base.resolve('raw/us1.dcm')))
def pending = new JsonSlurper().parse(base.resolve('pending-review.json').toFile(), 'UTF-8').images[0]
def cleared = new JsonSlurper().parse(base.resolve('deid-review.json').toFile(), 'UTF-8').images
assert pending.pixelHash == it.sha256(px)
assert pending.sopInstanceUid == it.keyedUid(it.RAW_US_SERIES + '.1')
// deidentify kept the reviewer's decision as it was.
assert cleared.size() == 1
assert cleared[0].status == 'cleared' && cleared[0].reviewer == 'A. Reviewer'
assert cleared[0].note == 'the band shows the probe frequency only'
assert cleared[0].pixelHash == pending.pixelHash
true
