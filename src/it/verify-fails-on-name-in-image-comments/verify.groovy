def it = new GroovyClassLoader(getClass().classLoader).parseClass(new File(projectDir, 'src/it/support/ItSupport.groovy'))
def lines = it.log(basedir)
String file = it.files(new File(basedir, 'dataset').toPath())[0]

assert lines.contains('[INFO] Skipping: no raw input configured (set deid.input to the folder of raw DICOM files)') : 'build.log lacks the expected line(s)'
assert lines.contains('[INFO] No secret: fingerprint-match does not run (structural and pattern checks do)') : 'build.log lacks the expected line(s)'
it.assertGateLog(lines, '2 findings in 1 of 1 file (2 HIGH), threshold MEDIUM', [
    "${file} (0020,4000): ImageComments contains text that looks like a person's name [hint R**^R******]",
    "${file} (0020,4000): ImageComments holds a value although the profile removes it (X) [hint F*****-u* r******** f** ]",
]*.toString(), [
    "phi-pattern: ${file} (0020,4000): ImageComments contains text that looks like a person's name",
    "retained-phi-attribute: ${file} (0020,4000): ImageComments holds a value although the profile removes it (X)",
]*.toString())
it.assertFindings(basedir, [
    [ruleId: 'phi-pattern', severity: 'HIGH', file: file, tagPath: '(0020,4000)'],
    [ruleId: 'retained-phi-attribute', severity: 'HIGH', file: file, tagPath: '(0020,4000)'],
])
it.assertNotDisclosed(basedir, ['ROE^RICHARD', 'RICHARD', 'Follow-up requested'])
true
