import java.nio.file.Path

import org.dicomtools.deid.dicom.VR
import org.dicomtools.deid.dicom.dict.Tag

// One CT slice de-identified by the plugin's engine, then the patient's name copied into Image Comments.
def it = new GroovyClassLoader(getClass().classLoader).parseClass(new File(projectDir, 'src/it/support/ItSupport.groovy'))
Path base = basedir.toPath()
Path raw = it.writeRaw(base.resolve('target/raw/ct1.dcm'), it.ct(1)).parent
List<String> files = it.deidentify(raw, base.resolve('dataset'), base.resolve('target/fixture-work'))
assert files.size() == 1
it.rewrite(base.resolve('dataset').resolve(files[0])) { ds ->
    ds.setString(Tag.ImageComments, VR.LT, 'Follow-up requested for ' + it.NAME)
}
true
