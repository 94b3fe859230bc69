def it = new GroovyClassLoader(getClass().classLoader).parseClass(new File(projectDir, 'src/it/support/ItSupport.groovy'))
def lines = it.log(basedir)
String file = it.files(new File(basedir, 'dataset').toPath())[0]
assert file.endsWith('/' + it.MRN + '.dcm')

String message = "the name 'M*********.d**' contains a record or ID number"
it.assertGateLog(lines, '1 finding in 1 of 1 file (1 HIGH), threshold MEDIUM',
        ["${file}: ${message}".toString()], ["file-name-phi: ${file}: ${message}".toString()])
it.assertFindings(basedir, [[ruleId: 'file-name-phi', severity: 'HIGH', file: file, tagPath: '']])
true
