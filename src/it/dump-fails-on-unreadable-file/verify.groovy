def lines = new File(basedir, 'build.log').readLines('UTF-8')

assert lines.contains('[WARNING] 1 file could not be read:')
assert lines.any { it.startsWith('[WARNING]   notes.txt: offset 0: not a DICOM file') }
assert lines.contains('[INFO] Dumped 0 files, 1 failed')
assert lines.any { it.contains('1 of 1 files could not be read as DICOM (deid.failOnError is true):') }
