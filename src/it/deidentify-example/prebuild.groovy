import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption

// A copy of the example dataset repository's raw files, profile and planted values, so that this
// test always runs the example as it ships.
Path examples = new File(projectDir, 'examples').toPath()
Path base = basedir.toPath()
for (String part : ['raw', 'deid', 'PLANTED.txt']) {
    Path from = examples.resolve(part)
    Files.walk(from).withCloseable { s ->
        s.forEach { p ->
            Path to = base.resolve(examples.relativize(p).toString())
            if (Files.isDirectory(p)) {
                Files.createDirectories(to)
            } else {
                Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES)
            }
        }
    }
}
assert Files.isRegularFile(base.resolve('raw/yamada/us/19470522_echo.dcm'))
true
