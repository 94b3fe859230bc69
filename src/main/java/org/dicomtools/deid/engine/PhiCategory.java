package org.dicomtools.deid.engine;

import org.dicomtools.deid.dicom.VR;
import org.dicomtools.deid.dicom.dict.ElementDictionary;

/**
 * Which removed values become PHI tokens: the identifiers whose copies elsewhere (free text, code
 * meanings, safe private text, file names) defence in depth and verify's fingerprints look for.
 * Descriptive attributes (study or series descriptions, protocol names) are removed by the
 * profile but do not identify the patient, so their words are not tokens; otherwise every
 * descriptor that repeats them would be cleaned.
 */
public enum PhiCategory {
    /** Person names (VR PN): each name component. */
    NAME,
    /** Identifiers (IDs, numbers, locators) in LO, SH, UC, LT, CS: whole value and digit-bearing parts. */
    ID,
    /** Dates (DA, DT): every spelling of the date. */
    DATE,
    /** Addresses, telephone numbers, e-mail and institution or station names: the whole phrase. */
    PHRASE,
    /** Not a token source. */
    NONE;

    /** The category of an element's removed values. */
    public static PhiCategory of(int tag, VR vr) {
        if (vr == VR.PN) {
            return NAME;
        }
        if (vr == VR.DA || vr == VR.DT) {
            return DATE;
        }
        if (vr != VR.LO && vr != VR.SH && vr != VR.UC && vr != VR.LT && vr != VR.ST && vr != VR.CS
                && vr != VR.AE) {
            return NONE;
        }
        String k = ElementDictionary.standard().keywordOf(tag);
        if (k.isEmpty()) {
            return NONE;
        }
        if (k.endsWith("ID") || k.endsWith("IDs") || k.endsWith("Number") || k.endsWith("Numbers")
                || k.contains("Identifier") || k.contains("Identification") || k.endsWith("Locator")) {
            return vr == VR.CS ? NONE : ID;
        }
        if (k.contains("Address") || k.contains("Telephone") || k.contains("Email") || k.contains("Institution")
                || k.contains("Department") || k.equals("StationName") || k.contains("Residence")
                || k.contains("AETitle") || k.equals("CountryOfResidence") || k.contains("BirthName")) {
            return PHRASE;
        }
        return NONE;
    }
}
