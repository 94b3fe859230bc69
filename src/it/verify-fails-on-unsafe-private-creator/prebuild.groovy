import java.nio.file.Path

import org.dicomtools.deid.dicom.VR

// One CT slice with a safe-listed GE element (PS3.15 Table E.3.10-1), de-identified by the plugin's
// engine with the research profile (which keeps safe private elements), then a private block of a
// creator that is not safe-listed, holding a harmless number.
def it = new GroovyClassLoader(getClass().classLoader).parseClass(new File(projectDir, 'src/it/support/ItSupport.groovy'))
Path base = basedir.toPath()
def ct = it.ct(1)
ct.setString(0x00190010, VR.LO, 'GEMS_ACQU_01')
ct.setString(0x00191027, VR.DS, '0.5')
Path raw = it.writeRaw(base.resolve('target/raw/ct1.dcm'), ct).parent
List<String> files = it.deidentify(raw, base.resolve('dataset'), base.resolve('target/fixture-work'), 'research')
assert files.size() == 1
it.rewrite(base.resolve('dataset').resolve(files[0])) { ds ->
    assert ds.getString(0x00191027) == '0.5' : 'the safe-listed element is kept'
    ds.setString(0x00290010, VR.LO, 'ACME RECON 3')
    ds.setString(0x00291001, VR.DS, '1.5')
}
true
