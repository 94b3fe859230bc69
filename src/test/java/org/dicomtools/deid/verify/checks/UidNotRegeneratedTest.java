package org.dicomtools.deid.verify.checks;

import static org.dicomtools.deid.verify.CheckHarness.FILE;
import static org.dicomtools.deid.verify.CheckHarness.checkFile;
import static org.dicomtools.deid.verify.CheckHarness.cleanCt;
import static org.dicomtools.deid.verify.CheckHarness.context;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.dicomtools.deid.dicom.Dataset;
import org.dicomtools.deid.dicom.VR;
import org.dicomtools.deid.dicom.dict.Tag;
import org.dicomtools.deid.dicom.dict.UID;
import org.dicomtools.deid.profile.Option;
import org.dicomtools.deid.profile.Profile;
import org.dicomtools.deid.verify.CheckHarness;
import org.dicomtools.deid.verify.Finding;
import org.dicomtools.deid.verify.Hints;
import org.dicomtools.deid.verify.Severity;
import org.dicomtools.deid.verify.VerifyContext;
import org.junit.jupiter.api.Test;

class UidNotRegeneratedTest {
    private static final String ORIGINAL = "1.2.840.113619.2.55.3.604688119.971.1";
    private static final String HINT = "1.2.8**.1*****.2.5*.3.6*";

    private final UidNotRegenerated check = new UidNotRegenerated();

    private static Finding finding(String tagPath, String keyword, String root, String hint) {
        return CheckHarness.finding(UidNotRegenerated.INFO, FILE, tagPath,
                keyword + " is not under the de-identification root " + root, hint);
    }

    private static Dataset withReference(String uid) {
        Dataset ds = cleanCt();
        Dataset series = ds.newSequence(Tag.ReferencedSeriesSequence).addItem();
        series.setString(Tag.SeriesInstanceUID, VR.UI, "2.25.301");
        Dataset instance = series.newSequence(Tag.ReferencedInstanceSequence).addItem();
        instance.setString(Tag.ReferencedSOPClassUID, VR.UI, UID.CTImageStorage);
        instance.setString(Tag.ReferencedSOPInstanceUID, VR.UI, uid);
        return ds;
    }

    @Test
    void ruleIsHighAndNamedUidNotRegenerated() {
        assertEquals("uid-not-regenerated", check.info().id());
        assertEquals(Severity.HIGH, check.info().severity());
    }

    @Test
    void cleanDatasetHasNoFinding() {
        assertEquals(List.of(), checkFile(check, cleanCt(), context()));
    }

    @Test
    void originalUidDeepInAReferenceIsFound() {
        assertEquals(List.of(finding("(0008,1115)[0]/(0008,114A)[0]/(0008,1155)", "ReferencedSOPInstanceUID", "2.25",
                HINT)), checkFile(check, withReference(ORIGINAL), context()));
    }

    @Test
    void regeneratedAndRegistryUidsInTheSamePlaceAreNotFound() {
        assertEquals(List.of(), checkFile(check, withReference("2.25.329800735698586629295641978511506172918"),
                context()));
        assertEquals(List.of(), checkFile(check, withReference(UID.SecondaryCaptureImageStorage), context()));
        assertEquals(List.of(), checkFile(check, withReference("1.2.840.10008.1.2.1"), context()));
    }

    @Test
    void classesAndTransferSyntaxesAreNotInstanceUids() {
        Dataset ds = cleanCt();
        ds.setString(Tag.SOPClassUID, VR.UI, "1.3.12.2.1107.5.9.1");
        ds.newSequence(Tag.ReferencedImageSequence).addItem().setString(Tag.ReferencedSOPClassUID, VR.UI,
                "1.3.12.2.1107.5.9.1");
        assertEquals(List.of(), checkFile(check, ds, context()));
    }

    @Test
    void originalInstanceUidIsFoundInTheFileMetaToo() {
        Dataset ds = cleanCt();
        ds.setString(Tag.SOPInstanceUID, VR.UI, ORIGINAL);
        assertEquals(List.of(finding("(0002,0003)", "MediaStorageSOPInstanceUID", "2.25", HINT),
                finding("(0008,0018)", "SOPInstanceUID", "2.25", HINT)), checkFile(check, ds, context()));
    }

    @Test
    void multipleValuesAreCheckedOneByOne() {
        Dataset ds = cleanCt();
        ds.setString(Tag.FailedSOPInstanceUIDList, VR.UI, "2.25.7", ORIGINAL);
        assertEquals(List.of(finding("(0008,0058)", "FailedSOPInstanceUIDList", "2.25", HINT)),
                checkFile(check, ds, context()));
    }

    @Test
    void privateUidIsAnInstanceUid() {
        Dataset ds = cleanCt();
        ds.setString(0x00090010, VR.LO, "ACME 1.0");
        ds.setString(0x00091002, VR.UI, ORIGINAL);
        assertEquals(List.of(finding("(0009,1002)", "private element of \"ACME 1.0\"", "2.25", HINT)),
                checkFile(check, ds, context()));
    }

    @Test
    void uidTheProfileMapsIsFoundWhateverItsKeywordSuggests() {
        // Regression: Instance Creator UID and Manufacturer's Device Class UID are U in Table E.1-1,
        // but their keywords ("creator", "class") made the check take them for registry concepts.
        Dataset ds = cleanCt();
        ds.setString(Tag.InstanceCreatorUID, VR.UI, ORIGINAL);
        ds.setString(Tag.ManufacturerDeviceClassUID, VR.UI, "1.3.6.1.4.1.9590.100.1.2.55");
        assertEquals(List.of(finding("(0008,0014)", "InstanceCreatorUID", "2.25", HINT),
                finding("(0018,100B)", "ManufacturerDeviceClassUID", "2.25", Hints.mask("1.3.6.1.4.1.9590.100.1.2.55"))),
                checkFile(check, ds, context()));
    }

    @Test
    void uidsTheProfileRetainsAreNotFound() throws Exception {
        // Regression: with the Retain UIDs Option (PS3.15 E.3.9) every original UID was a finding.
        VerifyContext retain = context(Profile.builtin("basic").withOptions(Set.of(Option.RETAIN_UIDS)));
        Dataset ds = withReference(ORIGINAL);
        ds.setString(Tag.SOPInstanceUID, VR.UI, ORIGINAL);
        ds.setString(Tag.StudyInstanceUID, VR.UI, ORIGINAL + ".2");
        assertEquals(List.of(), checkFile(check, ds, retain));
    }

    @Test
    void configuredRootReplacesTheUuidRoot() {
        // deidentify writes every new UID under the profile's uid-root, so a 2.25 UID is not one of its own.
        VerifyContext rooted = new VerifyContext(CheckHarness.basic(), null, null, null, "1.2.826.0.1.3680043.10.543",
                false);
        Dataset ds = cleanCt();
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.826.0.1.3680043.10.543.100");
        ds.setString(Tag.StudyInstanceUID, VR.UI, "1.2.826.0.1.3680043.10.543.200");
        ds.setString(Tag.SeriesInstanceUID, VR.UI, "1.2.826.0.1.3680043.10.543.77");
        ds.setString(Tag.FrameOfReferenceUID, VR.UI, "1.2.826.0.1.3680043.10.543.400");
        assertEquals(List.of(), checkFile(check, ds, rooted));
        ds.setString(Tag.SeriesInstanceUID, VR.UI, "1.2.826.0.1.3680043.10.5431.77");
        assertEquals(List.of(finding("(0020,000E)", "SeriesInstanceUID", "1.2.826.0.1.3680043.10.543",
                Hints.mask("1.2.826.0.1.3680043.10.5431.77"))), checkFile(check, ds, rooted));
        ds.setString(Tag.SeriesInstanceUID, VR.UI, "2.25.77");
        assertEquals(List.of(finding("(0020,000E)", "SeriesInstanceUID", "1.2.826.0.1.3680043.10.543",
                Hints.mask("2.25.77"))), checkFile(check, ds, rooted));
    }
}
