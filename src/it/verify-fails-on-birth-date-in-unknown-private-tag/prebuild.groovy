import java.nio.file.Path

import org.dicomtools.deid.dicom.VR

// One CT slice de-identified by the plugin's engine, then a private block of a creator no safe list
// knows, holding the patient's birth date as a vendor would (DA).
def it = new GroovyClassLoader(getClass().classLoader).parseClass(new File(projectDir, 'src/it/support/ItSupport.groovy'))
Path base = basedir.toPath()
Path raw = it.writeRaw(base.resolve('target/raw/ct1.dcm'), it.ct(1)).parent
List<String> files = it.deidentify(raw, base.resolve('dataset'), base.resolve('target/fixture-work'))
assert files.size() == 1
it.rewrite(base.resolve('dataset').resolve(files[0])) { ds ->
    ds.setString(0x00090010, VR.LO, 'RIVERSIDE LAB 2')
    ds.setString(0x00091010, VR.DA, it.BIRTH_DATE)
}
true
