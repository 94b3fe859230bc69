import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def it = new GroovyClassLoader(getClass().classLoader).parseClass(new File(projectDir, 'src/it/support/ItSupport.groovy'))
def lines = it.log(basedir)
List<String> files = it.files(new File(basedir, 'dataset').toPath())
assert files.size() == 2

assert lines.contains('[INFO] No secret: fingerprint-match does not run (structural and pattern checks do)') : 'build.log lacks the expected line(s)'
assert lines.contains('[INFO] deid:verify: no findings in 2 files, threshold MEDIUM') : 'build.log lacks the expected line(s)'
// Report paths absolute, in target/deid/verify under the current directory.
String dir = basedir.canonicalPath + '/target/deid/verify/'
assert lines.contains("[INFO] Reports: ${dir}verify.html, ${dir}verify.json, ${dir}verify-junit.xml, ${dir}verify.sarif".toString()) :
        'the Reports line names target/deid/verify under the current directory'
assert !lines.any { it.startsWith('[WARNING]') && it.contains('deid') } : 'build.log has a line it must not have'

// Without a project, deid.workDir is target/deid under the current directory (DESIGN.md), so the
// reports are in target/deid/verify, and nothing lands in a folder named after an unresolved expression
// or after the current directory's own path.
assert new File(basedir, 'target/deid/verify/verify.json').isFile()
// (.mvn, empty, is the invoker's: it marks the project root for a build without a pom.)
assert (basedir.list() as List).sort() == ['.mvn', 'build.log', 'dataset', 'fixture', 'invoker.properties',
        'prebuild.groovy', 'target', 'verify.groovy']
assert new File(basedir, 'target').list() as List == ['deid']
// Every rule ran on every file.
it.assertFindings(basedir, [])
def json = new JsonSlurper().parse(new File(basedir, 'target/deid/verify/verify.json'), 'UTF-8')
assert json.dataset == 'dataset'
assert json.summary.files == 2
List<String> rules = json.rules*.id
assert rules.size() == 14
assert json.summary.byRule.keySet() as List == rules
def junit = new XmlSlurper().parse(new File(basedir, 'target/deid/verify/verify-junit.xml'))
assert junit.testsuite*.@name*.toString() == files
junit.testsuite.each { suite -> assert suite.testcase*.@name*.toString() == rules }
assert new File(basedir, 'target/deid/verify/verify.html').getText('UTF-8').contains('</html>')
true
