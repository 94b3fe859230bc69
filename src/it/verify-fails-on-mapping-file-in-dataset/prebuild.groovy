import java.nio.file.Files
import java.nio.file.Path

// One CT slice de-identified by the plugin's engine, then its UID mapping (original to keyed UIDs)
// copied into the dataset, as a careless commit would.
def it = new GroovyClassLoader(getClass().classLoader).parseClass(new File(projectDir, 'src/it/support/ItSupport.groovy'))
Path base = basedir.toPath()
Path raw = it.writeRaw(base.resolve('target/raw/ct1.dcm'), it.ct(1)).parent
Path work = base.resolve('target/fixture-work')
List<String> files = it.deidentify(raw, base.resolve('dataset'), work)
assert files.size() == 1
Files.copy(work.resolve('uid_mapping.csv'), base.resolve('dataset/uid_mapping.csv'))
true
