import java.nio.file.Files
import java.nio.file.Path

import groovy.json.JsonOutput
import groovy.json.JsonSlurper

// The raw ultrasound shows a harmless reading ("3 5") in its top band. deidentify (the plugin's
// engine, work directory target/deid) cannot mask it and adds a pending entry to the manifest;
// the reviewer clears it. Two broken variants of the decision serve as controls.
def it = new GroovyClassLoader(getClass().classLoader).parseClass(new File(projectDir, 'src/it/support/ItSupport.groovy'))
Path base = basedir.toPath()
Path raw = it.writeRaw(base.resolve('raw/us1.dcm'), it.ultrasound('3 5')).parent
Path manifest = base.resolve('deid-review.json')
List<String> files = it.deidentify(raw, base.resolve('dataset'), base.resolve('target/deid'), 'basic', manifest)
assert files.size() == 1
Files.copy(manifest, base.resolve('pending-review.json'))

def review = new JsonSlurper().parse(manifest.toFile(), 'UTF-8')
assert review.images.size() == 1 && review.images[0].status == 'pending'
def entry = review.images[0]
entry.status = 'cleared'
entry.reviewer = 'A. Reviewer'
entry.note = 'the band shows the probe frequency only'
Files.writeString(manifest, JsonOutput.prettyPrint(JsonOutput.toJson(review)) + '\n')

byte[] px = it.pixelBytes(base.resolve('dataset').resolve(files[0]))
px[0] = (byte) (px[0] + 1)
entry.pixelHash = it.sha256(px)
Files.writeString(base.resolve('stale-review.json'), JsonOutput.prettyPrint(JsonOutput.toJson(review)) + '\n')

review = new JsonSlurper().parse(manifest.toFile(), 'UTF-8')
review.images[0].reviewer = null
Files.writeString(base.resolve('unsigned-review.json'), JsonOutput.prettyPrint(JsonOutput.toJson(review)) + '\n')
true
