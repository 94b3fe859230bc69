// The raw input: one CT slice.
def it = new GroovyClassLoader(getClass().classLoader).parseClass(new File(projectDir, 'src/it/support/ItSupport.groovy'))
it.writeRaw(basedir.toPath().resolve('raw/ct1.dcm'), it.ct(1))
true
