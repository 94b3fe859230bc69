import java.nio.file.Files
import java.nio.file.Path

// One CT slice de-identified by the plugin's engine, then renamed after the patient's MRN, as a
// hand copy from a PACS export might be.
def it = new GroovyClassLoader(getClass().classLoader).parseClass(new File(projectDir, 'src/it/support/ItSupport.groovy'))
Path base = basedir.toPath()
Path raw = it.writeRaw(base.resolve('target/raw/ct1.dcm'), it.ct(1)).parent
List<String> files = it.deidentify(raw, base.resolve('dataset'), base.resolve('target/fixture-work'))
assert files.size() == 1
Path file = base.resolve('dataset').resolve(files[0])
Files.move(file, file.resolveSibling(it.MRN + '.dcm'))
true
