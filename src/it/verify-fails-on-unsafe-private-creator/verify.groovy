def it = new GroovyClassLoader(getClass().classLoader).parseClass(new File(projectDir, 'src/it/support/ItSupport.groovy'))
def lines = it.log(basedir)
String file = it.files(new File(basedir, 'dataset').toPath())[0]

// The GE element of the safe list stays quiet under the research profile; only the unknown block fails.
String message = 'private element (0029,xx01) of "ACME RECON 3" is not on the profile\'s safe list'
it.assertGateLog(lines, '1 finding in 1 of 1 file (1 HIGH), threshold MEDIUM',
        ["${file} (0029,1001): ${message}".toString()],
        ["private-not-safe: ${file} (0029,1001): ${message}".toString()])
it.assertFindings(basedir, [[ruleId: 'private-not-safe', severity: 'HIGH', file: file, tagPath: '(0029,1001)']])
true
