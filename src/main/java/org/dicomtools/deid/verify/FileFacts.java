package org.dicomtools.deid.verify;

import java.util.List;

/**
 * What the dataset-wide checks need from each readable file: identifiers (already de-identified)
 * and the instance UIDs it refers to, with the tag path of each reference.
 *
 * @param path relative path of the file
 * @param patientId Patient ID as written (pseudonymous), empty when absent
 * @param birthDate Patient's Birth Date, empty when absent
 * @param sex Patient's Sex, empty when absent
 * @param studyUid Study Instance UID
 * @param seriesUid Series Instance UID
 * @param sopUid SOP Instance UID
 * @param references Referenced SOP Instance UIDs with their tag paths
 */
public record FileFacts(String path, String patientId, String birthDate, String sex, String studyUid, String seriesUid,
        String sopUid, List<Reference> references) {

    /** One Referenced SOP Instance UID and where it is. */
    public record Reference(String uid, String tagPath) {
    }

    public FileFacts {
        references = List.copyOf(references);
    }
}
