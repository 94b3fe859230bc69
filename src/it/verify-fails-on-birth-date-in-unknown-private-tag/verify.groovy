def it = new GroovyClassLoader(getClass().classLoader).parseClass(new File(projectDir, 'src/it/support/ItSupport.groovy'))
def lines = it.log(basedir)
String file = it.files(new File(basedir, 'dataset').toPath())[0]

String message = 'private element (0009,xx10) of "RIVERSIDE LAB 2" is not on the profile\'s safe list'
it.assertGateLog(lines, '1 finding in 1 of 1 file (1 HIGH), threshold MEDIUM',
        ["${file} (0009,1010): ${message}".toString()],
        ["private-not-safe: ${file} (0009,1010): ${message}".toString()])
it.assertFindings(basedir, [[ruleId: 'private-not-safe', severity: 'HIGH', file: file, tagPath: '(0009,1010)']])
it.assertNotDisclosed(basedir, [it.BIRTH_DATE])
true
