def lines = new File(basedir, 'build.log').readLines('UTF-8')

assert lines.any { it ==~ /\[INFO\] Profile it-custom \([0-9a-f]{12}\), secret from environment variable DEID_SECRET/ } : 'build.log lacks the expected line(s)'
assert lines.any { it ==~ /\[INFO\] deid:deidentify: 1 files in, 1 written, 0 up to date, 0 in other shards, 0 not written, 0 flagged for review in .*/ } : 'build.log lacks the expected line(s)'
assert lines.contains('[INFO] deid:verify: no findings in 1 file, threshold MEDIUM') : 'build.log lacks the expected line(s)'
// Everything is the module's.
assert new File(basedir, 'repo/dataset').list().size() == 1
assert new File(basedir, 'repo/target/deid/verify/verify.json').isFile()
assert !new File(basedir, 'dataset').exists() && !new File(basedir, 'target').exists()
true
