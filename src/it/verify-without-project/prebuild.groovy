import java.nio.file.Path

// A dataset of a CT slice and an SR document that refers to it, de-identified by the plugin's
// engine; its work files (mappings, ledger) stay elsewhere, as a dataset is handed over.
def it = new GroovyClassLoader(getClass().classLoader).parseClass(new File(projectDir, 'src/it/support/ItSupport.groovy'))
Path base = basedir.toPath()
it.writeRaw(base.resolve('fixture/raw/ct1.dcm'), it.ct(1))
Path raw = it.writeRaw(base.resolve('fixture/raw/sr1.dcm'), it.srReferringTo([1])).parent
assert it.deidentify(raw, base.resolve('dataset'), base.resolve('fixture/work')).size() == 2
true
