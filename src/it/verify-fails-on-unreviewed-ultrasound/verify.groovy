def it = new GroovyClassLoader(getClass().classLoader).parseClass(new File(projectDir, 'src/it/support/ItSupport.groovy'))
def lines = it.log(basedir)
String file = it.files(new File(basedir, 'dataset').toPath())[0]

// deidentify could not mask the image, so it says truthfully that the identity is not removed
// (PatientIdentityRemoved NO): two findings.
String risk = 'image at risk of burned-in text (modality=US, sop-class=ultrasound, burned-in-annotation=YES,' +
        ' text detected) has no review manifest entry'
it.assertGateLog(lines, '2 findings in 1 of 1 file (1 HIGH, 1 MEDIUM), threshold MEDIUM', [
    "${file}: missing PatientIdentityRemoved=YES",
    "${file} (7FE0,0010): ${risk}",
]*.toString(), [
    "deid-markers-missing: ${file}: missing PatientIdentityRemoved=YES",
    "burned-in-risk: ${file} (7FE0,0010): ${risk}",
]*.toString())
it.assertFindings(basedir, [
    [ruleId: 'deid-markers-missing', severity: 'MEDIUM', file: file, tagPath: ''],
    [ruleId: 'burned-in-risk', severity: 'HIGH', file: file, tagPath: '(7FE0,0010)'],
])
// The HTML report links a contact sheet of the image for the reviewer.
def thumbnails = new File(basedir, 'target/deid/verify/thumbnails').listFiles()
assert thumbnails.size() == 1 && thumbnails[0].name.endsWith('.png')
assert new File(basedir, 'target/deid/verify/verify.html').getText('UTF-8').contains('thumbnails/' + thumbnails[0].name)
assert javax.imageio.ImageIO.read(thumbnails[0]) != null
true
