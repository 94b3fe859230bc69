def lines = new File(basedir, 'build.log').readLines('UTF-8')

int start = lines.findIndexOf { it.startsWith('[INFO] --- deid:') && it.contains(':deidentify (default) @ deidentify-skips-without-input ---') }
assert start >= 0
assert lines[start + 1] == '[INFO] Skipping: no raw input configured (set deid.input to the folder of raw DICOM files)' : 'build.log lacks the expected line(s)'
// One line: the next is the end of the build.
assert lines[start + 2] == '[INFO] ' + '-' * 72 : 'build.log lacks the expected line(s)'
assert lines.contains('[INFO] BUILD SUCCESS') : 'build.log lacks the expected line(s)'
assert !lines.any { it.startsWith('[WARNING]') || it.startsWith('[ERROR]') } : 'build.log has a line it must not have'
assert !new File(basedir, 'dataset').exists()
assert !new File(basedir, 'target/deid').exists()
assert !new File(basedir, 'deid-review.json').exists()
true
