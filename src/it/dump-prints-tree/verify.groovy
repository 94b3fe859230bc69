import groovy.json.JsonSlurper

def lines = new File(basedir, 'build.log').readLines('UTF-8')

def expected = [
    '[INFO] --- series1/sample.dcm (Explicit VR Little Endian) ---',
    '[INFO] (0002,0010) TransferSyntaxUID UI 20 [1.2.840.10008.1.2.1]',
    '[INFO] (0008,1030) StudyDescription LO 52 [Synthetic sample for the deid:dump integration test]',
    '[INFO] (0008,1140) ReferencedImageSequence SQ 128',
    '[INFO]   [item 0]',
    '[INFO]     (0008,1150) ReferencedSOPClassUID UI 26 [1.2.840.10008.5.1.4.1.1.7]',
    '[INFO]     (0011,0010) PrivateCreator LO 8 [DUMP IT]',
    '[INFO]     (0011,1001) [DUMP IT] LO 14 [nested private]',
    '[INFO] (0009,1001) [DUMP IT] LO 12 [private text]',
    '[INFO] (0009,1002) [DUMP IT] OB 4 <4 bytes>',
    '[INFO] (0010,0010) PatientName PN 8 [Doe^Jane]',
    '[INFO] (0020,0032) ImagePositionPatient DS 12 [0\\-12.5\\3.25]',
    '[INFO] (0028,0010) Rows US 2 [4]',
    '[INFO] (7FE0,0010) PixelData OB 16 <16 bytes>',
]
expected.each { line ->
    assert lines.contains(line) : "build.log lacks: ${line}"
}
// The tree keeps file order: the item's lines follow the sequence line.
def seq = lines.indexOf('[INFO] (0008,1140) ReferencedImageSequence SQ 128')
assert lines[seq + 1] == '[INFO]   [item 0]'
assert lines.any { it ==~ /\[INFO\] Dumped 1 file, 0 failed; wrote DICOM JSON to .*json \(1 value left out, listed in omitted-values\.tsv\)/ }

def json = new JsonSlurper().parse(new File(basedir, 'target/json/series1/sample.dcm.json'), 'UTF-8')
assert json['00020010'] == [vr: 'UI', Value: ['1.2.840.10008.1.2.1']]
assert json['00080080'] == [vr: 'LO', Value: ['H\u00f4pital Exemple']]
assert json['00100010'] == [vr: 'PN', Value: [[Alphabetic: 'Doe^Jane']]]
assert json['00200032'].Value == [0, -12.5, 3.25]
assert json['00081140'].Value[0]['00111001'] == [vr: 'LO', Value: ['nested private']]
assert json['00091002'] == [vr: 'OB', InlineBinary: 'AQIDBA==']
assert json['7FE00010'] == [vr: 'OB'] : 'pixel data above deid.inlineBinaryLimit is left out'
assert !json.containsKey('00020000') : 'group lengths are not part of DICOM JSON'

def omitted = new File(basedir, 'target/json/omitted-values.tsv').readLines('UTF-8')
assert omitted == ['file\ttag path\tvr\tlength', 'series1/sample.dcm\t(7FE0,0010)\tOB\t16']
