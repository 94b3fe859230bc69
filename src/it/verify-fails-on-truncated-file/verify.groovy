def it = new GroovyClassLoader(getClass().classLoader).parseClass(new File(projectDir, 'src/it/support/ItSupport.groovy'))
def lines = it.log(basedir)
String file = it.files(new File(basedir, 'dataset').toPath())[0]

// verify fails closed: 40 bytes are missing from the 128 bytes of pixel data.
String message = /the file cannot be parsed: offset \d+ at \(7FE0,0010\): value length 128 exceeds the 88 bytes left in the file/
it.assertGateLog(lines, '1 finding in 1 of 1 file (1 HIGH), threshold MEDIUM', [], [], 1)
assert lines.any { it ==~ ('\\[WARNING\\]   ' + java.util.regex.Pattern.quote(file) + ': ' + message) } : 'build.log lacks the expected line(s)'
assert lines.any { it ==~ ('\\[ERROR\\]   Rule unreadable-file: ' + java.util.regex.Pattern.quote(file) + ': ' + message) } : 'build.log lacks the expected line(s)'
it.assertFindings(basedir, [[ruleId: 'unreadable-file', severity: 'HIGH', file: file, tagPath: '']])
true
