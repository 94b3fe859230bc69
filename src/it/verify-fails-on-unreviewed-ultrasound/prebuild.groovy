import java.nio.file.Path

// An ultrasound image with the patient's name burned into its pixels, de-identified by the plugin's
// engine without a mask rule and without a review manifest: nobody looked at it.
def it = new GroovyClassLoader(getClass().classLoader).parseClass(new File(projectDir, 'src/it/support/ItSupport.groovy'))
Path base = basedir.toPath()
Path raw = it.writeRaw(base.resolve('target/raw/us1.dcm'), it.ultrasound()).parent
List<String> files = it.deidentify(raw, base.resolve('dataset'), base.resolve('target/fixture-work'))
assert files.size() == 1
true
