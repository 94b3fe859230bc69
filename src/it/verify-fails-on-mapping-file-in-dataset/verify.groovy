def it = new GroovyClassLoader(getClass().classLoader).parseClass(new File(projectDir, 'src/it/support/ItSupport.groovy'))
def lines = it.log(basedir)
List<String> files = it.files(new File(basedir, 'dataset').toPath())
assert files.size() == 2 && files.contains('uid_mapping.csv')

// The mapping is reported as what it is, not as an unreadable file; its content is never shown.
String message = 'a deid:deidentify work file is inside the dataset'
it.assertGateLog(lines, '1 finding in 1 of 2 files (1 CRITICAL), threshold MEDIUM',
        ["uid_mapping.csv: ${message}".toString()], ["sensitive-file: uid_mapping.csv: ${message}".toString()])
it.assertFindings(basedir, [[ruleId: 'sensitive-file', severity: 'CRITICAL', file: 'uid_mapping.csv', tagPath: '']])
it.assertNotDisclosed(basedir, [it.RAW_ROOT])
true
