import java.nio.file.Path

import org.dicomtools.deid.dicom.VR
import org.dicomtools.deid.dicom.dict.Tag

// A CT slice and an SR document that refers to it, de-identified by the plugin's engine (work
// directory target/deid, so verify finds the ledger and, with DEID_SECRET, fingerprints), then the
// SR's reference (three sequences deep) set back to the CT slice's original SOP Instance UID.
def it = new GroovyClassLoader(getClass().classLoader).parseClass(new File(projectDir, 'src/it/support/ItSupport.groovy'))
Path base = basedir.toPath()
it.writeRaw(base.resolve('target/raw/ct1.dcm'), it.ct(1))
Path raw = it.writeRaw(base.resolve('target/raw/sr1.dcm'), it.srReferringTo([1])).parent
List<String> files = it.deidentify(raw, base.resolve('dataset'), base.resolve('target/deid'))
assert files.size() == 2
String original = it.RAW_CT_SERIES + '.1'
String keyed = it.keyedUid(original)
String sr = files.find { f -> it.read(base.resolve('dataset').resolve(f)) { ds -> ds.getString(Tag.Modality) == 'SR' } }
it.rewrite(base.resolve('dataset').resolve(sr)) { ds ->
    def ref = ds.get(Tag.CurrentRequestedProcedureEvidenceSequence).sequence().get(0)
            .get(Tag.ReferencedSeriesSequence).sequence().get(0)
            .get(Tag.ReferencedSOPSequence).sequence().get(0)
    assert ref.getString(Tag.ReferencedSOPInstanceUID) == keyed : 'deidentify remapped the reference'
    ref.setString(Tag.ReferencedSOPInstanceUID, VR.UI, original)
}
true
