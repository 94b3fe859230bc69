import org.dicomtools.deid.dicom.dict.Tag

def it = new GroovyClassLoader(getClass().classLoader).parseClass(new File(projectDir, 'src/it/support/ItSupport.groovy'))
def lines = it.log(basedir)
def dataset = new File(basedir, 'dataset').toPath()
String sr = it.files(dataset).find { f -> it.read(dataset.resolve(f)) { ds -> ds.getString(Tag.Modality) == 'SR' } }
String path = it.SR_REFERENCE_PATH
String hint = '1.2.8**.0.1.3******.1*.1'

// With the secret and the ledger, the original UID is recognised as such (fingerprint-match),
// besides lying outside 2.25; the reference also dangles (LOW, below the threshold).
assert !lines.any { it.contains('fingerprint-match does not run') } : 'build.log has a line it must not have'
it.assertGateLog(lines, '3 findings in 1 of 2 files (1 CRITICAL, 1 HIGH, 1 LOW), threshold MEDIUM', [
    "${sr} ${path}: ReferencedSOPInstanceUID holds an original UID [hint ${hint}]",
    "${sr} ${path}: ReferencedSOPInstanceUID is not under the de-identification root 2.25 [hint ${hint}]",
    "${sr} ${path}: refers to an instance that is not in the dataset",
]*.toString(), [
    "fingerprint-match: ${sr} ${path}: ReferencedSOPInstanceUID holds an original UID",
    "uid-not-regenerated: ${sr} ${path}: ReferencedSOPInstanceUID is not under the de-identification root 2.25",
]*.toString())
it.assertFindings(basedir, [
    [ruleId: 'dangling-reference', severity: 'LOW', file: sr, tagPath: path],
    [ruleId: 'fingerprint-match', severity: 'CRITICAL', file: sr, tagPath: path],
    [ruleId: 'uid-not-regenerated', severity: 'HIGH', file: sr, tagPath: path],
])
it.assertNotDisclosed(basedir, [it.RAW_CT_SERIES + '.1', it.RAW_ROOT])
true
