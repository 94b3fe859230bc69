import java.nio.file.Files
import java.nio.file.Path

// One CT slice de-identified by the plugin's engine, then cut short in its pixel data, as an
// interrupted copy leaves it.
def it = new GroovyClassLoader(getClass().classLoader).parseClass(new File(projectDir, 'src/it/support/ItSupport.groovy'))
Path base = basedir.toPath()
Path raw = it.writeRaw(base.resolve('target/raw/ct1.dcm'), it.ct(1)).parent
List<String> files = it.deidentify(raw, base.resolve('dataset'), base.resolve('target/fixture-work'))
assert files.size() == 1
Path file = base.resolve('dataset').resolve(files[0])
byte[] bytes = Files.readAllBytes(file)
Files.write(file, Arrays.copyOf(bytes, bytes.length - 40))
true
