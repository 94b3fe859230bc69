import java.nio.charset.Charset
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.time.Instant
import java.time.LocalDate
import java.time.format.DateTimeFormatter
import java.time.temporal.ChronoUnit

import groovy.json.JsonSlurper

import org.dicomtools.deid.dicom.Dataset
import org.dicomtools.deid.dicom.DicomElement
import org.dicomtools.deid.dicom.DicomFormatException
import org.dicomtools.deid.dicom.DicomReader
import org.dicomtools.deid.dicom.Tags
import org.dicomtools.deid.dicom.VR
import org.dicomtools.deid.dicom.dict.Tag

def it = new GroovyClassLoader(getClass().classLoader).parseClass(new File(projectDir, 'src/it/support/ItSupport.groovy'))
def lines = it.log(basedir)
Path base = basedir.toPath()
Path raw = base.resolve('raw')
Path dataset = base.resolve('dataset')
Path work = base.resolve('target/deid')

// ----- the two runs -----

def summaries = lines.findAll { it.startsWith('[INFO] deid:deidentify: ') }
assert summaries.size() == 2
assert summaries[0] ==~ /\[INFO\] deid:deidentify: 11 files in, 10 written, 0 up to date, 0 in other shards, 1 not written \(1 not-dicom\), 0 flagged for review in .*/
// The second run writes nothing: the index remembers the file that is not DICOM, so it counts as up
// to date rather than not written again.
assert summaries[1] ==~ /\[INFO\] deid:deidentify: 11 files in, 0 written, 11 up to date, 0 in other shards, 0 not written, 0 flagged for review in .*/
assert lines.contains("[INFO] Every file of the input is up to date in ${dataset}".toString()) : 'build.log lacks the expected line(s)'
assert lines.findAll { it.startsWith('[WARNING] DOE^JOHN/notes.txt: offset 0: not a DICOM file') }.size() == 1 : 'build.log lacks the expected line(s)'
assert lines.findAll { it == '[INFO] deid:verify: no findings in 10 files, threshold MEDIUM' }.size() == 2 : 'build.log lacks the expected line(s)'
assert lines.findAll { it.startsWith('[WARNING]') && !it.startsWith('[WARNING] DOE^JOHN/notes.txt: ') }.isEmpty() : 'build.log lacks the expected line(s)'

// Run 1's reports are the last files it wrote and run 2 writes no report files (its summary names
// none, and the one Reports line names them absolutely): nothing that run 2 could have written
// (dataset, review manifest, mappings, ledger) is newer than them, except its own audit log, its
// copy in logs/ and the index it rewrites.
String reports = work.resolve('verify').toAbsolutePath().normalize().toString() + '/'
assert lines.findAll { it.startsWith('[INFO] Reports: ') } == ["[INFO] Reports: ${reports}verify.html, ${reports}verify.json,"
        + " ${reports}verify-junit.xml, ${reports}verify.sarif".toString()] : 'build.log lacks the expected line(s)'
Instant endOfRun1 = Files.getLastModifiedTime(work.resolve('verify/verify.json')).toInstant()
List<Path> written = []
[dataset, work].each { root ->
    Files.walk(root).withCloseable { s -> s.filter { Files.isRegularFile(it) && !it.startsWith(work.resolve('verify'))
            && !it.startsWith(work.resolve('logs')) && !(it in [work.resolve('deid-log.json'), work.resolve('index.tsv')]) }
            .forEach { written << it } }
}
written << base.resolve('deid-review.json')
written.each { f -> assert !Files.getLastModifiedTime(f).toInstant().isAfter(endOfRun1) : "run 2 wrote ${base.relativize(f)}" }
def runLog = new groovy.json.JsonSlurper().parse(work.resolve('deid-log.json').toFile())
assert runLog.files == [in: 11, written: 0, upToDate: 11, otherShards: 0, failed: 0, flaggedForReview: 0, removed: 0]
List<String> history = []
Files.list(work.resolve('logs')).withCloseable { s -> s.forEach { history << it.fileName.toString() } }
assert history.size() == 2 && history.every { it ==~ /deid-log-\d{8}T\d{6}Z(-2)?\.json/ } : history

// ----- the dataset: layout, one output per raw DICOM file -----

List<String> outputs = it.files(dataset)
assert outputs.size() == 10
outputs.each { assert it ==~ /P[A-Z2-7]{12}\/2\.25\.\d{1,39}\/2\.25\.\d{1,39}\/2\.25\.\d{1,39}\.dcm/ }

/** Reads a file: [meta, dataset]; null for a file that is not DICOM. */
def readFile = { Path f ->
    try {
        new DicomReader().read(f).withCloseable { d -> [d.meta(), d.dataset()] }
    } catch (DicomFormatException e) {
        null
    }
}

/** Visits every element at every depth: visit(dataset, element, tag path). */
def walk
walk = { Dataset ds, String prefix, Closure visit ->
    for (DicomElement e : ds.elements()) {
        String path = prefix + Tags.toString(e.tag())
        visit(ds, e, path)
        if (e.isSequence()) {
            e.sequence().items().eachWithIndex { Dataset item, int i -> walk(item, "${path}[${i}]/", visit) }
        }
    }
}

/** Every string an element holds: decoded values, and inline byte values read as text. */
def texts = { Dataset ds, DicomElement e ->
    List<String> out = []
    if (e.isSequence() || e.isFragments()) {
        return out
    }
    out.addAll(ds.strings(e))
    if (e.isInline() && e.vr().kind() == VR.Kind.BULK) {
        byte[] b = e.bytes(1 << 20)
        out << new String(b, StandardCharsets.ISO_8859_1) << new String(b, StandardCharsets.UTF_8)
    }
    return out
}

Map<String, List> rawFiles = [:]
Files.walk(raw).withCloseable { s -> s.filter { Files.isRegularFile(it) }.sorted().forEach { f -> rawFiles[raw.relativize(f).toString()] = readFile(f) } }
assert rawFiles.size() == 11
assert rawFiles.findAll { k, v -> v == null }.keySet() == ['DOE^JOHN/notes.txt'] as Set
rawFiles = rawFiles.findAll { k, v -> v != null }

Map<String, List> outFiles = outputs.collectEntries { [it, readFile(dataset.resolve(it))] }
Map<String, String> bySop = outFiles.collectEntries { f, md -> [md[1].getString(Tag.SOPInstanceUID), f] }
assert bySop.size() == 10

// ----- no planted value survives: in any decoded string, file meta included, in any file or folder
// name, or as raw bytes in UTF-8, Latin-1 or ISO 2022 (JIS X 0208) -----

List<String> planted = base.resolve('PLANTED.txt').toFile().readLines('UTF-8').findAll { !it.isBlank() }
assert planted.size() == 31
// Values the generator plants but PLANTED.txt does not list: the ideographic and phonetic names,
// dates in free-text spellings, other addresses, issuers, stations, the source AE title, the raw
// dates. (The harmless rest of cleaned text, such as the protocol name "Kopf Routine", may stay.)
planted += ['山田', '太郎', 'やまだ', 'たろう', '14.02.1958', '31/01/2024', '2023-12-01',
            'Hospital Way', 'Springfield', 'Tokyo', '10115', 'SPRINGFIELD_PACS', 'LEGACY-RIS', 'MRT-NORD-1', 'CR-ROOM-2',
            'Hannah', 'RP-20240131', 'SPS-20240131', '20240131', '20240214', '20240305']
Set<String> rawUids = [] as Set
rawFiles.each { f, md ->
    md.each { Dataset ds ->
        walk(ds, '') { Dataset d, DicomElement e, String p ->
            if (e.vr() == VR.UI && e.tag() != Tag.ImplementationClassUID) {
                rawUids.addAll(d.strings(e).findAll { !it.startsWith('1.2.840.10008.') })
            }
        }
    }
}
assert rawUids.size() >= 20
List<String> forbidden = planted + (rawUids as List)

def leaks = { String where, String text ->
    String t = text.toLowerCase(Locale.ROOT)
    forbidden.findAll { t.contains(it.toLowerCase(Locale.ROOT)) }.collect { "${where}: '${it}'" }
}
List<Charset> charsets = [StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1, Charset.forName('ISO-2022-JP')]
def search = { Path root, Map<String, List> files ->
    List<String> found = []
    files.each { f, md ->
        found += leaks("name ${f}", f)
        md?.each { Dataset ds ->
            walk(ds, '') { Dataset d, DicomElement e, String p ->
                texts(d, e).each { v -> found += leaks("${f} ${p}", v) }
            }
        }
        String bytes = new String(Files.readAllBytes(root.resolve(f)), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT)
        forbidden.each { v ->
            charsets.findAll { it.newEncoder().canEncode(v) }.each { cs ->
                if (bytes.contains(new String(v.getBytes(cs), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT))) {
                    found << "${f} bytes (${cs}): '${v}'".toString()
                }
            }
        }
    }
    return found
}
assert search(dataset, outFiles) == []
// The same search finds every one of these values in the raw files (and the note that is not DICOM).
List<String> inRaw = search(raw, rawFiles + ['DOE^JOHN/notes.txt': null])
assert forbidden.findAll { v -> !inRaw.any { it.endsWith(": '" + v + "'") } } == []

// ----- UIDs: keyed (DESIGN.md decision 2, computed here), the same in every file -----

List<String> mapping = work.resolve('uid_mapping.csv').toFile().readLines('UTF-8')
assert mapping[0] == 'id_old,id_new'
Set<String> mapped = [] as Set
mapping.drop(1).each { row ->
    def (String old, String neu) = row.split(',')
    assert neu == it.keyedUid(old)
    mapped << old
}
// Every raw UID is mapped, but for the references of Referenced Patient Sequence, which the profile removes.
Set<String> patientRefs = [] as Set
rawFiles.values().each { md ->
    walk(md[1], '') { Dataset d, DicomElement e, String p ->
        if (p.startsWith(Tags.toString(Tag.ReferencedPatientSequence)) && e.tag() == Tag.ReferencedSOPInstanceUID) {
            patientRefs << d.getString(e.tag())
        }
    }
}
assert patientRefs.size() == 3
assert mapped == rawUids - patientRefs

DateTimeFormatter da = DateTimeFormatter.BASIC_ISO_DATE
Map<String, Set<Long>> shifts = [:].withDefault { [] as Set }
int references = 0
rawFiles.each { f, md ->
    Dataset r = md[1]
    String sop = it.keyedUid(r.getString(Tag.SOPInstanceUID))
    String out = bySop[sop]
    assert out != null : "no output for ${f}"
    Dataset meta = outFiles[out][0]
    Dataset o = outFiles[out][1]
    assert meta.getString(Tag.MediaStorageSOPInstanceUID) == sop
    assert meta.getString(Tag.MediaStorageSOPClassUID) == r.getString(Tag.SOPClassUID)
    assert o.getString(Tag.SOPClassUID) == r.getString(Tag.SOPClassUID)
    assert o.getString(Tag.StudyInstanceUID) == it.keyedUid(r.getString(Tag.StudyInstanceUID))
    assert o.getString(Tag.SeriesInstanceUID) == it.keyedUid(r.getString(Tag.SeriesInstanceUID))
    if (r.getString(Tag.FrameOfReferenceUID) != null) {
        assert o.getString(Tag.FrameOfReferenceUID) == it.keyedUid(r.getString(Tag.FrameOfReferenceUID))
    }
    assert out.split('/')[1..3] == [o.getString(Tag.StudyInstanceUID), o.getString(Tag.SeriesInstanceUID), sop + '.dcm']
    assert o.getString(Tag.PatientIdentityRemoved) == 'YES'

    // References between the raw files resolve to the written counterparts at the same place.
    walk(r, '') { Dataset d, DicomElement e, String p ->
        if (e.tag() == Tag.ReferencedSOPInstanceUID) {
            String ref = d.getString(Tag.ReferencedSOPInstanceUID)
            if (rawFiles.values().any { it[1].getString(Tag.SOPInstanceUID) == ref }) {
                Dataset at = o
                List<String> steps = p.split('/') as List
                steps.dropRight(1).each { step ->
                    def m = step =~ /\((\p{XDigit}{4}),(\p{XDigit}{4})\)\[(\d+)\]/
                    assert m.matches()
                    at = at.get(Tags.of(Integer.parseInt(m.group(1), 16), Integer.parseInt(m.group(2), 16))).sequence().get(m.group(3) as int)
                }
                assert at.getString(Tag.ReferencedSOPInstanceUID) == it.keyedUid(ref) : "${out} ${p}"
                references++
            }
        }
    }

    // Dates: one shift per patient, at any depth (the birth date is reduced, not shifted).
    Map<String, String> rawDates = [:]
    walk(r, '') { Dataset d, DicomElement e, String p -> if (e.vr() in [VR.DA, VR.DT] && e.tag() != Tag.PatientBirthDate) { rawDates[p] = d.getString(e.tag()) } }
    walk(o, '') { Dataset d, DicomElement e, String p ->
        String before = rawDates[p]
        String after = d.getString(e.tag())
        if (before && after) {
            shifts[r.getString(Tag.PatientID)] << ChronoUnit.DAYS.between(LocalDate.parse(before.take(8), da), LocalDate.parse(after.take(8), da))
        }
    }
    assert o.getString(Tag.LongitudinalTemporalInformationModified) == 'MODIFIED'
}
assert references == 4 : 'the SR refers to the three CT slices, and to one of them from its content tree'
assert shifts.keySet() == ['MRN4417702', 'PID-99231', 'JP-7730018'] as Set
shifts.each { patient, days -> assert days.size() == 1 && days[0] != 0 : "${patient} shifted by ${days}" }

// Every UID of the output lies under 2.25 or is the standard's; every reference resolves.
outFiles.each { f, md ->
    md.each { Dataset ds ->
        walk(ds, '') { Dataset d, DicomElement e, String p ->
            if (e.vr() == VR.UI && e.tag() != Tag.ImplementationClassUID) {
                d.strings(e).each { v -> assert v.startsWith('2.25.') || v.startsWith('1.2.840.10008.') : "${f} ${p}" }
            }
            if (e.tag() == Tag.ReferencedSOPInstanceUID) {
                assert bySop.containsKey(d.getString(e.tag())) : "${f} ${p} dangles"
            }
        }
    }
}

// ----- burned-in text: the ultrasound's band is black; both risky images are recorded as masked -----

def review = new JsonSlurper().parse(base.resolve('deid-review.json').toFile(), 'UTF-8')
assert review.images*.status == ['masked', 'masked']
review.images.each { entry ->
    assert bySop[entry.sopInstanceUid] == entry.file
    assert entry.pixelHash == it.sha256(it.pixelBytes(dataset.resolve(entry.file)))
}
String us = bySop[it.keyedUid(rawFiles['yamada/us/19470522_echo.dcm'][1].getString(Tag.SOPInstanceUID))]
assert review.images.find { it.file == us }.rule == 'us-top-band,example-us-header'
byte[] usPixels = it.pixelBytes(dataset.resolve(us))
assert (0..<12 * 128).every { usPixels[it] == 0 }

// ----- reports: zero findings, and they parse -----

it.assertFindings(basedir, [])
def json = new JsonSlurper().parse(work.resolve('verify/verify.json').toFile(), 'UTF-8')
assert json.summary.files == 10
def junit = new groovy.xml.XmlSlurper().parse(work.resolve('verify/verify-junit.xml').toFile())
assert junit.testsuite.size() == 10 && junit.@failures == '0' && junit.@errors == '0'
// Run 1's audit log is kept in the history (deid-log.json is run 2's, checked above).
List logs = history.collect { new JsonSlurper().parse(work.resolve('logs').resolve(it).toFile(), 'UTF-8') }
def log = logs.find { it.files.written != 0 }
assert log.files == [in: 11, written: 10, upToDate: 0, otherShards: 0, failed: 1, flaggedForReview: 0, removed: 0]
assert log.problems*.kind == ['not-dicom']
true
