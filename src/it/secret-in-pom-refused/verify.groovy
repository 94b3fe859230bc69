import java.nio.file.Path

import org.dicomtools.deid.dicom.dict.Tag

def it = new GroovyClassLoader(getClass().classLoader).parseClass(new File(projectDir, 'src/it/support/ItSupport.groovy'))
def lines = it.log(basedir)
Path base = basedir.toPath()
String secret = 'pom-secret-in-clear-0123456789ab'

// 1: refused before anything is read or written.
assert lines.any { it.startsWith('[ERROR] Failed to execute goal ') && it.contains(':deidentify (default) on project secret-in-pom-refused: '
        + 'Refusing deid.secret: a secret written in the pom or on the command line ends up in version control, shell history and build logs.') } : 'build.log lacks the expected line(s)'
assert lines.contains('[ERROR] Put it in settings.xml (<server><id>deid</id><password>...</password></server>, encrypted with'
        + ' mvn --encrypt-password) or in the environment variable DEID_SECRET, or set deid.allowInsecureSecret=true if you'
        + ' accept the risk.') : 'build.log lacks the expected line(s)'
assert !base.resolve('refused').toFile().exists()

// 2: accepted with a warning, from deidentify and verify each; the log names where the secret came
// from, never the secret.
assert lines.count('[WARNING] Using deid.secret in clear (deid.allowInsecureSecret=true)') == 2 : 'build.log lacks the expected line(s)'
assert lines.any { it ==~ /\[INFO\] Profile basic \([0-9a-f]{12}\), secret from deid\.secret \(insecure\)/ } : 'build.log lacks the expected line(s)'
assert lines.any { it ==~ /\[INFO\] deid:deidentify: 1 files in, 1 written, 0 up to date, 0 in other shards, 0 not written, 0 flagged for review in .*/ } : 'build.log lacks the expected line(s)'
assert lines.contains('[INFO] deid:verify: no findings in 1 file, threshold MEDIUM') : 'build.log lacks the expected line(s)'
List<String> files = it.files(base.resolve('dataset'))
assert files.size() == 1
it.read(base.resolve('dataset').resolve(files[0])) { ds ->
    assert ds.getString(Tag.SOPInstanceUID) == it.keyedUid(it.RAW_CT_SERIES + '.1', secret)
}

// The secret is in no log line and in no file the runs wrote.
assert !lines.any { it.contains(secret) } : 'build.log has a line it must not have'
base.resolve('target').toFile().eachFileRecurse(groovy.io.FileType.FILES) { f ->
    assert !new String(f.bytes, 'ISO-8859-1').contains(secret) : "${f} holds the secret"
}
true
