def lines = new File(basedir, 'build.log').readLines('UTF-8')

assert lines.any { it.startsWith('[ERROR] Failed to execute goal ') && it.contains(':deidentify (default) on project secret-in-pom-refused-despite-environment-secret: '
        + 'Refusing deid.secret: a secret written in the pom or on the command line ends up in version control, shell history and build logs.') } : 'build.log lacks the expected line(s)'
assert !lines.any { it.contains('pom-secret-in-clear-0123456789ab') } : 'build.log has a line it must not have'
assert !new File(basedir, 'dataset').exists()
assert !new File(basedir, 'target/deid').exists()
true
