def lines = new File(basedir, 'build.log').readLines('UTF-8')

int start = lines.findIndexOf { it.startsWith('[INFO] --- deid:') && it.contains(':deidentify (default) @ deidentify-skips-without-input ---') }
assert start >= 0
assert lines[start + 1] == '[INFO] Skipping: no raw input configured (set deid.input to the folder of raw DICOM files)'
assert lines[start + 2] ==~ /\[INFO\] -+/ || lines[start + 2] == '[INFO] '
assert lines.contains('[INFO] BUILD SUCCESS')
assert !lines.any { it.startsWith('[WARNING]') || it.startsWith('[ERROR]') }
assert !new File(basedir, 'dataset').exists()
assert !new File(basedir, 'target/deid').exists()
assert !new File(basedir, 'deid-review.json').exists()
true
