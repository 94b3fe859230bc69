import org.dicomtools.deid.dicom.dict.Tag
import org.dicomtools.deid.profile.Profile

def it = new GroovyClassLoader(getClass().classLoader).parseClass(new File(projectDir, 'src/it/support/ItSupport.groovy'))
def lines = it.log(basedir)
String file = it.files(new File(basedir, 'dataset').toPath())[0]

// deidentify could not mask the image, so it says truthfully that the identity is not removed
// (PatientIdentityRemoved NO) and how the attributes were de-identified; deid-markers-missing accepts
// that, burned-in-risk reports the pixels: one finding. The header alone puts the image at HIGH risk,
// so verify does not run the text detector on it and names the header's signals only.
it.read(new File(basedir, 'dataset/' + file).toPath()) { ds ->
    assert ds.getString(Tag.PatientIdentityRemoved) == 'NO'
    assert ds.getStrings(Tag.DeidentificationMethod)[1] == 'profile basic ' + Profile.builtin('basic').contentHash().substring(0, 12)
    assert ds.get(Tag.DeidentificationMethodCodeSequence).sequence().items()*.getString(Tag.CodeValue) == ['113100']
}
String risk = 'image at risk of burned-in text (modality=US, sop-class=ultrasound, burned-in-annotation=YES)' +
        ' has no review manifest entry'
it.assertGateLog(lines, '1 finding in 1 of 1 file (1 HIGH), threshold MEDIUM',
        ["${file} (7FE0,0010): ${risk}".toString()],
        ["burned-in-risk: ${file} (7FE0,0010): ${risk}".toString()])
it.assertFindings(basedir, [
    [ruleId: 'burned-in-risk', severity: 'HIGH', file: file, tagPath: '(7FE0,0010)'],
])
// The HTML report links a contact sheet of the image for the reviewer.
def thumbnails = new File(basedir, 'target/deid/verify/thumbnails').listFiles()
assert thumbnails.size() == 1 && thumbnails[0].name.endsWith('.png')
assert new File(basedir, 'target/deid/verify/verify.html').getText('UTF-8').contains('thumbnails/' + thumbnails[0].name)
assert javax.imageio.ImageIO.read(thumbnails[0]) != null
true
