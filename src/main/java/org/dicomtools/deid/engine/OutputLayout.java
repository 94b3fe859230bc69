package org.dicomtools.deid.engine;

import org.dicomtools.deid.dicom.Dataset;
import org.dicomtools.deid.dicom.dict.Tag;

/**
 * Where a de-identified file goes in the dataset (DESIGN.md decision 9): {@code P<patient>/
 * <study UID>/<series UID>/<SOP instance UID>.dcm}, every part derived from keyed values only, so
 * no original file or folder name, and no original identifier, survives in a path. The patient
 * part is 12 base32 characters keyed on the patient key; the others are the de-identified UIDs
 * (or, when the original has none, 12 characters keyed on the input's relative path).
 */
final class OutputLayout {
    private OutputLayout() {
    }

    static String path(Pseudonymizer keys, String patientKey, Dataset original, String relativeInput) {
        String patient = "P" + keys.token("layout-patient", patientKey, 12);
        String study = part(keys, original.getString(Tag.StudyInstanceUID), "S", relativeInput);
        String series = part(keys, original.getString(Tag.SeriesInstanceUID), "E", relativeInput);
        String instance = part(keys, original.getString(Tag.SOPInstanceUID), "I", relativeInput);
        return patient + "/" + study + "/" + series + "/" + instance + ".dcm";
    }

    private static String part(Pseudonymizer keys, String uid, String prefix, String relativeInput) {
        if (uid == null || uid.isBlank()) {
            return prefix + keys.token("layout-" + prefix, relativeInput, 12);
        }
        String mapped = keys.uid(uid);
        // A registry UID is never an instance UID; refuse to put it (or anything odd) in a path as is.
        return mapped.matches("[0-9.]{1,64}") && !Pseudonymizer.isRegistryUid(mapped) ? mapped
                : prefix + keys.token("layout-" + prefix, uid, 12);
    }
}
