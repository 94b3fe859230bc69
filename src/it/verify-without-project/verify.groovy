import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def it = new GroovyClassLoader(getClass().classLoader).parseClass(new File(projectDir, 'src/it/support/ItSupport.groovy'))
def lines = it.log(basedir)
List<String> files = it.files(new File(basedir, 'dataset').toPath())
assert files.size() == 2

assert lines.contains('[INFO] No secret: fingerprint-match does not run (structural and pattern checks do)') : 'build.log lacks the expected line(s)'
assert lines.contains('[INFO] deid:verify: no findings in 2 files, threshold MEDIUM') : 'build.log lacks the expected line(s)'
// Report paths relative to the current directory, or absolute.
String dir = ['', basedir.canonicalPath + '/'].find { prefix ->
    String reports = "[INFO] Reports: ${prefix}target/deid/verify/verify.html, ${prefix}target/deid/verify/verify.json," +
            " ${prefix}target/deid/verify/verify-junit.xml, ${prefix}target/deid/verify/verify.sarif"
    lines.contains(reports)
}
assert dir != null : 'the Reports line names target/deid/verify under the current directory'
assert !lines.any { it.startsWith('[WARNING]') && it.contains('deid') } : 'build.log has a line it must not have'

// Without a project, deid.workDir is target/deid under the current directory (DESIGN.md), so the
// reports are in target/deid/verify, and nothing lands in a folder named after an unresolved expression.
assert new File(basedir, 'target/deid/verify/verify.json').isFile()
assert !basedir.list().any { it.contains('${') }
// Every rule ran on every file.
it.assertFindings(basedir, [])
def json = new JsonSlurper().parse(new File(basedir, 'target/deid/verify/verify.json'), 'UTF-8')
assert json.dataset in ['dataset', basedir.canonicalPath + '/dataset']
assert json.summary.files == 2
List<String> rules = json.rules*.id
assert rules.size() == 14
assert json.summary.byRule.keySet() as List == rules
def junit = new XmlSlurper().parse(new File(basedir, 'target/deid/verify/verify-junit.xml'))
assert junit.testsuite*.@name*.toString() == files
junit.testsuite.each { suite -> assert suite.testcase*.@name*.toString() == rules }
assert new File(basedir, 'target/deid/verify/verify.html').getText('UTF-8').contains('</html>')
true
