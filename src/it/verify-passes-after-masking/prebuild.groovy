import java.nio.file.Path

// The raw input: an ultrasound image with the patient's name and birth date burned into rows 0-11.
def it = new GroovyClassLoader(getClass().classLoader).parseClass(new File(projectDir, 'src/it/support/ItSupport.groovy'))
it.writeRaw(basedir.toPath().resolve('raw/us1.dcm'), it.ultrasound())
true
